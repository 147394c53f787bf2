/**
 * The show and episode forms' fields for ids on other sites: one per site, each explained by the
 * rule its id must follow, with its error beside it (an id another record holds included).
 */
import { externalIdField, type ExternalIdFields } from '../../../editing/admin-catalog.service.js';
import { EXTERNAL_ID_RULES, EXTERNAL_ID_SOURCES, type ExternalIdSource } from '../../../catalog/external-ids.js';
import { Field, type FieldErrors } from '../../ui/components/form-field.js';
import { h } from '../../ui/jsx.js';
import { t, type MessageKey } from '../../../i18n/translate.js';

// The rule in words, as the form's hint in the reader's language (EXTERNAL_ID_RULES keeps the English that import problems use).
const RULE_HINTS: Record<ExternalIdSource, MessageKey> = {
  imdb: 'admin.externalIdRuleImdb',
  tvdb: 'admin.externalIdRuleNumber',
  tmdb: 'admin.externalIdRuleNumber',
  tvmaze: 'admin.externalIdRuleNumber',
};

export function ExternalIdFieldset(props: { values: ExternalIdFields | undefined; errors: FieldErrors }) {
  return (
    <fieldset class="external-ids">
      <legend>{t('admin.externalIds')}</legend>
      <p class="hint">{t('admin.externalIdsHint')}</p>
      {EXTERNAL_ID_SOURCES.map((source) => (
        <Field
          name={externalIdField(source)}
          label={t('admin.externalIdLabel', { site: EXTERNAL_ID_RULES[source].label })}
          type="text"
          value={props.values?.[source] ?? ''}
          hint={t(RULE_HINTS[source])}
          errors={props.errors}
        />
      ))}
    </fieldset>
  );
}
