/**
 * Group commit for single writes: writes that arrive together share one transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { inSavepoint, runHooks, transact, type SavepointOutcome, type TransactionHandle } from './transact.js';

type Work<T> = (trx: TransactionHandle) => Promise<T>;

interface Job {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for SQLite. SQLite runs one write transaction at a time, and each commit costs
 * more than the vote it carries (profiling: a sixth of a vote request), so writes that arrive
 * together share one transaction. Each runs inside its own SAVEPOINT, so one that fails rolls
 * back alone and rejects alone; the others commit. Nobody's promise resolves before the commit
 * that holds their write: an acknowledged vote is a committed vote. The batch goes through
 * transact() like any other transaction (its retry on a busy file included), and each job's
 * on-commit hooks run after the batch commits, before that job's promise resolves.
 */
export class WriteBatcher {
  private queue: Job[] = [];
  private draining = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxBatch = 256,
  ) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        // Wait for the rest of this turn of the event loop: requests read in the same turn join.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      let outcomes: Array<SavepointOutcome<unknown>>;
      try {
        // Another process holding the write lock past busy_timeout: transact() retries the whole batch.
        outcomes = await transact(this.db, async (trx) => {
          const done: Array<SavepointOutcome<unknown>> = [];
          for (const job of batch) done.push(await inSavepoint(trx, job.work));
          return done;
        });
      } catch (error) {
        for (const job of batch) job.reject(error);
        continue;
      }
      for (const [i, job] of batch.entries()) {
        const outcome = outcomes[i]!;
        if (!outcome.ok) job.reject(outcome.error);
        else await runHooks(outcome.hooks).then(() => job.resolve(outcome.value), job.reject);
      }
    }
    this.draining = false;
  }
}
