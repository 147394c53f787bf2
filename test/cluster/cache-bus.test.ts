/**
 * The cache bus on its own: what each change drops in this instance, that without Redis it only
 * drops locally, and that a message from the channel is read strictly.
 */
import { describe, expect, it } from 'vitest';
import { CacheBus, dropCaches, invalidationsFor, parseEnvelope, type Invalidation } from '../../src/cluster/cache-bus.js';

function recordingCaches() {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      void calls.push([name, ...args].join(' '));
  return {
    calls,
    caches: {
      pages: { invalidateShow: record('pages.show'), clear: record('pages.clear') },
      apiAnswers: { invalidateShow: record('api.show'), clear: record('api.clear') },
      standings: { tallyChanged: record('standings.tally'), invalidateShow: record('standings.show'), clear: record('standings.clear') },
      episodeDirectory: { forget: record('directory.forget') },
      showCount: { forget: record('count.forget') },
      search: { forget: record('search.forget') },
      blocks: { refresh: async () => void calls.push('blocks.refresh') },
      flags: { forget: record('flags.forget') },
    },
  };
}

describe('dropCaches', () => {
  it.each<[Invalidation, string[]]>([
    [{ kind: 'show', showId: 3, episodeId: 9 }, ['pages.show 3', 'api.show 3', 'standings.tally 3 9']],
    [{ kind: 'show', showId: 3 }, ['pages.show 3', 'api.show 3', 'standings.show 3', 'directory.forget', 'count.forget', 'search.forget']],
    [{ kind: 'all' }, ['pages.clear', 'api.clear', 'standings.clear', 'directory.forget', 'count.forget', 'search.forget']],
    [{ kind: 'blocks' }, ['blocks.refresh']],
    [{ kind: 'flags' }, ['flags.forget']],
  ])('drops for %j exactly %j', (change, expected) => {
    const { calls, caches } = recordingCaches();
    dropCaches(caches)(change);
    expect(calls).toEqual(expected);
  });
});

describe('invalidationsFor', () => {
  const changes = [{ showId: 3, episodeId: 9 }];
  it('drops the header count of what awaits a moderator when held ratings or flags change, not on a counted vote', () => {
    expect(invalidationsFor({ kind: 'ratings', changes })).toEqual([{ kind: 'show', showId: 3, episodeId: 9 }]);
    expect(invalidationsFor({ kind: 'held-ratings', changes })).toEqual([{ kind: 'show', showId: 3, episodeId: 9 }, { kind: 'flags' }]);
    expect(invalidationsFor({ kind: 'flags' })).toEqual([{ kind: 'flags' }]);
  });
});

describe('CacheBus without Redis', () => {
  it('applies each change here at once', () => {
    const applied: Invalidation[] = [];
    const bus = new CacheBus((change) => applied.push(change));
    bus.publish({ kind: 'show', showId: 1, episodeId: 2 });
    bus.publish({ kind: 'blocks' });
    expect(applied).toEqual([{ kind: 'show', showId: 1, episodeId: 2 }, { kind: 'blocks' }]);
  });
});

describe('parseEnvelope', () => {
  it('reads the messages instances send', () => {
    expect(parseEnvelope('{"from":"x","change":{"kind":"show","showId":4,"episodeId":5}}')).toEqual({
      from: 'x',
      change: { kind: 'show', showId: 4, episodeId: 5 },
    });
    expect(parseEnvelope('{"from":"x","change":{"kind":"all","extra":1}}')).toEqual({ from: 'x', change: { kind: 'all' } });
    expect(parseEnvelope('{"from":"x","change":{"kind":"flags"}}')).toEqual({ from: 'x', change: { kind: 'flags' } });
  });

  it.each([
    'not json',
    'null',
    '{"change":{"kind":"all"}}',
    '{"from":"x","change":{"kind":"show"}}',
    '{"from":"x","change":{"kind":"show","showId":"4"}}',
    '{"from":"x","change":{"kind":"show","showId":4,"episodeId":1.5}}',
    '{"from":"x","change":{"kind":"everything"}}',
  ])('ignores %s', (text) => {
    expect(parseEnvelope(text)).toBeNull();
  });
});
