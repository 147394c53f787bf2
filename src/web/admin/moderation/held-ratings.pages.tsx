/**
 * The held ratings pages (admins): ratings recorded but not counted, newest first and filtered by
 * show, episode and network, with bulk release and discard, for the checked rows or for everything
 * the filter shows; and the confirmation that says how many before acting.
 */
import { adminPath } from '../../../shared/paths.js';
import { CONFIRM_DELETE } from '../../ui/confirm-delete.js';
import { withQuery, type KeysetPage } from '../../../editing/admin-paging.js';
import type { HeldAction, HeldFilterInput, HeldPreview, HeldRow } from '../../../moderation/bulk-moderation.service.js';
import { networkShown } from '../../../moderation/address-retention.js';
import { Field, type FieldErrors } from '../../ui/components/form-field.js';
import { formatTimestamp } from '../../ui/format.js';
import { t } from '../../../i18n/translate.js';
import { Fragment, h } from '../../ui/jsx.js';
import { AdminLayout, SavedNotice, type Viewed } from '../admin-layout.js';
import { KeysetPager } from '../../ui/components/pager.js';
import { TableScroll } from '../../ui/components/table-scroll.js';
import { ColumnHeads, num } from '../../ui/components/column-heads.js';
import { ShowPickerField } from '../../ui/components/show-picker.js';
import type { ShowMatch } from '../../../catalog/show-picker.service.js';

function FilterFields(props: { input: HeldFilterInput }) {
  return (
    <>
      {Object.entries(props.input).map(([name, value]) => (
        <input type="hidden" name={name} value={value ?? ''} />
      ))}
    </>
  );
}

export function HeldRatingsPage(
  props: Viewed & {
    input: HeldFilterInput;
    description?: string | undefined;
    page?: KeysetPage<HeldRow, number> | undefined;
    errors?: FieldErrors | undefined;
    /** Shows to pick from, when the show field named no one show. */
    showMatches?: readonly ShowMatch[] | undefined;
    message?: string | undefined;
  },
) {
  const errors = props.errors ?? {};
  const { input, page } = props;
  const href = (cursor: { before?: number; after?: number } | null) =>
    withQuery(adminPath.heldRatings, { ...input, before: cursor?.before, after: cursor?.after });
  return (
    <AdminLayout
      user={props.user}
      title={t('admin.heldRatings')}
      trail={[{ label: t('admin.moderation'), href: adminPath.moderation }, { label: t('admin.heldRatings') }]}
    >
      <h1>{t('admin.heldRatings')}</h1>
      <SavedNotice message={props.message} />
      {errors.ids || errors.action ? (
        <p class="form-error" role="alert">
          {errors.ids ?? errors.action}
        </p>
      ) : null}
      <p>{t('admin.heldIntro')}</p>
      <form method="get" action={adminPath.heldRatings} novalidate class="held-filter">
        <ShowPickerField
          label={t('admin.show')}
          value={input.show}
          slug={input.showSlug}
          hint={t('admin.heldShowHint')}
          errors={errors}
          matches={props.showMatches}
          hrefFor={(m) => withQuery(adminPath.heldRatings, { ...input, show: m.title, showSlug: m.slug })}
        />
        <Field name="season" label={t('admin.fieldSeason')} type="text" value={input.season} errors={errors} />
        <Field name="episode" label={t('admin.episode')} type="text" value={input.episode} errors={errors} />
        <Field name="network" label={t('admin.network')} type="text" value={input.network} hint={t('admin.heldNetworkHint')} errors={errors} />
        <button type="submit">{t('admin.filter')}</button>
      </form>
      {page ? (
        page.items.length === 0 ? (
          <p class="empty">{t('admin.noHeld', { description: props.description ?? '' })}</p>
        ) : (
          <>
            <form method="post" action={adminPath.heldRatings} class="held-all button-row">
              <FilterFields input={input} />
              <button type="submit" name="action" value="release" class="button-secondary">
                {t('admin.releaseAll', { description: props.description ?? '' })}
              </button>
              <button type="submit" name="action" value="discard" class="button-secondary">
                {t('admin.discardAll', { description: props.description ?? '' })}
              </button>
            </form>
            <form method="post" action={adminPath.heldRatings} class="held-checked">
              <FilterFields input={input} />
              <input type="hidden" name="checked" value="1" />
              <TableScroll label={t('admin.heldRatings')}>
                <table class="data held">
                  <ColumnHeads
                    columns={[
                      <span class="visually-hidden">{t('admin.choose')}</span>,
                      t('admin.episode'),
                      num(t('admin.rating')),
                      t('admin.network'),
                      t('admin.voter'),
                      t('admin.reason'),
                      num(t('admin.held')),
                    ]}
                  />
                  <tbody>
                    {page.items.map((row) => (
                      <tr data-held={row.id}>
                        <td>
                          <input type="checkbox" name="ids" value={String(row.id)} id={`held-${row.id}`} aria-label={t('admin.heldRating', { id: row.id })} />
                        </td>
                        <th scope="row">
                          <label for={`held-${row.id}`}>{row.episode}</label>
                        </th>
                        <td class="num">{row.rating}</td>
                        <td>{networkShown(row.network)}</td>
                        <td>{t('admin.voterKind', { kind: row.voterKind })}</td>
                        <td>{t('admin.heldReason', { reason: row.reason })}</td>
                        <td class="num">{formatTimestamp(row.heldAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <p class="button-row">
                <button type="submit" name="action" value="release" class="button-secondary">
                  {t('admin.releaseChecked')}
                </button>
                <button type="submit" name="action" value="discard" class="button-secondary">
                  {t('admin.discardChecked')}
                </button>
              </p>
            </form>
            <KeysetPager page={page} label={t('admin.heldPages')} href={href} />
          </>
        )
      ) : null}
    </AdminLayout>
  );
}

/** Asks before releasing or discarding; only this page's form sends the confirmation with the count it showed. */
export function ConfirmHeldPage(props: Viewed & { preview: HeldPreview; action: HeldAction; notice?: string | undefined }) {
  const p = props.preview;
  const verb = t('admin.heldVerb', { action: props.action });
  const heading = t('admin.heldQuestion', { action: props.action, count: p.matched });
  return (
    <AdminLayout
      user={props.user}
      title={heading}
      trail={[{ label: t('admin.moderation'), href: adminPath.moderation }, { label: t('admin.heldRatings'), href: adminPath.heldRatings }, { label: verb }]}
    >
      <h1>{heading}</h1>
      {props.notice ? (
        <p class="form-error bulk-notice" role="alert">
          {props.notice}
        </p>
      ) : null}
      <p class="held-matched">
        {p.matched === 0
          ? t('admin.heldNothing', { action: props.action, description: p.description })
          : t('admin.heldMatched', { action: props.action, count: p.matched, description: p.description })}
      </p>
      {p.episodes.length > 0 ? (
        <ul class="held-episodes">
          {p.episodes.map((e) => (
            <li>{t('admin.heldEpisode', { episode: e.label, count: e.matched })}</li>
          ))}
        </ul>
      ) : null}
      {p.matched > 0 ? (
        <form method="post" action={adminPath.heldRatings} class="confirm-form">
          <FilterFields input={p.input} />
          {p.ids.length > 0 ? <input type="hidden" name="checked" value="1" /> : null}
          {p.ids.map((id) => (
            <input type="hidden" name="ids" value={String(id)} />
          ))}
          <input type="hidden" name="expected" value={String(p.matched)} />
          <input type="hidden" name={CONFIRM_DELETE.name} value={CONFIRM_DELETE.value} />
          <button type="submit" name="action" value={props.action} class={props.action === 'discard' ? 'button button-danger' : 'button'}>
            {t('admin.heldButton', { action: props.action, count: p.matched })}
          </button>
          <a href={adminPath.heldRatings}>{t('admin.cancel')}</a>
        </form>
      ) : null}
    </AdminLayout>
  );
}
