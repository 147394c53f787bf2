/**
 * Moderation for the admin pages: flags raised by the stuffing checks, the scores with and
 * without a flagged window, and a moderator's removals and blocks.
 */
import type { Kysely } from 'kysely';
import { FormError, NotFoundError } from '../shared/errors.js';
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import { episodeTitle } from '../catalog/catalog.types.js';
import { nowTimestamp } from '../db/dialect.js';
import type { Database, FlagKind, FlagStatus } from '../db/schema.js';
import { transact } from '../db/transact.js';
import { parseRange, type VoteBlocks } from '../votes/vote-blocks.js';
import { AuditRepository, type Actor } from './audit.repository.js';
import { AdminListsRepository } from './admin-lists.repository.js';
import { ADMIN_PAGE_SIZE } from './admin-paging.js';
import { numberedPage, offsetOf, type NumberedPage } from '../shared/paging.js';
import { FlagsRepository, type StoredFlag } from './flags.repository.js';
import { ModerationRepository, type VoteCursor } from './moderation.repository.js';
import { formatAverage } from '../ranking/ranking.js';

const HOUR = 3_600_000;

/** How long the header's count of open flags may be reused: it is read on every page an admin opens. */
export const OPEN_FLAG_COUNT_TTL_MS = 5000;

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

/** The rules of moderation: what looks like stuffing, and how a moderator undoes and prevents it. */
export class ModerationService {
  private openCount: { value: number; at: number } | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly catalog: CatalogRepository,
    private readonly blocks: VoteBlocks,
    /** Told after ratings are removed, so cached pages are dropped. */
    private readonly onVotesRemoved: () => void,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * The stored flags (the scheduled checks in stuffing-detector.ts raise them), open ones first, a
   * page at a time, each with the episode's average with and without its window.
   */
  async flagged(page = 1): Promise<NumberedPage<Flag>> {
    const repo = new FlagsRepository(this.db);
    const [rows, total] = await Promise.all([repo.page(offsetOf(page, ADMIN_PAGE_SIZE), ADMIN_PAGE_SIZE), repo.countAll()]);
    const addresses = await this.catalog.episodeAddresses([...new Set(rows.map((f) => f.episodeId))]);
    const items: Flag[] = [];
    for (const f of rows) {
      const address = addresses.get(f.episodeId);
      items.push({
        id: f.id,
        episodeId: f.episodeId,
        episode: address?.label ?? `episode ${f.episodeId}`,
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

  /** How many flags wait for a moderator, for the header; reused for a few seconds. */
  async openFlagCount(): Promise<number> {
    const now = this.clock().getTime();
    if (this.openCount === null || now - this.openCount.at >= OPEN_FLAG_COUNT_TTL_MS) {
      this.openCount = { value: await new FlagsRepository(this.db).countOpen(), at: now };
    }
    return this.openCount.value;
  }

  /** A flag was raised or closed: the next header counts afresh. */
  forgetOpenFlagCount(): void {
    this.openCount = null;
  }

  /** The episode's average with and without its open flag's window (the earliest one), or null when none is open. */
  async flaggedScore(episodeId: number): Promise<FlaggedScore | null> {
    const repo = new FlagsRepository(this.db);
    const open = await repo.openFlagsOf(episodeId);
    const earliest = open.sort((a, b) => (a.windowStart < b.windowStart ? -1 : 1))[0];
    return earliest ? scoreWithout(repo, earliest, nowTimestamp(this.clock)) : null;
  }

  /** A moderator closes a flag as dismissed (nothing wrong) or resolved (dealt with); audited. */
  async closeFlag(actor: Actor, id: number, status: string): Promise<void> {
    if (status !== 'dismissed' && status !== 'resolved') throw new FormError({ status: 'Choose dismiss or resolve.' });
    await transact(this.db, async (trx) => {
      const repo = new FlagsRepository(trx);
      const before = await repo.find(id);
      if (!before || !(await repo.close(id, status, actor.email, nowTimestamp(this.clock)))) throw new NotFoundError('That flag is no longer open.');
      await new AuditRepository(trx).record({
        actor,
        action: `flag.${status === 'dismissed' ? 'dismiss' : 'resolve'}`,
        subject: `flag ${id} (${before.kind}, episode ${before.episodeId})`,
        before,
        after: { status },
        at: nowTimestamp(this.clock),
      });
      trx.onCommit(() => this.forgetOpenFlagCount());
    });
  }

  /** What a moderator looks at for one episode, with one page of its votes in the order they arrived. */
  async episodeReport(showSlug: string, seasonNumber: number, episodeNumber: number, cursor: { before?: VoteCursor; after?: VoteCursor } = {}) {
    const ref = await this.catalog.findEpisodeRef(showSlug, seasonNumber, episodeNumber);
    if (!ref) throw new NotFoundError(`There is no episode ${episodeNumber} in season ${seasonNumber} of “${showSlug}”.`);
    const repo = new ModerationRepository(this.db);
    const since = new Date(this.clock().getTime() - 48 * HOUR).toISOString();
    const mine = (await repo.extremesOf([ref.episodeId]))[0] ?? { votes: 0, ones: 0, tens: 0 };
    const show = (await repo.showExtremes([ref.showId])).get(ref.showId) ?? { votes: 0, ones: 0, tens: 0 };
    const share = (count: number, of: number) => (of === 0 ? null : count / of);
    const stored = await new AdminListsRepository(this.db).episode(ref.seasonId, episodeNumber);
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
    return new ModerationRepository(this.db).voterReach(voterId);
  }

  /** One page of blocks, newest first, with how many there are. */
  async blocksPage(cursor: { before?: number; after?: number } = {}) {
    const repo = new ModerationRepository(this.db);
    const [page, total] = await Promise.all([repo.blocksPage(cursor, ADMIN_PAGE_SIZE), repo.countBlocks()]);
    return { ...page, total };
  }

  /** Removes every rating one voter cast; tallies follow in the same transaction, and it is audited. */
  async removeVoterRatings(actor: Actor, voterId: string): Promise<number> {
    // p:… voters are imported ratings of accounts that do not exist here (see importers/exported-voters.ts).
    if (!/^[aup]:[\w-]{1,62}$/.test(voterId)) throw new FormError({ voterId: 'That is not a voter id (a:…, u:… or p:…).' });
    return transact(this.db, async (trx) => {
      const ratings = await ModerationRepository.removeVoter(trx, voterId);
      await new AuditRepository(trx).record({
        actor,
        action: 'votes.remove-voter',
        subject: `voter ${voterId}`,
        before: ratings,
        after: [],
        at: nowTimestamp(this.clock),
      });
      if (ratings.length > 0) trx.onCommit(this.onVotesRemoved);
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
    await transact(this.db, async (trx) => {
      await new ModerationRepository(trx).addBlock(kind as 'voter' | 'ip', text, actor.email, nowTimestamp(this.clock));
      await new AuditRepository(trx).record({
        actor,
        action: `block.${kind}`,
        subject: text,
        before: null,
        after: { kind, value: text },
        at: nowTimestamp(this.clock),
      });
      trx.onCommit(() => this.blocks.reload());
    });
  }

  async unblock(actor: Actor, id: number): Promise<void> {
    await transact(this.db, async (trx) => {
      const removed = await new ModerationRepository(trx).removeBlock(id);
      if (!removed) throw new NotFoundError('That block no longer exists.');
      await new AuditRepository(trx).record({
        actor,
        action: `unblock.${removed.kind}`,
        subject: removed.value,
        before: removed,
        after: null,
        at: nowTimestamp(this.clock),
      });
      trx.onCommit(() => this.blocks.reload());
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
