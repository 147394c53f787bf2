/**
 * The anonymous ratings a fan is asked about when a session starts (issue 24). A browser's voter
 * cookie may have been planted by someone else, so its ratings join the account only when the fan,
 * having seen them listed (/account/join-ratings), says so. The voter waiting for that answer is
 * kept on the session row (sessions.pending_voter_id, set by AccountsService.startSession), which
 * only this session's cookie reaches.
 *
 * Leaving them forgets the link and nothing else: the ratings stay the anonymous votes they were,
 * counted as before. Deleting them instead would let whoever signs in on a shared browser erase
 * another person's ratings, and would change tallies on a click meant to change nothing.
 */
import type { Emit } from '../shared/change-feed.js';
import type { VoteWrites } from '../votes/vote-writes.js';
import type { VoterRef } from '../votes/votes.repository.js';
import type { AccountsRepository, User } from './accounts.repository.js';
import { accountVoter, sessionIdOf } from './accounts.service.js';

export class AnonymousRatings {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly votes: VoteWrites,
    /** Told when adding the ratings replaced some of the account's (tallies changed), as a vote tells (src/shared/change-feed.ts). */
    private readonly emit: Emit = () => undefined,
  ) {}

  /** The anonymous voter whose ratings wait for this session's fan, or null. */
  async waiting(sessionToken: string): Promise<VoterRef | null> {
    const id = await this.accounts.pendingVoter(sessionIdOf(sessionToken));
    return id === null ? null : { id, kind: 'anonymous' };
  }

  /**
   * Moves the waiting voter's ratings to the account (where both rated an episode the newer rating
   * wins: VoteWrites.mergeVoter) and forgets the voter. Returns how many ratings moved.
   */
  async join(user: User, sessionToken: string): Promise<number> {
    const voter = await this.waiting(sessionToken);
    if (voter === null) return 0;
    // Merged before the voter is forgotten, so a failed merge can be tried again; a second merge
    // (a double press) finds no ratings left to move.
    const merged = await this.votes.mergeVoter(voter.id, accountVoter(user));
    await this.accounts.clearPendingVoter(sessionIdOf(sessionToken));
    if (merged.changes.length > 0) this.emit({ kind: 'ratings', changes: merged.changes });
    return merged.moved;
  }

  /** Forgets the waiting voter; its ratings stay anonymous. */
  async leave(sessionToken: string): Promise<void> {
    await this.accounts.clearPendingVoter(sessionIdOf(sessionToken));
  }
}
