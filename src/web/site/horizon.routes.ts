/**
 * POST /shows/:show/horizon: the spoiler-horizon picker of the show and season pages. It checks
 * that the chosen episode is one the show has (a clear 400 page otherwise), remembers the horizon
 * for the show in the visitor's cookie and sends them back (303) to the page they came from at
 * its `upto` address; with `clear`, it forgets it and sends them to the plain page.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { requireSameOriginForm } from '../../http/cross-origin.js';
import { saveHorizon } from '../../http/horizon-cookie.js';
import { MAX_RETURN_PATH_LENGTH, safeReturnPath } from '../../http/return-path.js';
import { BadRequestError } from '../../shared/errors.js';
import { paths, withoutUpto, withUpto, routes } from '../../shared/paths.js';
import { ShowParams } from '../../http/schemas.js';
import { t } from '../../i18n/translate.js';
import { type Horizon, horizonProblem, MAX_HORIZON_NUMBER, parseHorizon } from '../../shared/spoiler-horizon.js';

const HorizonNumber = Type.Integer({ minimum: 1, maximum: MAX_HORIZON_NUMBER });

/**
 * The form (application/x-www-form-urlencoded): the episode to set, as the picker's `upto=1x5` or
 * as a season and an episode number (a long show's picker), or `clear=1` to forget.
 */
export const HorizonFormBody = Type.Object({
  upto: Type.Optional(Type.String({ maxLength: 32 })),
  season: Type.Optional(HorizonNumber),
  episode: Type.Optional(HorizonNumber),
  clear: Type.Optional(Type.Literal('1')),
  /** The page to go back to: a path on this site; anything else is ignored (return-path.ts). */
  return: Type.Optional(Type.String({ maxLength: MAX_RETURN_PATH_LENGTH })),
});

export async function horizonRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    routes.site.horizon,
    {
      schema: { params: ShowParams, body: HorizonFormBody },
      onRequest: async (request) => requireSameOriginForm(request, app.config.publicUrl),
    },
    async (request, reply) => {
      const { show } = request.params;
      const { body } = request;
      // A return path that already names a horizon would carry two; the one set here replaces it.
      const back = withoutUpto(safeReturnPath(body.return) ?? paths.show(show));
      if (body.clear !== undefined) {
        saveHorizon(request, reply, show, null);
        return reply.redirect(back, 303);
      }
      const horizon = chosenHorizon(body);
      const { show: found, seasons } = await app.services.rankings.horizonSeasons(show);
      const problem = horizonProblem(horizon, seasons, found.title);
      if (problem) throw new BadRequestError(problem);
      saveHorizon(request, reply, show, horizon);
      return reply.redirect(withUpto(back, horizon), 303);
    },
  );
}

/** The episode the form names: `upto` when the picker sent one, else the season and episode numbers. */
function chosenHorizon(body: Static<typeof HorizonFormBody>): Horizon {
  if (body.upto !== undefined) {
    const horizon = parseHorizon(body.upto);
    if (!horizon) throw new BadRequestError(t('ranking.horizonChooseFromList'));
    return horizon;
  }
  if (body.season === undefined || body.episode === undefined) {
    throw new BadRequestError(t('ranking.horizonGiveNumbers'));
  }
  return { season: body.season, episode: body.episode };
}
