import { sql, type Kysely, type Transaction } from 'kysely';
import { isRetryableConflict } from './dialect.js';
import type { Database } from './schema.js';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

interface Job {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const MAX_ATTEMPTS = 5;

/**
 * Group commit for SQLite. SQLite runs one write transaction at a time, and each commit costs
 * more than the vote it carries (profiling: a sixth of a vote request), so writes that arrive
 * together share one transaction. Each runs inside its own SAVEPOINT, so one that fails rolls
 * back alone and rejects alone; the others commit. Nobody's promise resolves before the commit
 * that holds their write: an acknowledged vote is a committed vote.
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
      try {
        const outcomes = await this.commit(batch);
        batch.forEach((job, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) job.resolve(outcome.value);
          else job.reject(outcome.error);
        });
      } catch (error) {
        for (const job of batch) job.reject(error);
      }
    }
    this.draining = false;
  }

  private async commit(batch: Job[]): Promise<Outcome[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          const outcomes: Outcome[] = [];
          for (const job of batch) {
            await sql`savepoint batched_write`.execute(trx);
            try {
              const value = await job.work(trx);
              await sql`release batched_write`.execute(trx);
              outcomes.push({ ok: true, value });
            } catch (error) {
              await sql`rollback to batched_write`.execute(trx);
              await sql`release batched_write`.execute(trx);
              outcomes.push({ ok: false, error });
            }
          }
          return outcomes;
        });
      } catch (error) {
        // Another process holding the write lock past busy_timeout: the whole batch is retried.
        if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(error)) throw error;
      }
    }
  }
}
