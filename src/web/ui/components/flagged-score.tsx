/**
 * The line a moderator reads under a flagged episode's score, on the moderation page and on the
 * public episode page (for moderators, or everyone with PUBLIC_FLAGGED_SCORES).
 */
import type { FlaggedScore } from '../../../moderation/moderation.service.js';
import { formatDecimalText } from '../../../i18n/format.js';
import { t, tParts } from '../../../i18n/translate.js';
import { formatTimestamp } from '../format.js';
import { type Html, h } from '../jsx.js';

/**
 * "Average 8.10; without the flagged window (from … to …, N votes) 6.20": what the votes of a
 * flagged window did to the episode. The episode page shows the same line to moderators. Where the
 * window is already stated just above (the moderation page's flag), `windowStated` leaves its
 * times out: "Average 8.10; without the flagged window 6.20".
 */
export function FlaggedScoreLine(props: { flag: FlaggedScore; windowStated?: boolean }) {
  const f = props.flag;
  const values = {
    score: f.score === null ? t('ranking.flaggedNone') : formatDecimalText(f.score),
    without: f.without === null ? t('ranking.flaggedNoVotesLeft') : formatDecimalText(f.without),
    kept: (chunks: Array<string | Html>) => <span class="without-window">{chunks}</span>,
  };
  return (
    <p class="flagged-score">
      {props.windowStated
        ? tParts<Html>('ranking.flaggedScoreWindowStated', values)
        : tParts<Html>('ranking.flaggedScore', { ...values, start: formatTimestamp(f.windowStart), end: formatTimestamp(f.windowEnd), count: f.windowVotes })}
    </p>
  );
}
