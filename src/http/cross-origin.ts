/**
 * Cross-site request forgery protection without tokens, the approach of Go's
 * http.CrossOriginProtection and SvelteKit's origin check: browsers label every request with
 * Sec-Fetch-Site (all current browsers) and Origin (all browsers for POST), which pages on other
 * sites cannot forge. A state-changing request that a browser marks as coming from elsewhere is
 * refused. Because nothing per-visitor is embedded in the HTML, pages stay identical for every
 * visitor and can be cached.
 */
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, says } from '../shared/errors.js';

export type Provenance = 'same-origin' | 'cross-origin' | 'unknown';

export function provenance(request: FastifyRequest, publicUrl: string | null): Provenance {
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin' || site === 'none') return 'same-origin';
  if (site === 'same-site' || site === 'cross-site') return 'cross-origin';
  const origin = request.headers.origin;
  if (origin === undefined) return 'unknown';
  const own = [`${request.protocol}://${request.host}`];
  if (publicUrl) own.push(new URL(publicUrl).origin);
  return own.includes(origin) ? 'same-origin' : 'cross-origin';
}

/**
 * For forms on our pages: the browser must say the request came from this site. A request that
 * says nothing is refused too, since every browser that could be tricked into sending it labels it.
 */
export function requireSameOriginForm(request: FastifyRequest, publicUrl: string | null): void {
  if (provenance(request, publicUrl) !== 'same-origin') {
    throw new ForbiddenError(says('errors.foreignForm'));
  }
}

/**
 * For the JSON API: programs that are not browsers send neither header and are welcome; a browser
 * request from another site is refused.
 */
export function refuseCrossOriginApi(request: FastifyRequest, publicUrl: string | null): void {
  if (provenance(request, publicUrl) === 'cross-origin') {
    throw new ForbiddenError(says('errors.crossOriginVote'));
  }
}
