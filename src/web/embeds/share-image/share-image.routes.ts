/**
 * The share images: `/shows/:show/share.png` and `/shows/:show/seasons/:season/share.png`, the
 * og:image of the show and season pages. Each is drawn once and then served from the page cache
 * (src/http/cached-responder.ts), owned by its show, so a vote or an edit drops it with the show's
 * pages; a strong ETag lets crawlers revalidate with a 304 instead of downloading it again.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { paths, routes } from '../../../shared/paths.js';
import { cacheControl } from '../../../http/cache-policy.js';
import { CachedResponder } from '../../../http/cached-responder.js';
import { SeasonParams, ShowParams } from '../../../http/schemas.js';
import { seasonCard, showCard } from './share-card.js';
import { ShareImageRenderer } from './share-renderer.js';
import { SHARE_TOP_EPISODES, shareImageSvg, type ShareCard } from './share-svg.js';

/** Only the best few episodes are drawn, so only they are ranked into entries. */
const TOP_PAGE = { page: 1, perPage: SHARE_TOP_EPISODES };

export async function shareImageRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { rankings, pageCache } = app.services;
  // One per app: the bound on renders at once holds across both routes.
  const renderer = new ShareImageRenderer();
  // A PNG is compressed already: always the plain bytes, never the cache's gzip or brotli copies.
  const images = new CachedResponder(pageCache, { type: 'image/png', cacheControl: cacheControl.shareImage, compressible: false, variesByCookie: false });
  // Other sites' pages may show it (a preview card drawn by a chat client's web view, say).
  const crossOrigin = (reply: FastifyReply) => reply.header('cross-origin-resource-policy', 'cross-origin');

  async function sendImage(request: FastifyRequest, reply: FastifyReply, path: string, build: () => Promise<{ card: ShareCard; showId: number }>) {
    const render = async () => {
      const { card, showId } = await build();
      return { body: await renderer.render(shareImageSvg(card)), owner: showId };
    };
    // The image has no links in it, so it is the same under every host name: no base.
    return images.send(request, reply, { key: path, render, decorate: crossOrigin });
  }

  app.get(routes.embeds.showShareImage, { schema: { params: ShowParams } }, async (request, reply) => {
    const { show } = request.params;
    return sendImage(request, reply, paths.showShareImage(show), async () => {
      const data = await rankings.show(show, 'score', TOP_PAGE);
      return { card: showCard(data), showId: data.show.id };
    });
  });

  app.get(routes.embeds.seasonShareImage, { schema: { params: SeasonParams } }, async (request, reply) => {
    const { show, season } = request.params;
    return sendImage(request, reply, paths.seasonShareImage(show, season), async () => {
      const data = await rankings.season(show, season, 'score', TOP_PAGE);
      return { card: seasonCard(data), showId: data.show.id };
    });
  });
}
