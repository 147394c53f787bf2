/**
 * The oEmbed endpoint (https://oembed.com): `/oembed?url=…&format=json` describes the embed of one
 * of our show or season pages as a "rich" answer whose html is an <iframe> of its /embed/ page.
 * JSON only (format=xml is 501, as the spec allows); a URL that is not one of our show or season
 * pages is 404. Pages advertise it with a <link rel="alternate" type="application/json+oembed">.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { currentLanguage, defaultLanguage } from '../../i18n/context.js';
import { isLanguageTag, LANGUAGE_PARAM, languageAddress } from '../../i18n/languages.js';
import { tIn } from '../../i18n/translate.js';
import { AppError, answeredAs, NotFoundError, says } from '../../shared/errors.js';
import { paths, routes } from '../../shared/paths.js';
import { SITE_NAME } from '../ui/site-identity.js';
import { escapeHtml } from '../ui/jsx.js';
import { siteBase } from '../ui/send-page.js';

/** The spec's answer to a format the provider does not offer. */
export class FormatNotImplementedError extends answeredAs(AppError, 501, 'format-not-implemented', says('errors.formatNotImplementedTitle')) {
  override name = 'FormatNotImplementedError';
}

/** Each embed's natural size in CSS pixels; a consumer's maxwidth and maxheight only shrink it. */
export const EMBED_SIZES = {
  heatmap: { width: 720, height: 420 },
  season: { width: 480, height: 560 },
} as const;

const Dimension = Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 }));
const OembedQuery = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 2000 }),
  // The spec's two formats; XML is recognised only to be declined with 501, anything else is a bad request.
  format: Type.Optional(Type.Enum(['json', 'xml'])),
  maxwidth: Dimension,
  maxheight: Dimension,
});

/** Which embed a page of ours has: a show's heatmap, or a season's ranking. */
type Target = { kind: 'heatmap'; show: string } | { kind: 'season'; show: string; season: number };

const SHOW_PATH = /^\/(?:embed\/)?shows\/([^/]+?)(?:\/heatmap)?$/;
const SEASON_PATH = /^\/(?:embed\/)?shows\/([^/]+)\/seasons\/([1-9][0-9]{0,5})$/;

/** The embed a URL's path names, or null; the query (a sort, a page) and fragment do not matter. */
export function embedTarget(path: string): Target | null {
  try {
    const season = SEASON_PATH.exec(path);
    if (season) return { kind: 'season', show: decodeURIComponent(season[1]!), season: Number(season[2]) };
    const show = SHOW_PATH.exec(path);
    if (show) return { kind: 'heatmap', show: decodeURIComponent(show[1]!) };
  } catch {
    // A malformed escape (%E0%A4%A) names no show.
  }
  return null;
}

export async function oembedRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { rankings } = app.services;

  app.get(routes.embeds.oembed, { schema: { querystring: OembedQuery } }, async (request, reply) => {
    const { url, format, maxwidth, maxheight } = request.query;
    if (format === 'xml') throw new FormatNotImplementedError(says('errors.oembedJsonOnly'));
    const base = siteBase(request, app.config.publicUrl);
    const notOurs = () => new NotFoundError(says('errors.oembedNotOurs'));
    let asked: URL;
    try {
      asked = new URL(url);
    } catch {
      throw notOurs();
    }
    const target = asked.origin === new URL(base).origin ? embedTarget(asked.pathname) : null;
    if (!target) throw notOurs();
    const { show, seasons } = await rankings.overview(target.show);
    if (target.kind === 'season' && !seasons.some((s) => s.number === target.season))
      throw new NotFoundError(says('errors.oembedNoSeason', { show: show.title, season: String(target.season) }));
    const natural = EMBED_SIZES[target.kind];
    const width = Math.min(natural.width, maxwidth ?? natural.width);
    const height = Math.min(natural.height, maxheight ?? natural.height);
    // A page's language address (`?lang=ja`) is described in its language, and its frame shows that
    // language; any other address in the request's own (the cookie, Accept-Language or the default).
    const named = asked.searchParams.get(LANGUAGE_PARAM);
    const language = isLanguageTag(named) ? named : currentLanguage();
    const title =
      target.kind === 'season'
        ? tIn(language, 'embeds.seasonHeading', { show: show.title, season: target.season })
        : tIn(language, 'embeds.heatmapTitle', { show: show.title });
    const embedPath = target.kind === 'season' ? paths.embedSeason(show.slug, target.season) : paths.embedHeatmap(show.slug);
    const src = base + (isLanguageTag(named) ? languageAddress(embedPath, language, defaultLanguage()) : embedPath);
    const html = `<iframe src="${escapeHtml(src)}" width="${width}" height="${height}" title="${escapeHtml(title)}" loading="lazy" style="border:0"></iframe>`;
    return reply.type('application/json; charset=utf-8').send({
      version: '1.0',
      type: 'rich',
      title,
      provider_name: SITE_NAME,
      provider_url: base + paths.home(),
      html,
      width,
      height,
    });
  });
}
