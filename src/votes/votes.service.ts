/**
 * The rules of voting: who may vote, on which episode, within which limits; and what a vote
 * changes in the numbers and caches.
 */
import type { EpisodeRef } from '../catalog/catalog.types.js';
import type { EpisodeDirectory } from '../catalog/episode-directory.js';
import { isForeignKeyViolation, nowTimestamp } from '../db/dialect.js';
import type { Store } from '../db/store.js';
import type { Emit } from '../shared/change-feed.js';
import { BadRequestError, ForbiddenError, NotFoundError, type MessageRef, says, TooManyRequestsError } from '../shared/errors.js';
import type { EpisodeSnapshot, RankingRequest, RankingsService } from '../ranking/rankings.service.js';
import type { Limit } from '../shared/rate-limiter.js';
import { PROOF_MESSAGES, type ProofOfWork, ProofOfWorkRequiredError } from '../shared/proof-of-work.js';
import { NetworkAllowance, NetworkFullError } from './network-allowance.js';
import { isRating, MAX_RATING, MIN_RATING } from './rating-scale.js';
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

/** What an anonymous voter past their network's allowance or the vote limits is told with the challenge. */
export const PROOF_FOR_NETWORK_MESSAGE = says('errors.proofForNetwork');
export const PROOF_FOR_RATE_MESSAGE = says('errors.proofForRate');

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
    /**
     * Asked of anonymous voters past their network's allowance or a vote limit, instead of holding
     * the rating unasked or refusing it (src/shared/proof-of-work.ts); off when POW_DIFFICULTY is 0.
     */
    private readonly proofOfWork: ProofOfWork | null = null,
  ) {
    this.writes = new VoteWrites(store);
  }

  /**
   * Sets the voter's rating. `proof` is a solved proof of work, sent by an anonymous voter who was
   * asked for one (ProofOfWorkRequiredError): it stands in for the vote limits, and the rating is
   * then taken by the usual rules (held if the network gave its allowance). A vote nobody asks a
   * proof for costs nothing more than before: no challenge is made and the repository writes it
   * as always; only a rating that would be held, or a refused one, leads to a challenge.
   */
  async rate(ballot: Ballot, address: EpisodeAddress, rating: number, proof?: string): Promise<VoteOutcome> {
    if (!isRating(rating)) throw new BadRequestError(says('errors.ratingRule', { min: MIN_RATING, max: MAX_RATING }));
    await this.checkVoter(ballot);
    const ref = await this.resolve(address);
    const asks = this.asksProof(ballot);
    const proven = asks && proof !== undefined && (await this.redeem(proof));
    if (!proven) await this.checkRate(ballot, asks);
    const change = await this.writes
      .rate(ref.episodeId, ballot.voter, rating, ballot.ip, nowTimestamp(this.clock), this.perNetwork.allowance.caps(ballot.ip), !asks || proven)
      .catch(async (error: unknown) => {
        if (error instanceof NetworkFullError) throw await this.proofRequired(PROOF_FOR_NETWORK_MESSAGE);
        return this.episodeGone(error, address);
      });
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
    return new NotFoundError(says('errors.noEpisodeToVote', { show: address.show, season: String(address.season), episode: String(address.episode) }));
  }

  private async checkVoter(ballot: Ballot): Promise<void> {
    if (this.voting === 'accounts' && ballot.voter.kind !== 'account') {
      throw new ForbiddenError(says('errors.accountsOnlyVoting', { signIn: '/account/sign-in' }));
    }
    if (await this.blocks.isBlocked(ballot.voter.id, ballot.ip)) {
      throw new ForbiddenError(says('errors.votesBlocked'));
    }
  }

  /** Anonymous voters are asked for a proof of work where the site asks for one; accounts never are. */
  private asksProof(ballot: Ballot): boolean {
    return ballot.voter.kind === 'anonymous' && this.proofOfWork !== null && this.proofOfWork.enabled;
  }

  /** True for an accepted proof; a refused one is asked for again, with the reason. */
  private async redeem(proof: string): Promise<true> {
    const refusal = await this.proofOfWork!.redeem(proof);
    if (refusal) throw await this.proofRequired(PROOF_MESSAGES[refusal]);
    return true;
  }

  private async proofRequired(message: MessageRef): Promise<ProofOfWorkRequiredError> {
    return new ProofOfWorkRequiredError(message, await this.proofOfWork!.challenge());
  }

  /**
   * The voter's limit is checked first, so a voter who is already refused spends none of the
   * address's budget. A refused voter who `asks` for a proof of work is asked for one instead.
   */
  private async checkRate(ballot: Ballot, asks = false): Promise<void> {
    const checks = [() => this.limits.perVoter.take(ballot.voter.id), () => this.limits.perIp.take(ballot.ip)];
    for (const check of checks) {
      const decision = await check();
      if (!decision.allowed) {
        if (asks) throw await this.proofRequired(PROOF_FOR_RATE_MESSAGE);
        throw new TooManyRequestsError(says('errors.votingTooFast', { seconds: decision.retryAfterSeconds }), decision.retryAfterSeconds);
      }
    }
  }
}
