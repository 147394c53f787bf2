/**
 * The public site: the home page, the show list and each show's, season's and episode's page, /top,
 * /search, feeds, what crawlers and browsers ask for (robots.txt, sitemaps, the manifest, the
 * favicon), the static assets, the API's page for people, the page that explains the rankings, the language menu's links, the watch links' country chooser, and
 * the two forms a visitor posts without an account (a vote, a spoiler horizon). Each file registers one concern; route patterns
 * come from src/shared/paths.ts (`routes.site`). Anyone may read it: no guard.
 */
import type { FastifyInstance } from 'fastify';
import { assetRoutes } from '../ui/assets.routes.js';
import { apiDocsRoutes } from './api-docs.routes.js';
import { discoveryRoutes } from './discovery.routes.js';
import { displayChoiceRoutes } from './display-choices.routes.js';
import { feedRoutes } from './feed.routes.js';
import { horizonRoutes } from './horizon.routes.js';
import { howRankedRoutes } from './how-ranked.routes.js';
import { webRoutes } from './pages.routes.js';
import { searchRoutes } from './search.routes.js';
import { topRoutes } from './top.routes.js';
import { voteFormRoutes } from './votes.routes.js';

export async function siteArea(app: FastifyInstance): Promise<void> {
  await app.register(assetRoutes);
  await app.register(webRoutes);
  await app.register(feedRoutes);
  await app.register(discoveryRoutes);
  await app.register(searchRoutes);
  await app.register(topRoutes);
  await app.register(voteFormRoutes);
  await app.register(horizonRoutes);
  await app.register(apiDocsRoutes);
  await app.register(howRankedRoutes);
  await app.register(displayChoiceRoutes);
}
