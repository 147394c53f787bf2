/**
 * The account a personal API token acts for (`GET /api/v1/me`) and its ratings
 * (`GET /api/v1/me/ratings`), the same list as /account/ratings, a page at a time: what a script
 * needs to read back what it rated. Only a token opens them (src/http/api-token-auth.ts), and
 * their answers are that token's holder's alone (cacheControl.forOneVisitor).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { accountVoter } from '../accounts/accounts.service.js';
import { requireApiToken } from '../http/api-token-auth.js';
import { pageNumber, SlugFilter } from '../http/schemas.js';
import { NotFoundError } from '../shared/errors.js';
import { DEFAULT_MY_RATINGS_SORT, MY_RATINGS_PAGE_SIZE, MY_RATINGS_SORTS } from '../shared/my-ratings-sorts.js';
import { routes } from '../shared/paths.js';
import { ratingAsJson } from '../votes/my-ratings.service.js';
import { Nullable, problem, readAnswer, readErrors, TOKEN_HOLDER, unavailable } from './api.schemas.js';

const MeSchema = Type.Object({
  displayName: Type.String(),
  email: Type.String(),
  token: Type.Object(
    {
      name: Type.String({ description: 'The name the fan gave this token.' }),
      createdAt: Type.String({ format: 'date-time' }),
      lastUsedAt: Nullable(Type.String({ format: 'date-time' }), 'When a request last used this token, to the minute.'),
    },
    { description: 'The token this request used.' },
  ),
});

const MyRatingSchema = Type.Object({
  show: Type.String({ description: 'The show’s slug.' }),
  showTitle: Type.String(),
  season: Type.Integer({ minimum: 1 }),
  episode: Type.Integer({ minimum: 1 }),
  title: Type.String({ description: 'The episode’s title, or "Episode N" when it is unknown.' }),
  rating: Type.Integer({ minimum: 1 }),
  ratedAt: Type.String({
    format: 'date-time',
    description: 'When this rating was given: for one imported from another site, the date the file gave it; else when it was last set here.',
  }),
  held: Type.Boolean({ description: 'Recorded but held for a moderator’s review, outside the episode’s numbers.' }),
  crowdAverage: Nullable(Type.Number(), 'The average of everyone’s counted ratings, or null while there are none.'),
  crowdVotes: Type.Integer({ minimum: 0 }),
});

const MyRatingsPageSchema = Type.Object({
  items: Type.Array(MyRatingSchema),
  sort: Type.Enum([...MY_RATINGS_SORTS]),
  show: Nullable(Type.String(), 'The show filter, or null for every show.'),
  page: Type.Integer({ minimum: 1 }),
  perPage: Type.Integer({ minimum: 1 }),
  pageCount: Type.Integer({ minimum: 1 }),
  total: Type.Integer({ minimum: 0, description: 'Ratings on all pages (with the show filter, of that show).' }),
});

const MyRatingsQuery = Type.Object({
  sort: Type.Optional(
    Type.Enum([...MY_RATINGS_SORTS], {
      default: DEFAULT_MY_RATINGS_SORT,
      description:
        '`newest`: last rated first (the default); `show`: by show, season and episode; `rating`: highest first; `disagree`: farthest from the crowd first.',
    }),
  ),
  show: Type.Optional({ ...SlugFilter, description: 'Only ratings of this show (its slug); blank for every show.' }),
  page: Type.Optional(pageNumber({ default: 1, description: 'Which page, from 1; a page past the last one is 404.' })),
});

// Like every read, a token's answer has an ETag (src/http/api-caching.ts), though no cache may keep it.
const notModified = { 304: readErrors[304] };

const missingToken = {
  401: problem(
    'No personal API token was sent, or it is malformed, unknown or revoked (`/problems/unauthorized`). Create one at /account/tokens and send `Authorization: Bearer <token>`.',
    { 'WWW-Authenticate': { type: 'string', description: '`Bearer realm="Epirank"`, with `error="invalid_token"` for a token that names nobody.' } },
  ),
};

export async function meApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { myRatings } = app.services;

  app.get(
    routes.api.me,
    {
      schema: {
        operationId: 'getMe',
        summary: 'Who this token acts for',
        description: 'The account of the personal API token sent, and the token’s own details.',
        tags: ['account'],
        security: TOKEN_HOLDER,
        response: { 200: readAnswer('The token’s account.', MeSchema), ...notModified, ...missingToken, ...unavailable },
      },
    },
    async (request, reply) => {
      const token = requireApiToken(request, reply);
      const user = request.user!;
      return { displayName: user.displayName, email: user.email, token: { name: token.name, createdAt: token.createdAt, lastUsedAt: token.lastUsedAt } };
    },
  );

  app.get(
    routes.api.myRatings,
    {
      schema: {
        operationId: 'listMyRatings',
        summary: 'The token’s account’s ratings',
        description: `Every rating of the account, counted and held, ${MY_RATINGS_PAGE_SIZE} to a page, as /account/ratings lists them.`,
        tags: ['account'],
        security: TOKEN_HOLDER,
        querystring: MyRatingsQuery,
        response: {
          200: readAnswer('A page of the account’s ratings.', MyRatingsPageSchema),
          ...notModified,
          400: problem('A malformed parameter (`/problems/invalid-request`); `detail` names it.'),
          ...missingToken,
          404: problem('A page past the last one (`/problems/not-found`).'),
          ...unavailable,
        },
      },
    },
    async (request, reply) => {
      requireApiToken(request, reply);
      const { sort = DEFAULT_MY_RATINGS_SORT, page = 1 } = request.query;
      const show = request.query.show || null;
      const list = await myRatings.page(accountVoter(request.user!), { sort, show, page });
      if (page > list.pageCount) throw new NotFoundError(`There are ${list.pageCount} pages of ratings; page ${page} is past the last.`);
      return { items: list.items.map(ratingAsJson), sort, show, page, perPage: MY_RATINGS_PAGE_SIZE, pageCount: list.pageCount, total: list.total };
    },
  );
}
