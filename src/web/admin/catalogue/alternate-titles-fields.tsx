/**
 * The show and episode forms' field for other titles (issue 26): a textarea with one
 * `language: title` per line, a star after the language for the original, so it works without
 * JavaScript; the service (src/editing/admin-catalog.service.ts) reads it with the catalogue's rules
 * (src/catalog/alternate-titles.ts) and puts what is wrong beside it.
 */
import { t } from '../../../i18n/translate.js';
import { Field, type FieldErrors } from '../../ui/components/form-field.js';
import { h } from '../../ui/jsx.js';

export function AlternateTitlesField(props: { values: { titles?: string | undefined }; errors: FieldErrors }) {
  return (
    <Field name="titles" label={t('titles.adminLabel')} type="textarea" value={props.values.titles ?? ''} hint={t('titles.adminHint')} errors={props.errors} />
  );
}
