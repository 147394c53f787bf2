/**
 * Takes the daily snapshot by itself: started and stopped with the app, like the top-episodes
 * refresher. The rule is "the first check after UTC midnight": every SNAPSHOT_CHECK_SECONDS each
 * instance asks whether today's snapshot is finished and, if not, tries to claim the day; the
 * claim (a row insert, see SnapshotsRepository.claimDay) lets exactly one instance write it.
 */
import type { SnapshotsService } from './snapshots.service.js';

export class SnapshotScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private onError: (error: unknown) => void = () => {};

  constructor(
    private readonly snapshots: SnapshotsService,
    /** `checkMs` 0 leaves snapshots to the command line; it is also the most a snapshot starts after midnight. */
    private readonly options: { checkMs: number },
  ) {}

  /** Checks at once, then periodically; a check that fails (database down) waits for the next. */
  start(onError?: (error: unknown) => void): void {
    if (this.stopped || this.timer !== null) return;
    if (onError) this.onError = onError;
    const period = this.options.checkMs;
    if (period <= 0) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), period);
    this.timer.unref();
  }

  /** Takes today's snapshot unless it is taken or being taken; one check at a time per instance. */
  check(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops the timer; a snapshot being taken stops after its current slice of shows, and this waits for it. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async run(): Promise<void> {
    try {
      const day = this.snapshots.today();
      if (this.stopped || (await this.snapshots.finished(day))) return;
      await this.snapshots.take(day, () => this.stopped);
    } catch (error) {
      this.onError(error);
    }
  }
}
