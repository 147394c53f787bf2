import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { absoluteUrl } from '../http/send-page.js';
import { DEFAULT_SORT, SORT_ORDERS } from '../ranking/ranking.js';
import { readVoter } from '../votes/voter-cookie.js';
import type { VoterRef } from '../votes/votes.repository.js';
import { renderDocument, type Html } from './jsx.js';
import { EpisodePage } from './pages/episode.page.js';
import { HomePage } from './pages/home.page.js';
import { SeasonPage } from './pages/season.page.js';
import { ShowPage } from './pages/show.page.js';
import { paths } from './paths.js';

// Numbers in paths are bounded so that no value can overflow an integer column on PostgreSQL.
const Number_ = Type.Integer({ minimum: 1, maximum: 100000 });
const Slug = Type.String({ minLength: 1, maxLength: 100 });

const SortQuery = Type.Object({ sort: Type.Optional(Type.Enum([...SORT_ORDERS])) });
const ShowParams = Type.Object({ show: Slug });
const SeasonParams = Type.Object({ show: Slug, season: Number_ });
const EpisodeParams = Type.Object({ show: Slug, season: Number_, episode: Number_ });

interface Rendered {
  page: Html;
  /** The show the page is about, for cache invalidation; null for pages about every show. */
  showId: number | null;
}

/** The public HTML pages. Each route validates, asks one service method, and renders. */
export async function webRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { rankings, votes, pageCache } = app.services;
  const url = (request: FastifyRequest, path: string) => absoluteUrl(request, app.config.publicUrl, path);

  /**
   * Visitors without a voter cookie all get the same HTML, so it is cached under the page's
   * canonical URL; a voter's page carries their own ratings and is always built fresh.
   */
  async function respond(
    request: FastifyRequest,
    reply: FastifyReply,
    canonical: string,
    build: (voter: VoterRef | null) => Promise<Rendered>,
  ) {
    const voter = readVoter(request);
    reply.type('text/html; charset=utf-8');
    if (!voter) {
      const cached = pageCache.get(canonical);
      if (cached !== undefined) return reply.send(cached);
    }
    const { page, showId } = await build(voter);
    const html = Buffer.from(renderDocument(page));
    if (!voter) pageCache.set(canonical, showId, html);
    return reply.send(html);
  }

  app.get('/', async (request, reply) =>
    respond(request, reply, url(request, paths.home()), async () => ({
      page: HomePage({ shows: await rankings.home(), url: url(request, paths.home()) }),
      showId: null,
    })),
  );

  app.get('/shows/:show', { schema: { params: ShowParams, querystring: SortQuery } }, async (request, reply) => {
    const sort = request.query.sort ?? DEFAULT_SORT;
    const canonical = url(request, paths.show(request.params.show, sort));
    return respond(request, reply, canonical, async (voter) => {
      const data = await rankings.show(request.params.show, sort);
      const yourRatings = await votes.ratingsOf(voter, [...data.ranking.ranked, ...data.ranking.unrated].map((e) => e.id));
      return { page: ShowPage({ data, url: canonical, yourRatings }), showId: data.show.id };
    });
  });

  app.get(
    '/shows/:show/seasons/:season',
    { schema: { params: SeasonParams, querystring: SortQuery } },
    async (request, reply) => {
      const { show, season } = request.params;
      const sort = request.query.sort ?? DEFAULT_SORT;
      const canonical = url(request, paths.season(show, season, sort));
      return respond(request, reply, canonical, async (voter) => {
        const data = await rankings.season(show, season, sort);
        const yourRatings = await votes.ratingsOf(voter, [...data.ranking.ranked, ...data.ranking.unrated].map((e) => e.id));
        return { page: SeasonPage({ data, url: canonical, yourRatings }), showId: data.show.id };
      });
    },
  );

  app.get('/shows/:show/seasons/:season/episodes/:episode', { schema: { params: EpisodeParams } }, async (request, reply) => {
    const { show, season, episode } = request.params;
    const canonical = url(request, paths.episode(show, season, episode));
    return respond(request, reply, canonical, async (voter) => {
      const data = await rankings.episode(show, season, episode);
      const yourRatings = await votes.ratingsOf(voter, [data.episode.id]);
      return { page: EpisodePage({ data, url: canonical, yourRatings }), showId: data.show.id };
    });
  });
}
