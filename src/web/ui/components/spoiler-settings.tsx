/**
 * Where a ranking page keeps its spoiler horizon: the horizon's controls (spoiler-horizon.tsx) in a
 * disclosure, closed until a horizon is set, so that the form no longer stands between the page's
 * title and its ranking (issue 25). With a horizon set it opens, and its banner says what is hidden.
 */
import type { Horizon, HorizonSeason } from '../../../shared/spoiler-horizon.js';
import { t } from '../../../i18n/translate.js';
import { h } from '../jsx.js';
import { HorizonControls } from './spoiler-horizon.js';

export function SpoilerSettings(props: { showSlug: string; horizon: Horizon | null | undefined; returnTo: string; seasons: readonly HorizonSeason[] }) {
  return (
    <details class="spoiler-settings" open={props.horizon ? true : undefined}>
      <summary>{t('ranking.spoilerSettings')}</summary>
      <HorizonControls showSlug={props.showSlug} horizon={props.horizon} returnTo={props.returnTo} seasons={props.seasons} />
    </details>
  );
}
