/**
 * The notice on a ranking shown as it stood on a past day (`?as_of=`), with the way back to today's.
 */
import { formatDay } from '../../../ranking/snapshots/snapshot-day.js';
import { h, Fragment } from '../jsx.js';

void Fragment;

/** Which past day a page shows, and where its live version is. */
export interface AsOfNotice {
  day: string;
  liveHref: string;
}

export function AsOfBanner(props: { notice: AsOfNotice | undefined }) {
  if (!props.notice) return null;
  return (
    <p class="as-of-banner" role="note">
      <strong>{`Ranking as of ${formatDay(props.notice.day)}.`}</strong> Votes cast since then are not counted here.{' '}
      <a href={props.notice.liveHref}>See the ranking today</a>
    </p>
  );
}
