/**
 * An episode's move in a live ranking since a week ago (▲3, ▼1, new), with words for screen
 * readers: the arrows are hidden from them and the sentence is hidden from sight.
 */
import type { Movement } from '../../../ranking/snapshots/snapshots.service.js';
import { formatDate } from '../../../i18n/format.js';
import { t } from '../../../i18n/translate.js';
import { h, Fragment } from '../jsx.js';

void Fragment;

/** Nothing for an episode that kept its place or that no snapshot covers. */
export function MovementMarker(props: { movement: Movement | undefined }) {
  const { movement } = props;
  if (!movement) return null;
  const since = formatDate(movement.since);
  if (movement.kind === 'new') {
    return (
      <span class="movement movement-new">
        <span aria-hidden="true">{t('ranking.movementNew')}</span>
        <span class="visually-hidden">{t('ranking.movementNewSince', { day: since })}</span>
      </span>
    );
  }
  if (movement.places === 0) return null;
  const up = movement.places > 0;
  const places = Math.abs(movement.places);
  return (
    <span class={up ? 'movement movement-up' : 'movement movement-down'}>
      <span aria-hidden="true">{`${up ? '▲' : '▼'}${places}`}</span>
      <span class="visually-hidden">{t(up ? 'ranking.movementUp' : 'ranking.movementDown', { places, day: since })}</span>
    </span>
  );
}
