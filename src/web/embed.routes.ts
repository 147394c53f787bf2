/**
 * The embed pages, which other sites may put in an <iframe>: `/embed/shows/:show/heatmap` and
 * `/embed/shows/:show/seasons/:season`. They alone open frame-ancestors to every site
 * (allowFraming, just before sending, so their error pages stay unframeable like every other
 * page). They carry no voter's data, so every reader gets the same page, kept in the page cache
 * and dropped with the show's other pages when it changes.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SeasonParams, ShowParams } from '../http/url-schemas.js';
import { sendCached } from '../http/response-cache.js';
import { allowFraming } from '../http/security-headers.js';
import { paths } from '../shared/paths.js';
import { renderDocument, type Html } from './jsx.js';
import { EMBED_SEASON_EPISODES, EmbedHeatmapPage, EmbedSeasonPage } from './pages/embed.page.js';
import { siteBase } from './send-page.js';

export async function embedRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { rankings, pageCache } = app.services;

  /** Sends the embed at `path`, from the cache or built by `build` (which names the page's show). */
  async function respond(request: FastifyRequest, reply: FastifyReply, path: string, build: (base: string) => Promise<{ page: Html; showId: number }>) {
    const base = siteBase(request, app.config.publicUrl);
    let stored = pageCache.get(path, base);
    let html: Buffer | undefined;
    if (!stored) {
      const mark = pageCache.mark();
      const { page, showId } = await build(base);
      html = Buffer.from(renderDocument(page));
      stored = pageCache.set(path, base, showId, html, mark);
    }
    reply.type('text/html; charset=utf-8');
    allowFraming(reply);
    return stored ? sendCached(request, reply, stored) : reply.send(html);
  }

  app.get('/embed/shows/:show/heatmap', { schema: { params: ShowParams } }, async (request, reply) => {
    const { show } = request.params;
    return respond(request, reply, paths.embedHeatmap(show), async (base) => {
      // Only the heatmap is drawn: one ranking entry is all the ranking part needs to build.
      const data = await rankings.show(show, 'score', { page: 1, perPage: 1 });
      return { page: EmbedHeatmapPage({ data, pageUrl: base + paths.show(data.show.slug) }), showId: data.show.id };
    });
  });

  app.get('/embed/shows/:show/seasons/:season', { schema: { params: SeasonParams } }, async (request, reply) => {
    const { show, season } = request.params;
    return respond(request, reply, paths.embedSeason(show, season), async (base) => {
      const data = await rankings.season(show, season, 'score', { page: 1, perPage: EMBED_SEASON_EPISODES });
      return { page: EmbedSeasonPage({ data, pageUrl: base + paths.season(data.show.slug, data.season.number) }), showId: data.show.id };
    });
  });
}
