import type { Kysely } from 'kysely';
import { FormError } from '../accounts/accounts.service.js';
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import { episodeTitle } from '../catalog/catalog.types.js';
import { nowTimestamp } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import { parseRange, type VoteBlocks } from '../votes/vote-blocks.js';
import { AuditRepository, type Actor } from './audit.repository.js';
import { ModerationRepository } from './moderation.repository.js';

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

  /** Episodes whose recent votes look like a burst or lean on extreme ratings far more than their show. */
  async flagged(): Promise<Flag[]> {
    const repo = new ModerationRepository(this.db);
    const now = this.clock().getTime();
    const reasons = new Map<number, string[]>();
    const add = (id: number, reason: string) => reasons.set(id, [...(reasons.get(id) ?? []), reason]);

    const hourStart = new Date(now - HOUR).toISOString();
    const weekStart = new Date(now - 7 * 24 * HOUR).toISOString();
    for (const r of await repo.recentCounts(weekStart, hourStart)) {
      const usual = (r.week - r.lastHour) / (7 * 24 - 1);
      if (r.lastHour >= MIN_BURST && r.lastHour >= RATE_FACTOR * Math.max(usual, 1)) {
        add(r.episodeId, `${r.lastHour} votes in the last hour, against ${usual.toFixed(1)} an hour over the past week`);
      }
    }

    for (const show of await this.catalog.listShows()) {
      const episodes = await repo.extremes(show.id);
      const votes = episodes.reduce((n, e) => n + e.votes, 0);
      const extreme = episodes.reduce((n, e) => n + e.ones + e.tens, 0);
      // Smoothed, so a show whose every vote so far was extreme (or none was) still has a spread.
      const usual = (extreme + 1) / (votes + 2);
      for (const e of episodes) {
        if (e.votes < MIN_EXTREME_VOTES) continue;
        const share = (e.ones + e.tens) / e.votes;
        const z = (share - usual) / Math.sqrt((usual * (1 - usual)) / e.votes);
        if (share - usual >= EXTREME_MARGIN && z >= Z_THRESHOLD) {
          add(e.episodeId, `${percent(share)} of its ${e.votes} votes are 1s or 10s, against ${percent(usual)} across ${show.title}`);
        }
      }
    }
    const addresses = await this.catalog.episodeAddresses([...reasons.keys()]);
    return [...reasons.entries()].map(([episodeId, why]) => {
      const address = addresses.get(episodeId);
      return {
        episodeId,
        episode: address?.label ?? `episode ${episodeId}`,
        address: address ? { show: address.show, season: address.season, episode: address.episode } : null,
        reasons: why,
      };
    });
  }

  /** What a moderator looks at for one episode. */
  async episodeReport(showSlug: string, seasonNumber: number, episodeNumber: number) {
    const ref = await this.catalog.findEpisodeRef(showSlug, seasonNumber, episodeNumber);
    if (!ref) throw new NotFoundError(`There is no episode ${episodeNumber} in season ${seasonNumber} of “${showSlug}”.`);
    const repo = new ModerationRepository(this.db);
    const since = new Date(this.clock().getTime() - 48 * HOUR).toISOString();
    const extremes = await repo.extremes(ref.showId);
    const mine = extremes.find((e) => e.episodeId === ref.episodeId) ?? { episodeId: ref.episodeId, votes: 0, ones: 0, tens: 0 };
    const showVotes = extremes.reduce((n, e) => n + e.votes, 0);
    const share = (count: number, of: number) => (of === 0 ? null : count / of);
    const season = await this.catalog.findSeason(ref.showId, seasonNumber);
    const stored = (await this.catalog.episodesOfSeason(season!.id)).find((e) => e.id === ref.episodeId)!;
    return {
      showSlug,
      seasonNumber,
      episodeNumber,
      title: episodeTitle(stored),
      votesHere: mine.votes,
      perHour: await repo.votesPerHour(ref.episodeId, since),
      ones: { episode: share(mine.ones, mine.votes), show: share(extremes.reduce((n, e) => n + e.ones, 0), showVotes) },
      tens: { episode: share(mine.tens, mine.votes), show: share(extremes.reduce((n, e) => n + e.tens, 0), showVotes) },
      newest: await repo.newestVotes(ref.episodeId, 20),
    };
  }

  /** Removes every rating one voter cast; tallies follow in the same transaction, and it is audited. */
  async removeVoterRatings(actor: Actor, voterId: string): Promise<number> {
    // p:… voters are imported ratings of accounts that do not exist here (see importers/exported-voters.ts).
    if (!/^[aup]:[\w-]{1,62}$/.test(voterId)) throw new FormError({ voterId: 'That is not a voter id (a:…, u:… or p:…).' });
    const removed = await this.db.transaction().execute(async (trx) => {
      const ratings = await ModerationRepository.removeVoter(trx, voterId);
      await new AuditRepository(trx).record({
        actor,
        action: 'votes.remove-voter',
        subject: `voter ${voterId}`,
        before: ratings,
        after: [],
        at: nowTimestamp(this.clock),
      });
      return ratings.length;
    });
    if (removed > 0) this.onVotesRemoved();
    return removed;
  }

  async listBlocks() {
    return new ModerationRepository(this.db).listBlocks();
  }

  /** Stops a voter (`a:…` or `u:…`) or an address range (CIDR, or one address) from voting. */
  async block(actor: Actor, kind: string, value: string): Promise<void> {
    const text = value.trim();
    if (kind === 'voter' ? !/^[au]:[\w-]{1,62}$/.test(text) : kind !== 'ip' || !parseRange(text)) {
      throw new FormError({
        value: kind === 'voter' ? 'That is not a voter id (a:… or u:…).' : 'Enter an address or a range such as 203.0.113.0/24 or 2001:db8::/32.',
      });
    }
    await this.db.transaction().execute(async (trx) => {
      await new ModerationRepository(trx).addBlock(kind as 'voter' | 'ip', text, actor.email, nowTimestamp(this.clock));
      await new AuditRepository(trx).record({ actor, action: `block.${kind}`, subject: text, before: null, after: { kind, value: text }, at: nowTimestamp(this.clock) });
    });
    await this.blocks.reload();
  }

  async unblock(actor: Actor, id: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const removed = await new ModerationRepository(trx).removeBlock(id);
      if (!removed) throw new NotFoundError('That block no longer exists.');
      await new AuditRepository(trx).record({ actor, action: `unblock.${removed.kind}`, subject: removed.value, before: removed, after: null, at: nowTimestamp(this.clock) });
    });
    await this.blocks.reload();
  }
}
