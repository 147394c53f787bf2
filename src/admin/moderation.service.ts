import type { Kysely } from 'kysely';
import { FormError } from '../accounts/accounts.service.js';
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import { episodeTitle } from '../catalog/catalog.types.js';
import { nowTimestamp } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { transact } from '../db/transact.js';
import { NotFoundError } from '../errors.js';
import { parseRange, type VoteBlocks } from '../votes/vote-blocks.js';
import { AuditRepository, type Actor } from './audit.repository.js';
import { AdminListsRepository } from './admin-lists.repository.js';
import { ADMIN_PAGE_SIZE, numberedPage, offsetOf, type NumberedPage } from './admin-paging.js';
import { ModerationRepository, type VoteCursor } from './moderation.repository.js';

/**
 * The burst check's thresholds. An episode is flagged when, over the last hour, it took at least
 * MIN_BURST votes and RATE_FACTOR times its usual hourly rate of the past week; or when at least
 * MIN_EXTREME_VOTES of its votes cast here give a share of 1s and 10s that is EXTREME_MARGIN
 * above the show's and Z_THRESHOLD standard errors away from it (a one-sided binomial test).
 */
export const MIN_BURST = 10;
export const RATE_FACTOR = 5;
export const MIN_EXTREME_VOTES = 10;
export const EXTREME_MARGIN = 0.2;
export const Z_THRESHOLD = 3;

const HOUR = 3_600_000;

export interface Flag {
  episodeId: number;
  episode: string;
  address: { show: string; season: number; episode: number } | null;
  reasons: string[];
}

const percent = (x: number) => `${Math.round(100 * x)} %`;

/** The rules of moderation: what looks like stuffing, and how a moderator undoes and prevents it. */
export class ModerationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly catalog: CatalogRepository,
    private readonly blocks: VoteBlocks,
    /** Told after ratings are removed, so cached pages are dropped. */
    private readonly onVotesRemoved: () => void,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Episodes whose recent votes look like a burst or lean on extreme ratings far more than their
   * show, a page at a time, most votes in the last hour first. Only episodes voted on in the last
   * hour are looked at (what is happening now is what a moderator can act on), so the check costs
   * that hour's votes and those episodes' shows, never every vote or show of the site.
   */
  async flagged(page = 1): Promise<NumberedPage<Flag>> {
    const repo = new ModerationRepository(this.db);
    const now = this.clock().getTime();
    const reasons = new Map<number, string[]>();
    const add = (id: number, reason: string) => reasons.set(id, [...(reasons.get(id) ?? []), reason]);

    const hourStart = new Date(now - HOUR).toISOString();
    const weekStart = new Date(now - 7 * 24 * HOUR).toISOString();
    const lastHour = await repo.votesSince(hourStart);
    const bursting = lastHour.filter((r) => r.votes >= MIN_BURST);
    const week = await repo.votesSinceOf(
      bursting.map((r) => r.episodeId),
      weekStart,
    );
    for (const r of bursting) {
      const usual = ((week.get(r.episodeId) ?? r.votes) - r.votes) / (7 * 24 - 1);
      if (r.votes >= RATE_FACTOR * Math.max(usual, 1)) {
        add(r.episodeId, `${r.votes} votes in the last hour, against ${usual.toFixed(1)} an hour over the past week`);
      }
    }

    const episodes = (await repo.extremesOf(lastHour.map((r) => r.episodeId))).filter((e) => e.votes >= MIN_EXTREME_VOTES);
    const shows = await repo.showExtremes([...new Set(episodes.map((e) => e.showId))]);
    for (const e of episodes) {
      const show = shows.get(e.showId);
      if (!show) continue;
      // Smoothed, so a show whose every vote so far was extreme (or none was) still has a spread.
      const usual = (show.ones + show.tens + 1) / (show.votes + 2);
      const share = (e.ones + e.tens) / e.votes;
      const z = (share - usual) / Math.sqrt((usual * (1 - usual)) / e.votes);
      if (share - usual >= EXTREME_MARGIN && z >= Z_THRESHOLD) {
        add(e.episodeId, `${percent(share)} of its ${e.votes} votes are 1s or 10s, against ${percent(usual)} across ${show.title}`);
      }
    }

    const recent = new Map(lastHour.map((r) => [r.episodeId, r.votes]));
    const order = [...reasons.keys()].sort((a, b) => (recent.get(b) ?? 0) - (recent.get(a) ?? 0) || a - b);
    const shown = order.slice(offsetOf(page, ADMIN_PAGE_SIZE), offsetOf(page + 1, ADMIN_PAGE_SIZE));
    const addresses = await this.catalog.episodeAddresses(shown);
    const items = shown.map((episodeId) => {
      const address = addresses.get(episodeId);
      return {
        episodeId,
        episode: address?.label ?? `episode ${episodeId}`,
        address: address ? { show: address.show, season: address.season, episode: address.episode } : null,
        reasons: reasons.get(episodeId)!,
      };
    });
    return numberedPage(items, page, ADMIN_PAGE_SIZE, order.length);
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
      await new AuditRepository(trx).record({ actor, action: `block.${kind}`, subject: text, before: null, after: { kind, value: text }, at: nowTimestamp(this.clock) });
      trx.onCommit(() => this.blocks.reload());
    });
  }

  async unblock(actor: Actor, id: number): Promise<void> {
    await transact(this.db, async (trx) => {
      const removed = await new ModerationRepository(trx).removeBlock(id);
      if (!removed) throw new NotFoundError('That block no longer exists.');
      await new AuditRepository(trx).record({ actor, action: `unblock.${removed.kind}`, subject: removed.value, before: removed, after: null, at: nowTimestamp(this.clock) });
      trx.onCommit(() => this.blocks.reload());
    });
  }
}
