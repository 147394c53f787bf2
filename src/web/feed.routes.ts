/**
 * Each show's Atom feed (RFC 4287): an entry for every day its ranking changed between
 * snapshots, saying which episodes moved and which were rated for the first time.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { episodeTitle } from '../catalog/catalog.types.js';
import { dayStart, formatDay } from '../ranking/snapshots/snapshot-day.js';
import type { RankingChange } from '../ranking/snapshots/snapshots.service.js';
import { ShowParams } from '../http/url-schemas.js';
import { paths } from '../shared/paths.js';
import { absoluteUrl } from './send-page.js';

/** Episodes named per kind of change in one entry; the rest are counted. */
const NAMED_PER_ENTRY = 10;
/** Feed readers poll; an hour is well under a day between snapshots. */
const FEED_CACHE = 'public, max-age=3600';

export async function feedRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/shows/:show/feed.atom', { schema: { params: ShowParams } }, async (request, reply) => {
    const { show, changes } = await app.services.snapshots.changes(request.params.show);
    const url = (path: string) => absoluteUrl(request, app.config.publicUrl, path);
    const updated = changes[0] ? dayStart(changes[0].day) : dayStart(app.services.snapshots.today());
    const entries = changes.map((change) => {
      const page = url(`${paths.show(show.slug)}?as_of=${change.day}`);
      return [
        '<entry>',
        `<id>urn:epirank:show:${show.id}:ranking:${change.day}</id>`,
        `<title>${xml(`${show.title}: ranking of ${formatDay(change.day)}`)}</title>`,
        `<updated>${dayStart(change.day)}</updated>`,
        `<link rel="alternate" type="text/html" href="${xml(page)}"/>`,
        `<content type="text">${xml(summary(change))}</content>`,
        '</entry>',
      ].join('');
    });
    const body = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      `<id>urn:epirank:show:${show.id}:feed</id>`,
      `<title>${xml(`${show.title}: episode ranking changes`)}</title>`,
      `<updated>${updated}</updated>`,
      `<link rel="self" type="application/atom+xml" href="${xml(url(paths.showFeed(show.slug)))}"/>`,
      `<link rel="alternate" type="text/html" href="${xml(url(paths.show(show.slug)))}"/>`,
      '<author><name>Epirank</name></author>',
      ...entries,
      '</feed>',
    ].join('\n');
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', FEED_CACHE).send(body);
  });
}

/** One day's changes in words: first ratings, then moves, biggest first. */
function summary(change: RankingChange): string {
  const name = (e: { seasonNumber: number; episodeNumber: number; title: string | null }) =>
    `S${e.seasonNumber}E${e.episodeNumber} “${episodeTitle({ title: e.title, number: e.episodeNumber })}”`;
  const parts: string[] = [];
  if (change.newlyRated.length > 0) {
    const named = change.newlyRated.slice(0, NAMED_PER_ENTRY).map((n) => `${name(n.episode)} at #${n.rank}`);
    parts.push(`Newly rated: ${named.join('; ')}${more(change.newlyRated.length)}.`);
  }
  if (change.moves.length > 0) {
    const named = change.moves.slice(0, NAMED_PER_ENTRY).map((m) => `${name(m.episode)} ${m.to < m.from ? 'up' : 'down'} from #${m.from} to #${m.to}`);
    parts.push(`Moved: ${named.join('; ')}${more(change.moves.length)}.`);
  }
  return parts.join(' ');
}

function more(total: number): string {
  return total > NAMED_PER_ENTRY ? ` and ${total - NAMED_PER_ENTRY} more` : '';
}

/** Text and attribute values escaped for XML. */
function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
