/**
 * What the account pages show of single sign-on: the button that leaves for the provider, the
 * account page's section, and the page a sign-in that cannot go on ends at.
 */
import type { SsoStanding } from '../../accounts/sso.service.js';
import { routes } from '../../shared/paths.js';
import { t } from '../../i18n/translate.js';
import { Fragment, h } from '../ui/jsx.js';
import { Layout } from '../ui/layout.js';

/** Single sign-on as the sign-in and sign-up pages offer it; null: not configured. */
export type SsoChoice = { name: string; only: boolean } | null;

/** A same-origin form (src/http/cross-origin.ts) whose answer sends the browser to the provider. */
export function SsoButton(props: { name: string; returnTo?: string; label?: string }) {
  return (
    <form method="post" action={routes.account.sso} class="sso-form">
      {props.returnTo ? <input type="hidden" name="return" value={props.returnTo} /> : null}
      <button type="submit" class="button">
        {props.label ?? t('account.ssoSignIn', { provider: props.name })}
      </button>
    </form>
  );
}

/** Above the sign-in and sign-up forms: the provider's button, and in SSO-only mode why there is no form. */
export function SsoChoiceSection(props: { sso: NonNullable<SsoChoice>; returnTo?: string }) {
  const { name, only } = props.sso;
  return (
    <div class="sso-choice">
      {only ? (
        <p class="sso-only" role="note">
          {t('account.ssoOnly', { provider: name })}
        </p>
      ) : null}
      <SsoButton name={name} returnTo={props.returnTo} />
      {only ? null : <p class="sso-or">{t('account.ssoOr', { provider: name })}</p>}
    </div>
  );
}

/** The sign-in and sign-up pages in SSO-only mode (OIDC_SSO_ONLY): no password form, and why. */
export function SsoOnlyPage(props: { title: string; name: string; returnTo?: string }) {
  return (
    <Layout meta={{ title: props.title, noindex: true }}>
      <section class="account-form">
        <h1>{props.title}</h1>
        <SsoChoiceSection sso={{ name: props.name, only: true }} returnTo={props.returnTo} />
      </section>
    </Layout>
  );
}

/** The account page's section: linked, or a button to link. */
export function SsoAccountSection(props: { standing: SsoStanding }) {
  const { name, linked } = props.standing;
  return (
    <section class="account-sso">
      <h2>{t('account.sso')}</h2>
      {linked ? (
        <p class="sso-linked" role="status">
          {t('account.ssoLinked', { provider: name })}
        </p>
      ) : (
        <>
          <p>{t('account.ssoLinkText', { provider: name })}</p>
          <SsoButton name={name} returnTo={routes.account.home} label={t('account.ssoLinkButton', { provider: name })} />
        </>
      )}
    </section>
  );
}

/** Where a sign-in through the provider ends when it cannot go on: what happened and what to do. */
export function SsoProblemPage(props: { status: number; title: string; detail: string }) {
  return (
    <Layout meta={{ title: props.title, noindex: true }}>
      <section class="error-page">
        <p class="error-status">{t('account.ssoErrorStatus', { status: props.status })}</p>
        <h1>{props.title}</h1>
        <p class="error-detail">{props.detail}</p>
        <p>
          <a href={routes.account.signIn}>{t('account.ssoToSignIn')}</a> · <a href="/">{t('account.toHome')}</a>
        </p>
      </section>
    </Layout>
  );
}
