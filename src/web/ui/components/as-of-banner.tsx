/**
 * The notice on a ranking shown as it stood on a past day (`?as_of=`), with the way back to today's.
 */
import { formatDate } from '../../../i18n/format.js';
import { t } from '../../../i18n/translate.js';
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
      <strong>{t('ranking.asOfDay', { day: formatDate(props.notice.day) })}</strong> {t('ranking.asOfNotCounted')}{' '}
      <a href={props.notice.liveHref}>{t('ranking.asOfLive')}</a>
    </p>
  );
}
