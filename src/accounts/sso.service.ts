/**
 * Single sign-on through an OpenID Connect provider (OIDC_ISSUER), with openid-client, an
 * OpenID-certified relying party library (docs/decisions/0014-single-sign-on.md): discovery, the
 * authorization code flow with PKCE (S256), state and nonce, the token exchange and the ID token's
 * checks are all the library's; this file holds what Epirank decides with the identity it returns,
 * the linking rule, in one place:
 * 1. an identity (issuer, subject) already linked signs in to its account;
 * 2. else, when the provider says the address is verified and an account here has that address
 *    verified too, the identity is linked to that account;
 * 3. else, when no account has the address, a new fan account without a password is made;
 * 4. else the address belongs to an account whose owner has not proven it here (or the provider
 *    has not): nothing is linked, and the fan is told to sign in with the password and link from
 *    the account page. Linking on an unverified address would hand the account to whoever could
 *    register that address at the provider.
 * A signed-in fan links an identity to their own account from the account page; no e-mail rule
 * applies there, since they proved both.
 */
import * as oidc from 'openid-client';
import { nowTimestamp } from '../db/dialect.js';
import type { Store } from '../db/store.js';
import { AppError, inWords, says, type Wording } from '../shared/errors.js';
import type { VoterRef } from '../votes/votes.repository.js';
import { NO_PASSWORD_HASH, type AccountsRepository, type User } from './accounts.repository.js';
import type { AccountsService, SignedIn } from './accounts.service.js';
import type { IdentitiesRepository } from './identities.repository.js';

/** The provider, as config.ts reads it from OIDC_*. */
export interface SsoSettings {
  /** The issuer URL exactly as the provider states it in its discovery document. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the button: "Sign in with <name>". */
  name: string;
  /** Password sign-in and sign-up are switched off (OIDC_SSO_ONLY). */
  only: boolean;
}

/** What the browser keeps between leaving for the provider and coming back (a signed cookie, sso.routes.ts). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The redirect URI sent with the authorization request; the token request must repeat it. */
  redirectUri: string;
  /** The signed-in account that asked to link an identity; null: signing in. */
  linkTo: number | null;
  /** Where the browser goes once signed in. */
  returnTo: string;
  /** Milliseconds since the epoch after which the callback is refused. */
  expires: number;
}

/** How long a fan may take at the provider: long enough to type a password and a second factor. */
export const SSO_FLOW_SECONDS = 600;

/** How long discovery and each request to the provider may take before the page says it is down. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/** What the provider is asked to tell: who (openid), the address (email), a name for the account (profile). */
const SCOPE = 'openid email profile';

/** Longest display name an account may have (as validateAccount in accounts.service.ts). */
const MAX_DISPLAY_NAME = 80;

/** A sign-in through the provider that cannot go on; the page says why and what to do (never a 500). */
export class SsoError extends AppError {
  override name = 'SsoError';
  readonly type = 'sso-failed';
  readonly #title: Wording;
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 503,
    title: Wording,
    detail: Wording,
    options?: { cause?: unknown },
  ) {
    super(detail);
    this.#title = title;
    if (options?.cause !== undefined) this.cause = options.cause;
  }

  /** The page's heading, in the language in force where the error is answered. */
  get title(): string {
    return inWords(this.#title);
  }
}

export type SsoOutcome = { kind: 'signed-in'; signedIn: SignedIn; returnTo: string } | { kind: 'linked'; returnTo: string };

/** What the account page says about single sign-on for one account. */
export interface SsoStanding {
  name: string;
  linked: boolean;
  hasPassword: boolean;
}

export class SsoService {
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly settings: SsoSettings,
    private readonly store: Store<{ accounts: AccountsRepository; identities: IdentitiesRepository }>,
    private readonly accounts: Pick<AccountsService, 'signInAs'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  get name(): string {
    return this.settings.name;
  }

  /** Password sign-in and sign-up are switched off. */
  get only(): boolean {
    return this.settings.only;
  }

  /** The provider's origin, to which the pages' forms may lead (their form-action). */
  get providerOrigin(): string {
    return new URL(this.settings.issuer).origin;
  }

  /** Where to send the browser, and what it must bring back. */
  async begin(request: { redirectUri: string; linkTo: number | null; returnTo: string }): Promise<{ authorizationUrl: string; pending: PendingSignIn }> {
    const configuration = await this.discover();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const pending: PendingSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier,
      ...request,
      expires: this.clock().getTime() + SSO_FLOW_SECONDS * 1000,
    };
    const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: request.redirectUri,
      scope: SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { authorizationUrl: authorizationUrl.href, pending };
  }

  /**
   * The provider's answer (the callback's query string), checked against what this browser started
   * with; then the linking rule. `viewer` is who is signed in now, `anonymous` the visitor's
   * anonymous voter, handed to the same session start as a password sign-in.
   */
  async finish(query: string, pending: PendingSignIn | null, viewer: User | null, anonymous: VoterRef | null): Promise<SsoOutcome> {
    const denied = new URLSearchParams(query).get('error');
    if (pending === null || pending.expires <= this.clock().getTime()) {
      // Without a pending sign-in nothing else in the answer can be trusted, but a refusal is worth naming.
      if (denied === 'access_denied') throw this.accessDenied();
      throw new SsoError(400, says('errors.ssoStartAgainTitle'), says('errors.ssoExpired', { provider: this.name }));
    }
    const configuration = await this.discover();
    const identity = await this.identify(configuration, query, pending);
    if (pending.linkTo !== null) return this.linkToViewer(identity, pending, viewer);
    const user = await this.accountFor(identity);
    return { kind: 'signed-in', signedIn: await this.accounts.signInAs(user, anonymous), returnTo: pending.returnTo };
  }

  /** Whether the account has this provider's identity, and whether it has a password to change. */
  async standing(user: User): Promise<SsoStanding> {
    const { identities } = this.store.read;
    const [linked, account] = await Promise.all([identities.isLinked(user.id, this.settings.issuer), identities.standingById(user.id)]);
    return { name: this.name, linked, hasPassword: account?.hasPassword ?? true };
  }

  /** The token exchange and ID token checks (the library's), then the claims that matter here. */
  private async identify(configuration: oidc.Configuration, query: string, pending: PendingSignIn): Promise<Identity> {
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, new URL(`${pending.redirectUri}?${query}`), {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      let claims: Record<string, unknown> = tokens.claims()!;
      // Providers that keep the ID token small (oidc-provider, by default) give the address at the userinfo endpoint.
      if (typeof claims.email !== 'string' && configuration.serverMetadata().userinfo_endpoint) {
        claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, String(claims.sub))), ...claims };
      }
      return {
        issuer: configuration.serverMetadata().issuer,
        subject: String(claims.sub),
        email: typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null,
        emailVerified: claims.email_verified === true,
        displayName: displayNameFrom(claims),
      };
    } catch (error) {
      throw this.refusal(error);
    }
  }

  private async linkToViewer(identity: Identity, pending: PendingSignIn, viewer: User | null): Promise<SsoOutcome> {
    if (viewer?.id !== pending.linkTo) {
      throw new SsoError(403, says('errors.ssoSignInAgainTitle'), says('errors.ssoNoLongerSignedIn', { provider: this.name }));
    }
    await this.store.transact(
      async (tx) => {
        const owner = await tx.identities.accountOf(identity.issuer, identity.subject);
        if (owner && owner.id !== viewer.id) {
          throw new SsoError(409, says('errors.ssoAlreadyLinkedTitle'), says('errors.ssoAlreadyLinked', { provider: this.name }));
        }
        if (!owner) await tx.identities.link({ ...identity, userId: viewer.id }, nowTimestamp(this.clock));
      },
      { retryUniqueRaces: true },
    );
    return { kind: 'linked', returnTo: pending.returnTo };
  }

  /** The linking rule (see the top of this file); in one transaction, run again if another sign-in raced it. */
  private accountFor(identity: Identity): Promise<User> {
    return this.store.transact(
      async (tx) => {
        const linked = await tx.identities.accountOf(identity.issuer, identity.subject);
        if (linked) return linked;
        if (identity.email === null || !isEmailAddress(identity.email)) {
          throw new SsoError(400, says('errors.ssoNoEmailTitle'), says('errors.ssoNoEmail', { provider: this.name }));
        }
        const now = nowTimestamp(this.clock);
        const local = await tx.identities.standingByEmail(identity.email);
        if (local === null) {
          const created = await tx.accounts.insert(
            {
              email: identity.email,
              displayName: identity.displayName,
              passwordHash: NO_PASSWORD_HASH,
              role: 'fan',
              emailVerifiedAt: identity.emailVerified ? now : null,
            },
            now,
          );
          await tx.identities.link({ ...identity, userId: created.id }, now);
          return created;
        }
        if (identity.emailVerified && local.emailVerified) {
          await tx.identities.link({ ...identity, userId: local.id }, now);
          return local;
        }
        throw new SsoError(
          409,
          says('errors.ssoPasswordFirstTitle'),
          says('errors.ssoPasswordFirst', { email: identity.email, provider: this.name, unconfirmedBy: local.emailVerified ? 'provider' : 'here' }),
        );
      },
      { retryUniqueRaces: true },
    );
  }

  /** The provider's configuration, discovered once; a failure is retried by the next sign-in, so a provider that is down never stops the site. */
  private discover(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(new URL(this.settings.issuer), this.settings.clientId, undefined, oidc.ClientSecretBasic(this.settings.clientSecret), {
        timeout: PROVIDER_TIMEOUT_SECONDS,
        // config.ts allows plain http only for a provider on this machine.
        execute: new URL(this.settings.issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.configuration = null;
        throw this.unavailable(error);
      });
    return this.configuration;
  }

  /** Each way the exchange can fail, as a page that says what to do. */
  private refusal(error: unknown): SsoError {
    if (error instanceof SsoError) return error;
    if (error instanceof oidc.AuthorizationResponseError) {
      if (error.error === 'access_denied') return this.accessDenied();
      return new SsoError(
        400,
        says('errors.ssoRefusedTitle'),
        says('errors.ssoRefused', { provider: this.name, reason: error.error_description ?? error.error }),
        {
          cause: error,
        },
      );
    }
    if (error instanceof oidc.ResponseBodyError) {
      // invalid_grant: the code was used already (a replayed callback) or has expired.
      return new SsoError(400, says('errors.ssoStartAgainTitle'), says('errors.ssoNotAccepted', { provider: this.name, code: error.error }), { cause: error });
    }
    if (isUnreachable(error)) return this.unavailable(error);
    if (error instanceof oidc.ClientError) {
      // A state, issuer, nonce or ID token that does not match what this browser started with.
      return new SsoError(400, says('errors.ssoStartAgainTitle'), says('errors.ssoMismatch', { provider: this.name }), { cause: error });
    }
    throw error;
  }

  private accessDenied(): SsoError {
    return new SsoError(403, says('errors.ssoCancelledTitle'), says('errors.ssoCancelled', { provider: this.name }));
  }

  private unavailable(error: unknown): SsoError {
    return new SsoError(503, says('errors.ssoUnavailableTitle', { provider: this.name }), says('errors.ssoUnavailable', { provider: this.name }), {
      cause: error,
    });
  }
}

interface Identity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  displayName: string;
}

/** Network failures and timeouts: the provider is down or slow, not wrong. */
function isUnreachable(error: unknown): boolean {
  // fetch() rejects with a bare TypeError ("fetch failed"); openid-client's own TypeErrors carry a code.
  if (error instanceof TypeError && !('code' in error)) return true;
  if (error instanceof oidc.ClientError) {
    return ['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON'].includes(String(error.code));
  }
  return false;
}

function isEmailAddress(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

/** The account's display name from the provider's claims, falling back to the address's local part. */
function displayNameFrom(claims: Record<string, unknown>): string {
  for (const claim of ['name', 'preferred_username', 'nickname', 'given_name', 'email']) {
    const value = claims[claim];
    if (typeof value !== 'string') continue;
    const name = (claim === 'email' ? value.split('@')[0]! : value).trim().slice(0, MAX_DISPLAY_NAME);
    if (name !== '') return name;
  }
  return 'Fan';
}
