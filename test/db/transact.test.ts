/**
 * The transaction boundary on a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL):
 * retries, on-commit hooks, savepoint pieces, the guards against misuse, and the store that hands
 * out repositories bound to the transaction.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { groupsCommits, isUniqueViolation } from '../../src/db/dialect.js';
import type { Database } from '../../src/db/schema.js';
import { Store } from '../../src/db/store.js';
import { assertTransaction, inOneStatement, inSavepoint, transact } from '../../src/db/transact.js';
import { useTestDatabase } from '../helpers/database.js';

const database = useTestDatabase();
const db = () => database.current.handle.db;

let keys = 0;
const key = () => `transact-${++keys}`;

/** The stored value of a setting, read outside any transaction: only committed rows are visible. */
async function committed(name: string): Promise<string | null> {
  const row = await db().selectFrom('app_settings').select('value').where('key', '=', name).executeTakeFirst();
  return row?.value ?? null;
}

/** An error carrying a driver code, as the database drivers throw them. */
const failure = (code: string) => Object.assign(new Error(`simulated ${code}`), { code });

describe('transact()', () => {
  it('runs on-commit hooks once, after the commit, when the written row is visible outside', async () => {
    const name = key();
    const seen: Array<string | null> = [];
    const value = await transact(db(), async (trx) => {
      await trx.insertInto('app_settings').values({ key: name, value: 'kept' }).execute();
      trx.onCommit(async () => {
        seen.push(await committed(name));
      });
      return 42;
    });
    expect(value).toBe(42);
    expect(seen).toEqual(['kept']);
  });

  it('never runs the hooks of a transaction that rolls back', async () => {
    const name = key();
    let ran = 0;
    const attempt = transact(db(), async (trx) => {
      trx.onCommit(() => void ran++);
      await trx.insertInto('app_settings').values({ key: name, value: 'x' }).execute();
      throw new Error('changed my mind');
    });
    await expect(attempt).rejects.toThrow('changed my mind');
    expect(ran).toBe(0);
    expect(await committed(name)).toBeNull();
  });

  it.each(['40001', '40P01', 'SQLITE_BUSY'])('retries after %s, dropping the failed attempt’s writes and hooks', async (code) => {
    const name = key();
    const hooks: number[] = [];
    let attempts = 0;
    await transact(db(), async (trx) => {
      const attempt = ++attempts;
      trx.onCommit(() => void hooks.push(attempt));
      await trx
        .insertInto('app_settings')
        .values({ key: name, value: `attempt ${attempt}` })
        .execute();
      if (attempt === 1) throw failure(code);
    });
    expect(attempts).toBe(2);
    expect(hooks).toEqual([2]);
    expect(await committed(name)).toBe('attempt 2');
  });

  it('retries a unique violation only for work that opts in', async () => {
    const name = key();
    await transact(db(), (trx) => trx.insertInto('app_settings').values({ key: name, value: 'first' }).execute());
    let plain = 0;
    await expect(
      transact(db(), async (trx) => {
        plain++;
        await trx.insertInto('app_settings').values({ key: name, value: 'again' }).execute();
      }),
    ).rejects.toSatisfy(isUniqueViolation);
    expect(plain).toBe(1);

    // A racing insert: the first attempt collides, the fresh one sees the row and updates it.
    let racing = 0;
    await transact(
      db(),
      async (trx) => {
        racing++;
        const existing = racing === 1 ? undefined : await trx.selectFrom('app_settings').select('key').where('key', '=', name).executeTakeFirst();
        if (existing) await trx.updateTable('app_settings').set({ value: 'updated' }).where('key', '=', name).execute();
        else await trx.insertInto('app_settings').values({ key: name, value: 'again' }).execute();
      },
      { retryUniqueRaces: true },
    );
    expect(racing).toBe(2);
    expect(await committed(name)).toBe('updated');
  });

  it('keeps the commit when a hook throws, runs the other hooks, and reports the error', async () => {
    const name = key();
    let later = 0;
    const attempt = transact(db(), async (trx) => {
      await trx.insertInto('app_settings').values({ key: name, value: 'stays' }).execute();
      trx.onCommit(() => {
        throw new Error('hook broke');
      });
      trx.onCommit(() => void later++);
    });
    await expect(attempt).rejects.toThrow('hook broke');
    expect(later).toBe(1);
    expect(await committed(name)).toBe('stays');
  });

  it('refuses to open a transaction inside a transaction', async () => {
    await expect(transact(db(), (trx) => transact(trx, async () => 1))).rejects.toThrow('inside a transaction');
  });
});

describe('inOneStatement()', () => {
  it('commits the statement by itself: its row is visible outside as soon as it resolves', async () => {
    const name = key();
    await inOneStatement(db(), (d) => d.insertInto('app_settings').values({ key: name, value: 'alone' }).execute());
    expect(await committed(name)).toBe('alone');
  });

  it('writes nothing of a statement that fails, not even its rows before the failing one', async () => {
    const name = key();
    const twice = inOneStatement(db(), (d) =>
      d
        .insertInto('app_settings')
        .values([
          { key: name, value: 'first' },
          { key: name, value: 'second' },
        ])
        .execute(),
    );
    await expect(twice).rejects.toSatisfy(isUniqueViolation);
    expect(await committed(name)).toBeNull();
  });

  it('runs the statement again after a conflict a fresh attempt can win', async () => {
    let attempts = 0;
    const value = await inOneStatement(db(), async () => {
      if (++attempts === 1) throw failure('40P01');
      return 'second attempt';
    });
    expect([value, attempts]).toEqual(['second attempt', 2]);
  });

  it('refuses to run inside a transaction, where the statement would not commit on its own', async () => {
    await expect(transact(db(), (trx) => inOneStatement(trx, async () => 1))).rejects.toThrow('would not commit on its own');
  });
});

describe.each([
  ['transact()', transact],
  ['inOneStatement()', inOneStatement],
] as const)('the retry policy of %s', (_name, run) => {
  it('gives up after a bounded number of attempts with the last error', async () => {
    let attempts = 0;
    const attempt = run(
      db(),
      async () => {
        attempts++;
        throw failure('40001');
      },
      { maxAttempts: 3 },
    );
    await expect(attempt).rejects.toMatchObject({ code: '40001' });
    expect(attempts).toBe(3);
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    await expect(
      run(db(), async () => {
        attempts++;
        throw failure('23503');
      }),
    ).rejects.toMatchObject({ code: '23503' });
    expect(attempts).toBe(1);
  });
});

describe('inSavepoint()', () => {
  it('undoes a failed piece alone, drops its hooks, and hands a kept piece’s hooks to the caller', async () => {
    const [good, bad] = [key(), key()];
    const ran: string[] = [];
    const outcomes = await transact(db(), async (trx) => {
      const kept = await inSavepoint(trx, async (t) => {
        t.onCommit(() => void ran.push('good'));
        await t.insertInto('app_settings').values({ key: good, value: 'kept' }).execute();
        return 'good done';
      });
      const failed = await inSavepoint(trx, async (t) => {
        t.onCommit(() => void ran.push('bad'));
        await t.insertInto('app_settings').values({ key: bad, value: 'undone' }).execute();
        throw new Error('bad piece');
      });
      return [kept, failed] as const;
    });
    expect(outcomes[0]).toMatchObject({ ok: true, value: 'good done' });
    expect(outcomes[1]).toMatchObject({ ok: false, error: new Error('bad piece') });
    // The kept piece's hooks are the caller's to run: transact() itself ran none.
    expect(ran).toEqual([]);
    if (!outcomes[0].ok) throw new Error('unreachable');
    expect(outcomes[0].hooks).toHaveLength(1);
    expect(await committed(good)).toBe('kept');
    expect(await committed(bad)).toBeNull();
  });
});

describe('assertTransaction()', () => {
  it('accepts a transaction and refuses a plain connection', async () => {
    expect(() => assertTransaction(db())).toThrow('inside a transaction');
    await transact(db(), async (trx) => {
      expect(() => assertTransaction(trx)).not.toThrow();
    });
  });
});

/** A repository as the store sees one: built on a handle, which it keeps so the test can see which. */
class NotesRepository {
  constructor(readonly handle: Kysely<Database>) {}

  async put(name: string, value: string): Promise<void> {
    await this.handle.insertInto('app_settings').values({ key: name, value }).execute();
  }

  async get(name: string): Promise<string | null> {
    const row = await this.handle.selectFrom('app_settings').select('value').where('key', '=', name).executeTakeFirst();
    return row?.value ?? null;
  }
}

describe('Store', () => {
  const store = () => new Store(db(), (handle) => ({ notes: new NotesRepository(handle) }));

  it('reads on the plain handle, and hands the work repositories bound to its transaction', async () => {
    const name = key();
    const notes = store();
    expect(notes.read.notes.handle.isTransaction).toBe(false);
    const seen = await notes.transact(async (tx) => {
      expect(tx.notes.handle.isTransaction).toBe(true);
      await tx.notes.put(name, 'inside');
      return tx.notes.get(name);
    });
    expect(seen).toBe('inside');
    expect(await notes.read.notes.get(name)).toBe('inside');
  });

  it('rolls back what its repositories wrote when the work throws later, and runs no hook', async () => {
    const name = key();
    let ran = 0;
    const attempt = store().transact(async (tx) => {
      await tx.notes.put(name, 'written, then undone');
      tx.onCommit(() => void ran++);
      throw new Error('changed my mind');
    });
    await expect(attempt).rejects.toThrow('changed my mind');
    expect(ran).toBe(0);
    expect(await committed(name)).toBeNull();
  });

  it('binds fresh repositories to each attempt of a retry', async () => {
    const name = key();
    const bound: NotesRepository[] = [];
    const hooks: number[] = [];
    await store().transact(async (tx) => {
      bound.push(tx.notes);
      tx.onCommit(() => void hooks.push(bound.length));
      await tx.notes.put(name, `attempt ${bound.length}`);
      if (bound.length === 1) throw failure('40001');
    });
    expect(bound).toHaveLength(2);
    expect(bound[0]).not.toBe(bound[1]);
    expect(bound[0]!.handle).not.toBe(bound[1]!.handle);
    expect(bound.every((repository) => repository.handle.isTransaction)).toBe(true);
    expect(hooks).toEqual([2]);
    expect(await committed(name)).toBe('attempt 2');
  });

  it('runs one statement on the plain handle, with the same retry', async () => {
    const name = key();
    let attempts = 0;
    await store().inOneStatement(async ({ notes }) => {
      expect(notes.handle.isTransaction).toBe(false);
      if (++attempts === 1) throw failure('40P01');
      await notes.put(name, 'committed alone');
    });
    expect(attempts).toBe(2);
    expect(await committed(name)).toBe('committed alone');
  });

  it('narrows to the repositories a part names, still bound to the transaction', async () => {
    const name = key();
    await store()
      .narrow(({ notes }) => ({ only: notes }))
      .transact(async (tx) => {
        expect(tx.only.handle.isTransaction).toBe(true);
        await tx.only.put(name, 'narrowed');
      });
    expect(await committed(name)).toBe('narrowed');
  });

  it('group-commits small writes: shared by writes that arrive together where the database groups commits, each its own elsewhere', async () => {
    const [kept, failed, other] = [key(), key(), key()];
    const handles = new Set<Kysely<Database>>();
    const seenByHooks: Record<string, string | null> = {};
    const write = (name: string, fail = false) =>
      store().groupCommit(async (tx) => {
        expect(tx.notes.handle.isTransaction).toBe(true);
        handles.add(tx.notes.handle);
        await tx.notes.put(name, 'grouped');
        // Read outside the transaction: the write must have committed before its hook runs.
        tx.onCommit(async () => void (seenByHooks[name] = await committed(name)));
        if (fail) throw new Error(`${name} failed after writing`);
      });
    // Three stores over one database: on SQLite they still share one queue (one writer at a time).
    const results = await Promise.allSettled([write(kept), write(failed, true), write(other)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(seenByHooks).toEqual({ [kept]: 'grouped', [other]: 'grouped' });
    expect(await committed(failed)).toBeNull();
    const { dialect } = database.current.handle;
    // SQLite: one batch, each write in a savepoint of the same transaction (decision 0002).
    expect(handles.size).toBe(groupsCommits(dialect) ? 1 : 3);
  });
});
