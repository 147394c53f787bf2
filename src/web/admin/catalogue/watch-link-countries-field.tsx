/**
 * The episode form's countries of its watch links, beside the links themselves: one line
 * "Provider = JP, US" per link that works only in some countries (src/editing/watch-link-countries.ts
 * reads it). A textarea, so it needs no script however many links there are.
 */
import { WATCH_LINK_COUNTRIES_FIELD } from '../../../editing/watch-link-countries.js';
import { t } from '../../../i18n/translate.js';
import { Field, type FieldErrors } from '../../ui/components/form-field.js';
import { h } from '../../ui/jsx.js';

export function WatchLinkCountriesField(props: { value: string | undefined; errors: FieldErrors }) {
  return (
    <Field
      name={WATCH_LINK_COUNTRIES_FIELD}
      label={t('watch.formLabel')}
      type="textarea"
      value={props.value}
      hint={t('watch.formHint')}
      errors={props.errors}
    />
  );
}
