/**
 * The line a moderator reads under a flagged episode's score, on the moderation page and on the
 * public episode page (for moderators, or everyone with PUBLIC_FLAGGED_SCORES).
 */
import type { FlaggedScore } from '../../../moderation/moderation.service.js';
import { formatTimestamp, plural } from '../format.js';
import { h } from '../jsx.js';

/**
 * "Average 8.10; without the flagged window (from … to …, N votes) 6.20": what the votes of a
 * flagged window did to the episode. The episode page shows the same line to moderators. Where the
 * window is already stated just above (the moderation page's flag), `windowStated` leaves its
 * times out: "Average 8.10; without the flagged window 6.20".
 */
export function FlaggedScoreLine(props: { flag: FlaggedScore; windowStated?: boolean }) {
  const f = props.flag;
  const window = props.windowStated ? ' ' : ` (from ${formatTimestamp(f.windowStart)} to ${formatTimestamp(f.windowEnd)}, ${plural(f.windowVotes, 'vote')}) `;
  return (
    <p class="flagged-score">
      Average {f.score ?? 'none'}; without the flagged window{window}
      <span class="without-window">{f.without ?? 'no votes left'}</span>
    </p>
  );
}
