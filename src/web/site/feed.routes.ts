/**
 * Each show's Atom feed (RFC 4287): an entry for every day its ranking changed between
 * snapshots, saying which episodes moved and which were rated for the first time, in the
 * request's language (`xml:lang` on the feed says which; `Vary` tells shared caches what chose it).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { episodeTitle } from '../../catalog/catalog.types.js';
import { currentLanguage } from '../../i18n/context.js';
import { formatDate } from '../../i18n/format.js';
import { t } from '../../i18n/translate.js';
import { dayStart } from '../../ranking/snapshots/snapshot-day.js';
import { episodeCode } from '../ui/charts/heatmap.js';
import type { RankingChange } from '../../ranking/snapshots/snapshots.service.js';
import { paths, routes } from '../../shared/paths.js';
import { ShowParams } from '../../http/schemas.js';
import { absoluteUrl } from '../ui/send-page.js';
import { cacheControl } from '../../http/cache-policy.js';

/** Episodes named per kind of change in one entry; the rest are counted. */
const NAMED_PER_ENTRY = 10;

export async function feedRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(routes.site.showFeed, { schema: { params: ShowParams } }, async (request, reply) => {
    const { show, changes } = await app.services.snapshots.changes(request.params.show);
    const url = (path: string) => absoluteUrl(request, app.config.publicUrl, path);
    const updated = changes[0] ? dayStart(changes[0].day) : dayStart(app.services.snapshots.today());
    const entries = changes.map((change) => {
      const page = url(`${paths.show(show.slug)}?as_of=${change.day}`);
      return [
        '<entry>',
        `<id>urn:epirank:show:${show.id}:ranking:${change.day}</id>`,
        `<title>${xml(t('embeds.feedEntryTitle', { show: show.title, day: formatDate(change.day) ?? change.day }))}</title>`,
        `<updated>${dayStart(change.day)}</updated>`,
        `<link rel="alternate" type="text/html" href="${xml(page)}"/>`,
        `<content type="text">${xml(summary(change))}</content>`,
        '</entry>',
      ].join('');
    });
    const body = [
      '<?xml version="1.0" encoding="utf-8"?>',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${currentLanguage()}">`,
      `<id>urn:epirank:show:${show.id}:feed</id>`,
      `<title>${xml(t('embeds.feedTitle', { show: show.title }))}</title>`,
      `<updated>${updated}</updated>`,
      `<link rel="self" type="application/atom+xml" href="${xml(url(paths.showFeed(show.slug)))}"/>`,
      `<link rel="alternate" type="text/html" href="${xml(url(paths.show(show.slug)))}"/>`,
      '<author><name>Epirank</name></author>',
      ...entries,
      '</feed>',
    ].join('\n');
    // What chose the language, besides the address, is what a shared cache must key the feed on.
    const { source } = request.language;
    const vary = source === 'cookie' ? 'Cookie' : source === 'address' ? undefined : 'Accept-Language';
    if (vary) reply.header('vary', vary);
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', cacheControl.feed).send(body);
  });
}

/** One day's changes in words, in the language in force: first ratings, then moves, biggest first. */
function summary(change: RankingChange): string {
  const name = (e: { seasonNumber: number; episodeNumber: number; title: string | null }) =>
    t('embeds.feedEpisode', { code: episodeCode(e.seasonNumber, e.episodeNumber), title: episodeTitle({ title: e.title, number: e.episodeNumber }) });
  const separator = t('embeds.feedItemSeparator');
  const parts: string[] = [];
  if (change.newlyRated.length > 0) {
    const named = change.newlyRated.slice(0, NAMED_PER_ENTRY).map((n) => t('embeds.feedNewlyRatedItem', { episode: name(n.episode), rank: n.rank }));
    parts.push(t('embeds.feedNewlyRated', { items: named.join(separator), more: unnamed(change.newlyRated.length) }));
  }
  if (change.moves.length > 0) {
    const named = change.moves
      .slice(0, NAMED_PER_ENTRY)
      .map((m) => t('embeds.feedMoveItem', { episode: name(m.episode), direction: m.to < m.from ? 'up' : 'down', from: m.from, to: m.to }));
    parts.push(t('embeds.feedMoved', { items: named.join(separator), more: unnamed(change.moves.length) }));
  }
  return parts.join(' ');
}

/** How many changes of a kind an entry counts without naming them. */
function unnamed(total: number): number {
  return Math.max(0, total - NAMED_PER_ENTRY);
}

/** Text and attribute values escaped for XML. */
function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
