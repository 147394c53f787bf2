/**
 * How the site names and marks every cookie it sets (the session, the anonymous voter, the spoiler
 * horizons): the one home of that rule.
 *
 * Over HTTPS a cookie's name takes the `__Host-` prefix. Browsers keep such a cookie only when it
 * is Secure, has Path=/ and no Domain, so neither a sibling subdomain nor a network attacker
 * answering a plain-HTTP request can set or overwrite it: the way a voter cookie could once be
 * planted in a fan's browser (issue 24). Reading accepts only the name that matches the request's
 * scheme, so a plain-named cookie planted beside the real one is never read on an HTTPS site.
 *
 * A request counts as HTTPS when PUBLIC_URL is an https address (the site is served over HTTPS
 * whatever the last hop says) or when the request itself came over HTTPS: directly, or as a
 * trusted proxy says in X-Forwarded-Proto (TRUST_PROXY).
 */
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** RFC 6265bis §4.1.3.2: the prefix browsers accept only on a Secure, host-only cookie with Path=/. */
const HOST_PREFIX = '__Host-';

/** Whether this request belongs to the site served over HTTPS. */
export function servedOverHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https' || request.server.config.publicUrl?.startsWith('https:') === true;
}

/** The name a cookie of the site (`name`, e.g. "epirank_session") has on this request. */
export function cookieName(request: FastifyRequest, name: string): string {
  return servedOverHttps(request) ? `${HOST_PREFIX}${name}` : name;
}

/** The cookie's value under the name that matches the request's scheme, or undefined. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  return request.cookies[cookieName(request, name)];
}

/** What every cookie of the site carries: scripts cannot read it, other sites' requests do not send it. */
function attributes(request: FastifyRequest) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: servedOverHttps(request), path: '/' };
}

export function setCookie(request: FastifyRequest, reply: FastifyReply, name: string, value: string, options: { maxAge: number; signed?: boolean }): void {
  reply.setCookie(cookieName(request, name), value, { ...attributes(request), ...options });
}

/** Expires the cookie; with the same attributes, or a browser would not accept the replacement of a `__Host-` cookie. */
export function clearCookie(request: FastifyRequest, reply: FastifyReply, name: string): void {
  reply.clearCookie(cookieName(request, name), attributes(request));
}
