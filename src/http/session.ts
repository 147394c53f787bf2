/**
 * Signed-in fans: the session cookie, and the request decoration that says who is signed in.
 */
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../accounts/accounts.repository.js';
import { SESSION_MAX_AGE_SECONDS } from '../accounts/accounts.service.js';
import { clearCookie, readCookie, setCookie } from './site-cookies.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, resolved once per request from the session cookie. */
    user: User | null;
  }
}

/**
 * The session cookie holds a random token; the database keeps only its hash. Over HTTPS it is
 * named `__Host-epirank_session` (src/http/site-cookies.ts).
 */
export const SESSION_COOKIE = 'epirank_session';

/** The session token the request's cookie carries, under the name that matches its scheme. */
export function sessionToken(request: FastifyRequest): string | undefined {
  return readCookie(request, SESSION_COOKIE);
}

export function registerSessions(app: FastifyInstance): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = sessionToken(request);
    // Only requests that carry a session cookie cost a query.
    if (token) request.user = await app.services.accounts.userForSession(token);
  });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  setCookie(request, reply, SESSION_COOKIE, token, { maxAge: SESSION_MAX_AGE_SECONDS });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  clearCookie(request, reply, SESSION_COOKIE);
}
