/**
 * Which spoiler horizon a show, season or episode page applies. A link's `?upto=` wins; otherwise
 * a horizon remembered in the visitor's cookie sends them (302) to the same address with `upto=`,
 * so every masked page has an address of its own that the shared page cache may keep, and the
 * plain address always stays the unmasked page.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { horizonFor } from '../../http/horizon-cookie.js';
import { safeReturnPath } from '../../http/return-path.js';
import { BadRequestError } from '../../shared/errors.js';
import { withUpto } from '../../shared/paths.js';
import { parseHorizon, type Horizon } from '../../shared/spoiler-horizon.js';
import { cacheControl } from '../../http/cache-policy.js';
import { t } from '../../i18n/translate.js';

/** The `upto` query field of the page routes; parseHorizon says whether it names an episode. */
export const UptoQuery = Type.Optional(Type.String({ maxLength: 32 }));

/** The page's horizon, or the redirect already sent to the address that carries the cookie's. */
export type PageHorizon = { horizon: Horizon | null; redirected?: undefined } | { redirected: FastifyReply };

/**
 * The horizon of a show's page (`slug`) from its `upto` value and the visitor's cookie. An `upto`
 * that names no episode is a 400, never silently the unmasked page.
 */
export function horizonOfPage(request: FastifyRequest, reply: FastifyReply, slug: string, upto: string | undefined): PageHorizon {
  if (upto !== undefined) {
    const horizon = parseHorizon(upto);
    if (!horizon) {
      throw new BadRequestError(t('ranking.uptoInvalid', { upto }));
    }
    return { horizon };
  }
  const remembered = horizonFor(request, slug);
  if (!remembered) return { horizon: null };
  // The redirect depends on this visitor's cookie: no shared cache may keep it for the plain address.
  const here = safeReturnPath(request.url);
  // Only an address that survives a Location header as it is comes back; browsers send nothing else.
  if (here === null) throw new BadRequestError(t('ranking.uptoNotRepeatable'));
  const to = withUpto(here, remembered);
  return { redirected: reply.header('cache-control', cacheControl.forOneVisitor).redirect(to, 302) };
}
