/**
 * A show's Atom feed: valid Atom (parsed with an XML parser, the required elements checked), an
 * entry per day whose ranking changed with its moves and first ratings, and the show page's link
 * to it.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { addDays, utcDay } from '../../src/ranking/snapshots/snapshot-day.js';
import { parsePage } from '../helpers/html.js';
import { useSnapshotTestApp } from '../helpers/snapshot-app.js';

const TODAY = utcDay(new Date());
const DAYS = [addDays(TODAY, -3), addDays(TODAY, -2), addDays(TODAY, -1)];
const FEED = '/shows/feed-show/feed.atom';
const testApp = useSnapshotTestApp({ slug: 'feed-show', title: 'Feed & Show' }, { episodeTitle: (n) => `Part <${n}>` });

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' });
/** An entry as the parser reads it: text elements, attributes with `@`, mixed text as `#text`. */
interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  content: { '#text': string; '@type': string };
  link: Array<Record<string, string>>;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

async function readFeed() {
  const answer = await testApp.app.inject({ method: 'GET', url: FEED });
  expect(answer.statusCode).toBe(200);
  expect(answer.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  const document = parser.parse(answer.body);
  const feed = document.feed;
  // RFC 4287 4.1.1: a feed has an id, a title, an updated time, an author (or every entry has one),
  // and should link to itself.
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(feed.id).toMatch(/^urn:/);
  expect(feed.title).toBe('Feed & Show: episode ranking changes');
  expect(feed.updated).toMatch(RFC3339);
  expect(feed.author.name).toBe('Epirank');
  expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toMatch(/\/shows\/feed-show\/feed\.atom$/);
  const entries: AtomEntry[] = feed.entry ?? [];
  for (const entry of entries) {
    expect(entry.id).toMatch(/^urn:/);
    expect(entry.title).toEqual(expect.any(String));
    expect(entry.updated).toMatch(RFC3339);
  }
  return { feed, entries };
}

describe('a show’s Atom feed', () => {
  it('is valid Atom with no entries before any snapshot, and is linked from the show page', async () => {
    const { entries } = await readFeed();
    expect(entries).toEqual([]);
    const $ = parsePage((await testApp.app.inject({ method: 'GET', url: '/shows/feed-show' })).body);
    expect($('link[rel="alternate"][type="application/atom+xml"]').attr('href')).toBe(FEED);
  });

  it('has an entry per day whose ranking changed, newest first, with stable ids', async () => {
    const { snapshots } = testApp.app.services;
    await testApp.rate(1, [8, 8]);
    await testApp.rate(2, [6]);
    await snapshots.take(DAYS[0]);
    await snapshots.take(DAYS[1]); // nothing changed: no entry
    await testApp.rate(2, [10, 10, 10, 10]);
    await testApp.rate(3, [2]);
    await snapshots.take(DAYS[2]);

    const { feed, entries } = await readFeed();
    const show = await showId();
    expect(entries.map((e: AtomEntry) => e.id)).toEqual([`urn:epirank:show:${show}:ranking:${DAYS[2]}`, `urn:epirank:show:${show}:ranking:${DAYS[0]}`]);
    expect(feed.updated).toBe(`${DAYS[2]}T00:00:00Z`);
    const [latest, first] = entries;
    expect(latest!.content['#text']).toBe('Newly rated: S1E3 “Part <3>” at #3. Moved: S1E2 “Part <2>” up from #2 to #1; S1E1 “Part <1>” down from #1 to #2.');
    expect(first!.content['#text']).toBe('Newly rated: S1E1 “Part <1>” at #1; S1E2 “Part <2>” at #2.');
    expect(latest!.link[0]!['@href']).toMatch(new RegExp(`/shows/feed-show\\?as_of=${DAYS[2]}$`));
    // The same ids on the next read.
    expect((await readFeed()).entries.map((e: AtomEntry) => e.id)).toEqual(entries.map((e: AtomEntry) => e.id));
  });

  it('speaks the request’s language: xml:lang, titles and summaries in Spanish, and Vary for what chose it', async () => {
    // The snapshots of the test above are still there.
    const answer = await testApp.app.inject({ method: 'GET', url: FEED, headers: { 'accept-language': 'es' } });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers.vary).toContain('Accept-Language');
    const { feed } = parser.parse(answer.body);
    expect(feed['@xml:lang']).toBe('es');
    expect(feed.title).toBe('Feed & Show: cambios en la clasificación de episodios');
    const [latest] = feed.entry as AtomEntry[];
    expect(latest!.title).toMatch(/^Feed & Show: clasificación del \d+ de [a-z]+ de \d{4}$/);
    expect(latest!.content['#text']).toBe(
      'Valorados por primera vez: T1E3 «Part <3>» en la posición 3. Cambios de posición: T1E2 «Part <2>» sube de la posición 2 a la 1; T1E1 «Part <1>» baja de la posición 1 a la 2.',
    );
    const english = parser.parse((await testApp.app.inject({ method: 'GET', url: FEED })).body).feed;
    expect(english['@xml:lang']).toBe('en');
  });

  it('is 404 for a show that does not exist', async () => {
    expect((await testApp.app.inject({ method: 'GET', url: '/shows/no-such-show/feed.atom' })).statusCode).toBe(404);
  });
});

async function showId(): Promise<number> {
  const row = await testApp.db().selectFrom('shows').select('id').where('slug', '=', 'feed-show').executeTakeFirstOrThrow();
  return row.id;
}
