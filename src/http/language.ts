/**
 * Which language a request is answered in, decided once per request and in force for everything
 * it renders (src/i18n/context.ts):
 *
 *   1. `?lang=ja` in the address: a page's own language address (search engines' hreflang
 *      alternates and canonical links point there, and the page's links carry it on);
 *   2. the language the visitor chose in the menu, remembered in a cookie;
 *   3. the browser's Accept-Language, matched to the languages the site speaks (BCP 47 lookup);
 *   4. DEFAULT_LANGUAGE.
 *
 * `lang` is taken out of the address before routing (`stripLanguageParam`, Fastify's rewriteUrl),
 * so no route, query schema or cache key ever sees it; the page cache keys on the language itself
 * (src/http/cached-responder.ts). Every answer says its language in Content-Language, and one that
 * the browser's header chose says `Vary: Accept-Language`.
 */
import { match } from '@formatjs/intl-localematcher';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { defaultLanguage, type LanguageContext, TITLE_PREFERENCES, type TitlePreference, withLanguage } from '../i18n/context.js';
import { isLanguageTag, LANGUAGE_PARAM, LANGUAGE_TAGS, type LanguageTag, languageOf } from '../i18n/languages.js';
import { isCountryCode } from '../shared/countries.js';
import { readCookie } from './site-cookies.js';

/** The cookie remembering the visitor's choice from the language menu. */
export const LANGUAGE_COOKIE = 'epirank_lang';
/** The cookie remembering which titles the visitor reads first (TitlePreference). */
export const TITLES_COOKIE = 'epirank_titles';
/** How long a choice made in the language or title menu is remembered: a year (Chromium caps cookie lifetimes at 400 days). */
export const DISPLAY_CHOICE_SECONDS = 365 * 24 * 60 * 60;
/** The cookie remembering the country whose watch links come first. */
export const COUNTRY_COOKIE = 'epirank_country';

/** How the language was decided: what the answer varies on. */
export type LanguageSource = 'address' | 'cookie' | 'browser' | 'default';

/** What was decided for a request, and whether a cookie decided any of it (then the answer varies on Cookie). */
export type DecidedLanguage = LanguageContext & { source: LanguageSource; fromCookies: boolean };

declare module 'fastify' {
  interface FastifyRequest {
    language: DecidedLanguage;
  }
}

/** Where rewriteUrl leaves the language it took out of the address, for the hook to read. */
const ADDRESS_LANGUAGE = Symbol('address language');
type RawWithLanguage = IncomingMessage & { [ADDRESS_LANGUAGE]?: string };

/**
 * The request's URL without its `lang` parameter (Fastify's rewriteUrl): the value, any value, is
 * kept aside; an unknown one is ignored rather than refused, as a misspelt preference should be.
 */
export function stripLanguageParam(raw: IncomingMessage): string {
  const url = raw.url ?? '/';
  const queryAt = url.indexOf('?');
  if (queryAt < 0 || !url.includes(`${LANGUAGE_PARAM}=`, queryAt)) return url;
  const kept: string[] = [];
  for (const pair of url.slice(queryAt + 1).split('&')) {
    if (pair.startsWith(`${LANGUAGE_PARAM}=`))
      (raw as RawWithLanguage)[ADDRESS_LANGUAGE] = decodeURIComponent(pair.slice(LANGUAGE_PARAM.length + 1).replace(/\+/g, ' '));
    else if (pair !== '') kept.push(pair);
  }
  return kept.length > 0 ? `${url.slice(0, queryAt)}?${kept.join('&')}` : url.slice(0, queryAt);
}

/** The site's language closest to what an Accept-Language header asks for, or null when none is. */
export function languageFromHeader(header: string | undefined): LanguageTag | null {
  if (!header) return null;
  const asked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag?.trim() ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter(
      (entry) => entry.tag !== '' && entry.tag !== '*' && Number.isFinite(entry.q) && entry.q > 0 && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(entry.tag),
    )
    .sort((a, b) => b.q - a.q)
    .slice(0, 20)
    .map((entry) => entry.tag);
  if (asked.length === 0) return null;
  const NONE = 'und';
  const found = match(asked, LANGUAGE_TAGS as string[], NONE, { algorithm: 'lookup' });
  return isLanguageTag(found) ? found : null;
}

/** Decides a request's language, by the order above, and the visitor's other display choices. */
export function decideLanguage(request: FastifyRequest): DecidedLanguage {
  const decided = decideLanguageOnly(request);
  const titles = readCookie(request, TITLES_COOKIE);
  const country = readCookie(request, COUNTRY_COOKIE);
  const titlesChosen = TITLE_PREFERENCES.includes(titles as TitlePreference);
  const countryChosen = isCountryCode(country);
  return {
    ...decided,
    titles: titlesChosen ? (titles as TitlePreference) : 'listed',
    country: countryChosen ? country : languageOf(decided.language)!.region,
    fromCookies: decided.source === 'cookie' || titlesChosen || countryChosen,
  };
}

function decideLanguageOnly(request: FastifyRequest): LanguageContext & { source: LanguageSource } {
  const inAddress = (request.raw as RawWithLanguage)[ADDRESS_LANGUAGE];
  if (isLanguageTag(inAddress)) return { language: inAddress, inAddress: true, source: 'address' };
  const chosen = readCookie(request, LANGUAGE_COOKIE);
  if (isLanguageTag(chosen)) return { language: chosen, inAddress: false, source: 'cookie' };
  const fromBrowser = languageFromHeader(request.headers['accept-language']);
  if (fromBrowser) return { language: fromBrowser, inAddress: false, source: 'browser' };
  return { language: defaultLanguage(), inAddress: false, source: 'default' };
}

/** Decides every request's language and runs the rest of the request in it. After the cookie plugin. */
export function registerLanguage(app: FastifyInstance): void {
  app.decorateRequest('language', null as never);
  app.addHook('onRequest', (request, reply, done) => {
    const decided = decideLanguage(request);
    request.language = decided;
    reply.header('content-language', decided.language);
    withLanguage(decided, done);
  });
}
