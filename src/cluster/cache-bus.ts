/**
 * Every "drop what you cached" after a commit goes through the bus: it is applied in this process
 * at once, and with Redis it is published on one channel that every instance listens to and applies
 * the same way, so a vote taken by one instance shows on every instance's pages within a moment
 * instead of after PAGE_CACHE_SECONDS, and a new block refuses votes everywhere at once.
 *
 * A drop published while Redis was down is lost; the caches' own lifetimes (PAGE_CACHE_SECONDS,
 * the block list's periodic reload) still bound how stale another instance can be. When the
 * connection comes back this instance drops all of its caches once and reloads the blocks, a cheap
 * catch-up for whatever it missed, and publishes nothing: each instance catches up for itself.
 */
import { randomUUID } from 'node:crypto';
import type { Change } from '../shared/change-feed.js';
import type { RedisLink } from './redis.js';

/**
 * What changed. `show` with an episode: its tally (a vote); `show` alone: the show's catalogue
 * entry; `all`: anything anywhere (a catalogue import, a file of many ratings);
 * `blocks`: the moderators' block list; `flags`: what awaits a moderator (open flags, held ratings).
 */
export type Invalidation = { kind: 'show'; showId: number; episodeId?: number } | { kind: 'all' } | { kind: 'blocks' } | { kind: 'flags' };

/**
 * Past this many episodes, one change (a file of ratings, a voter's whole history removed) is
 * cheaper as one drop of everything than as a message per episode.
 */
export const MOST_EPISODES_DROPPED_ONE_BY_ONE = 50;

/**
 * What a committed change drops, here and on every other instance: a tally change drops its
 * episode's standing and its show's pages, as a vote does; a catalogue change drops its show and
 * what lists the catalogue (a whole import drops everything). With `flagsOnPages`
 * (PUBLIC_FLAGGED_SCORES), a raised or closed flag changes visitors' cached episode pages too.
 */
export function invalidationsFor(change: Change, options: { flagsOnPages?: boolean } = {}): Invalidation[] {
  switch (change.kind) {
    case 'ratings':
    case 'held-ratings': {
      const shows: Invalidation[] =
        change.changes.length > MOST_EPISODES_DROPPED_ONE_BY_ONE
          ? [{ kind: 'all' }]
          : change.changes.map(({ showId, episodeId }) => ({ kind: 'show', showId, episodeId }));
      // Held ratings came or went: the header's count of what awaits a moderator moved too.
      return change.kind === 'held-ratings' ? [...shows, { kind: 'flags' }] : shows;
    }
    case 'catalogue':
      return [change.showId === undefined ? { kind: 'all' } : { kind: 'show', showId: change.showId }];
    case 'blocks':
      return [{ kind: 'blocks' }];
    case 'flags':
      return options.flagsOnPages ? [{ kind: 'flags' }, { kind: 'all' }] : [{ kind: 'flags' }];
  }
}

/** The channel every instance publishes and listens on. */
export const INVALIDATION_CHANNEL = 'epirank:invalidations';

interface Envelope {
  from: string;
  change: Invalidation;
}

export class CacheBus {
  /** Tells this instance's own messages from others', so it never applies a drop twice. */
  readonly instanceId = randomUUID();

  constructor(
    /** Drops this instance's caches for one change. */
    private readonly apply: (change: Invalidation) => void,
    private readonly redis: RedisLink | null = null,
  ) {
    if (!redis) return;
    redis.listener.on('message', (channel: string, text: string) => {
      if (channel !== INVALIDATION_CHANNEL) return;
      const envelope = parseEnvelope(text);
      if (envelope && envelope.from !== this.instanceId) this.apply(envelope.change);
    });
    redis.onReady((reconnected) => {
      if (reconnected) {
        this.apply({ kind: 'all' });
        this.apply({ kind: 'blocks' });
        this.apply({ kind: 'flags' });
      }
    });
    // Queued on the listener until it connects; ioredis repeats it after every reconnect.
    redis.listener.subscribe(INVALIDATION_CHANNEL).catch(() => undefined);
  }

  /** Applies the change here, then tells the other instances (if any). Never waits, never throws. */
  publish(change: Invalidation): void {
    this.apply(change);
    if (this.redis?.state() !== 'ready') return;
    const envelope: Envelope = { from: this.instanceId, change };
    // A failed publish is covered by the cache lifetimes; the connection's state change is what gets logged.
    this.redis.commands.publish(INVALIDATION_CHANNEL, JSON.stringify(envelope)).catch(() => undefined);
  }
}

/** A message from the channel, or null for anything this version does not understand. */
export function parseEnvelope(text: string): Envelope | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { from, change } = value as { from?: unknown; change?: { kind?: unknown; showId?: unknown; episodeId?: unknown } };
  if (typeof from !== 'string' || typeof change !== 'object' || change === null) return null;
  if (change.kind === 'all' || change.kind === 'blocks' || change.kind === 'flags') return { from, change: { kind: change.kind } };
  if (change.kind !== 'show' || !Number.isSafeInteger(change.showId)) return null;
  const showId = change.showId as number;
  if (change.episodeId === undefined) return { from, change: { kind: 'show', showId } };
  if (!Number.isSafeInteger(change.episodeId)) return null;
  return { from, change: { kind: 'show', showId, episodeId: change.episodeId as number } };
}

/** The caches one instance keeps, as the bus drops them. */
export interface LocalCaches {
  pages: { invalidateShow(showId: number): void; clear(): void };
  apiAnswers: { invalidateShow(showId: number): void; clear(): void };
  standings: { tallyChanged(showId: number, episodeId: number): void; invalidateShow(showId: number): void; clear(): void };
  episodeDirectory: { forget(): void };
  showCount: { forget(): void };
  /** What recent searches found: titles, synopses and episodes come and go with the catalogue. */
  search: { forget(): void };
  blocks: { refresh(): Promise<void> };
  /** The header's count of open moderation flags. */
  flags: { forget(): void };
}

/** What each change drops: the same here and on every other instance. */
export function dropCaches(caches: LocalCaches, onBlocksFailed: (error: unknown) => void = () => undefined): (change: Invalidation) => void {
  return (change) => {
    switch (change.kind) {
      case 'show':
        caches.pages.invalidateShow(change.showId);
        caches.apiAnswers.invalidateShow(change.showId);
        if (change.episodeId !== undefined) {
          caches.standings.tallyChanged(change.showId, change.episodeId);
          return;
        }
        // The show's catalogue entry changed: episodes may have come, gone or moved.
        caches.standings.invalidateShow(change.showId);
        caches.episodeDirectory.forget();
        caches.showCount.forget();
        caches.search.forget();
        return;
      case 'all':
        caches.pages.clear();
        caches.apiAnswers.clear();
        caches.standings.clear();
        caches.episodeDirectory.forget();
        caches.showCount.forget();
        caches.search.forget();
        return;
      case 'blocks':
        // A failed reload is retried by the periodic one on the next vote.
        caches.blocks.refresh().catch(onBlocksFailed);
        return;
      case 'flags':
        caches.flags.forget();
        return;
    }
  };
}
