/**
 * Personal API tokens on the JSON API: `Authorization: Bearer epr_…` makes a request under
 * /api/v1 its holder's, as a session cookie makes a page's. Such a request never depends on
 * cookies: the token's account replaces whatever a session cookie named, and a voter cookie is not
 * read (readVoter prefers the account). A token that names nobody (malformed, unknown, revoked) is
 * 401 with `WWW-Authenticate: Bearer` (RFC 6750), whatever cookies came with it.
 *
 * Registered before the API's answer cache (api-caching.ts), so a bad token is refused even where
 * a stored answer exists, and a token's answers are never looked up in that cache nor stored in it;
 * every one of them is cacheControl.forOneVisitor (no one keeps it, not even the client).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiTokenSummary } from '../accounts/api-tokens.repository.js';
import { says, UnauthorizedError } from '../shared/errors.js';
import { cacheControl } from './cache-policy.js';
import type {} from './session.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The personal API token this request authenticated with, or null (none sent, or not under the API). */
    apiToken: ApiTokenSummary | null;
  }
}

const REALM = 'Bearer realm="Epirank"';

/** The credentials of an `Authorization: Bearer …` header, or null when it names another scheme or is absent. */
function bearerCredentials(header: string | undefined): string | null {
  const match = header === undefined ? null : /^bearer(?:\s+(.*))?$/is.exec(header.trim());
  return match ? (match[1] ?? '').trim() : null;
}

/** Whether the request offered a bearer token to the API (valid or not): its answer is that client's alone. */
const offersToken = (request: FastifyRequest, prefix: string) =>
  request.url.startsWith(`${prefix}/`) && bearerCredentials(request.headers.authorization) !== null;

export function registerApiTokens(app: FastifyInstance, prefix: string): void {
  app.decorateRequest('apiToken', null);
  app.addHook('onRequest', async (request) => {
    if (!offersToken(request, prefix)) return;
    const found = await app.services.apiTokens.authenticate(bearerCredentials(request.headers.authorization)!);
    if (!found) {
      throw new UnauthorizedError(says('errors.badApiToken', { tokens: '/account/tokens' }));
    }
    request.user = found.user;
    request.apiToken = found.token;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!offersToken(request, prefix)) return payload;
    if (reply.statusCode === 401) reply.header('www-authenticate', `${REALM}, error="invalid_token"`);
    reply.header('cache-control', cacheControl.forOneVisitor);
    return payload;
  });
}

/**
 * For operations only a personal token may use (the account's own data, /api/v1/me): without one,
 * 401 with the challenge that says which scheme to use.
 */
export function requireApiToken(request: FastifyRequest, reply: FastifyReply): ApiTokenSummary {
  if (request.apiToken === null) {
    reply.header('www-authenticate', REALM);
    throw new UnauthorizedError(says('errors.apiTokenNeeded', { header: 'Authorization: Bearer <token>', tokens: '/account/tokens' }));
  }
  return request.apiToken;
}
