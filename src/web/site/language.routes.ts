/**
 * `GET /language/:tag?back=…`: the language menu's links (they work without JavaScript). The
 * choice is remembered in a cookie for a year and the browser goes back to the page it was made on,
 * now in that language. A tag the site does not speak is a 404 page; an unusable `back` goes home.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { cacheControl } from '../../http/cache-policy.js';
import { DISPLAY_CHOICE_SECONDS, LANGUAGE_COOKIE } from '../../http/language.js';
import { safeReturnPath, MAX_RETURN_PATH_LENGTH } from '../../http/return-path.js';
import { setCookie } from '../../http/site-cookies.js';
import { isLanguageTag } from '../../i18n/languages.js';
import { NotFoundError, says } from '../../shared/errors.js';
import { paths, routes } from '../../shared/paths.js';

export async function languageRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    routes.site.chooseLanguage,
    {
      schema: {
        params: Type.Object({ tag: Type.String({ maxLength: 35 }) }),
        querystring: Type.Object({ back: Type.Optional(Type.String({ maxLength: MAX_RETURN_PATH_LENGTH })) }),
      },
    },
    async (request, reply) => {
      const { tag } = request.params;
      if (!isLanguageTag(tag)) throw new NotFoundError(says('errors.unknownLanguage', { tag }));
      setCookie(request, reply, LANGUAGE_COOKIE, tag, { maxAge: DISPLAY_CHOICE_SECONDS });
      // A page's own language address (?lang=) would outvote the cookie just set: go back without it.
      const back =
        safeReturnPath(request.query.back)
          ?.replace(/([?&])lang=[^&]*&?/, '$1')
          .replace(/[?&]$/, '') ?? paths.home();
      return reply.header('cache-control', cacheControl.forOneVisitor).redirect(back, 303);
    },
  );
}
