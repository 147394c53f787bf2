/**
 * The packed snapshot form: random rankings survive a round trip exactly, and a year of a
 * 1000-episode show fits in a few megabytes.
 */
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, SnapshotFormatError, type SnapshotRanking } from '../../src/ranking/snapshots/snapshot-encoding.js';
import { addDays, parseDay } from '../../src/ranking/snapshots/snapshot-day.js';

/** A small seeded generator, so a failure names a seed that reproduces it. */
function generator(seed: number) {
  let state = seed >>> 0 || 1;
  return (below: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}

function randomRanking(seed: number): SnapshotRanking {
  const next = generator(seed);
  const size = next(300);
  const ids = new Set<number>();
  // Mostly small ids, sometimes huge ones, in no particular order.
  while (ids.size < size) ids.add(next(4) === 0 ? 2 ** 40 + next(1_000_000) : 1 + next(5000));
  const entries = [...ids].map((episodeId) => {
    const count = next(3) === 0 ? next(10_000_000) + 1 : next(200) + 1;
    return { episodeId, count, sum: count * (1 + next(10)) };
  });
  return { priorVotes: next(1000), entries };
}

describe('snapshot encoding', () => {
  it('gives back every ranking it packs, exactly', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const ranking = randomRanking(seed);
      expect(decodeSnapshot(encodeSnapshot(ranking)), `seed ${seed}`).toEqual(ranking);
    }
  });

  it('packs an empty ranking and refuses damaged bytes', () => {
    expect(decodeSnapshot(encodeSnapshot({ priorVotes: 5, entries: [] }))).toEqual({ priorVotes: 5, entries: [] });
    const packed = encodeSnapshot({ priorVotes: 5, entries: [{ episodeId: 300, count: 200, sum: 1500 }] });
    expect(() => decodeSnapshot(packed.slice(0, packed.length - 1))).toThrow(SnapshotFormatError);
    expect(() => decodeSnapshot(Uint8Array.of(...packed, 0))).toThrow(SnapshotFormatError);
    expect(() => decodeSnapshot(Uint8Array.of(9, ...packed.slice(1)))).toThrow(SnapshotFormatError);
  });

  it('keeps a year of daily snapshots of a 1000-episode show within a few megabytes', () => {
    const next = generator(42);
    // Ids of one show are close together; rank order shuffles them.
    const ids = Array.from({ length: 1000 }, (_, i) => 150_000 + i).sort(() => next(3) - 1);
    const day = encodeSnapshot({ priorVotes: 5, entries: ids.map((episodeId) => ({ episodeId, count: 500 + next(5000), sum: 4000 + next(40_000) })) });
    expect(day.length).toBeLessThan(9 * 1000);
    expect(day.length * 365).toBeLessThan(3.5 * 1024 * 1024);
  });
});

describe('snapshot days', () => {
  it('reads only real calendar days', () => {
    expect(parseDay('2026-03-03')).toBe('2026-03-03');
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('2026-3-3')).toBeNull();
    expect(parseDay('yesterday')).toBeNull();
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
