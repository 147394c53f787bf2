/**
 * The sign-in, sign-up and account pages.
 */
import type { User } from '../../accounts/accounts.repository.js';
import { ADMIN_ROLES, mayUseAdmin } from '../../accounts/admin-roles.js';
import { adminPath, paths } from '../../shared/paths.js';
import { MIN_PASSWORD_LENGTH } from '../../accounts/accounts.service.js';
import type { SsoStanding } from '../../accounts/sso.service.js';
import { SsoAccountSection, SsoChoiceSection, SsoOnlyPage, type SsoChoice } from './sso.pages.js';
import type { Challenge } from 'altcha-lib';
import { Field, FormProblem, type FieldErrors } from '../ui/components/form-field.js';
import { ProofOfWorkField } from '../ui/components/proof-of-work.js';
import { t, tParts } from '../../i18n/translate.js';
import { h } from '../ui/jsx.js';
import { Layout } from '../ui/layout.js';
import { AddressVerification, ChangeAddressForm, PasswordResetLine, type AccountMailState } from './mail.pages.js';

type Errors = FieldErrors;

/** A field for choosing a password (sign-up, change), with the length rule as its hint. */
function NewPasswordField(props: { label: string; errors: FieldErrors }) {
  return (
    <Field
      name="password"
      label={props.label}
      type="password"
      autocomplete="new-password"
      hint={t('account.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
      errors={props.errors}
    />
  );
}

/** `notice`: what the visitor was sent here after (a sign-up, a reset); `resetAvailable`: the site sends mail. */
export function SignInPage(props: { email?: string; returnTo: string; errors?: Errors; notice?: string | null; resetAvailable: boolean; sso?: SsoChoice }) {
  const title = t('account.signIn');
  if (props.sso?.only) return SsoOnlyPage({ title, name: props.sso.name, returnTo: props.returnTo });
  const errors = props.errors ?? {};
  return (
    <Layout meta={{ title, noindex: true }}>
      <section class="account-form">
        <h1>{title}</h1>
        {props.notice ? (
          <p class="form-saved" role="status">
            {props.notice}
          </p>
        ) : null}
        {props.sso ? <SsoChoiceSection sso={props.sso} returnTo={props.returnTo} /> : null}
        <FormProblem errors={errors} />
        <form method="post" action="/account/sign-in" novalidate>
          <input type="hidden" name="return" value={props.returnTo} />
          <Field name="email" label={t('account.emailLabel')} type="email" autocomplete="email" value={props.email} errors={errors} />
          <Field name="password" label={t('account.passwordLabel')} type="password" autocomplete="current-password" required errors={errors} />
          <button type="submit" class="button">
            {title}
          </button>
        </form>
        <PasswordResetLine available={props.resetAvailable} />
        <p>{tParts('account.newHere', { link: (words) => <a href="/account/sign-up">{words}</a> })}</p>
      </section>
    </Layout>
  );
}

/** `challenge`: the proof of work the form carries, or null where POW_DIFFICULTY turns it off. */
export function SignUpPage(props: { email?: string; displayName?: string; errors?: Errors; challenge: Challenge | null; sso?: SsoChoice }) {
  const title = t('account.signUp');
  if (props.sso?.only) return SsoOnlyPage({ title, name: props.sso.name });
  const errors = props.errors ?? {};
  return (
    <Layout meta={{ title, noindex: true }}>
      <section class="account-form">
        <h1>{title}</h1>
        <p class="lede">{t('account.signUpLede')}</p>
        {props.sso ? <SsoChoiceSection sso={props.sso} /> : null}
        <FormProblem errors={errors} />
        <form method="post" action="/account/sign-up" novalidate>
          <Field name="email" label={t('account.emailLabel')} type="email" autocomplete="email" value={props.email} errors={errors} />
          <Field
            name="displayName"
            label={t('account.displayNameLabel')}
            type="text"
            autocomplete="nickname"
            value={props.displayName}
            hint={t('account.displayNameHint')}
            errors={errors}
          />
          <NewPasswordField label={t('account.passwordLabel')} errors={errors} />
          <ProofOfWorkField challenge={props.challenge} />
          <button type="submit" class="button">
            {t('account.signUpButton')}
          </button>
        </form>
        <p>{tParts('account.haveOne', { link: (words) => <a href="/account/sign-in">{words}</a> })}</p>
      </section>
    </Layout>
  );
}

/**
 * `mail`: with SMTP_URL, whether the address is proved and what the address form says; without,
 * neither the verification line nor the address form is shown. `sso`: the single sign-on link, when set.
 */
export function AccountPage(props: { user: User; errors?: Errors; saved?: boolean; mail?: AccountMailState | null; sso?: SsoStanding | null }) {
  const errors = props.errors ?? {};
  return (
    <Layout meta={{ title: t('account.yourAccount'), noindex: true }} user={props.user}>
      <section class="account-form">
        <h1>{t('account.yourAccount')}</h1>
        <dl class="facts">
          <div>
            <dt>{t('account.name')}</dt>
            <dd>{props.user.displayName}</dd>
          </div>
          <div>
            <dt>{t('account.email')}</dt>
            <dd>{props.user.email}</dd>
          </div>
          {props.mail ? <AddressVerification verified={props.mail.verified} resent={props.mail.resent ?? false} /> : null}
          <div>
            <dt>{t('account.role')}</dt>
            <dd class="account-role">{t('account.roleName', { role: props.user.role })}</dd>
          </div>
        </dl>
        <p class="account-ratings">{tParts('account.ratingsLine', { link: (words) => <a href={paths.accountRatings()}>{words}</a> })}</p>
        <p class="account-tokens">{tParts('account.tokensLine', { link: (words) => <a href={paths.accountTokens()}>{words}</a> })}</p>
        {mayUseAdmin(props.user.role) ? (
          <p class="account-admin">
            {tParts(ADMIN_ROLES.includes(props.user.role) ? 'account.adminLineAdmin' : 'account.adminLineEditor', {
              link: (words) => <a href={adminPath.home}>{words}</a>,
            })}
          </p>
        ) : null}
        <form method="post" action="/account/sign-out">
          <button type="submit" class="button-secondary">
            {t('account.signOut')}
          </button>
        </form>
        {props.sso ? <SsoAccountSection standing={props.sso} /> : null}
        <h2>{t('account.changePassword')}</h2>
        {props.sso?.hasPassword === false ? <p class="no-password">{t('account.noPassword', { provider: props.sso.name })}</p> : null}
        {props.saved ? (
          <p class="form-saved" role="status">
            {t('account.passwordChanged')}
          </p>
        ) : null}
        <FormProblem errors={errors} />
        <form method="post" action="/account/password" novalidate hidden={props.sso?.hasPassword === false}>
          <Field name="current" label={t('account.currentPassword')} type="password" autocomplete="current-password" required errors={errors} />
          <NewPasswordField label={t('account.newPassword')} errors={errors} />
          <button type="submit" class="button">
            {t('account.changePasswordButton')}
          </button>
        </form>
        {props.mail ? <ChangeAddressForm state={props.mail} /> : null}
        <h2>{t('account.deleteHeading')}</h2>
        <p>{tParts('account.deleteLine', { link: (words) => <a href={paths.accountDelete()}>{words}</a> })}</p>
      </section>
    </Layout>
  );
}
