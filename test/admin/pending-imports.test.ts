/**
 * The files kept between a dry run and the real import: for their uploader only, for a bounded
 * time, in a bounded number. Time is an injected clock.
 */
import { describe, expect, it } from 'vitest';
import { PENDING_IMPORT_MINUTES, PendingImports } from '../../src/editing/pending-imports.js';

const file = (text: string) => ({ text, source: `${text}.csv`, format: 'csv' as const });

describe('PendingImports', () => {
  it('gives a file back to its uploader only, until it expires or is taken', () => {
    let now = 1_000_000;
    const store = new PendingImports(() => now);
    const token = store.keep(1, file('a'));
    expect(store.find(2, token)).toBeUndefined();
    expect(store.find(1, 'not-a-token')).toBeUndefined();
    expect(store.find(1, token)).toEqual(file('a'));
    now += PENDING_IMPORT_MINUTES * 60_000 - 1;
    expect(store.find(1, token)).toEqual(file('a'));
    now += 1;
    expect(store.find(1, token)).toBeUndefined();

    const again = store.keep(1, file('b'));
    store.take(again);
    expect(store.find(1, again)).toBeUndefined();
  });

  it('keeps one file per account and a bounded number overall, dropping the oldest', () => {
    const store = new PendingImports(() => 0);
    const first = store.keep(1, file('first'));
    const second = store.keep(1, file('second'));
    expect(store.find(1, first)).toBeUndefined();
    expect(store.find(1, second)?.text).toBe('second');
    const tokens = Array.from({ length: 20 }, (_, i) => store.keep(100 + i, file(`u${i}`)));
    expect(store.find(1, second)).toBeUndefined();
    expect(store.find(119, tokens[19]!)?.text).toBe('u19');
    expect(tokens.filter((t, i) => store.find(100 + i, t)).length).toBeLessThan(20);
  });
});
