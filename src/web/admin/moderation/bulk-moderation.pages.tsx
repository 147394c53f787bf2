/**
 * The bulk moderation page (admins): a selection of counted ratings by show or episode, address or
 * range, and time window; its preview (how many ratings, each episode's numbers before and after);
 * and the confirmation that removes or holds them.
 */
import { adminPath } from '../../../shared/paths.js';
import { CONFIRM_DELETE } from '../../ui/confirm-delete.js';
import type { BulkPreview, SelectionInput } from '../../../moderation/bulk-moderation.service.js';
import { Field, type FieldErrors } from '../../ui/components/form-field.js';
import { formatCount, formatDecimalText } from '../../../i18n/format.js';
import { t, tParts, type MessageKey } from '../../../i18n/translate.js';
import { h, type Child } from '../../ui/jsx.js';
import { AdminLayout, SavedNotice, type Viewed } from '../admin-layout.js';
import { TableScroll } from '../../ui/components/table-scroll.js';
import { ColumnHeads, num } from '../../ui/components/column-heads.js';
import { ShowPickerField } from '../../ui/components/show-picker.js';
import { withQuery } from '../../../editing/admin-paging.js';
import type { ShowMatch } from '../../../catalog/show-picker.service.js';

/** The selection form's fields, in order: each a text field holding one part of the selection. */
const SELECTION_FIELDS: Array<{ name: Exclude<keyof SelectionInput, 'show' | 'showSlug'>; label: MessageKey; hint?: MessageKey }> = [
  { name: 'season', label: 'admin.fieldSeason', hint: 'admin.bulkSeasonHint' },
  { name: 'episode', label: 'admin.episode' },
  { name: 'address', label: 'admin.bulkAddress', hint: 'admin.bulkAddressHint' },
  { name: 'from', label: 'admin.bulkFrom', hint: 'admin.bulkFromHint' },
  { name: 'to', label: 'admin.bulkTo', hint: 'admin.bulkToHint' },
];

/** A figure before and after: counts in the reader's digits, averages and scores keeping their exact decimals. */
const shown = (value: string | number | null) => (value === null ? '—' : typeof value === 'number' ? formatCount(value) : formatDecimalText(value));
const change = (before: string | number | null, after: string | number | null) => `${shown(before)} → ${shown(after)}`;

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
    <AdminLayout
      user={props.user}
      title={t('admin.bulkModeration')}
      trail={[{ label: t('admin.moderation'), href: adminPath.moderation }, { label: t('admin.bulkModeration') }]}
    >
      <h1>{t('admin.bulkModeration')}</h1>
      <SavedNotice message={props.message} />
      {props.notice ? (
        <p class="form-error bulk-notice" role="alert">
          {props.notice}
        </p>
      ) : null}
      <p>{tParts<Child>('admin.bulkIntro', { link: (chunks) => <a href={adminPath.heldRatings}>{chunks}</a> })}</p>
      <form method="get" action={adminPath.bulkModeration} novalidate class="bulk-selection">
        <ShowPickerField
          label={t('admin.show')}
          value={input.show}
          slug={input.showSlug}
          errors={errors}
          matches={props.showMatches}
          hrefFor={(m) => withQuery(adminPath.bulkModeration, { ...input, show: m.title, showSlug: m.slug, preview: 1 })}
        />
        {SELECTION_FIELDS.map((f) => (
          <Field name={f.name} label={t(f.label)} type="text" value={input[f.name]} hint={f.hint && t(f.hint)} errors={errors} />
        ))}
        <button type="submit" name="preview" value="1">
          {t('admin.preview')}
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
      <h2 id="bulk-preview-heading">{t('admin.preview')}</h2>
      <p class="bulk-matched">{t('admin.bulkMatched', { count: p.matched, description: p.description })}</p>
      {p.episodes.length > 0 ? (
        <TableScroll label={t('admin.bulkEpisodes')}>
          <table class="data bulk-episodes">
            <ColumnHeads columns={[t('admin.episode'), num(t('admin.matched')), num(t('admin.votes')), num(t('admin.average')), num(t('admin.fanScore'))]} />
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
          <p>{t('admin.bulkEitherWay')}</p>
          <p class="button-row">
            <button type="submit" name="action" value="hold" class="button-secondary">
              {t('admin.bulkHold', { count: p.matched })}
            </button>
            <button type="submit" name="action" value="remove" class="button button-danger">
              {t('admin.bulkRemove', { count: p.matched })}
            </button>
          </p>
        </form>
      ) : null}
    </section>
  );
}
