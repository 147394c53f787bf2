/**
 * What a committed write tells the rest of the system: one typed feed that every writer emits to
 * after commit, and that the cache bus, the best-episode and top-list refreshers and the metrics
 * subscribe to (src/services.ts wires them). A writer says what changed in the domain's words; what
 * follows from it (which caches drop, which shows are refreshed) is decided once, by the
 * subscribers, so a moderator's removal refreshes /top exactly as a vote does.
 *
 * Emitting never waits and never throws: a subscriber that fails is reported and the writer and
 * the other subscribers carry on, since the change has already committed.
 */

/** One episode whose counted ratings (its tally) changed, with its show. */
export interface RatingChange {
  showId: number;
  episodeId: number;
}

export type Change =
  /** Counted ratings changed: a vote, an import, a removal, a bulk action, a merge, a deletion. */
  | { kind: 'ratings'; changes: readonly RatingChange[] }
  /** Held ratings came or went: the episode pages' and the moderators' counts of them moved (a release also sends `ratings`). */
  | { kind: 'held-ratings'; changes: readonly RatingChange[] }
  /** A show's catalogue entry changed; without a show, anything in the catalogue (an import). */
  | { kind: 'catalogue'; showId?: number }
  /** The moderators' block list changed. */
  | { kind: 'blocks' }
  /** A moderation flag was raised or closed. */
  | { kind: 'flags' };

export type ChangeKind = Change['kind'];

/** Every kind, for counters that report each from the start. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['ratings', 'held-ratings', 'catalogue', 'blocks', 'flags'];

/** What a writer is handed: only the means to tell. */
export type Emit = (change: Change) => void;

export type ChangeHandler = (change: Change) => void;

export class ChangeFeed {
  private readonly handlers: ChangeHandler[] = [];

  constructor(
    /** Told of each subscriber that threw, with the change it was handling. */
    private readonly onSubscriberFailed: (error: unknown, change: Change) => void = () => undefined,
  ) {}

  /** Adds a handler; handlers run in the order they subscribed. */
  subscribe(handler: ChangeHandler): void {
    this.handlers.push(handler);
  }

  /** Tells every subscriber, each in turn; a failure is reported, never thrown to the writer. */
  readonly emit: Emit = (change) => {
    for (const handler of this.handlers) {
      try {
        handler(change);
      } catch (error) {
        this.onSubscriberFailed(error, change);
      }
    }
  };
}

/** The shows a change touched, each once: what the refreshers are told. */
export function touchedShows(change: Change): number[] {
  switch (change.kind) {
    case 'ratings':
      return [...new Set(change.changes.map((c) => c.showId))];
    case 'catalogue':
      return change.showId === undefined ? [] : [change.showId];
    default:
      return [];
  }
}
