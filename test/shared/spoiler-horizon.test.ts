/**
 * The spoiler horizon's one home (src/shared/spoiler-horizon.ts): its text forms, its order, and
 * the cookie that remembers one per show (capped in size, tolerant of anything malformed); and the
 * `upto` links built from it (paths.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  horizonHiding,
  maskedText,
  HORIZON_COOKIE_MAX_BYTES,
  horizonLabel,
  horizonParam,
  isBeyondHorizon,
  isSeasonBeyondHorizon,
  MAX_HORIZON_NUMBER,
  parseHorizon,
  readHorizonCookie,
  writeHorizonCookie,
  type Horizon,
} from '../../src/shared/spoiler-horizon.js';
import { withoutUpto, withUpto } from '../../src/shared/paths.js';

const at = (seasonNumber: number, episodeNumber: number) => ({ seasonNumber, episodeNumber });

describe('parseHorizon', () => {
  it('reads the link form and the form people type', () => {
    expect(parseHorizon('2x5')).toEqual({ season: 2, episode: 5 });
    expect(parseHorizon('S2E5')).toEqual({ season: 2, episode: 5 });
    expect(parseHorizon('s12e105')).toEqual({ season: 12, episode: 105 });
    expect(parseHorizon(' 3x1 ')).toEqual({ season: 3, episode: 1 });
    expect(parseHorizon(`${MAX_HORIZON_NUMBER}x${MAX_HORIZON_NUMBER}`)).toEqual({ season: MAX_HORIZON_NUMBER, episode: MAX_HORIZON_NUMBER });
  });

  it('names no horizon for anything else', () => {
    for (const text of [
      undefined,
      '',
      'abc',
      '0x1',
      '1x0',
      '01x2',
      'S0E1',
      '2x',
      'x5',
      '2X5',
      '2x5x1',
      '-1x2',
      '1.5x2',
      `${MAX_HORIZON_NUMBER + 1}x1`,
      'S2 E5',
    ]) {
      expect(parseHorizon(text), String(text)).toBeNull();
    }
  });

  it('writes both forms back', () => {
    const horizon = { season: 2, episode: 5 };
    expect(horizonParam(horizon)).toBe('2x5');
    expect(horizonLabel(horizon)).toBe('S2E5');
    expect(parseHorizon(horizonParam(horizon))).toEqual(horizon);
    expect(parseHorizon(horizonLabel(horizon))).toEqual(horizon);
  });
});

describe('the horizon’s order', () => {
  const horizon = { season: 2, episode: 5 };

  it('hides exactly the episodes after it', () => {
    expect(isBeyondHorizon(horizon, at(1, 99))).toBe(false);
    expect(isBeyondHorizon(horizon, at(2, 4))).toBe(false);
    expect(isBeyondHorizon(horizon, at(2, 5))).toBe(false);
    expect(isBeyondHorizon(horizon, at(2, 6))).toBe(true);
    expect(isBeyondHorizon(horizon, at(3, 1))).toBe(true);
  });

  it('hides nothing without a horizon', () => {
    expect(isBeyondHorizon(null, at(9, 9))).toBe(false);
    expect(isBeyondHorizon(undefined, at(9, 9))).toBe(false);
    expect(isSeasonBeyondHorizon(null, 9)).toBe(false);
  });

  it('counts a season as after it only when every episode of it is', () => {
    expect(isSeasonBeyondHorizon(horizon, 2)).toBe(false);
    expect(isSeasonBeyondHorizon(horizon, 3)).toBe(true);
  });
});

describe('lists that span shows', () => {
  it('find the horizon that hides an episode of one show, and none for other shows or earlier episodes', () => {
    const horizons = new Map([['lantern-bay', { season: 2, episode: 5 }]]);
    expect(horizonHiding(horizons, 'lantern-bay', { seasonNumber: 2, episodeNumber: 6 })).toEqual({ season: 2, episode: 5 });
    expect(horizonHiding(horizons, 'lantern-bay', { seasonNumber: 2, episodeNumber: 5 })).toBeNull();
    expect(horizonHiding(horizons, 'far-coast', { seasonNumber: 9, episodeNumber: 1 })).toBeNull();
    expect(horizonHiding(undefined, 'lantern-bay', { seasonNumber: 3, episodeNumber: 1 })).toBeNull();
    expect(maskedText({ season: 2, episode: 5 })).toBe('Hidden: after S2E5');
  });
});

describe('the horizon cookie', () => {
  const horizons = (...entries: Array<[string, Horizon]>) => new Map(entries);

  it('keeps one horizon per show, and reads back what it wrote', () => {
    let value = writeHorizonCookie(new Map(), 'kaleido-star', { season: 1, episode: 5 });
    value = writeHorizonCookie(readHorizonCookie(value), 'other', { season: 3, episode: 2 });
    value = writeHorizonCookie(readHorizonCookie(value), 'kaleido-star', { season: 2, episode: 1 });
    // The show set last is the newest, at the end.
    expect(value).toBe('other:3x2|kaleido-star:2x1');
    expect([...readHorizonCookie(value)]).toEqual([
      ['other', { season: 3, episode: 2 }],
      ['kaleido-star', { season: 2, episode: 1 }],
    ]);
  });

  it('forgets one show’s horizon, and writes nothing when none is left', () => {
    const both = horizons(['a', { season: 1, episode: 1 }], ['b', { season: 2, episode: 2 }]);
    expect(writeHorizonCookie(both, 'a', null)).toBe('b:2x2');
    expect(writeHorizonCookie(horizons(['a', { season: 1, episode: 1 }]), 'a', null)).toBe('');
    expect(writeHorizonCookie(both, 'unknown', null)).toBe('a:1x1|b:2x2');
  });

  it('escapes slugs that hold its separators', () => {
    const value = writeHorizonCookie(new Map(), 'odd:slug|with%', { season: 1, episode: 2 });
    expect(value).not.toContain('|');
    expect([...readHorizonCookie(value)]).toEqual([['odd:slug|with%', { season: 1, episode: 2 }]]);
  });

  it('skips whatever is malformed and keeps the rest', () => {
    expect(readHorizonCookie(undefined).size).toBe(0);
    expect(readHorizonCookie('').size).toBe(0);
    const read = readHorizonCookie('good:1x2|:3x4|noseparator|bad:0x1|worse:abc|broken%E0%A4%A:1x1||also-good:S2E3|trailing:');
    expect([...read]).toEqual([
      ['good', { season: 1, episode: 2 }],
      ['also-good', { season: 2, episode: 3 }],
    ]);
  });

  it('stays under its size cap by forgetting the oldest shows first', () => {
    let current = new Map<string, Horizon>();
    let value = '';
    const slugs = Array.from({ length: 400 }, (_, i) => `a-rather-long-show-slug-number-${i}`);
    for (const slug of slugs) {
      value = writeHorizonCookie(current, slug, { season: 12, episode: 345 });
      expect(value.length).toBeLessThanOrEqual(HORIZON_COOKIE_MAX_BYTES);
      current = readHorizonCookie(value);
    }
    const kept = [...current.keys()];
    expect(kept.length).toBeGreaterThan(50);
    expect(kept.length).toBeLessThan(slugs.length);
    // The newest survive, in order; the oldest went.
    expect(kept).toEqual(slugs.slice(slugs.length - kept.length));
    expect(current.has(slugs[0]!)).toBe(false);
  });
});

describe('upto in links', () => {
  const horizon = { season: 2, episode: 5 };

  it('adds the horizon to a path, after whatever query it has', () => {
    expect(withUpto('/shows/x', horizon)).toBe('/shows/x?upto=2x5');
    expect(withUpto('/shows/x?sort=votes', horizon)).toBe('/shows/x?sort=votes&upto=2x5');
    expect(withUpto('/shows/x?sort=votes', null)).toBe('/shows/x?sort=votes');
  });

  it('takes every horizon out of a path and leaves the rest of its query as it was', () => {
    expect(withoutUpto('/shows/x?upto=2x5')).toBe('/shows/x');
    expect(withoutUpto('/shows/x?sort=votes&upto=2x5')).toBe('/shows/x?sort=votes');
    expect(withoutUpto('/shows/x?upto=1x1&sort=votes&upto=3x3&page=2')).toBe('/shows/x?sort=votes&page=2');
    expect(withoutUpto('/shows/x?uptown=1&upto')).toBe('/shows/x?uptown=1');
    expect(withoutUpto('/shows/x')).toBe('/shows/x');
    expect(withUpto(withoutUpto('/shows/x?upto=1x1'), horizon)).toBe('/shows/x?upto=2x5');
  });
});
