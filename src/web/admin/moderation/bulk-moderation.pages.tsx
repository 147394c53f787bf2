/**
 * The bulk moderation page (admins): a selection of counted ratings by show or episode, address or
 * range, and time window; its preview (how many ratings, each episode's numbers before and after);
 * and the confirmation that removes or holds them.
 */
import { adminPath } from '../../../shared/paths.js';
import { CONFIRM_DELETE } from '../../ui/confirm-delete.js';
import type { BulkPreview, SelectionInput } from '../../../moderation/bulk-moderation.service.js';
import { Field, type FieldErrors } from '../../ui/components/form-field.js';
import { plural } from '../../ui/format.js';
import { h } from '../../ui/jsx.js';
import { AdminLayout, SavedNotice, type Viewed } from '../admin-layout.js';
import { TableScroll } from '../../ui/components/table-scroll.js';
import { ColumnHeads, num } from '../../ui/components/column-heads.js';
import { ShowPickerField } from '../../ui/components/show-picker.js';
import { withQuery } from '../../../editing/admin-paging.js';
import type { ShowMatch } from '../../../catalog/show-picker.service.js';

/** The selection form's fields, in order: each a text field holding one part of the selection. */
const SELECTION_FIELDS: Array<{ name: Exclude<keyof SelectionInput, 'show' | 'showSlug'>; label: string; hint?: string }> = [
  { name: 'season', label: 'Season', hint: 'With the episode, to act on one episode; leave both empty for the whole show.' },
  { name: 'episode', label: 'Episode' },
  { name: 'address', label: 'Address or range', hint: '203.0.113.7, 203.0.113.0/24, 2001:db8:1:2::/64 or 2001:db8::/32.' },
  { name: 'from', label: 'Set from (UTC)', hint: 'When each rating was last set, in UTC: from this time (2026-11-25T14:05)…' },
  { name: 'to', label: 'Set before (UTC)', hint: '…up to, not including, this one.' },
];

const change = (before: string | number | null, after: string | number | null) => `${before ?? '—'} → ${after ?? '—'}`;

export function BulkModerationPage(
  props: Viewed & {
    input: SelectionInput;
    preview?: BulkPreview | undefined;
    errors?: FieldErrors | undefined;
    /** Shows to pick from, when the show field named no one show. */
    showMatches?: readonly ShowMatch[] | undefined;
    message?: string | undefined;
    /** Why a confirmation was not acted on (the selection changed since its preview). */
    notice?: string | undefined;
  },
) {
  const errors = props.errors ?? {};
  const input = props.input;
  const preview = props.preview;
  return (
    <AdminLayout user={props.user} title="Bulk moderation" trail={[{ label: 'Moderation', href: adminPath.moderation }, { label: 'Bulk moderation' }]}>
      <h1>Bulk moderation</h1>
      <SavedNotice message={props.message} />
      {props.notice ? (
        <p class="form-error bulk-notice" role="alert">
          {props.notice}
        </p>
      ) : null}
      <p>
        Remove or hold every counted rating of a show, or of one of its episodes, from an address or range, set within a time window, or both. Held ratings are
        kept but not counted until released on the <a href={adminPath.heldRatings}>held ratings</a> page. A preview comes first.
      </p>
      <form method="get" action={adminPath.bulkModeration} novalidate class="bulk-selection">
        <ShowPickerField
          label="Show"
          value={input.show}
          slug={input.showSlug}
          errors={errors}
          matches={props.showMatches}
          hrefFor={(m) => withQuery(adminPath.bulkModeration, { ...input, show: m.title, showSlug: m.slug, preview: 1 })}
        />
        {SELECTION_FIELDS.map((f) => (
          <Field name={f.name} label={f.label} type="text" value={input[f.name]} hint={f.hint} errors={errors} />
        ))}
        <button type="submit" name="preview" value="1">
          Preview
        </button>
      </form>
      {preview ? <Preview preview={preview} /> : null}
    </AdminLayout>
  );
}

function Preview(props: { preview: BulkPreview }) {
  const p = props.preview;
  return (
    <section class="bulk-preview" aria-labelledby="bulk-preview-heading">
      <h2 id="bulk-preview-heading">Preview</h2>
      <p class="bulk-matched">
        {p.matched === 0 ? 'No counted rating matches' : `${plural(p.matched, 'counted rating')} match`}: {p.description}.
      </p>
      {p.episodes.length > 0 ? (
        <TableScroll label="Episodes the selection touches">
          <table class="data bulk-episodes">
            <ColumnHeads columns={['Episode', num('Matched'), num('Votes'), num('Average'), num('Fan score')]} />
            <tbody>
              {p.episodes.map((e) => (
                <tr data-episode={e.label}>
                  <th scope="row">{e.label}</th>
                  <td class="matched num">{e.matched}</td>
                  <td class="votes num">{change(e.votes.before, e.votes.after)}</td>
                  <td class="average num">{change(e.average.before, e.average.after)}</td>
                  <td class="score num">{change(e.score.before, e.score.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {p.matched > 0 ? (
        <form method="post" action={adminPath.bulkModeration} class="confirm-form">
          {Object.entries(p.input).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="expected" value={String(p.matched)} />
          <input type="hidden" name={CONFIRM_DELETE.name} value={CONFIRM_DELETE.value} />
          <p>Either way the tallies are recounted at once and the audit log keeps each rating.</p>
          <p class="button-row">
            <button type="submit" name="action" value="hold" class="button-secondary">
              Hold {plural(p.matched, 'rating')}
            </button>
            <button type="submit" name="action" value="remove" class="button button-danger">
              Remove {plural(p.matched, 'rating')}
            </button>
          </p>
        </form>
      ) : null}
    </section>
  );
}
