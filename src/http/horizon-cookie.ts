/**
 * The spoiler horizons a visitor has set, one per show, kept in a plain cookie (a preference of
 * their own, nothing to forge) for anonymous visitors and accounts alike, named and marked as every
 * cookie of the site is (src/http/site-cookies.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HORIZON_COOKIE, readHorizonCookie, writeHorizonCookie, type Horizon } from '../shared/spoiler-horizon.js';
import { clearCookie, readCookie, setCookie } from './site-cookies.js';

// Chromium caps cookie lifetimes at 400 days.
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/** Every horizon the visitor's cookie holds, by show slug. */
export function readHorizons(request: FastifyRequest): Map<string, Horizon> {
  return readHorizonCookie(readCookie(request, HORIZON_COOKIE));
}

/** The visitor's horizon for one show, or null. */
export function horizonFor(request: FastifyRequest, slug: string): Horizon | null {
  return readHorizons(request).get(slug) ?? null;
}

/** Remembers (or, with null, forgets) the visitor's horizon for one show. */
export function saveHorizon(request: FastifyRequest, reply: FastifyReply, slug: string, horizon: Horizon | null): void {
  const value = writeHorizonCookie(readHorizons(request), slug, horizon);
  if (value === '') clearCookie(request, reply, HORIZON_COOKIE);
  else setCookie(request, reply, HORIZON_COOKIE, value, { maxAge: MAX_AGE_SECONDS });
}
