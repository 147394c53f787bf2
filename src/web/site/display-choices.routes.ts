/**
 * The menus' links that choose how the site is shown to one visitor, each remembered in a cookie
 * for a year and read back on every request by src/http/language.ts (they work without
 * JavaScript; the page cache keeps one copy per choice, displayKey in src/i18n/context.ts):
 *
 * - `GET /language/:tag?back=…`: the interface language (the header's language menu);
 * - `GET /titles/:preference?back=…`: which of a show's titles come first (TitlePreference);
 * - `GET /country/:code?back=…`: whose watch links come first (an ISO 3166 code, any case).
 *
 * Each then sends the browser back to the page it was chosen on; an unusable `back` goes home, and
 * a value the site does not know is a 404 page that sets nothing.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { cacheControl } from '../../http/cache-policy.js';
import { COUNTRY_COOKIE, DISPLAY_CHOICE_SECONDS, LANGUAGE_COOKIE, TITLES_COOKIE } from '../../http/language.js';
import { MAX_RETURN_PATH_LENGTH, safeReturnPath } from '../../http/return-path.js';
import { setCookie } from '../../http/site-cookies.js';
import { TITLE_PREFERENCES, type TitlePreference } from '../../i18n/context.js';
import { isLanguageTag } from '../../i18n/languages.js';
import { isCountryCode } from '../../shared/countries.js';
import { NotFoundError, says, type Wording } from '../../shared/errors.js';
import { paths, routes } from '../../shared/paths.js';

interface DisplayChoice {
  route: string;
  cookie: string;
  /** The value to remember for what the address names, or null when the site knows no such value. */
  read: (asked: string) => string | null;
  /** What a 404 page says of a value the site does not know. */
  unknown: (asked: string) => Wording;
  /** The page to go back to, from the `back` the menu's link carries. */
  back?: (path: string) => string;
}

const CHOICES: DisplayChoice[] = [
  {
    route: routes.site.chooseLanguage,
    cookie: LANGUAGE_COOKIE,
    read: (tag) => (isLanguageTag(tag) ? tag : null),
    unknown: (tag) => says('errors.unknownLanguage', { tag }),
    // A page's own language address (?lang=) would outvote the cookie just set: go back without it.
    back: (path) => path.replace(/([?&])lang=[^&]*&?/, '$1').replace(/[?&]$/, ''),
  },
  {
    route: routes.site.chooseTitles,
    cookie: TITLES_COOKIE,
    read: (preference) => (TITLE_PREFERENCES.includes(preference as TitlePreference) ? preference : null),
    unknown: (preference) => says('errors.unknownTitlePreference', { preference }),
  },
  {
    route: routes.site.chooseCountry,
    cookie: COUNTRY_COOKIE,
    read: (code) => (isCountryCode(code.toUpperCase()) ? code.toUpperCase() : null),
    unknown: (code) => says('watch.unknownCountry', { code }),
  },
];

const Query = Type.Object({ back: Type.Optional(Type.String({ maxLength: MAX_RETURN_PATH_LENGTH })) });

export async function displayChoiceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  for (const choice of CHOICES) {
    // Each route ends in its one parameter (`/language/:tag`), named as the route names it.
    const name = choice.route.slice(choice.route.lastIndexOf(':') + 1);
    const params = Type.Record(Type.Literal(name), Type.String({ maxLength: 35 }));
    app.get(choice.route, { schema: { params, querystring: Query } }, async (request, reply) => {
      const asked = (request.params as Record<string, string>)[name]!;
      const value = choice.read(asked);
      if (value === null) throw new NotFoundError(choice.unknown(asked));
      setCookie(request, reply, choice.cookie, value, { maxAge: DISPLAY_CHOICE_SECONDS });
      const back = safeReturnPath(request.query.back);
      return reply.header('cache-control', cacheControl.forOneVisitor).redirect((back && choice.back ? choice.back(back) : back) ?? paths.home(), 303);
    });
  }
}
