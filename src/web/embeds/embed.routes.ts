/**
 * The embed pages, which other sites may put in an <iframe>: `/embed/shows/:show/heatmap` (with
 * `?heatmap=average` and `?scale=absolute`, its switches' other choices) and `/embed/shows/:show/seasons/:season`. They alone open frame-ancestors to every site
 * (allowFraming, just before sending, so their error pages stay unframeable like every other
 * page). They carry no voter's data, so every reader gets the same page, kept in the page cache
 * and dropped with the show's other pages when it changes.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allowFraming } from '../../http/security-headers.js';
import { paths, routes } from '../../shared/paths.js';
import { renderDocument, type Html } from '../ui/jsx.js';
import { EMBED_SEASON_EPISODES, EmbedHeatmapPage, EmbedSeasonPage } from './embed.page.js';
import { siteBase } from '../ui/send-page.js';
import { CachedResponder } from '../../http/cached-responder.js';
import { sharedPageCacheControl } from '../../http/cache-policy.js';
import { HeatmapQuery, SeasonParams, ShowParams } from '../../http/schemas.js';
import { DEFAULT_HEATMAP_MEASURE } from '../../shared/heatmap-measures.js';

export async function embedRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { rankings, pageCache } = app.services;
  const embeds = new CachedResponder(pageCache, {
    type: 'text/html; charset=utf-8',
    cacheControl: sharedPageCacheControl(app.config.pageCacheSeconds),
    compressible: true,
    variesByCookie: false,
  });

  /** Sends the embed at `path`, from the cache or built by `build` (which names the page's show). */
  async function respond(request: FastifyRequest, reply: FastifyReply, path: string, build: (base: string) => Promise<{ page: Html; showId: number }>) {
    const base = siteBase(request, app.config.publicUrl);
    const render = async () => {
      const { page, showId } = await build(base);
      return { body: Buffer.from(renderDocument(page)), owner: showId };
    };
    return embeds.send(request, reply, { key: path, base, render, decorate: allowFraming });
  }

  app.get(routes.embeds.heatmap, { schema: { params: ShowParams, querystring: HeatmapQuery } }, async (request, reply) => {
    const { show } = request.params;
    const measure = request.query.heatmap ?? DEFAULT_HEATMAP_MEASURE;
    const { scale } = request.query;
    // Each measure and scale is its own cache entry, keyed by the address its switch links to.
    return respond(request, reply, paths.embedHeatmap(show, measure, scale), async (base) => {
      // Only the heatmap is drawn: one ranking entry is all the ranking part needs to build.
      const data = await rankings.show(show, 'score', { page: 1, perPage: 1 });
      return { page: EmbedHeatmapPage({ data, pageUrl: base + paths.show(data.show.slug), measure, scale }), showId: data.show.id };
    });
  });

  app.get(routes.embeds.season, { schema: { params: SeasonParams } }, async (request, reply) => {
    const { show, season } = request.params;
    return respond(request, reply, paths.embedSeason(show, season), async (base) => {
      const data = await rankings.season(show, season, 'score', { page: 1, perPage: EMBED_SEASON_EPISODES });
      return { page: EmbedSeasonPage({ data, pageUrl: base + paths.season(data.show.slug, data.season.number) }), showId: data.show.id };
    });
  });
}
