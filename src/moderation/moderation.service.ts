/**
 * Moderation for the admin pages: flags raised by the stuffing checks, the scores with and
 * without a flagged window, and a moderator's removals and blocks.
 */
import { FormError, NotFoundError, says } from '../shared/errors.js';
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import { episodeTitle } from '../catalog/catalog.types.js';
import { nowTimestamp } from '../db/dialect.js';
import type { FlagKind, FlagStatus } from '../db/schema.js';
import type { Emit } from '../shared/change-feed.js';
import { Memo } from '../shared/memo.js';
import { parseRange } from '../votes/vote-blocks.js';
import type { AuditRepository, Actor } from '../editing/audit.repository.js';
import type { AdminListsRepository } from '../editing/admin-lists.repository.js';
import { ADMIN_PAGE_SIZE } from '../editing/admin-paging.js';
import type { FlagsRepository, StoredFlag } from './flags.repository.js';
import type { HeldRatingsRepository } from './held-ratings.repository.js';
import type { ModerationRepository, VoteCursor } from './moderation.repository.js';
import type { Store } from '../db/store.js';
import { numberedPage, offsetOf, type NumberedPage } from '../shared/paging.js';
import { formatAverage } from '../ranking/ranking.js';

const HOUR = 3_600_000;

/** How long the header's count of what awaits a moderator may be reused: it is read on every page an admin opens. */
export const OPEN_FLAG_COUNT_TTL_MS = 5000;

/** The most held ratings the header counts: past it the badge says "1000+" (a flood needs no exact figure there). */
export const HELD_COUNT_CAP = 1000;

/** What awaits a moderator, for the header's "Moderation (N)": open flags and held ratings. */
export interface ModerationQueue {
  count: number;
  /** The held ratings reached HELD_COUNT_CAP: there may be more than `count`. */
  atLeast: boolean;
}

/** A window's share of an episode's tally: the average with and without the votes changed in it. */
export interface FlaggedScore {
  kind: FlagKind;
  windowStart: string;
  windowEnd: string;
  /** Votes whose last change falls in the window. */
  windowVotes: number;
  /** The average as shown, and without the window's votes (null when nothing would be left). */
  score: string | null;
  without: string | null;
}

export interface Flag extends FlaggedScore {
  id: number;
  episodeId: number;
  episode: string;
  address: { show: string; season: number; episode: number } | null;
  reason: string;
  status: FlagStatus;
  raisedAt: string;
  closedBy: string | null;
}

/** The repositories moderation reads and writes through its store. */
export interface ModerationRepositories {
  flags: FlagsRepository;
  heldRatings: HeldRatingsRepository;
  moderation: ModerationRepository;
  adminLists: AdminListsRepository;
  audit: AuditRepository;
  /** Names the episodes a removal touched, for the change feed. */
  catalog: CatalogRepository;
}

/** The rules of moderation: what looks like stuffing, and how a moderator undoes and prevents it. */
export class ModerationService {
  /** Dropped through the cache bus when a flag is raised or closed or held ratings change, on every instance. */
  private readonly queueCount: Memo<'queue', ModerationQueue>;

  constructor(
    private readonly store: Store<ModerationRepositories>,
    private readonly catalog: CatalogRepository,
    /** Told after commit of removed ratings, blocks and closed flags (src/shared/change-feed.ts). */
    private readonly emit: Emit,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.queueCount = new Memo({ ttlMs: OPEN_FLAG_COUNT_TTL_MS, clock: () => this.clock().getTime() });
  }

  /**
   * The stored flags (the scheduled checks in stuffing-detector.ts raise them), open ones first, a
   * page at a time, each with the episode's average with and without its window.
   */
  async flagged(page = 1): Promise<NumberedPage<Flag>> {
    const repo = this.store.read.flags;
    const [rows, total] = await Promise.all([repo.page(offsetOf(page, ADMIN_PAGE_SIZE), ADMIN_PAGE_SIZE), repo.countAll()]);
    const addresses = await this.catalog.episodeAddresses([...new Set(rows.map((f) => f.episodeId))]);
    const items: Flag[] = [];
    for (const f of rows) {
      const address = addresses.get(f.episodeId);
      items.push({
        id: f.id,
        episodeId: f.episodeId,
        episode: address?.named ?? `episode ${f.episodeId}`,
        address: address ? { show: address.show, season: address.season, episode: address.episode } : null,
        reason: f.reason,
        status: f.status,
        raisedAt: f.raisedAt,
        closedBy: f.closedBy,
        ...(await scoreWithout(repo, f, nowTimestamp(this.clock))),
      });
    }
    return numberedPage(items, page, ADMIN_PAGE_SIZE, total);
  }

  /** How many open flags and held ratings wait for a moderator, for the header; reused for a few seconds. */
  async moderationQueue(): Promise<ModerationQueue> {
    return this.queueCount.get('queue', async () => {
      const [flags, held] = await Promise.all([this.store.read.flags.countOpen(), this.store.read.heldRatings.countUpTo(HELD_COUNT_CAP)]);
      return { count: flags + held, atLeast: held >= HELD_COUNT_CAP };
    });
  }

  /** A flag was raised or closed, or held ratings came or went (the cache bus's `flags`): the next header counts afresh. */
  forgetModerationQueue(): void {
    this.queueCount.clear();
  }

  /** The episode's average with and without its open flag's window (the earliest one), or null when none is open. */
  async flaggedScore(episodeId: number): Promise<FlaggedScore | null> {
    const repo = this.store.read.flags;
    const open = await repo.openFlagsOf(episodeId);
    const earliest = open.sort((a, b) => (a.windowStart < b.windowStart ? -1 : 1))[0];
    return earliest ? scoreWithout(repo, earliest, nowTimestamp(this.clock)) : null;
  }

  /** A moderator closes a flag as dismissed (nothing wrong) or resolved (dealt with); audited. */
  async closeFlag(actor: Actor, id: number, status: string): Promise<void> {
    if (status !== 'dismissed' && status !== 'resolved') throw new FormError({ status: says('errors.chooseDismissOrResolve') });
    await this.store.transact(async (tx) => {
      const before = await tx.flags.find(id);
      if (!before || !(await tx.flags.close(id, status, actor.email, nowTimestamp(this.clock)))) throw new NotFoundError(says('errors.flagClosed'));
      await tx.audit.record({
        actor,
        action: `flag.${status === 'dismissed' ? 'dismiss' : 'resolve'}`,
        subject: `flag ${id} (${before.kind}, episode ${before.episodeId})`,
        before,
        after: { status },
        at: nowTimestamp(this.clock),
      });
      tx.onCommit(() => this.emit({ kind: 'flags' }));
    });
  }

  /** What a moderator looks at for one episode, with one page of its votes in the order they arrived. */
  async episodeReport(showSlug: string, seasonNumber: number, episodeNumber: number, cursor: { before?: VoteCursor; after?: VoteCursor } = {}) {
    const ref = await this.catalog.findEpisodeRef(showSlug, seasonNumber, episodeNumber);
    if (!ref) throw new NotFoundError(`There is no episode ${episodeNumber} in season ${seasonNumber} of “${showSlug}”.`);
    const repo = this.store.read.moderation;
    const since = new Date(this.clock().getTime() - 48 * HOUR).toISOString();
    const mine = (await repo.extremesOf([ref.episodeId]))[0] ?? { votes: 0, ones: 0, tens: 0 };
    const show = (await repo.showExtremes([ref.showId])).get(ref.showId) ?? { votes: 0, ones: 0, tens: 0 };
    const share = (count: number, of: number) => (of === 0 ? null : count / of);
    const stored = await this.store.read.adminLists.episode(ref.seasonId, episodeNumber);
    return {
      showSlug,
      seasonNumber,
      episodeNumber,
      title: episodeTitle({ title: stored?.title ?? null, number: episodeNumber }),
      votesHere: mine.votes,
      perHour: await repo.votesPerHour(ref.episodeId, since),
      ones: { episode: share(mine.ones, mine.votes), show: share(show.ones, show.votes) },
      tens: { episode: share(mine.tens, mine.votes), show: share(show.tens, show.votes) },
      newest: await repo.votesByArrival(ref.episodeId, cursor, ADMIN_PAGE_SIZE),
    };
  }

  /** How many ratings a removal would take, on how many episodes of how many shows. */
  async voterReach(voterId: string) {
    return this.store.read.moderation.voterReach(voterId);
  }

  /** One page of blocks, newest first, with how many there are. */
  async blocksPage(cursor: { before?: number; after?: number } = {}) {
    const repo = this.store.read.moderation;
    const [page, total] = await Promise.all([repo.blocksPage(cursor, ADMIN_PAGE_SIZE), repo.countBlocks()]);
    return { ...page, total };
  }

  /** Removes every rating one voter cast; tallies follow in the same transaction, and it is audited. */
  async removeVoterRatings(actor: Actor, voterId: string): Promise<number> {
    // p:… voters are imported ratings of accounts that do not exist here (see importers/exported-voters.ts).
    if (!/^[aup]:[\w-]{1,62}$/.test(voterId)) throw new FormError({ voterId: 'That is not a voter id (a:…, u:… or p:…).' });
    return this.store.transact(async (tx) => {
      const ratings = await tx.moderation.removeVoter(voterId);
      await tx.audit.record({
        actor,
        action: 'votes.remove-voter',
        subject: `voter ${voterId}`,
        before: ratings,
        after: [],
        at: nowTimestamp(this.clock),
      });
      if (ratings.length > 0) {
        const changes = await tx.catalog.ratingChanges(ratings.map((r) => r.episodeId));
        tx.onCommit(() => this.emit({ kind: 'ratings', changes }));
      }
      return ratings.length;
    });
  }

  /** Stops a voter (`a:…` or `u:…`) or an address range (CIDR, or one address) from voting. */
  async block(actor: Actor, kind: string, value: string): Promise<void> {
    const text = value.trim();
    if (kind === 'voter' ? !/^[au]:[\w-]{1,62}$/.test(text) : kind !== 'ip' || !parseRange(text)) {
      throw new FormError({
        value: kind === 'voter' ? 'That is not a voter id (a:… or u:…).' : 'Enter an address or a range such as 203.0.113.0/24 or 2001:db8::/32.',
      });
    }
    await this.store.transact(async (tx) => {
      await tx.moderation.addBlock(kind as 'voter' | 'ip', text, actor.email, nowTimestamp(this.clock));
      await tx.audit.record({
        actor,
        action: `block.${kind}`,
        subject: text,
        before: null,
        after: { kind, value: text },
        at: nowTimestamp(this.clock),
      });
      tx.onCommit(() => this.emit({ kind: 'blocks' }));
    });
  }

  async unblock(actor: Actor, id: number): Promise<void> {
    await this.store.transact(async (tx) => {
      const removed = await tx.moderation.removeBlock(id);
      if (!removed) throw new NotFoundError('That block no longer exists.');
      await tx.audit.record({
        actor,
        action: `unblock.${removed.kind}`,
        subject: removed.value,
        before: removed,
        after: null,
        at: nowTimestamp(this.clock),
      });
      tx.onCommit(() => this.emit({ kind: 'blocks' }));
    });
  }
}

/** The tally minus the votes whose last change falls in the flag's window. */
async function scoreWithout(repo: FlagsRepository, flag: StoredFlag, now: string): Promise<FlaggedScore> {
  // An open flag's window runs on to now: votes changed since the last check belong to it too.
  const end = flag.status === 'open' && now > flag.windowEnd ? now : flag.windowEnd;
  const [tally, window] = await Promise.all([repo.tallyOf(flag.episodeId), repo.windowFigures(flag.episodeId, flag.windowStart, end)]);
  const rest = { count: Math.max(0, tally.count - window.count), sum: Math.max(0, tally.sum - window.sum) };
  return {
    kind: flag.kind,
    windowStart: flag.windowStart,
    windowEnd: flag.windowEnd,
    windowVotes: window.count,
    score: formatAverage(tally),
    without: formatAverage(rest),
  };
}
