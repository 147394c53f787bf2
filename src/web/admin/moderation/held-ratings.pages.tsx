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
import { plural, formatTimestamp } from '../../ui/format.js';
import { Fragment, h } from '../../ui/jsx.js';
import { AdminLayout, SavedNotice, type Viewed } from '../admin-layout.js';
import { KeysetPager } from '../../ui/components/pager.js';
import { TableScroll } from '../../ui/components/table-scroll.js';
import { ColumnHeads, num } from '../../ui/components/column-heads.js';
import { ShowPickerField } from '../../ui/components/show-picker.js';
import type { ShowMatch } from '../../../catalog/show-picker.service.js';

const REASONS: Record<string, string> = { 'network-limit': 'over its network’s allowance', moderator: 'held by a moderator' };

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
    <AdminLayout user={props.user} title="Held ratings" trail={[{ label: 'Moderation', href: adminPath.moderation }, { label: 'Held ratings' }]}>
      <h1>Held ratings</h1>
      <SavedNotice message={props.message} />
      {errors.ids || errors.action ? (
        <p class="form-error" role="alert">
          {errors.ids ?? errors.action}
        </p>
      ) : null}
      <p>
        Ratings recorded but not counted: over their network’s allowance, or held by a moderator. Releasing one counts it (replacing any rating its voter set
        since); discarding deletes it. Both ask first.
      </p>
      <form method="get" action={adminPath.heldRatings} novalidate class="held-filter">
        <ShowPickerField
          label="Show"
          value={input.show}
          slug={input.showSlug}
          hint="Its title or address name; empty for every show."
          errors={errors}
          matches={props.showMatches}
          hrefFor={(m) => withQuery(adminPath.heldRatings, { ...input, show: m.title, showSlug: m.slug })}
        />
        <Field name="season" label="Season" type="text" value={input.season} errors={errors} />
        <Field name="episode" label="Episode" type="text" value={input.episode} errors={errors} />
        <Field name="network" label="Network" type="text" value={input.network} hint="An address (203.0.113.7) or an IPv6 /64." errors={errors} />
        <button type="submit">Filter</button>
      </form>
      {page ? (
        page.items.length === 0 ? (
          <p class="empty">No held ratings{props.description ? ` among the ${props.description}` : ''}.</p>
        ) : (
          <>
            <form method="post" action={adminPath.heldRatings} class="held-all button-row">
              <FilterFields input={input} />
              <button type="submit" name="action" value="release" class="button-secondary">
                Release all {props.description}…
              </button>
              <button type="submit" name="action" value="discard" class="button-secondary">
                Discard all {props.description}…
              </button>
            </form>
            <form method="post" action={adminPath.heldRatings} class="held-checked">
              <FilterFields input={input} />
              <input type="hidden" name="checked" value="1" />
              <TableScroll label="Held ratings">
                <table class="data held">
                  <ColumnHeads columns={[<span class="visually-hidden">Choose</span>, 'Episode', num('Rating'), 'Network', 'Voter', 'Reason', num('Held')]} />
                  <tbody>
                    {page.items.map((row) => (
                      <tr data-held={row.id}>
                        <td>
                          <input type="checkbox" name="ids" value={String(row.id)} id={`held-${row.id}`} aria-label={`Held rating ${row.id}`} />
                        </td>
                        <th scope="row">
                          <label for={`held-${row.id}`}>{row.episode}</label>
                        </th>
                        <td class="num">{row.rating}</td>
                        <td>{networkShown(row.network)}</td>
                        <td>{row.voterKind}</td>
                        <td>{REASONS[row.reason] ?? row.reason}</td>
                        <td class="num">{formatTimestamp(row.heldAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <p class="button-row">
                <button type="submit" name="action" value="release" class="button-secondary">
                  Release checked…
                </button>
                <button type="submit" name="action" value="discard" class="button-secondary">
                  Discard checked…
                </button>
              </p>
            </form>
            <KeysetPager page={page} label="Pages of held ratings" href={href} />
          </>
        )
      ) : null}
    </AdminLayout>
  );
}

/** Asks before releasing or discarding; only this page's form sends the confirmation with the count it showed. */
export function ConfirmHeldPage(props: Viewed & { preview: HeldPreview; action: HeldAction; notice?: string | undefined }) {
  const p = props.preview;
  const verb = props.action === 'release' ? 'Release' : 'Discard';
  const heading = `${verb} ${plural(p.matched, 'held rating')}?`;
  return (
    <AdminLayout
      user={props.user}
      title={heading}
      trail={[{ label: 'Moderation', href: adminPath.moderation }, { label: 'Held ratings', href: adminPath.heldRatings }, { label: verb }]}
    >
      <h1>{heading}</h1>
      {props.notice ? (
        <p class="form-error bulk-notice" role="alert">
          {props.notice}
        </p>
      ) : null}
      <p class="held-matched">
        {p.matched === 0
          ? `Nothing to ${props.action}: no ${p.description}.`
          : `${plural(p.matched, 'held rating')}: ${p.description}. ${
              props.action === 'release'
                ? 'Each is counted at once, replacing any rating its voter set since; the tallies are recounted.'
                : 'They are deleted; they were never counted, so no tally changes.'
            } The audit log keeps each one.`}
      </p>
      {p.episodes.length > 0 ? (
        <ul class="held-episodes">
          {p.episodes.map((e) => (
            <li>
              {e.label}: {plural(e.matched, 'rating')}
            </li>
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
            {verb} {plural(p.matched, 'rating')}
          </button>
          <a href={adminPath.heldRatings}>Cancel</a>
        </form>
      ) : null}
    </AdminLayout>
  );
}
