/**
 * A show field for operators' filters and forms (issue 25: pickers, not typed slugs). It shows and
 * takes a show's title (or its address name); the server reads it with the show picker
 * (catalog/show-picker.service.ts). With JavaScript, site.js makes it a combobox over the site's
 * search, as the header's search box is, and a chosen suggestion fills the hidden `showSlug`
 * field, which settles two shows of one title. Without it, what was typed is resolved on the
 * server, and when it names no one show the field lists the shows that come close, each a link
 * that fills the form with it. No list of every show is ever written: a page costs the same
 * whatever the size of the catalogue.
 */
import { t } from '../../../i18n/translate.js';
import { ShowNotFoundError, type ShowMatch } from '../../../catalog/show-picker.service.js';
import { API_PREFIX, routes } from '../../../shared/paths.js';
import type { FieldErrors } from './form-field.js';
import { h } from '../jsx.js';

/** The JSON API's search, which the combobox asks for suggestions (as the header's search box does). */
const SUGGESTIONS = `${API_PREFIX}${routes.api.search}`;

export function ShowPickerField(props: {
  label: string;
  /** What the field holds: the show's title once checked, else what was typed. */
  value: string | undefined;
  /** The chosen show's slug, for the hidden field. */
  slug: string | undefined;
  hint?: string | undefined;
  errors: FieldErrors;
  /** Shows to pick from, when what was typed named no one show. */
  matches?: readonly ShowMatch[] | undefined;
  /** The address that fills the form with a show offered. */
  hrefFor: (match: ShowMatch) => string;
}) {
  const id = 'field-show';
  const error = props.errors.show;
  const matches = props.matches ?? [];
  const hint = props.hint ?? t('admin.showPickerHint');
  return (
    <div class="field show-picker">
      <label for={id}>{props.label}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        id={id}
        name="show"
        type="text"
        autocomplete="off"
        value={props.value ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        data-suggest={SUGGESTIONS}
        data-show-slug={`${id}-slug`}
      />
      <input type="hidden" id={`${id}-slug`} name="showSlug" value={props.slug ?? ''} />
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {matches.length > 0 ? (
        <ul class="show-matches" aria-label={t('admin.showMatches')}>
          {matches.map((m) => (
            <li>
              <a href={props.hrefFor(m)}>{m.title}</a> <span class="show-match-slug">{m.slug}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The shows a form error offers to pick from (none unless the show field named no one show). */
export function offeredShows(error: unknown): readonly ShowMatch[] {
  return error instanceof ShowNotFoundError ? error.matches : [];
}
