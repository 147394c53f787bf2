/**
 * The data request pages (admins): find one person's account by e-mail, download everything stored
 * about it, or erase it after a confirmation that says what goes. docs/privacy.md is the procedure.
 */
import type { PersonFound } from '../../../moderation/data-requests.service.js';
import { adminPath } from '../../../shared/paths.js';
import { Field, type FieldErrors } from '../../ui/components/form-field.js';
import { t } from '../../../i18n/translate.js';
import { h } from '../../ui/jsx.js';
import { AdminLayout, SavedNotice, type Viewed } from '../admin-layout.js';
import { ConfirmDeleteForm } from '../confirm-delete-form.js';

const trail = () => [{ label: t('admin.moderation'), href: adminPath.moderation }, { label: t('admin.dataRequests') }];

export function PeoplePage(props: Viewed & { email?: string; found?: PersonFound | null; errors?: FieldErrors; message?: string }) {
  const found = props.found;
  return (
    <AdminLayout user={props.user} title={t('admin.dataRequests')} trail={trail()}>
      <h1>{t('admin.dataRequests')}</h1>
      <SavedNotice message={props.message ?? null} />
      <p>{t('admin.peopleIntro')}</p>
      <form method="post" action={adminPath.people} class="admin-form">
        <Field name="email" label={t('admin.email')} type="email" value={props.email ?? ''} required errors={props.errors ?? {}} />
        <button type="submit" class="button">
          {t('admin.findAccount')}
        </button>
      </form>
      {found ? (
        <section class="person">
          <h2>{found.email}</h2>
          <p>
            {t('admin.personSummary', {
              name: found.displayName,
              role: found.role,
              ratings: found.ratings,
              held: found.heldRatings,
              tokens: found.apiTokens,
              identities: found.identities,
            })}
          </p>
          <form method="post" action={adminPath.exportPerson} class="confirm-form">
            <input type="hidden" name="email" value={found.email} />
            <button type="submit" class="button">
              {t('admin.downloadData')}
            </button>
          </form>
          <form method="post" action={adminPath.erasePerson} class="confirm-form">
            <input type="hidden" name="email" value={found.email} />
            <button type="submit" class="button button-danger">
              {t('admin.eraseAccountLink')}
            </button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}

export function ConfirmErasePage(props: Viewed & { found: PersonFound }) {
  const { found } = props;
  const heading = t('admin.eraseQuestion', { email: found.email });
  return (
    <AdminLayout user={props.user} title={heading} trail={trail()}>
      <h1>{heading}</h1>
      <p class="deletion-impact">
        {t('admin.eraseImpact', { ratings: found.ratings, held: found.heldRatings, tokens: found.apiTokens, identities: found.identities })}
      </p>
      <p>{t('admin.eraseCannotUndo')}</p>
      <ConfirmDeleteForm action={adminPath.erasePerson} fields={{ email: found.email }} button={t('admin.eraseButton')} cancel={adminPath.people} />
    </AdminLayout>
  );
}
