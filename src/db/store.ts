/**
 * The transaction boundary as a type (decision 0008): a store hands out repositories, never the
 * database handle. `store.read` holds them bound to the plain handle; `store.transact(tx => …)`
 * runs transact()'s retry policy and gives the work the same repositories bound to the
 * transaction, built afresh for every attempt, so a caller can neither build a repository on the
 * wrong handle nor keep one from an attempt that rolled back. This folder sits below every domain,
 * so it knows repositories only as a type parameter: the composition root (services.ts) says
 * which ones a store binds, and each service names the ones it needs as a type.
 */
import type { Kysely } from 'kysely';
import { dialectOfConnection, groupsCommits } from './dialect.js';
import type { Database } from './schema.js';
import { inOneStatement, transact, type CommitHook, type TransactionHandle, type TransactOptions } from './transact.js';
import { WriteBatcher } from './write-batcher.js';

/** Builds the repositories on one handle: the plain database or a transaction. */
export type Bind<R> = (handle: Kysely<Database>) => R;

/** Repositories bound to one attempt of a transaction, and that transaction's on-commit hooks. */
export type Transactor<R> = R & {
  /** Runs `hook` after the transaction commits (see transact.ts); dropped with a rolled-back attempt. */
  onCommit(hook: CommitHook): void;
};

export class Store<R extends object> {
  /** The repositories on the plain handle: each statement commits on its own. */
  readonly read: R;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly bind: Bind<R>,
  ) {
    this.read = bind(db);
  }

  /** Runs `work` in one transaction with transact()'s retry policy; every attempt gets fresh repositories. */
  transact<T>(work: (tx: Transactor<R>) => Promise<T>, options?: TransactOptions): Promise<T> {
    return transact(this.db, (trx) => work(bindTransaction(trx, this.bind)), options);
  }

  /**
   * Runs one small write (a vote) in a transaction with the same on-commit protocol. Where
   * groupsCommits says so (SQLite), writes that arrive together share one transaction, each in a
   * savepoint of its own (write-batcher.ts, decision 0002), and `options` do not apply: the shared
   * transaction retries only what every write in it may, a busy file. Elsewhere the write gets a
   * transaction of its own with `options`. Either way it resolves once its write has committed.
   */
  groupCommit<T>(work: (tx: Transactor<R>) => Promise<T>, options?: TransactOptions): Promise<T> {
    if (!groupsCommits(dialectOfConnection(this.db))) return this.transact(work, options);
    return batcherOf(this.db).run((trx) => work(bindTransaction(trx, this.bind)));
  }

  /** Runs one statement that is a transaction of its own, with the same retry policy (see inOneStatement). */
  inOneStatement<T>(statement: (repositories: R) => Promise<T>, options?: TransactOptions): Promise<T> {
    return inOneStatement(this.db, () => statement(this.read), options);
  }

  /** The same boundary handing out fewer repositories: for a part that names only the ones it needs. */
  narrow<S extends object>(pick: (repositories: R) => S): Store<S> {
    return new Store(this.db, (handle) => pick(this.bind(handle)));
  }
}

/**
 * One batcher per database, whichever store (or narrowed store) the write comes through: SQLite
 * runs one write transaction at a time, so every group commit on it shares one queue. Made on the
 * first write, so a process that only reads (an export) starts none.
 */
const batchers = new WeakMap<Kysely<Database>, WriteBatcher>();

function batcherOf(db: Kysely<Database>): WriteBatcher {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = new WriteBatcher(db)));
  return batcher;
}

/** The repositories bound to a transaction transact() opened, with its on-commit hooks. */
export function bindTransaction<R extends object>(trx: TransactionHandle, bind: Bind<R>): Transactor<R> {
  return Object.assign(bind(trx), { onCommit: (hook: CommitHook) => trx.onCommit(hook) });
}
