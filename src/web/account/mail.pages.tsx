/**
 * The pages of mailed links: asking for a password reset and using one, the answer to a sign-up,
 * confirming an address, and the account page's address parts (verification, change of address).
 * Each link opens a page with a button: following a link only shows it, so a mail scanner that
 * fetches links does not use up a fan's single-use link.
 */
import { MIN_PASSWORD_LENGTH } from '../../accounts/accounts.service.js';
import { routes } from '../../shared/paths.js';
import { Field, FormProblem, type FieldErrors } from '../ui/components/form-field.js';
import { t, tParts } from '../../i18n/translate.js';
import { h, type Child } from '../ui/jsx.js';
import { Layout } from '../ui/layout.js';

/** The sign-in page's line about forgotten passwords: a link, or the plain fact that there is none. */
export function PasswordResetLine(props: { available: boolean }) {
  return props.available ? (
    <p class="password-reset">
      <a href={routes.account.forgotPassword}>{t('account.forgotPassword')}</a>
    </p>
  ) : (
    <p class="password-reset">{t('account.resetUnavailable')}</p>
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
      <dt>{t('account.address')}</dt>
      <dd>
        {props.verified ? (
          t('account.addressVerified')
        ) : (
          <form method="post" action={routes.account.resendVerification} class="inline-form">
            {t('account.addressNotVerified')}{' '}
            <button type="submit" class="button-link">
              {t('account.resendLink')}
            </button>
            {props.resent ? <span role="status"> {t('account.linkResent')}</span> : null}
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
      <h2>{t('account.changeAddress')}</h2>
      {props.state.changeSentTo ? (
        <p class="form-saved" role="status">
          {t('account.changeSentTo', { email: props.state.changeSentTo })}
        </p>
      ) : null}
      <FormProblem errors={errors} />
      <form method="post" action={routes.account.changeEmail} novalidate>
        <Field name="email" label={t('account.newEmailLabel')} type="email" autocomplete="email" errors={errors} />
        <Field name="current" label={t('account.currentPassword')} type="password" autocomplete="current-password" required errors={errors} />
        <button type="submit" class="button">
          {t('account.sendConfirmation')}
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
    <MessagePage title={t('account.checkMail')}>
      <p class="lede" role="status">
        {t('account.checkMailSent', { email: props.email })}
      </p>
      <p>{t('account.checkMailNothing')}</p>
    </MessagePage>
  );
}

export function ForgotPasswordPage(props: { email?: string; errors?: FieldErrors; sent?: boolean }) {
  const errors = props.errors ?? {};
  return (
    <MessagePage title={t('account.forgotPassword')}>
      {props.sent ? (
        <p class="form-saved" role="status">
          {t('account.forgotSent', { email: props.email })}
        </p>
      ) : (
        <p class="lede">{t('account.forgotLede')}</p>
      )}
      <FormProblem errors={errors} />
      <form method="post" action={routes.account.forgotPassword} novalidate>
        <Field name="email" label={t('account.emailLabel')} type="email" autocomplete="email" value={props.email} errors={errors} />
        <button type="submit" class="button">
          {t('account.sendLink')}
        </button>
      </form>
      <p>{tParts('account.remembered', { link: (words) => <a href={routes.account.signIn}>{words}</a> })}</p>
    </MessagePage>
  );
}

export function ResetPasswordPage(props: { token: string; errors?: FieldErrors }) {
  const errors = props.errors ?? {};
  return (
    <MessagePage title={t('account.chooseNewPassword')}>
      <p class="lede">{t('account.chooseNewPasswordLede')}</p>
      <FormProblem errors={errors} />
      <form method="post" action={routes.account.resetPassword} novalidate>
        <input type="hidden" name="token" value={props.token} />
        <Field
          name="password"
          label={t('account.newPassword')}
          type="password"
          autocomplete="new-password"
          hint={t('account.resetPasswordHint', { min: MIN_PASSWORD_LENGTH })}
          errors={errors}
        />
        <button type="submit" class="button">
          {t('account.saveNewPassword')}
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
    <MessagePage title={t('account.addressChanged')}>
      <p class="lede" role="status">
        {t('account.addressChangedTo', { email: props.email })}
      </p>
      <p>{tParts('account.goToAccount', { link: (words) => <a href={routes.account.home}>{words}</a> })}</p>
    </MessagePage>
  );
}
