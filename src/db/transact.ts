/**
 * The one transaction boundary. Every write that must be atomic goes through `transact()`, which
 * owns the retry policy and the on-commit hooks, so a caller cannot forget either: work that
 * meets a conflict a fresh attempt can win (a deadlock, a serialization failure, a busy SQLite
 * file) runs again from the start, and what must happen only once the data is committed
 * (dropping cached pages) is registered with `trx.onCommit()` instead of being run by hand
 * after the call, where a rolled-back or retried attempt could not tell it apart.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { isRetryableConflict, isUniqueViolation } from './dialect.js';
import type { Database } from './schema.js';

/** Something to do once the transaction has committed: never on rollback, never twice. */
export type CommitHook = () => void | Promise<void>;

/** A transaction that also takes on-commit hooks. It is a Kysely transaction: repositories take it as one. */
export type TransactionHandle = Transaction<Database> & {
  /** Runs `hook` after the transaction commits; dropped if this attempt (or its savepoint) rolls back. */
  onCommit(hook: CommitHook): void;
};

export interface TransactOptions {
  /**
   * Also retry when the work hits a unique violation. Only for work that inserts a row another
   * transaction may insert first (two first votes by one voter): there a fresh attempt finds the
   * row and updates it. Elsewhere a unique violation is a real answer (a slug already taken).
   */
  retryUniqueRaces?: boolean;
  /** Attempts in all, the first included. */
  maxAttempts?: number;
}

/** Bounded, so work that keeps conflicting fails with its last error instead of spinning. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Hooks registered so far, one frame per open savepoint: a savepoint that rolls back takes its
 * frame's hooks with it, one that is released hands them to the frame around it.
 */
class HookFrames {
  private readonly frames: CommitHook[][] = [[]];

  add(hook: CommitHook): void {
    this.frames.at(-1)!.push(hook);
  }

  open(): void {
    this.frames.push([]);
  }

  /** Closes the innermost frame and gives back its hooks (the caller keeps or drops them). */
  close(): CommitHook[] {
    return this.frames.pop()!;
  }

  outermost(): CommitHook[] {
    return this.frames[0]!;
  }
}

const framesOf = new WeakMap<object, HookFrames>();

/**
 * Kysely keeps its state in private class fields, so the handle forwards every property to the
 * real transaction (methods bound to it) and adds `onCommit`.
 */
function handleFor(trx: Transaction<Database>): TransactionHandle {
  const frames = new HookFrames();
  const onCommit = (hook: CommitHook) => frames.add(hook);
  const handle = new Proxy(trx, {
    get(target, property) {
      if (property === 'onCommit') return onCommit;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as TransactionHandle;
  framesOf.set(handle, frames);
  return handle;
}

function isRetryable(error: unknown, options: TransactOptions): boolean {
  if (!isRetryableConflict(error)) return false;
  return options.retryUniqueRaces === true || !isUniqueViolation(error);
}

/**
 * Runs `work` in a transaction and resolves with its result once committed, then runs the hooks
 * it registered, in order. A retryable conflict rolls the attempt back, drops its hooks and runs
 * `work` again, up to `maxAttempts` times. A hook that throws does not undo the commit: its error
 * reaches the caller after the other hooks have run.
 */
export async function transact<T>(db: Kysely<Database>, work: (trx: TransactionHandle) => Promise<T>, options: TransactOptions = {}): Promise<T> {
  if (db.isTransaction) throw new Error('transact() was called inside a transaction; pass the transaction down instead');
  let hooks: CommitHook[] = [];
  const value = await retrying(() => {
    hooks = []; // an attempt that rolled back takes its hooks with it
    return db.transaction().execute(async (trx) => {
      const handle = handleFor(trx);
      const result = await work(handle);
      hooks = framesOf.get(handle)!.outermost();
      return result;
    });
  }, options);
  await runHooks(hooks);
  return value;
}

/**
 * Runs one statement that is a transaction of its own: no BEGIN before it and no COMMIT after,
 * so the database commits it as it ends, with transact()'s retry policy. The rows it locks stay
 * locked only while it runs and commits, never while this process, between two statements of a
 * transaction, gets round to sending the next; on PostgreSQL a vote's trigger locks its show's
 * figures, which every other vote on the show waits for (see votes.repository.ts). There are no
 * on-commit hooks: the statement has committed when its answer arrives.
 */
export async function inOneStatement<T>(db: Kysely<Database>, statement: (db: Kysely<Database>) => Promise<T>, options: TransactOptions = {}): Promise<T> {
  if (db.isTransaction) throw new Error('inOneStatement() was called inside a transaction; the statement would not commit on its own');
  return retrying(() => statement(db), options);
}

/** Runs `attempt` again from the start after a conflict a fresh attempt can win, up to `maxAttempts` times in all. */
async function retrying<T>(attempt: () => Promise<T>, options: TransactOptions): Promise<T> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= maxAttempts || !isRetryable(error, options)) throw error;
    }
  }
}

/** What one piece of work in a savepoint came to, with the hooks it left to run after the commit. */
export type SavepointOutcome<T> = { ok: true; value: T; hooks: CommitHook[] } | { ok: false; error: unknown };

/**
 * Runs `work` inside a savepoint of `trx`, so that its failure undoes only its own writes (group
 * commit runs many votes in one transaction this way). The hooks it registered are handed back
 * rather than left to the transaction, so the caller can run them for this piece of work alone
 * once the transaction commits; a failed piece's hooks are dropped with its writes.
 */
export async function inSavepoint<T>(trx: TransactionHandle, work: (trx: TransactionHandle) => Promise<T>): Promise<SavepointOutcome<T>> {
  const frames = framesOf.get(trx);
  if (!frames) throw new Error('inSavepoint() needs the handle transact() gave');
  await sql`savepoint epirank_work`.execute(trx);
  frames.open();
  try {
    const value = await work(trx);
    const hooks = frames.close();
    await sql`release epirank_work`.execute(trx);
    return { ok: true, value, hooks };
  } catch (error) {
    frames.close();
    await sql`rollback to epirank_work`.execute(trx);
    await sql`release epirank_work`.execute(trx);
    return { ok: false, error };
  }
}

/** Runs hooks in order; every one runs even if an earlier one throws, and the first error is rethrown. */
export async function runHooks(hooks: readonly CommitHook[]): Promise<void> {
  let failure: { error: unknown } | null = null;
  for (const hook of hooks) {
    try {
      await hook();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/** Fails loudly when work that must share its caller's transaction (a recount) is handed a plain connection. */
export function assertTransaction(db: Kysely<Database>): asserts db is Transaction<Database> {
  if (!db.isTransaction) throw new Error('this must run inside a transaction (see src/db/transact.ts)');
}
