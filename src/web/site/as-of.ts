/**
 * Season and show rankings as they stood on a past day (`?as_of=YYYY-MM-DD`): the same pages,
 * built from that day's snapshot, with a banner and a link to the live ranking, links that keep the
 * day, and no rating controls (a past ranking takes no votes). They are not
 * kept in the page cache; browsers and proxies keep them instead, for good once the day's own
 * snapshot answers.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { paths, withUpto } from '../../shared/paths.js';
import type { Horizon } from '../../shared/spoiler-horizon.js';
import type { SortOrder } from '../../shared/sort-orders.js';
import { renderDocument } from '../ui/jsx.js';
import { cacheControl } from '../../http/cache-policy.js';
import { SeasonPage } from './pages/season.page.js';
import { ShowPage } from './pages/show.page.js';
import { SEASON_RANKING_PER_PAGE, SHOW_RANKING_PER_PAGE } from '../../shared/ranking-pages.js';
import { absoluteUrl } from '../ui/send-page.js';

/**
 * A day whose own snapshot answers never changes; a later day may still get its own. A signed-in
 * visitor's copy names them (and a moderator's, the open flags) in the header: theirs alone.
 */
const cacheControlOf = (request: FastifyRequest, exact: boolean) =>
  request.user ? cacheControl.personalPage : exact ? cacheControl.settledRanking : cacheControl.unsettledRanking;

type Target = { show: string; season?: number; sort: SortOrder; page: number; horizon: Horizon | null };

/** Sends a season's (with `season`) or a show's ranking as of the day. */
export async function sendRankingAsOf(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, target: Target, asOf: string) {
  const { snapshots } = app.services;
  // The day is checked (a real day, not in the future, snapshots kept) before anything is built.
  await snapshots.dayFor(asOf);
  const live = target.season === undefined ? paths.show(target.show, target.sort) : paths.season(target.show, target.season, target.sort);
  const path =
    target.season === undefined
      ? paths.show(target.show, target.sort, target.page, asOf)
      : paths.season(target.show, target.season, target.sort, target.page, asOf);
  const canonical = absoluteUrl(request, app.config.publicUrl, path);
  const { horizon } = target;
  const notice = { day: asOf, liveHref: withUpto(live, target.horizon) };
  const page =
    target.season === undefined
      ? await snapshots.show(target.show, asOf, target.sort, { page: target.page, perPage: SHOW_RANKING_PER_PAGE }).then((r) => {
          reply.header('cache-control', cacheControlOf(request, r.exact));
          return ShowPage({ data: r.data, url: canonical, yourRatings: new Map(), user: request.user, asOf: notice, horizon });
        })
      : await snapshots.season(target.show, target.season, asOf, target.sort, { page: target.page, perPage: SEASON_RANKING_PER_PAGE }).then((r) => {
          reply.header('cache-control', cacheControlOf(request, r.exact));
          return SeasonPage({ data: r.data, url: canonical, yourRatings: new Map(), user: request.user, asOf: notice, horizon });
        });
  return reply.type('text/html; charset=utf-8').send(renderDocument(page));
}
