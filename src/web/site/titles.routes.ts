/**
 * `GET /titles/:preference?back=…`: the title menu's links (they work without JavaScript). Which
 * of a show's and an episode's titles a visitor reads first (TitlePreference: as listed, original,
 * romaji, the interface language's) is remembered in a cookie for a year, read back on every
 * request by src/http/language.ts, and the browser goes back to the page it was chosen on. An
 * unknown preference is a 404 page; an unusable `back` goes home.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { cacheControl } from '../../http/cache-policy.js';
import { DISPLAY_CHOICE_SECONDS, TITLES_COOKIE } from '../../http/language.js';
import { safeReturnPath, MAX_RETURN_PATH_LENGTH } from '../../http/return-path.js';
import { setCookie } from '../../http/site-cookies.js';
import { TITLE_PREFERENCES, type TitlePreference } from '../../i18n/context.js';
import { NotFoundError, says } from '../../shared/errors.js';
import { paths, routes } from '../../shared/paths.js';

export async function titlesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    routes.site.chooseTitles,
    {
      schema: {
        params: Type.Object({ preference: Type.String({ maxLength: 20 }) }),
        querystring: Type.Object({ back: Type.Optional(Type.String({ maxLength: MAX_RETURN_PATH_LENGTH })) }),
      },
    },
    async (request, reply) => {
      const { preference } = request.params;
      if (!TITLE_PREFERENCES.includes(preference as TitlePreference)) throw new NotFoundError(says('errors.unknownTitlePreference', { preference }));
      setCookie(request, reply, TITLES_COOKIE, preference, { maxAge: DISPLAY_CHOICE_SECONDS });
      return reply.header('cache-control', cacheControl.forOneVisitor).redirect(safeReturnPath(request.query.back) ?? paths.home(), 303);
    },
  );
}
