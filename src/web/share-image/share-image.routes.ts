/**
 * The share images: `/shows/:show/share.png` and `/shows/:show/seasons/:season/share.png`, the
 * og:image of the show and season pages. Each is drawn once and then served from the page cache
 * (src/http/response-cache.ts), owned by its show, so a vote or an edit drops it with the show's
 * pages; a strong ETag lets crawlers revalidate with a 304 instead of downloading it again.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { etagMatches } from '../../http/api-caching.js';
import { etagOf, type CachedResponse } from '../../http/response-cache.js';
import { SeasonParams, ShowParams } from '../../http/url-schemas.js';
import { paths } from '../../shared/paths.js';
import { SingleFlight } from '../../shared/single-flight.js';
import { seasonCard, showCard } from './share-card.js';
import { ShareImageRenderer } from './share-renderer.js';
import { SHARE_TOP_EPISODES, shareImageSvg, type ShareCard } from './share-svg.js';

/**
 * Clients and crawlers may keep an image a few minutes before asking again: a preview a little
 * behind the latest votes is fine, and the ETag makes asking again cheap.
 */
const IMAGE_CACHE_CONTROL = 'public, max-age=300';

/** Only the best few episodes are drawn, so only they are ranked into entries. */
const TOP_PAGE = { page: 1, perPage: SHARE_TOP_EPISODES };

export async function shareImageRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { rankings, pageCache } = app.services;
  // One per app: the bound on renders at once holds across both routes.
  const renderer = new ShareImageRenderer();
  /** Images being drawn right now, by path: a burst of requests for one image draws it once. */
  const drawing = new SingleFlight<string, { png: Buffer; etag: string }>();

  async function draw(path: string, build: () => Promise<{ card: ShareCard; showId: number }>) {
    const mark = pageCache.mark();
    const { card, showId } = await build();
    const png = await renderer.render(shareImageSvg(card));
    // The image has no links in it, so it is the same under every host name: no base.
    const stored: CachedResponse | undefined = pageCache.set(path, '', showId, png, mark);
    return { png, etag: stored?.etag ?? etagOf(png) };
  }

  async function sendImage(request: FastifyRequest, reply: FastifyReply, path: string, build: () => Promise<{ card: ShareCard; showId: number }>) {
    const cached = pageCache.get(path);
    const image = cached ? { png: cached.identity, etag: cached.etag } : await drawing.run(path, () => draw(path, build));
    // A PNG is compressed already: always the plain bytes, never the cache's gzip or brotli copies.
    reply.type('image/png').header('etag', image.etag).header('cache-control', IMAGE_CACHE_CONTROL);
    // Other sites' pages may show it (a preview card drawn by a chat client's web view, say).
    reply.header('cross-origin-resource-policy', 'cross-origin');
    if (etagMatches(request.headers['if-none-match'], image.etag)) return reply.code(304).send();
    return reply.send(image.png);
  }

  app.get('/shows/:show/share.png', { schema: { params: ShowParams } }, async (request, reply) => {
    const { show } = request.params;
    return sendImage(request, reply, paths.showShareImage(show), async () => {
      const data = await rankings.show(show, 'score', TOP_PAGE);
      return { card: showCard(data), showId: data.show.id };
    });
  });

  app.get('/shows/:show/seasons/:season/share.png', { schema: { params: SeasonParams } }, async (request, reply) => {
    const { show, season } = request.params;
    return sendImage(request, reply, paths.seasonShareImage(show, season), async () => {
      const data = await rankings.season(show, season, 'score', TOP_PAGE);
      return { card: seasonCard(data), showId: data.show.id };
    });
  });
}
