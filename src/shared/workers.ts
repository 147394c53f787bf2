/**
 * The background workers (refreshers, schedulers, the stuffing check) in one registry: the
 * composition root (src/services.ts) adds each with how it starts and stops, and the app starts
 * them all once it is ready and stops them all when it closes, the last started first. The command
 * line builds the same services and never starts them.
 *
 * A worker that fails to start or stop is logged and the others still start or stop: one broken
 * timer must not keep the rest of the app from running or from shutting down.
 */

/** Where workers report: the app's logger, or anything with the same `error`/`warn`. */
export interface WorkerLog {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface Worker {
  /** Named in the log when it fails. */
  name: string;
  start?(log: WorkerLog): void | Promise<void>;
  stop?(): void | Promise<void>;
}

export class Workers {
  private readonly workers: Worker[] = [];

  add(worker: Worker): void {
    this.workers.push(worker);
  }

  /** Starts every worker in the order added. */
  async startAll(log: WorkerLog): Promise<void> {
    for (const worker of this.workers) {
      try {
        await worker.start?.(log);
      } catch (error) {
        log.error({ err: error, worker: worker.name }, `${worker.name} failed to start`);
      }
    }
  }

  /** Stops every worker, the last added first. */
  async stopAll(log: WorkerLog): Promise<void> {
    for (const worker of [...this.workers].reverse()) {
      try {
        await worker.stop?.();
      } catch (error) {
        log.error({ err: error, worker: worker.name }, `${worker.name} failed to stop`);
      }
    }
  }

  /** The workers' names in the order they start, for tests and diagnostics. */
  names(): string[] {
    return this.workers.map((w) => w.name);
  }
}
