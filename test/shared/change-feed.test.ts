/** The change feed on its own: every subscriber hears every change in order; one that throws is reported and the rest still hear it. */
import { describe, expect, it } from 'vitest';
import { type Change, ChangeFeed, touchedShows } from '../../src/shared/change-feed.js';

describe('ChangeFeed', () => {
  it('tells every subscriber in order, reporting a failing one without stopping the others or the writer', () => {
    const failures: Array<[string, Change]> = [];
    const feed = new ChangeFeed((error, change) => failures.push([(error as Error).message, change]));
    const heard: string[] = [];
    feed.subscribe((c) => void heard.push(`first ${c.kind}`));
    feed.subscribe(() => {
      throw new Error('broken');
    });
    feed.subscribe((c) => void heard.push(`last ${c.kind}`));

    const { emit } = feed;
    expect(() => emit({ kind: 'blocks' })).not.toThrow();
    emit({ kind: 'flags' });

    expect(heard).toEqual(['first blocks', 'last blocks', 'first flags', 'last flags']);
    expect(failures).toEqual([
      ['broken', { kind: 'blocks' }],
      ['broken', { kind: 'flags' }],
    ]);
  });

  it('names the shows a change touched, each once', () => {
    const changes = [
      { showId: 2, episodeId: 5 },
      { showId: 2, episodeId: 6 },
      { showId: 7, episodeId: 9 },
    ];
    expect(touchedShows({ kind: 'ratings', changes })).toEqual([2, 7]);
    expect(touchedShows({ kind: 'held-ratings', changes })).toEqual([]);
    expect(touchedShows({ kind: 'catalogue', showId: 3 })).toEqual([3]);
    expect(touchedShows({ kind: 'catalogue' })).toEqual([]);
    expect(touchedShows({ kind: 'blocks' })).toEqual([]);
  });
});
