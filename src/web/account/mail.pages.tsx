/**
 * The pages of mailed links: asking for a password reset and using one, the answer to a sign-up,
 * confirming an address, and the account page's address parts (verification, change of address).
 * Each link opens a page with a button: following a link only shows it, so a mail scanner that
 * fetches links does not use up a fan's single-use link.
 */
import { MIN_PASSWORD_LENGTH } from '../../accounts/accounts.service.js';
import { routes } from '../../shared/paths.js';
import { Field, FormProblem, type FieldErrors } from '../ui/components/form-field.js';
import { h, type Child } from '../ui/jsx.js';
import { Layout } from '../ui/layout.js';

/** The sign-in page's line about forgotten passwords: a link, or the plain fact that there is none. */
export function PasswordResetLine(props: { available: boolean }) {
  return props.available ? (
    <p class="password-reset">
      <a href={routes.account.forgotPassword}>Forgot your password?</a>
    </p>
  ) : (
    <p class="password-reset">Password reset is unavailable on this site: it sends no e-mail. If you forget your password, ask the site’s operator.</p>
  );
}

/** What the account page shows of the address when the site sends mail. */
export interface AccountMailState {
  verified: boolean;
  /** A verification link was just sent again. */
  resent?: boolean;
  /** A confirmation link was just sent to this new address. */
  changeSentTo?: string;
  errors?: FieldErrors;
}

export function AddressVerification(props: { verified: boolean; resent: boolean }) {
  return (
    <div class="address-verification">
      <dt>Address</dt>
      <dd>
        {props.verified ? (
          'Verified'
        ) : (
          <form method="post" action={routes.account.resendVerification} class="inline-form">
            Address not verified.{' '}
            <button type="submit" class="button-link">
              Resend the link
            </button>
            {props.resent ? <span role="status"> Sent: look for it in your mail.</span> : null}
          </form>
        )}
      </dd>
    </div>
  );
}

export function ChangeAddressForm(props: { state: AccountMailState }) {
  const errors = props.state.errors ?? {};
  return (
    <div class="change-address">
      <h2>Change your e-mail address</h2>
      {props.state.changeSentTo ? (
        <p class="form-saved" role="status">
          We sent a link to {props.state.changeSentTo}. Your address changes when you follow it.
        </p>
      ) : null}
      <FormProblem errors={errors} />
      <form method="post" action={routes.account.changeEmail} novalidate>
        <Field name="email" label="New e-mail address" type="email" autocomplete="email" errors={errors} />
        <Field name="current" label="Current password" type="password" autocomplete="current-password" required errors={errors} />
        <button type="submit" class="button">
          Send a confirmation link
        </button>
      </form>
    </div>
  );
}

function MessagePage(props: { title: string; children?: Child }) {
  return (
    <Layout meta={{ title: props.title, noindex: true }}>
      <section class="account-form">
        <h1>{props.title}</h1>
        {props.children}
      </section>
    </Layout>
  );
}

/** The one answer to every sign-up when the site sends mail, whether or not the address was known. */
export function SignUpSentPage(props: { email: string }) {
  return (
    <MessagePage title="Check your mail">
      <p class="lede" role="status">
        We sent a message to {props.email}. Follow the link in it to finish.
      </p>
      <p>Nothing there after a few minutes? Look in the spam folder, or sign up again to send another.</p>
    </MessagePage>
  );
}

export function ForgotPasswordPage(props: { email?: string; errors?: FieldErrors; sent?: boolean }) {
  const errors = props.errors ?? {};
  return (
    <MessagePage title="Forgot your password?">
      {props.sent ? (
        <p class="form-saved" role="status">
          If an account has the address {props.email}, we sent a link to it. The link works once, for a short while.
        </p>
      ) : (
        <p class="lede">Give your account’s address and we mail you a link to choose a new password.</p>
      )}
      <FormProblem errors={errors} />
      <form method="post" action={routes.account.forgotPassword} novalidate>
        <Field name="email" label="E-mail address" type="email" autocomplete="email" value={props.email} errors={errors} />
        <button type="submit" class="button">
          Send the link
        </button>
      </form>
      <p>
        Remembered it? <a href={routes.account.signIn}>Sign in</a>.
      </p>
    </MessagePage>
  );
}

export function ResetPasswordPage(props: { token: string; errors?: FieldErrors }) {
  const errors = props.errors ?? {};
  return (
    <MessagePage title="Choose a new password">
      <p class="lede">Every device signed in to your account is signed out when you save it.</p>
      <FormProblem errors={errors} />
      <form method="post" action={routes.account.resetPassword} novalidate>
        <input type="hidden" name="token" value={props.token} />
        <Field
          name="password"
          label="New password"
          type="password"
          autocomplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          errors={errors}
        />
        <button type="submit" class="button">
          Save the new password
        </button>
      </form>
    </MessagePage>
  );
}

/** Behind a mailed link: one button that uses it (a POST, so fetching the link uses nothing). */
export function ConfirmLinkPage(props: { title: string; text: string; action: string; token: string; button: string }) {
  return (
    <MessagePage title={props.title}>
      <p class="lede">{props.text}</p>
      <form method="post" action={props.action}>
        <input type="hidden" name="token" value={props.token} />
        <button type="submit" class="button">
          {props.button}
        </button>
      </form>
    </MessagePage>
  );
}

export function AddressChangedPage(props: { email: string }) {
  return (
    <MessagePage title="Your address was changed">
      <p class="lede" role="status">
        Your account now uses {props.email}.
      </p>
      <p>
        <a href={routes.account.home}>Go to your account</a>.
      </p>
    </MessagePage>
  );
}
