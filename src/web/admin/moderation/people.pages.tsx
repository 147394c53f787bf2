/**
 * The data request pages (admins): find one person's account by e-mail, download everything stored
 * about it, or erase it after a confirmation that says what goes. docs/privacy.md is the procedure.
 */
import type { PersonFound } from '../../../moderation/data-requests.service.js';
import { adminPath } from '../../../shared/paths.js';
import { Field, type FieldErrors } from '../../ui/components/form-field.js';
import { plural } from '../../ui/format.js';
import { h } from '../../ui/jsx.js';
import { AdminLayout, SavedNotice, type Viewed } from '../admin-layout.js';
import { ConfirmDeleteForm } from '../confirm-delete-form.js';

const TRAIL = [{ label: 'Moderation', href: adminPath.moderation }, { label: 'Data requests' }];

export function PeoplePage(props: Viewed & { email?: string; found?: PersonFound | null; errors?: FieldErrors; message?: string }) {
  const found = props.found;
  return (
    <AdminLayout user={props.user} title="Data requests" trail={TRAIL}>
      <h1>Data requests</h1>
      <SavedNotice message={props.message ?? null} />
      <p>
        Answer one person’s request for their data: find their account by e-mail address, download everything stored about it as JSON, or erase it. Client
        addresses older than the retention are no longer kept for anyone.
      </p>
      <form method="post" action={adminPath.people} class="admin-form">
        <Field name="email" label="E-mail address" type="email" value={props.email ?? ''} required errors={props.errors ?? {}} />
        <button type="submit" class="button">
          Find the account
        </button>
      </form>
      {found ? (
        <section class="person">
          <h2>{found.email}</h2>
          <p>
            {found.displayName} ({found.role}): {plural(found.ratings, 'rating')}, {plural(found.heldRatings, 'held rating')},{' '}
            {plural(found.apiTokens, 'API token')}, {plural(found.identities, 'linked sign-in')}.
          </p>
          <form method="post" action={adminPath.exportPerson} class="confirm-form">
            <input type="hidden" name="email" value={found.email} />
            <button type="submit" class="button">
              Download their data (JSON)
            </button>
          </form>
          <form method="post" action={adminPath.erasePerson} class="confirm-form">
            <input type="hidden" name="email" value={found.email} />
            <button type="submit" class="button button-danger">
              Erase this account…
            </button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}

export function ConfirmErasePage(props: Viewed & { found: PersonFound }) {
  const { found } = props;
  const heading = `Erase ${found.email}?`;
  return (
    <AdminLayout user={props.user} title={heading} trail={TRAIL}>
      <h1>{heading}</h1>
      <p class="deletion-impact">
        This deletes the account with its {plural(found.ratings, 'rating')} and {plural(found.heldRatings, 'held rating')} (the tallies follow at once), its
        sessions, {plural(found.apiTokens, 'API token')}, {plural(found.identities, 'linked sign-in')} and mailed links, and its own entries in the audit log;
        catalogue changes it made stay, no longer saying who made them.
      </p>
      <p>It cannot be undone. The audit log records that an account was erased, by whom and when, and nothing of what it held.</p>
      <ConfirmDeleteForm action={adminPath.erasePerson} fields={{ email: found.email }} button="Erase the account" cancel={adminPath.people} />
    </AdminLayout>
  );
}
