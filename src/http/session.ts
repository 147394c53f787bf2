/**
 * Signed-in fans: the session cookie, and the request decoration that says who is signed in.
 */
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../accounts/accounts.repository.js';
import { SESSION_MAX_AGE_SECONDS } from '../accounts/accounts.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, resolved once per request from the session cookie. */
    user: User | null;
  }
}

/** The session cookie holds a random token; the database keeps only its hash. */
export const SESSION_COOKIE = 'epirank_session';

export function registerSessions(app: FastifyInstance): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    // Only requests that carry a session cookie cost a query.
    if (token) request.user = await app.services.accounts.userForSession(token);
  });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
