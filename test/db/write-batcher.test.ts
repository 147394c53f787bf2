import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/db/dialect.js';
import { WriteBatcher } from '../../src/db/write-batcher.js';
import { useTestDatabase } from '../helpers/database.js';

const database = useTestDatabase();
const db = () => database.current.handle.db;

async function settings() {
  const rows = await db().selectFrom('app_settings').select(['key', 'value']).where('key', 'like', 'batch-%').orderBy('key').execute();
  return rows.map((r) => `${r.key}=${r.value}`);
}

describe('WriteBatcher (group commit)', () => {
  it('commits writes that arrive together in one transaction, and rolls back only the one that fails', async () => {
    const batcher = new WriteBatcher(db());
    const transactions = new Set<unknown>();
    const write = (key: string, fail = false) =>
      batcher.run(async (trx) => {
        transactions.add(trx);
        await trx.insertInto('app_settings').values({ key, value: 'x' }).execute();
        if (fail) throw new Error(`${key} failed after writing`);
        return key;
      });
    const results = await Promise.allSettled([write('batch-a'), write('batch-b', true), write('batch-c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('batch-b failed after writing');
    expect(transactions.size).toBe(1);
    expect(await settings()).toEqual(['batch-a=x', 'batch-c=x']);
  });

  it('resolves a write only after its transaction has committed', async () => {
    const batcher = new WriteBatcher(db());
    let committedWhenResolved: string[] | null = null;
    await batcher
      .run((trx) => trx.insertInto('app_settings').values({ key: 'batch-d', value: 'y' }).execute())
      .then(async () => {
        // Read through the pool, outside the batch's transaction: only committed rows are visible.
        committedWhenResolved = await settings();
      });
    expect(committedWhenResolved).toContain('batch-d=y');
  });

  it('a write that breaks a constraint rejects alone with the database error', async () => {
    const batcher = new WriteBatcher(db());
    const duplicate = batcher.run((trx) => trx.insertInto('app_settings').values({ key: 'batch-a', value: 'again' }).execute());
    const fine = batcher.run((trx) => trx.insertInto('app_settings').values({ key: 'batch-e', value: 'z' }).execute());
    await expect(duplicate).rejects.toSatisfy(isUniqueViolation);
    await expect(fine).resolves.toEqual([expect.objectContaining({ numInsertedOrUpdatedRows: 1n })]);
    expect(await settings()).toContain('batch-a=x');
    expect(await settings()).toContain('batch-e=z');
  });

  it('keeps going after a batch: later writes are committed too', async () => {
    const batcher = new WriteBatcher(db(), 2);
    await Promise.all(
      ['batch-f', 'batch-g', 'batch-h', 'batch-i', 'batch-j'].map((key) =>
        batcher.run((trx) => trx.insertInto('app_settings').values({ key, value: 'w' }).execute()),
      ),
    );
    expect((await settings()).filter((s) => s.endsWith('=w'))).toHaveLength(5);
  });
});

describe('WriteBatcher on-commit hooks', () => {
  it('runs a batched write’s hooks after the batch commits, and drops the hooks of a write that rolled back', async () => {
    const batcher = new WriteBatcher(db());
    const seen: Record<string, string[]> = {};
    const write = (key: string, fail = false) =>
      batcher.run(async (trx) => {
        trx.onCommit(async () => {
          // Read outside the batch's transaction: the whole batch must be committed by now.
          seen[key] = await settings();
        });
        await trx.insertInto('app_settings').values({ key, value: 'h' }).execute();
        if (fail) throw new Error(`${key} failed`);
      });
    const results = await Promise.allSettled([write('batch-hook-a'), write('batch-hook-b', true), write('batch-hook-c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(Object.keys(seen).sort()).toEqual(['batch-hook-a', 'batch-hook-c']);
    for (const key of ['batch-hook-a', 'batch-hook-c']) expect(seen[key]).toEqual(expect.arrayContaining(['batch-hook-a=h', 'batch-hook-c=h']));
  });

  it('has run a write’s hooks by the time its promise resolves', async () => {
    const batcher = new WriteBatcher(db());
    let hooked = false;
    await batcher.run(async (trx) => {
      trx.onCommit(() => void (hooked = true));
      await trx.insertInto('app_settings').values({ key: 'batch-hook-d', value: 'h' }).execute();
    });
    expect(hooked).toBe(true);
  });
});
