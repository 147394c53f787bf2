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
      hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not easy to guess: a few unrelated words work well.`}
      errors={props.errors}
    />
  );
}

/** `notice`: what the visitor was sent here after (a sign-up, a reset); `resetAvailable`: the site sends mail. */
export function SignInPage(props: { email?: string; returnTo: string; errors?: Errors; notice?: string | null; resetAvailable: boolean; sso?: SsoChoice }) {
  if (props.sso?.only) return SsoOnlyPage({ title: 'Sign in', name: props.sso.name, returnTo: props.returnTo });
  const errors = props.errors ?? {};
  return (
    <Layout meta={{ title: 'Sign in', noindex: true }}>
      <section class="account-form">
        <h1>Sign in</h1>
        {props.notice ? (
          <p class="form-saved" role="status">
            {props.notice}
          </p>
        ) : null}
        {props.sso ? <SsoChoiceSection sso={props.sso} returnTo={props.returnTo} /> : null}
        <FormProblem errors={errors} />
        <form method="post" action="/account/sign-in" novalidate>
          <input type="hidden" name="return" value={props.returnTo} />
          <Field name="email" label="E-mail address" type="email" autocomplete="email" value={props.email} errors={errors} />
          <Field name="password" label="Password" type="password" autocomplete="current-password" required errors={errors} />
          <button type="submit" class="button">
            Sign in
          </button>
        </form>
        <PasswordResetLine available={props.resetAvailable} />
        <p>
          New here? <a href="/account/sign-up">Create an account</a>. Your ratings so far can join it: you are asked once you sign in.
        </p>
      </section>
    </Layout>
  );
}

/** `challenge`: the proof of work the form carries, or null where POW_DIFFICULTY turns it off. */
export function SignUpPage(props: { email?: string; displayName?: string; errors?: Errors; challenge: Challenge | null; sso?: SsoChoice }) {
  if (props.sso?.only) return SsoOnlyPage({ title: 'Create an account', name: props.sso.name });
  const errors = props.errors ?? {};
  return (
    <Layout meta={{ title: 'Create an account', noindex: true }}>
      <section class="account-form">
        <h1>Create an account</h1>
        <p class="lede">An account keeps your ratings on every device. The ratings you made on this one can join it: you are asked once you sign in.</p>
        {props.sso ? <SsoChoiceSection sso={props.sso} /> : null}
        <FormProblem errors={errors} />
        <form method="post" action="/account/sign-up" novalidate>
          <Field name="email" label="E-mail address" type="email" autocomplete="email" value={props.email} errors={errors} />
          <Field
            name="displayName"
            label="Display name"
            type="text"
            autocomplete="nickname"
            value={props.displayName}
            hint="Shown to the site's moderators, not to other fans."
            errors={errors}
          />
          <NewPasswordField label="Password" errors={errors} />
          <ProofOfWorkField challenge={props.challenge} />
          <button type="submit" class="button">
            Create account
          </button>
        </form>
        <p>
          Already have one? <a href="/account/sign-in">Sign in</a>.
        </p>
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
    <Layout meta={{ title: 'Your account', noindex: true }} user={props.user}>
      <section class="account-form">
        <h1>Your account</h1>
        <dl class="facts">
          <div>
            <dt>Name</dt>
            <dd>{props.user.displayName}</dd>
          </div>
          <div>
            <dt>E-mail</dt>
            <dd>{props.user.email}</dd>
          </div>
          {props.mail ? <AddressVerification verified={props.mail.verified} resent={props.mail.resent ?? false} /> : null}
          <div>
            <dt>Role</dt>
            <dd class="account-role">{props.user.role}</dd>
          </div>
        </dl>
        <p class="account-ratings">
          <a href={paths.accountRatings()}>Your ratings</a>: every episode you rated, to sort, download or delete.
        </p>
        <p class="account-tokens">
          <a href={paths.accountTokens()}>API tokens</a>: let your own scripts read and change your ratings.
        </p>
        {mayUseAdmin(props.user.role) ? (
          <p class="account-admin">
            <a href={adminPath.home}>Open the admin side</a> to edit the catalogue
            {ADMIN_ROLES.includes(props.user.role) ? ', moderate votes and read the audit log' : ' and import files'}.
          </p>
        ) : null}
        <form method="post" action="/account/sign-out">
          <button type="submit" class="button-secondary">
            Sign out
          </button>
        </form>
        {props.sso ? <SsoAccountSection standing={props.sso} /> : null}
        <h2>Change your password</h2>
        {props.sso?.hasPassword === false ? <p class="no-password">Your account has no password: you sign in with {props.sso.name}.</p> : null}
        {props.saved ? (
          <p class="form-saved" role="status">
            Your password was changed. Other devices have been signed out.
          </p>
        ) : null}
        <FormProblem errors={errors} />
        <form method="post" action="/account/password" novalidate hidden={props.sso?.hasPassword === false}>
          <Field name="current" label="Current password" type="password" autocomplete="current-password" required errors={errors} />
          <NewPasswordField label="New password" errors={errors} />
          <button type="submit" class="button">
            Change password
          </button>
        </form>
        {props.mail ? <ChangeAddressForm state={props.mail} /> : null}
        <h2>Delete your account</h2>
        <p>
          <a href={paths.accountDelete()}>Delete this account and its ratings</a> (you are asked to confirm first).
        </p>
      </section>
    </Layout>
  );
}
