/**
 * Anonymous voters are known by a random id in a signed cookie, named and marked as every cookie
 * of the site is (src/http/site-cookies.ts: HttpOnly, SameSite=Lax, `__Host-` and Secure over
 * HTTPS). The signature means a visitor cannot pick someone else's id. The cookie is dropped when
 * a session starts or ends (src/http/session-start.ts), so the next anonymous vote makes a new voter.
 */
import { randomBytes } from 'node:crypto';
import type {} from './session.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { accountVoter } from '../accounts/accounts.service.js';
import type { VoterRef } from '../votes/votes.repository.js';
import { clearCookie, readCookie, setCookie } from './site-cookies.js';

export const VOTER_COOKIE = 'epirank_voter';

// Chromium caps cookie lifetimes at 400 days; asking for more would be silently shortened.
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/**
 * The voter behind this request: the signed-in account, else the anonymous voter the cookie
 * names, else null (no cookie, or a signature that does not match).
 */
export function readVoter(request: FastifyRequest): VoterRef | null {
  if (request.user) return accountVoter(request.user);
  return readAnonymousVoter(request);
}

export function readAnonymousVoter(request: FastifyRequest): VoterRef | null {
  const cookie = readCookie(request, VOTER_COOKIE);
  if (!cookie) return null;
  const unsigned = request.unsignCookie(cookie);
  if (!unsigned.valid || !unsigned.value || !/^[A-Za-z0-9_-]{22}$/.test(unsigned.value)) return null;
  return { id: `a:${unsigned.value}`, kind: 'anonymous' };
}

/** The request's voter, or a new anonymous voter whose cookie is set on the reply. */
export function ensureVoter(request: FastifyRequest, reply: FastifyReply): VoterRef {
  const existing = readVoter(request);
  if (existing) return existing;
  const token = randomBytes(16).toString('base64url');
  setCookie(request, reply, VOTER_COOKIE, token, { signed: true, maxAge: MAX_AGE_SECONDS });
  return { id: `a:${token}`, kind: 'anonymous' };
}

/** Forgets the browser's anonymous voter: the next anonymous vote makes a new one. */
export function dropVoterCookie(request: FastifyRequest, reply: FastifyReply): void {
  clearCookie(request, reply, VOTER_COOKIE);
}
