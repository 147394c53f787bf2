/**
 * Where each write of a vote commits (decision 0008): the transaction boundary of votes.repository.ts,
 * whose SQL runs on whatever handle the store binds it to. A vote, a withdrawal and a merge of an
 * anonymous voter into an account each commit through the store's group commit: on SQLite many
 * share one transaction, each in its own savepoint (decision 0002); on PostgreSQL each has its
 * own, after which a plain vote is first tried as one statement that is a transaction of its own
 * (decision 0011). Every one resolves only once it has committed, after its on-commit hooks.
 */
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import type { Store } from '../db/store.js';
import type { RatingChange } from '../shared/change-feed.js';
import type { NetworkCap } from './network-allowance.js';
import { ratingWritten, type RatingWritten, type VoteChange, type VoterRef, type VotesRepository } from './votes.repository.js';

/** The repositories vote writes use; the full store (repositories.ts) satisfies it. */
export type VoteRepositories = { votes: VotesRepository; catalog: CatalogRepository };

/**
 * How often a vote written without locks (rateInOneStatement) reads the voter's rating again
 * after another request of the same voter changed it first, before it leaves the vote to a
 * transaction that locks the row.
 */
const UNLOCKED_ATTEMPTS = 3;

/**
 * Two first votes of one voter on PostgreSQL can race to insert; the loser's fresh attempt finds
 * the row (votes.repository.ts lockVote), so every vote write retries a unique violation.
 */
const RACES = { retryUniqueRaces: true } as const;

export class VoteWrites {
  constructor(private readonly store: Store<VoteRepositories>) {}

  /**
   * Sets this voter's rating of an episode (votes.repository.ts `rate` says when it is held).
   * `allowance`: the voter's networks' caps (`NetworkAllowance.caps`), or as a number the
   * allowance of `ip`'s base network alone; 0 or no caps means no limit. `holdWhenFull` false:
   * refused with NetworkFullError where it would be held by the per-network rule.
   */
  async rate(
    episodeId: number,
    voter: VoterRef,
    rating: number,
    ip: string | null,
    now: string,
    allowance: number | readonly NetworkCap[] = 0,
    holdWhenFull = true,
  ): Promise<VoteChange> {
    const { written, caps } = ratingWritten(episodeId, voter, rating, ip, now, allowance);
    if (this.store.read.votes.writesInOneStatement) {
      const change = await this.rateInOneStatement(written, caps);
      if (change) return change;
    }
    return this.store.groupCommit((tx) => tx.votes.rate(written, caps, holdWhenFull), RACES);
  }

  /** Removes this voter's rating of an episode, counted or held; a no-op when there is none. */
  async withdraw(episodeId: number, voterId: string): Promise<VoteChange> {
    return this.store.groupCommit((tx) => tx.votes.withdraw(episodeId, voterId), RACES);
  }

  /**
   * Moves every rating of voter `from` to voter `to` (an anonymous visitor who signs in), with
   * the changes the change feed tells: where a rating was replaced, a tally or a page's count of
   * held ratings changed.
   */
  async mergeVoter(from: string, to: VoterRef): Promise<{ moved: number; replaced: number; changes: RatingChange[] }> {
    return this.store.groupCommit(async (tx) => {
      const { moved, replaced, replacedIn } = await tx.votes.mergeVoter(from, to);
      return { moved, replaced, changes: await tx.catalog.ratingChanges(replacedIn) };
    }, RACES);
  }

  /**
   * PostgreSQL: the vote written by one statement that is a transaction of its own (see
   * votes.repository.ts rateIfStill), when the voter's rating is still the one just read. When
   * another request of the same voter got there first it reads again. Returns null for the votes
   * that need the transaction: a held rating, a first rating under the per-network rule (counted
   * under the tally's lock, see networkIsFull), and a voter whose requests kept racing.
   */
  private async rateInOneStatement(written: RatingWritten, caps: readonly NetworkCap[]): Promise<VoteChange | null> {
    for (let attempt = 1; attempt <= UNLOCKED_ATTEMPTS; attempt++) {
      const { counted, held } = await this.store.read.votes.ratingNow(written.episodeId, written.voter.id);
      if (held !== null || (counted === null && caps.length > 0)) return null;
      if (await this.store.inOneStatement((repositories) => repositories.votes.rateIfStill(written, counted), RACES)) {
        return { episodeId: written.episodeId, previous: counted, current: written.rating, held: false };
      }
    }
    return null;
  }
}
