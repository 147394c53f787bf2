/**
 * The form an admin deletion's confirmation page ends with: the hidden fields that say what goes,
 * the confirmation the route insists on (src/web/ui/confirm-delete.ts), the red button and a way back.
 * Deleting a show, season or episode, removing a voter's ratings and erasing an account all ask this way.
 */
import { t } from '../../i18n/translate.js';
import { CONFIRM_DELETE } from '../ui/confirm-delete.js';
import { h } from '../ui/jsx.js';

export function ConfirmDeleteForm(props: { action: string; fields?: Record<string, string>; button: string; cancel: string }) {
  return (
    <form method="post" action={props.action} class="confirm-form">
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name={CONFIRM_DELETE.name} value={CONFIRM_DELETE.value} />
      <button type="submit" class="button button-danger">
        {props.button}
      </button>
      <a href={props.cancel}>{t('admin.cancel')}</a>
    </form>
  );
}
