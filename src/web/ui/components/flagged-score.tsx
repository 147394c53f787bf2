/**
 * The line a moderator reads under a flagged episode's score, on the moderation page and on the
 * public episode page (for moderators, or everyone with PUBLIC_FLAGGED_SCORES).
 */
import type { FlaggedScore } from '../../../moderation/moderation.service.js';
import { formatTimestamp, plural } from '../format.js';
import { h } from '../jsx.js';

/**
 * "Average 8.10; without the flagged window (from … to …, N votes) 6.20": what the votes of a
 * flagged window did to the episode. The episode page shows the same line to moderators.
 */
export function FlaggedScoreLine(props: { flag: FlaggedScore }) {
  const f = props.flag;
  return (
    <p class="flagged-score">
      Average {f.score ?? 'none'}; without the flagged window (from {formatTimestamp(f.windowStart)} to {formatTimestamp(f.windowEnd)},{' '}
      {plural(f.windowVotes, 'vote')}) <span class="without-window">{f.without ?? 'no votes left'}</span>
    </p>
  );
}
