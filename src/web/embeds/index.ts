/**
 * What other sites show of ours: the framable embeds (/embed/*), the oEmbed answer that describes
 * them (/oembed) and the PNG share images of show and season pages (…/share.png). Route patterns
 * come from src/shared/paths.ts (`routes.embeds`). Public: no guard.
 */
import type { FastifyInstance } from 'fastify';
import { embedRoutes } from './embed.routes.js';
import { oembedRoutes } from './oembed.routes.js';
import { shareImageRoutes } from './share-image/share-image.routes.js';

export async function embedsArea(app: FastifyInstance): Promise<void> {
  await app.register(shareImageRoutes);
  await app.register(embedRoutes);
  await app.register(oembedRoutes);
}
