/**
 * The show and episode forms' fields for ids on other sites: one per site, each explained by the
 * rule its id must follow, with its error beside it (an id another record holds included).
 */
import { externalIdField, type ExternalIdFields } from '../../../editing/admin-catalog.service.js';
import { EXTERNAL_ID_RULES, EXTERNAL_ID_SOURCES } from '../../../catalog/external-ids.js';
import { Field, type FieldErrors } from '../../ui/components/form-field.js';
import { h } from '../../ui/jsx.js';

export function ExternalIdFieldset(props: { values: ExternalIdFields | undefined; errors: FieldErrors }) {
  return (
    <fieldset class="external-ids">
      <legend>Ids on other sites</legend>
      <p class="hint">Used to match ratings brought from those sites. Leave a field empty for none.</p>
      {EXTERNAL_ID_SOURCES.map((source) => (
        <Field
          name={externalIdField(source)}
          label={`${EXTERNAL_ID_RULES[source].label} id`}
          type="text"
          value={props.values?.[source] ?? ''}
          hint={EXTERNAL_ID_RULES[source].rule}
          errors={props.errors}
        />
      ))}
    </fieldset>
  );
}
