/**
 * `GET /how-ranked`: the one page that explains the rankings (pages/how-ranked.page.tsx), linked
 * from every show's and season's ranking. It reads only the ranking setting RANK_PRIOR_VOTES.
 */
import type { FastifyInstance } from 'fastify';
import { paths, routes } from '../../shared/paths.js';
import { absoluteUrl, sendPage } from '../ui/send-page.js';
import { HowRankedPage } from './pages/how-ranked.page.js';

export async function howRankedRoutes(app: FastifyInstance): Promise<void> {
  app.get(routes.site.howRanked, async (request, reply) =>
    sendPage(
      reply,
      HowRankedPage({
        priorVotes: app.config.rankPriorVotes,
        url: absoluteUrl(request, app.config.publicUrl, paths.howRanked()),
        user: request.user,
      }),
    ),
  );
}
