/**
 * One filter of a list (`/shows`, `/top`) as a picker of the values that exist: a `<select>` of
 * them all, or, when there were more than the picker may offer (src/ranking/filter-choices.ts),
 * a text box with a `<datalist>` of the first ones and a line saying the list was cut, so any value
 * can still be typed. Both work without JavaScript. A value is selected in any case, as the filter
 * matches it; one asked for that no choice spells is kept as an option of its own, so the form
 * shows what the list is filtered by.
 */
import type { Choices } from '../../../ranking/filter-choices.js';
import { t } from '../../../i18n/translate.js';
import { h } from '../jsx.js';
import { LIMITS } from '../../../catalog/catalog-rules.js';

const sameFolded = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The stored spelling of a filter value when a choice matches it in any case, else the value as asked. */
export function spelledAsStored(value: string, choices: Choices<string>): string {
  return choices.values.find((c) => sameFolded(c, value)) ?? value;
}

export function FilterPicker(props: {
  label: string;
  name: string;
  choices: Choices<string | number>;
  value: string | number | undefined;
  /** What the picker's choices are, for the line that says it offers only some ("the first 100 networks"). */
  kind: 'network' | 'status' | 'year';
  /** The typed box's length limit, when the list was cut. */
  maxlength?: number;
}) {
  const { name, choices, value } = props;
  const asked = value === undefined ? undefined : String(value);
  const matches = (choice: string | number) => asked !== undefined && sameFolded(String(choice), asked);
  if (choices.cut) {
    const listId = `${name}-choices`;
    return (
      <label>
        {props.label}{' '}
        <input name={name} type="text" list={listId} maxlength={props.maxlength === undefined ? undefined : String(props.maxlength)} value={asked} />
        <datalist id={listId}>
          {choices.values.map((choice) => (
            <option value={String(choice)} />
          ))}
        </datalist>
        <small class="filter-cut">{t('site.filterCut', { count: choices.values.length, kind: props.kind })}</small>
      </label>
    );
  }
  const unlisted = asked !== undefined && !choices.values.some(matches);
  return (
    <label>
      {props.label}{' '}
      <select name={name}>
        <option value="">{t('site.filterAny')}</option>
        {unlisted ? (
          <option value={asked} selected>
            {asked}
          </option>
        ) : null}
        {choices.values.map((choice) => (
          <option value={String(choice)} selected={matches(choice)}>
            {String(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The network filter, as every list that filters by network offers it. */
export function NetworkPicker(props: { choices: Choices<string>; value: string | undefined }) {
  return <FilterPicker label={t('site.filterNetwork')} name="network" choices={props.choices} value={props.value} kind="network" maxlength={LIMITS.network} />;
}
