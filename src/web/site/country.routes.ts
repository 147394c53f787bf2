/**
 * `GET /country/:code?back=…`: the watch links' country chooser (it works without JavaScript). The
 * country whose links come first is remembered in a cookie for a year, as the language is
 * (language.routes.ts), and the browser goes back to the page it was chosen on. Until a visitor
 * chooses, their language's region decides (src/http/language.ts); the page cache keeps one copy
 * per country (displayKey in src/i18n/context.ts). A code ISO 3166 did not assign is a 404 page.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { cacheControl } from '../../http/cache-policy.js';
import { COUNTRY_COOKIE } from '../../http/language.js';
import { MAX_RETURN_PATH_LENGTH, safeReturnPath } from '../../http/return-path.js';
import { setCookie } from '../../http/site-cookies.js';
import { t } from '../../i18n/translate.js';
import { isCountryCode } from '../../shared/countries.js';
import { NotFoundError } from '../../shared/errors.js';
import { paths, routes } from '../../shared/paths.js';

// Chromium caps cookie lifetimes at 400 days.
const YEAR_SECONDS = 365 * 24 * 60 * 60;

export async function countryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    routes.site.chooseCountry,
    {
      schema: {
        params: Type.Object({ code: Type.String({ maxLength: 35 }) }),
        querystring: Type.Object({ back: Type.Optional(Type.String({ maxLength: MAX_RETURN_PATH_LENGTH })) }),
      },
    },
    async (request, reply) => {
      const code = request.params.code.toUpperCase();
      if (!isCountryCode(code)) throw new NotFoundError(t('watch.unknownCountry', { code: request.params.code }));
      setCookie(request, reply, COUNTRY_COOKIE, code, { maxAge: YEAR_SECONDS });
      return reply.header('cache-control', cacheControl.forOneVisitor).redirect(safeReturnPath(request.query.back) ?? paths.home(), 303);
    },
  );
}
