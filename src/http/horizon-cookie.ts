/**
 * The spoiler horizons a visitor has set, one per show, kept in a plain cookie (a preference of
 * their own, nothing to forge) for anonymous visitors and accounts alike.
 */
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HORIZON_COOKIE, readHorizonCookie, writeHorizonCookie, type Horizon } from '../shared/spoiler-horizon.js';

// Chromium caps cookie lifetimes at 400 days.
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/** Every horizon the visitor's cookie holds, by show slug. */
export function readHorizons(request: FastifyRequest): Map<string, Horizon> {
  return readHorizonCookie(request.cookies[HORIZON_COOKIE]);
}

/** The visitor's horizon for one show, or null. */
export function horizonFor(request: FastifyRequest, slug: string): Horizon | null {
  return readHorizons(request).get(slug) ?? null;
}

/** Remembers (or, with null, forgets) the visitor's horizon for one show. */
export function saveHorizon(request: FastifyRequest, reply: FastifyReply, slug: string, horizon: Horizon | null): void {
  const value = writeHorizonCookie(readHorizons(request), slug, horizon);
  const options = { httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https', path: '/' };
  if (value === '') reply.clearCookie(HORIZON_COOKIE, options);
  else reply.setCookie(HORIZON_COOKIE, value, { ...options, maxAge: MAX_AGE_SECONDS });
}
