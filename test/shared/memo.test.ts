/**
 * The one memo behind the TTL caches: reuse within the lifetime on an injected clock, one
 * computation for concurrent misses, nothing kept of a failure, of an unwanted answer or of a
 * computation overtaken by `forget`, and the bound on entries.
 */
import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/shared/memo.js';

/** A computation that answers `value()` and says how often it ran. */
function counted<V>(value: () => V) {
  const runs = { times: 0 };
  const compute = async () => {
    runs.times++;
    return value();
  };
  return { runs, compute };
}

describe('Memo', () => {
  it('reuses an answer for ttlMs, then computes it again', async () => {
    let now = 0;
    let answer = 1;
    const { runs, compute } = counted(() => answer);
    const memo = new Memo<string, number>({ ttlMs: 100, clock: () => now });
    expect(await memo.get('k', compute)).toBe(1);
    answer = 2;
    now = 99;
    expect(await memo.get('k', compute)).toBe(1);
    now = 100;
    expect(await memo.get('k', compute)).toBe(2);
    expect(runs.times).toBe(2);
  });

  it('shares one computation between concurrent misses of a key, and keeps keys apart', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const compute = async () => {
      runs++;
      await gate;
      return runs;
    };
    const memo = new Memo<string, number>({ ttlMs: 100, clock: () => 0 });
    const all = Promise.all([memo.get('a', compute), memo.get('a', compute), memo.get('b', compute)]);
    expect(runs).toBe(2);
    release();
    const [a1, a2] = await all;
    expect(a1).toBe(a2);
  });

  it('keeps no failure, synchronous or not, and no answer that keep() refuses', async () => {
    const memo = new Memo<string, number | null>({ ttlMs: 100, clock: () => 0, keep: (v) => v !== null });
    await expect(memo.get('k', async () => Promise.reject(new Error('away')))).rejects.toThrow('away');
    await expect(
      memo.get('k', () => {
        throw new Error('at once');
      }),
    ).rejects.toThrow('at once');
    expect(await memo.get('k', async () => null)).toBeNull();
    expect(memo.size).toBe(0);
    expect(await memo.get('k', async () => 3)).toBe(3);
    expect(await memo.get('k', async () => 4)).toBe(3);
  });

  it('forgets one key or all of them; a computation overtaken by forget is not kept', async () => {
    const memo = new Memo<string, number>({ ttlMs: 100, clock: () => 0 });
    await memo.get('a', async () => 1);
    await memo.get('b', async () => 1);
    memo.forget('a');
    expect(await memo.get('a', async () => 2)).toBe(2);
    expect(await memo.get('b', async () => 2)).toBe(1);
    memo.clear();
    expect(await memo.get('b', async () => 3)).toBe(3);

    let release!: (n: number) => void;
    const slow = memo.get('c', () => new Promise<number>((resolve) => (release = resolve)));
    memo.forget('c');
    release(5);
    expect(await slow).toBe(5);
    expect(await memo.get('c', async () => 6)).toBe(6);
  });

  it('holds at most maxEntries, dropping the one stored longest ago; with ttl 0 it keeps nothing', async () => {
    const memo = new Memo<number, number>({ ttlMs: 100, maxEntries: 2, clock: () => 0 });
    for (const key of [1, 2, 3]) await memo.get(key, async () => key);
    expect(memo.size).toBe(2);
    expect(await memo.get(1, async () => 10)).toBe(10);
    expect(await memo.get(3, async () => 30)).toBe(3);

    const { runs, compute } = counted(() => 1);
    const uncached = new Memo<string, number>({ ttlMs: 0 });
    await uncached.get('k', compute);
    await uncached.get('k', compute);
    expect(runs.times).toBe(2);
    expect(uncached.size).toBe(0);
  });
});
