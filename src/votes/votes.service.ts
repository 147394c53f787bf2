/**
 * The rules of voting: who may vote, on which episode, within which limits; and what a vote
 * changes in the numbers and caches.
 */
import type { EpisodeRef } from '../catalog/catalog.types.js';
import type { EpisodeDirectory } from '../catalog/episode-directory.js';
import { isForeignKeyViolation, nowTimestamp } from '../db/dialect.js';
import type { Store } from '../db/store.js';
import type { Emit } from '../shared/change-feed.js';
import { BadRequestError, ForbiddenError, NotFoundError, TooManyRequestsError } from '../shared/errors.js';
import type { EpisodeSnapshot, RankingRequest, RankingsService } from '../ranking/rankings.service.js';
import type { Limit } from '../shared/rate-limiter.js';
import { NetworkAllowance } from './network-allowance.js';
import { isRating, RATING_RULE } from './rating-scale.js';
import { VoteWrites, type VoteRepositories } from './vote-writes.js';
import type { VoteChange, VoterRef } from './votes.repository.js';

/** Who is voting, as the HTTP layer knows them. */
export interface Ballot {
  voter: VoterRef;
  ip: string;
}

/** The public address of an episode. */
export interface EpisodeAddress {
  show: string;
  season: number;
  episode: number;
}

export interface VoteOutcome {
  change: VoteChange;
  ref: EpisodeRef;
}

/** The rules of voting: who may vote how often, what a rating is, and what a vote changes. */
export class VotesService {
  /** Where a vote commits (vote-writes.ts). */
  private readonly writes: VoteWrites;

  constructor(
    private readonly store: Store<VoteRepositories>,
    private readonly episodes: EpisodeDirectory,
    private readonly rankings: RankingsService,
    private readonly limits: { perVoter: Limit; perIp: Limit },
    /** Told after every committed change (src/shared/change-feed.ts): caches and refreshers follow. */
    private readonly emit: Emit,
    /** VOTING: `accounts` turns anonymous voters away. */
    private readonly voting: 'anyone' | 'accounts' = 'anyone',
    /** Voters and address ranges moderators have blocked. */
    private readonly blocks: { isBlocked(voterId: string, ip: string): Promise<boolean> } = { isBlocked: async () => false },
    private readonly clock: () => Date = () => new Date(),
    /** The per-network rule (network-allowance.ts). */
    private readonly perNetwork: { allowance: NetworkAllowance } = { allowance: new NetworkAllowance(0) },
  ) {
    this.writes = new VoteWrites(store);
  }

  async rate(ballot: Ballot, address: EpisodeAddress, rating: number): Promise<VoteOutcome> {
    if (!isRating(rating)) throw new BadRequestError(RATING_RULE);
    await this.checkVoter(ballot);
    const ref = await this.resolve(address);
    await this.checkRate(ballot);
    const change = await this.writes
      .rate(ref.episodeId, ballot.voter, rating, ballot.ip, nowTimestamp(this.clock), this.perNetwork.allowance.caps(ballot.ip))
      .catch((error: unknown) => this.episodeGone(error, address));
    this.changed(change, ref);
    return { change, ref };
  }

  async withdraw(ballot: Ballot, address: EpisodeAddress): Promise<VoteOutcome> {
    await this.checkVoter(ballot);
    const ref = await this.resolve(address);
    await this.checkRate(ballot);
    const change = await this.writes.withdraw(ref.episodeId, ballot.voter.id);
    this.changed(change, ref);
    return { change, ref };
  }

  /** How many ratings of an episode await a moderator's review (shown on its page). */
  async heldCount(episodeId: number): Promise<number> {
    return this.store.read.votes.heldCount(episodeId);
  }

  /** A held rating never moved the tally; a new or withdrawn one still changes the page's held count. */
  private changed(change: VoteChange, ref: EpisodeRef): void {
    const changes = [{ showId: ref.showId, episodeId: ref.episodeId }];
    if (change.held) {
      if (change.previous === null || change.current === null) this.emit({ kind: 'held-ratings', changes });
    } else if (change.previous !== change.current) this.emit({ kind: 'ratings', changes });
  }

  /** The ranking numbers to answer a vote with. */
  async snapshot(outcome: VoteOutcome, ranking: RankingRequest | null): Promise<EpisodeSnapshot> {
    return this.rankings.snapshot(outcome.ref.episodeId, outcome.ref.showId, ranking);
  }

  /** This voter's ratings of the given episodes (empty for a visitor who never voted). */
  async ratingsOf(voter: VoterRef | null, episodeIds: readonly number[]): Promise<Map<number, number>> {
    return voter ? this.store.read.votes.ratingsOf(voter.id, episodeIds) : new Map();
  }

  private async resolve(address: EpisodeAddress): Promise<EpisodeRef> {
    const ref = await this.episodes.resolve(address.show, address.season, address.episode);
    if (!ref) throw this.notFound(address);
    return ref;
  }

  /** An episode deleted (by another instance) after its address was resolved fails the foreign key. */
  private episodeGone(error: unknown, address: EpisodeAddress): never {
    if (!isForeignKeyViolation(error)) throw error;
    this.episodes.forget();
    throw this.notFound(address);
  }

  private notFound(address: EpisodeAddress): NotFoundError {
    return new NotFoundError(`There is no episode ${address.episode} in season ${address.season} of “${address.show}”.`);
  }

  private async checkVoter(ballot: Ballot): Promise<void> {
    if (this.voting === 'accounts' && ballot.voter.kind !== 'account') {
      throw new ForbiddenError('Only signed-in fans can vote on this site. Sign in or create an account at /account/sign-in.');
    }
    if (await this.blocks.isBlocked(ballot.voter.id, ballot.ip)) {
      throw new ForbiddenError('Votes from this voter or network are not accepted here. Contact the site’s moderators if this is a mistake.');
    }
  }

  /** The voter's limit is checked first, so a voter who is already refused spends none of the address's budget. */
  private async checkRate(ballot: Ballot): Promise<void> {
    const checks = [() => this.limits.perVoter.take(ballot.voter.id), () => this.limits.perIp.take(ballot.ip)];
    for (const check of checks) {
      const decision = await check();
      if (!decision.allowed) {
        throw new TooManyRequestsError(
          `You are voting faster than Epirank allows. Try again in ${decision.retryAfterSeconds} second${decision.retryAfterSeconds === 1 ? '' : 's'}.`,
          decision.retryAfterSeconds,
        );
      }
    }
  }
}
