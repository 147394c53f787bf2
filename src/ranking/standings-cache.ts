/**
 * Each show's episode standings and totals (T and N), read once per change and shared by every
 * request that ranks the show: season, show and episode pages, their API twins, and the answer to
 * every vote. Without it a vote on a 1000-episode show re-read the whole show.
 *
 * What keeps it right:
 * - A committed vote marks its episode changed (`tallyChanged`); the next reader re-reads only the
 *   marked episodes, after the commit, so a voter always sees their own vote. Re-reading instead
 *   of adding the vote's difference makes a mark harmless when the read already included it.
 * - A catalogue edit or a moderator's removal drops the show (`invalidateShow`) or everything
 *   (`clear`); a computation that was running then is handed to its callers but never stored.
 * - Changes made elsewhere (another app instance, the command line) show once an entry is older
 *   than `ttlMs`, the same bound as the page cache's (PAGE_CACHE_SECONDS).
 *
 * What keeps it cheap under load: one computation per show at a time. Requests for a show being
 * read wait for that read (single flight); once an entry is merely old, the first request starts
 * a fresh read and everyone, that request included, is served the previous entry until it lands
 * (stale while revalidate), for at most another `ttlMs`.
 *
 * Bounded by approximate bytes: the least recently used shows are dropped to make room.
 */
import { totalOf, type Tally } from './ranking.js';
import type { EpisodeStanding, StandingsRepository } from './standings.repository.js';

/** 32 MB holds about 30 shows of 1,000 episodes with synopses, or thousands of short shows. */
export const DEFAULT_STANDINGS_CACHE_BYTES = 32 * 1024 * 1024;

/** A show's episodes with their tallies, as one consistent read, indexed the ways rankings need. */
export interface ShowStandings {
  showId: number;
  /** Every episode, in season and episode order. */
  episodes: readonly EpisodeStanding[];
  /** T and N: the sum and count of every vote on the show. */
  totals: Tally;
  /** How many episodes have at least one vote. */
  ratedCount: number;
  /** Each season's episodes in episode order, by season id (seasons without episodes are absent). */
  bySeason: ReadonlyMap<number, readonly EpisodeStanding[]>;
  byId: { get(episodeId: number): EpisodeStanding | undefined };
  /** Roughly how much memory this holds, for the cache's bound. */
  bytes: number;
}

/**
 * Where each episode sits in `episodes` and in its season's list. A vote changes tallies, never
 * places, so every patched copy of a show's standings shares the one index of the full read.
 */
interface Places {
  inShow: ReadonlyMap<number, number>;
  inSeason: ReadonlyMap<number, number>;
}

const placesOf = new WeakMap<ShowStandings, Places>();

/** Builds the indexes over a show's episodes, which must be in season and episode order. */
export function showStandings(showId: number, episodes: readonly EpisodeStanding[]): ShowStandings {
  const bySeason = new Map<number, EpisodeStanding[]>();
  const inShow = new Map<number, number>();
  const inSeason = new Map<number, number>();
  let ratedCount = 0;
  let bytes = 0;
  episodes.forEach((e, i) => {
    let season = bySeason.get(e.seasonId);
    if (!season) bySeason.set(e.seasonId, (season = []));
    inSeason.set(e.id, season.length);
    season.push(e);
    inShow.set(e.id, i);
    if (e.count > 0) ratedCount++;
    bytes += approximateBytes(e);
  });
  return indexed({ showId, episodes, totals: totalOf(episodes), ratedCount, bySeason, bytes }, { inShow, inSeason });
}

/**
 * The standings with some episodes' tallies read again, in the same places. What a vote costs
 * here is one copy of the show's list of references and of the changed episodes' seasons: a
 * rebuilt index per vote on a 1000-episode show once made the JSON vote answer the server's
 * biggest source of garbage, growing its heap by 100 MB under load.
 */
function withTallies(base: ShowStandings, fresh: ReadonlyMap<number, EpisodeStanding>): ShowStandings {
  const places = placesOf.get(base)!;
  const episodes = base.episodes.slice();
  const bySeason = new Map(base.bySeason);
  const copied = new Set<number>();
  let { count, sum } = base.totals;
  let { ratedCount, bytes } = base;
  for (const [id, after] of fresh) {
    const before = episodes[places.inShow.get(id)!]!;
    episodes[places.inShow.get(id)!] = after;
    if (!copied.has(after.seasonId)) {
      bySeason.set(after.seasonId, bySeason.get(after.seasonId)!.slice());
      copied.add(after.seasonId);
    }
    (bySeason.get(after.seasonId) as EpisodeStanding[])[places.inSeason.get(id)!] = after;
    count += after.count - before.count;
    sum += after.sum - before.sum;
    ratedCount += (after.count > 0 ? 1 : 0) - (before.count > 0 ? 1 : 0);
    bytes += approximateBytes(after) - approximateBytes(before);
  }
  return indexed({ showId: base.showId, episodes, totals: { count, sum }, ratedCount, bySeason, bytes }, places);
}

function indexed(standings: Omit<ShowStandings, 'byId'>, places: Places): ShowStandings {
  const { episodes } = standings;
  const full: ShowStandings = {
    ...standings,
    byId: {
      get: (episodeId) => {
        const place = places.inShow.get(episodeId);
        return place === undefined ? undefined : episodes[place];
      },
    },
  };
  placesOf.set(full, places);
  return full;
}

/** An object of ~16 fields with a 10-counter histogram and two index entries, plus its strings at two bytes a character. */
function approximateBytes(e: EpisodeStanding): number {
  return 400 + 2 * ((e.title?.length ?? 0) + (e.synopsis?.length ?? 0) + (e.airDate?.length ?? 0));
}

export interface StandingsCacheOptions {
  /** How old an entry may be before it is read again; 0 keeps nothing between requests. */
  ttlMs: number;
  maxBytes?: number;
  /** Milliseconds from any fixed point; monotonic by default. */
  clock?: () => number;
}

type StandingsSource = Pick<StandingsRepository, 'episodeStandings'>;

/** A read and the time it started, which is when its numbers were current. */
interface Stored {
  standings: ShowStandings;
  readAt: number;
}

interface Slot {
  value?: Stored;
  /** The newest computation for the show; a later one supersedes it, and only the newest is stored. */
  pending?: { promise: Promise<Stored>; kind: 'load' | 'patch' };
  /** Episodes whose tallies changed since `pending` (or else `value`) was read. */
  changed: Set<number>;
}

export class StandingsCache {
  /** Map order is recency order: a read moves its show to the end, eviction starts at the front. */
  private readonly slots = new Map<number, Slot>();
  private bytes = 0;
  private readonly ttlMs: number;
  private readonly maxBytes: number;
  private readonly clock: () => number;

  constructor(
    private readonly source: StandingsSource,
    options: StandingsCacheOptions,
  ) {
    this.ttlMs = options.ttlMs;
    this.maxBytes = options.maxBytes ?? DEFAULT_STANDINGS_CACHE_BYTES;
    this.clock = options.clock ?? (() => performance.now());
  }

  /** The show's standings, current as of every change this instance committed before the call. */
  async get(showId: number): Promise<ShowStandings> {
    return (await this.stored(showId)).standings;
  }

  /** A vote (or withdrawal) on this episode committed: its tally must be read again. */
  tallyChanged(showId: number, episodeId: number): void {
    const slot = this.slots.get(showId);
    if (slot && (slot.value || slot.pending)) slot.changed.add(episodeId);
  }

  /** The show's catalogue or many of its tallies changed: read all of it again. */
  invalidateShow(showId: number): void {
    this.drop(showId);
  }

  /** Changes across shows (a moderator removed a voter's ratings): read everything again. */
  clear(): void {
    this.slots.clear();
    this.bytes = 0;
  }

  /** What the cache holds now, for tests and diagnostics. */
  stats(): { shows: number; bytes: number } {
    let shows = 0;
    for (const slot of this.slots.values()) if (slot.value) shows++;
    return { shows, bytes: this.bytes };
  }

  private stored(showId: number): Promise<Stored> {
    const now = this.clock();
    let slot = this.slots.get(showId);
    if (slot) this.slots.delete(showId);
    else slot = { changed: new Set() };
    this.slots.set(showId, slot);

    const base = slot.pending?.promise ?? (slot.value && Promise.resolve(slot.value));
    if (base && slot.changed.size > 0) {
      const episodeIds = [...slot.changed];
      slot.changed.clear();
      // The read starts now, beside any still running; only the merges wait their turn, so
      // concurrent votes do not queue behind one another's queries. A later read wins a merge.
      const read = this.source.episodeStandings({ episodeIds });
      return this.start(
        showId,
        slot,
        'patch',
        Promise.all([base, read]).then(([b, fresh]) => this.patch(b, episodeIds, fresh)),
      );
    }
    const fresh = slot.value !== undefined && now < slot.value.readAt + this.ttlMs;
    const usable = slot.value !== undefined && now < slot.value.readAt + 2 * this.ttlMs;
    if (slot.pending) {
      // A patch carries a change some caller must see; only a mere refresh may be waited out on the old entry.
      return slot.pending.kind === 'load' && usable ? Promise.resolve(slot.value!) : slot.pending.promise;
    }
    if (fresh) return Promise.resolve(slot.value!);
    slot.changed.clear();
    const load = this.start(showId, slot, 'load', this.load(showId));
    return usable ? Promise.resolve(slot.value!) : load;
  }

  private async load(showId: number): Promise<Stored> {
    const readAt = this.clock();
    return { standings: showStandings(showId, await this.source.episodeStandings({ showId })), readAt };
  }

  /** The base with the changed episodes as read again; the whole show when one moved or vanished. */
  private async patch(base: Stored, episodeIds: number[], rows: EpisodeStanding[]): Promise<Stored> {
    const { showId } = base.standings;
    const fresh = new Map(rows.map((e) => [e.id, e]));
    const unchangedPlace = episodeIds.every((id) => {
      const before = base.standings.byId.get(id);
      const after = fresh.get(id);
      return before && after && after.showId === showId && after.seasonId === before.seasonId && after.episodeNumber === before.episodeNumber;
    });
    // A deleted or renumbered episode normally arrives with invalidateShow; never guess the new order.
    if (!unchangedPlace) return this.load(showId);
    // The rest of the show is as old as the base: its age still bounds how stale other instances' changes are.
    return { standings: withTallies(base.standings, fresh), readAt: base.readAt };
  }

  private start(showId: number, slot: Slot, kind: 'load' | 'patch', promise: Promise<Stored>): Promise<Stored> {
    const pending = { promise, kind };
    slot.pending = pending;
    const current = () => this.slots.get(showId) === slot && slot.pending === pending;
    promise.then(
      (stored) => {
        if (!current()) return;
        slot.pending = undefined;
        this.keep(showId, slot, stored);
      },
      () => {
        // Forget the show, marks included: the next request reads it whole and meets the error itself.
        if (current()) this.drop(showId);
      },
    );
    return promise;
  }

  private keep(showId: number, slot: Slot, stored: Stored): void {
    this.bytes -= slot.value?.standings.bytes ?? 0;
    slot.value = undefined;
    if (this.ttlMs <= 0 || stored.standings.bytes > this.maxBytes) {
      // Marks go too: with nothing kept and nothing running, the next request reads the whole show anyway.
      this.slots.delete(showId);
      return;
    }
    slot.value = stored;
    this.bytes += stored.standings.bytes;
    for (const [oldest, other] of this.slots) {
      if (this.bytes <= this.maxBytes) break;
      if (other !== slot) this.drop(oldest);
    }
  }

  private drop(showId: number): void {
    const slot = this.slots.get(showId);
    if (!slot) return;
    this.bytes -= slot.value?.standings.bytes ?? 0;
    this.slots.delete(showId);
  }
}
