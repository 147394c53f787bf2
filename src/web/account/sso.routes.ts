/**
 * Single sign-on's two addresses: the form that leaves for the provider (POST /account/sso) and the
 * provider's way back (GET /account/sso/callback). Between them the browser keeps the state, nonce
 * and PKCE verifier in a signed, HttpOnly, SameSite=Lax cookie scoped to /account/sso, which lives
 * SSO_FLOW_SECONDS and is dropped by the callback whatever its outcome: the provider's redirect is a
 * top-level navigation, which SameSite=Lax still sends it with. Without OIDC_ISSUER both answer 404.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { SSO_FLOW_SECONDS, SsoError, type PendingSignIn, type SsoService } from '../../accounts/sso.service.js';
import { cacheControl } from '../../http/cache-policy.js';
import { requireSameOriginForm } from '../../http/cross-origin.js';
import { MAX_RETURN_PATH_LENGTH, safeReturnPath } from '../../http/return-path.js';
import { answerSessionStarted } from '../../http/session-start.js';
import { readAnonymousVoter } from '../../http/voter-cookie.js';
import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
import { routes } from '../../shared/paths.js';
import { t } from '../../i18n/translate.js';
import { sendPage } from '../ui/send-page.js';
import { SsoProblemPage } from './sso.pages.js';

/** The pending sign-in's cookie. */
export const SSO_COOKIE = 'epirank_sso';

const StartBody = Type.Object({ return: Type.Optional(Type.String({ maxLength: MAX_RETURN_PATH_LENGTH })) });

export async function ssoRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const sameOrigin = { onRequest: async (request: FastifyRequest) => requireSameOriginForm(request, app.config.publicUrl) };
  const noStore = { 'cache-control': cacheControl.noStore };
  const service = (): SsoService => {
    if (!app.services.sso) throw new NotFoundError(t('account.ssoNotSetUp'));
    return app.services.sso;
  };

  app.post(routes.account.sso, { ...sameOrigin, schema: { body: StartBody } }, async (request, reply) => {
    const sso = service();
    // Signed in: link the provider's identity to this account. Otherwise: sign in with it.
    const linkTo = request.user?.id ?? null;
    const returnTo = safeReturnPath(request.body.return) ?? routes.account.home;
    try {
      const { authorizationUrl, pending } = await sso.begin({ redirectUri: callbackUrl(request, app.config.publicUrl), linkTo, returnTo });
      setFlowCookie(request, reply, pending);
      return reply.headers(noStore).redirect(authorizationUrl, 303);
    } catch (error) {
      return problem(request, reply, error);
    }
  });

  app.get(routes.account.ssoCallback, async (request, reply) => {
    const sso = service();
    const pending = readFlowCookie(request);
    // Single use: whatever happens next, this browser starts again for another try.
    reply.clearCookie(SSO_COOKIE, { path: routes.account.sso });
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    try {
      const outcome = await sso.finish(query, pending, request.user, readAnonymousVoter(request));
      reply.headers(noStore);
      if (outcome.kind === 'signed-in') return answerSessionStarted(request, reply, outcome.signedIn, outcome.returnTo);
      return reply.redirect(outcome.returnTo, 303);
    } catch (error) {
      return problem(request, reply, error);
    }
  });
}

/** In SSO-only mode (OIDC_SSO_ONLY) the password sign-in and sign-up forms are refused, saying why. */
export function refusePasswordsWhenSsoOnly(sso: { name: string; only: boolean } | null): void {
  if (sso?.only) throw new ForbiddenError(t('account.ssoPasswordsOff', { provider: sso.name }));
}

/** The page for a sign-in that cannot go on; a provider that is down is the operator's to hear about. */
function problem(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!(error instanceof SsoError)) throw error;
  if (error.status === 503) {
    request.log.warn({ err: error.cause }, 'single sign-on provider unavailable: answered 503');
    reply.header('retry-after', '60');
  } else request.log.info({ status: error.status, detail: error.message, cause: String(error.cause ?? '') }, 'single sign-on refused');
  return sendPage(reply.code(error.status).header('cache-control', cacheControl.noStore), SsoProblemPage(error));
}

/** The redirect URI: PUBLIC_URL's when set (what operators register at the provider), else this request's origin. */
function callbackUrl(request: FastifyRequest, publicUrl: string | null): string {
  return `${publicUrl ?? `${request.protocol}://${request.host}`}${routes.account.ssoCallback}`;
}

function setFlowCookie(request: FastifyRequest, reply: FastifyReply, pending: PendingSignIn): void {
  reply.setCookie(SSO_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: routes.account.sso,
    maxAge: SSO_FLOW_SECONDS,
  });
}

/** The pending sign-in this browser started, or null: no cookie, a signature that does not match, or a value that is not one. */
function readFlowCookie(request: FastifyRequest): PendingSignIn | null {
  const cookie = request.cookies[SSO_COOKIE];
  if (!cookie) return null;
  const unsigned = request.unsignCookie(cookie);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    const value = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as Partial<PendingSignIn>;
    const strings = [value.state, value.nonce, value.codeVerifier, value.redirectUri, value.returnTo];
    if (strings.some((s) => typeof s !== 'string') || typeof value.expires !== 'number') return null;
    if (value.linkTo !== null && typeof value.linkTo !== 'number') return null;
    return value as PendingSignIn;
  } catch {
    return null;
  }
}
