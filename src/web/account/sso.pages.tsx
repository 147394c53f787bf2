/**
 * What the account pages show of single sign-on: the button that leaves for the provider, the
 * account page's section, and the page a sign-in that cannot go on ends at.
 */
import type { SsoStanding } from '../../accounts/sso.service.js';
import { routes } from '../../shared/paths.js';
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
        {props.label ?? `Sign in with ${props.name}`}
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
          Password sign-in and sign-up are switched off on this site: everyone signs in with {name}. Signing in the first time creates your account.
        </p>
      ) : null}
      <SsoButton name={name} returnTo={props.returnTo} />
      {only ? null : <p class="sso-or">Made your account with {name}? Use the button above. Or use your e-mail address and password:</p>}
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
      <h2>Single sign-on</h2>
      {linked ? (
        <p class="sso-linked" role="status">
          Linked: you can sign in with {name}.
        </p>
      ) : (
        <>
          <p>Link your {name} account to sign in with it from now on.</p>
          <SsoButton name={name} returnTo={routes.account.home} label={`Link ${name}`} />
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
        <p class="error-status">Error {props.status}</p>
        <h1>{props.title}</h1>
        <p class="error-detail">{props.detail}</p>
        <p>
          <a href={routes.account.signIn}>Go to the sign-in page</a> · <a href="/">Go to the home page</a>
        </p>
      </section>
    </Layout>
  );
}
