import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DEFAULT_SORT, SORT_ORDERS } from '../ranking/ranking.js';
import { absoluteUrl, sendPage } from '../http/send-page.js';
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

/** The public HTML pages. Each route validates, asks one service method, and renders. */
export async function webRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { rankings } = app.services;
  const url = (request: Parameters<typeof absoluteUrl>[0], path: string) =>
    absoluteUrl(request, app.config.publicUrl, path);

  app.get('/', async (request, reply) => {
    const shows = await rankings.home();
    return sendPage(reply, HomePage({ shows, url: url(request, paths.home()) }));
  });

  app.get('/shows/:show', { schema: { params: ShowParams, querystring: SortQuery } }, async (request, reply) => {
    const sort = request.query.sort ?? DEFAULT_SORT;
    const data = await rankings.show(request.params.show, sort);
    return sendPage(reply, ShowPage({ data, url: url(request, paths.show(data.show.slug, sort)) }));
  });

  app.get(
    '/shows/:show/seasons/:season',
    { schema: { params: SeasonParams, querystring: SortQuery } },
    async (request, reply) => {
      const sort = request.query.sort ?? DEFAULT_SORT;
      const data = await rankings.season(request.params.show, request.params.season, sort);
      return sendPage(reply, SeasonPage({ data, url: url(request, paths.season(data.show.slug, data.season.number, sort)) }));
    },
  );

  app.get('/shows/:show/seasons/:season/episodes/:episode', { schema: { params: EpisodeParams } }, async (request, reply) => {
    const { show, season, episode } = request.params;
    const data = await rankings.episode(show, season, episode);
    return sendPage(reply, EpisodePage({ data, url: url(request, paths.episode(data.show.slug, season, episode)) }));
  });
}
