import { describe, expect, it } from 'vitest';
import { ADMIN_PAGE_SIZE, EDITOR_EPISODES_PER_PAGE } from '../../src/editing/admin-paging.js';
import { AuditRepository } from '../../src/editing/audit.repository.js';
import { ModerationRepository } from '../../src/moderation/moderation.repository.js';
import { signedInAs } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { factories, insertVoteRows } from '../helpers/factories.js';
import { parsePage, type Page } from '../helpers/html.js';

/**
 * Every admin list that grows with the catalogue, the votes or time comes a page at a time: page
 * boundaries, a total order (so pages never overlap or skip), links that keep naming the same
 * entries while new ones arrive, and a page past the end that says so.
 */

const context = useTestApp();
const db = () => context.database.handle.db;
const make = () => factories(db());
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
let adminCookie = '';
const admin = async () => (adminCookie ||= await signedInAs(context.app, context.database, 'admin'));
const get = async (url: string) => context.app.inject({ url, headers: { cookie: await admin() } });
const page = async (url: string) => {
  const response = await get(url);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return parsePage(response.body);
};
/** The rel="next" or "prev" link, of the pager labelled `pager` where a page has several. */
const rel = ($: Page, name: 'next' | 'prev', pager = 'nav.pager') => $(`${pager} a[rel="${name}"]`).attr('href');
const texts = ($: Page, selector: string) =>
  $(selector)
    .toArray()
    .map((e) => $(e).text().trim());

/** Follows rel="next" from `url` to the end, returning each page's entries. */
async function walk<T>(url: string, read: ($: Page) => T[], pager?: string): Promise<T[][]> {
  const pages: T[][] = [];
  let next: string | undefined = url;
  while (next) {
    const $ = await page(next);
    pages.push(read($));
    next = rel($, 'next', pager);
    expect(pages.length).toBeLessThan(50);
  }
  return pages;
}

describe('the admin home’s list of shows', () => {
  it('lists shows in title order 50 a page, with a total, rel links and a page past the end', async () => {
    // Equal titles on purpose: the id breaks the tie, so no show can fall between two pages.
    for (let i = 0; i < 2 * ADMIN_PAGE_SIZE + 7; i++) await make().show({ title: `Paged show ${String(Math.floor(i / 2)).padStart(3, '0')}` });
    const expected = (await db().selectFrom('shows').select('slug').orderBy('title').orderBy('id').execute()).map((s) => s.slug);

    const pages = await walk('/admin', ($) => texts($, 'ul.admin-list li code'));
    expect(pages.map((p) => p.length)).toEqual([ADMIN_PAGE_SIZE, ADMIN_PAGE_SIZE, expected.length - 2 * ADMIN_PAGE_SIZE]);
    expect(pages.flat()).toEqual(expected);

    const second = await page('/admin?page=2');
    expect(second('.pager-position').text()).toBe(`Page 2 of 3 (${expected.length} shows)`);
    expect(rel(second, 'prev')).toBe('/admin');
    expect(rel(second, 'next')).toBe('/admin?page=3');

    const past = await page('/admin?page=9');
    expect(texts(past, 'ul.admin-list li')).toEqual([]);
    expect(past('.pager-past-end').text()).toContain('There is no page 9');
    expect(past('.pager-past-end a').attr('href')).toBe('/admin?page=3');
    for (const bad of ['0', '-1', 'two', '1.5']) expect((await get(`/admin?page=${bad}`)).statusCode).toBe(400);
  });
});

describe('a show’s seasons in the editor', () => {
  it('lists a long season a page at a time, leaving its other seasons on their first page', async () => {
    const show = await make().show({ title: 'Long running' });
    const long = await make().season(show.id, 1);
    const short = await make().season(show.id, 2);
    const total = 2 * EDITOR_EPISODES_PER_PAGE + 30;
    for (let n = 1; n <= total; n++) await make().episode(long.id, n);
    for (let n = 1; n <= 3; n++) await make().episode(short.id, n);
    const numbers = ($: Page, season: number) => texts($, `section[aria-labelledby="season-${season}"] ul.admin-list li`).map((t) => Number(t.split('.')[0]));
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

    const first = await page(`/admin/shows/${show.slug}`);
    expect(numbers(first, 1)).toEqual(range(1, EDITOR_EPISODES_PER_PAGE));
    expect(numbers(first, 2)).toEqual([1, 2, 3]);
    expect(first('section[aria-labelledby="season-1"] .pager-position').text()).toBe(`Page 1 of 3 (${total} episodes)`);
    expect(first('section[aria-labelledby="season-2"] nav.pager')).toHaveLength(0);

    const last = await page(`/admin/shows/${show.slug}?season=1&page=3`);
    expect(numbers(last, 1)).toEqual(range(2 * EDITOR_EPISODES_PER_PAGE + 1, total));
    expect(numbers(last, 2)).toEqual([1, 2, 3]);
    expect(rel(last, 'prev')).toBe(`/admin/shows/${show.slug}?season=1&page=2#season-1`);
    expect(rel(last, 'next')).toBeUndefined();

    const past = await page(`/admin/shows/${show.slug}?season=1&page=4`);
    expect(numbers(past, 1)).toEqual([]);
    expect(past('.pager-past-end').text()).toContain('There is no page 4');

    // The episode form reads its one episode, wherever it is in the season.
    const form = await page(`/admin/shows/${show.slug}/seasons/1/episodes/${total}`);
    expect(form('#field-title').attr('value')).toBe(`Episode title ${total}`);
    expect((await get(`/admin/shows/${show.slug}/seasons/1/episodes/${total + 1}`)).statusCode).toBe(404);
  });
});

describe('the audit log', () => {
  it('filters by action or family, by who and by day, and its pages keep the filters', async () => {
    await db().deleteFrom('audit_log').execute();
    const audit = new AuditRepository(db());
    const record = (action: string, email: string, at: string, n: number) =>
      audit.record({ actor: { id: null, email }, action, subject: `entry ${n}`, before: { title: 'Old' }, after: { title: `New ${n}` }, at });
    for (let n = 1; n <= ADMIN_PAGE_SIZE + 5; n++) await record('flag.dismiss', 'a@example.org', '2026-11-20T10:00:00.000Z', n);
    await record('flag.resolve', 'b@example.org', '2026-11-21T23:59:59.000Z', 1000);
    await record('show.update', 'command line', '2026-11-22T00:00:00.000Z', 1001);
    const whats = ($: Page) =>
      $('tbody tr')
        .toArray()
        .map((tr) => $(tr).attr('data-action'));

    const family = await walk('/admin/audit?action=flag', whats);
    expect(family.flat()).toHaveLength(ADMIN_PAGE_SIZE + 6);
    expect(new Set(family.flat())).toEqual(new Set(['flag.dismiss', 'flag.resolve']));
    const firstPage = await page('/admin/audit?action=flag');
    expect(rel(firstPage, 'next')).toMatch(/^\/admin\/audit\?action=flag&before=\d+$/);
    expect(firstPage('#field-action').attr('value')).toBe('flag');

    expect(whats(await page('/admin/audit?action=flag.resolve'))).toEqual(['flag.resolve']);
    expect(whats(await page('/admin/audit?actor=command+line'))).toEqual(['show.update']);
    expect(whats(await page('/admin/audit?from=2026-11-21&to=2026-11-21'))).toEqual(['flag.resolve']);
    // Empty fields, as a GET form sends them, mean any.
    expect(whats(await page('/admin/audit?action=&actor=&from=2026-11-22&to='))).toEqual(['show.update']);

    // The change, not the raw JSON: "title: Old → New 1001", with the full entry one click away.
    const shown = await page('/admin/audit?actor=command+line');
    expect(shown('.audit-changes li').text()).toBe('title: Old → New 1001');
    expect(shown('details.audit-json pre').text()).toContain('"before"');

    expect((await get('/admin/audit?from=yesterday')).statusCode).toBe(400);
    expect((await get('/admin/audit?action=DROP%20TABLE')).statusCode).toBe(400);
    await db().deleteFrom('audit_log').execute();
  });

  it('pages newest first by entry, and a page keeps its entries while new ones arrive', async () => {
    const audit = new AuditRepository(db());
    const actor = { id: 1, email: 'auditor@example.org' };
    const record = (n: number) => audit.record({ actor, action: 'test.entry', subject: `entry ${n}`, before: null, after: n, at: new Date().toISOString() });
    for (let n = 1; n <= 2 * ADMIN_PAGE_SIZE + 10; n++) await record(n);
    const expected = (await db().selectFrom('audit_log').select('subject').orderBy('id', 'desc').execute()).map((r) => r.subject);
    const subjects = ($: Page) =>
      $('tbody tr td[data-label="What"]')
        .toArray()
        .map((td) =>
          $(td)
            .text()
            .replace(/^\S+\s/, ''),
        );

    const pages = await walk('/admin/audit', subjects);
    expect(pages.slice(0, -1).every((p) => p.length === ADMIN_PAGE_SIZE)).toBe(true);
    expect(pages.flat()).toEqual(expected);

    const newest = await page('/admin/audit');
    expect(rel(newest, 'prev')).toBeUndefined();
    const secondUrl = rel(newest, 'next')!;
    expect(secondUrl).toMatch(/^\/admin\/audit\?before=\d+$/);
    const second = subjects(await page(secondUrl));

    // New entries arrive: the same link shows the same entries, and its "newer" link leads back
    // to what the first page held, not to the new entries.
    for (let n = 1; n <= 7; n++) await record(1000 + n);
    const again = await page(secondUrl);
    expect(subjects(again)).toEqual(second);
    expect(subjects(await page(rel(again, 'prev')!))).toEqual(expected.slice(0, ADMIN_PAGE_SIZE));
    expect(subjects(await page('/admin/audit'))[0]).toBe('entry 1007');

    const past = await page('/admin/audit?before=1');
    expect(subjects(past)).toEqual([]);
    expect(past('.empty').text()).toBe('No entries on this page.');
    for (const bad of ['0', 'x', '-5']) expect((await get(`/admin/audit?before=${bad}`)).statusCode).toBe(400);
  });
});

describe('moderation lists', () => {
  it('pages blocks newest first, keeping the flagged list’s page in their links', async () => {
    const repo = new ModerationRepository(db());
    const count = ADMIN_PAGE_SIZE + 12;
    for (let n = 1; n <= count; n++) await repo.addBlock('voter', `a:blocked-${String(n).padStart(3, '0')}`, 'mod@example.org', new Date().toISOString());
    const values = ($: Page) => texts($, 'table.blocks tbody th code');

    const first = await page('/admin/moderation');
    expect(values(first)).toHaveLength(ADMIN_PAGE_SIZE);
    expect(values(first)[0]).toBe(`a:blocked-${String(count).padStart(3, '0')}`);
    expect(first('.blocks-total').text()).toBe(`${count} blocks in all, newest first.`);
    const older = rel(first, 'next')!;
    expect(older).toMatch(/^\/admin\/moderation\?blocksBefore=\d+#blocks$/);
    const second = await page(older);
    expect(values(second)).toEqual(Array.from({ length: 12 }, (_, i) => `a:blocked-${String(12 - i).padStart(3, '0')}`));
    expect(rel(second, 'next')).toBeUndefined();
    expect(values(await page(rel(second, 'prev')!))).toEqual(values(first));

    // The blocks' links keep the flagged list where it is.
    expect(rel(await page('/admin/moderation?page=2'), 'next')).toMatch(/^\/admin\/moderation\?page=2&blocksBefore=\d+#blocks$/);
    for (const bad of ['page=0', 'blocksBefore=x', 'page=100001']) expect((await get(`/admin/moderation?${bad}`)).statusCode).toBe(400);
  });

  it('pages stored flags, open ones first and newest first', async () => {
    const show = await make().show({ title: 'Stuffed' });
    const season = await make().season(show.id, 1);
    const flaggedCount = ADMIN_PAGE_SIZE + 5;
    const now = new Date().toISOString();
    const episodes: number[] = [];
    for (let n = 1; n <= flaggedCount + 1; n++) episodes.push((await make().episode(season.id, n)).id);
    // Each episode gets a burst of 10 to 12 votes in the last hour, the last one only 9 (not enough).
    const rows = episodes.flatMap((episodeId, i) =>
      Array.from({ length: i === flaggedCount ? 9 : 10 + (i % 3) }, (_, v) => ({
        episode_id: episodeId,
        voter_id: `a:burst-${i}-${v}`,
        voter_kind: 'anonymous' as const,
        rating: 5,
        ip: '203.0.113.9',
        cast_at: now,
        updated_at: now,
      })),
    );
    await insertVoteRows(db(), rows);
    // The scheduled check raises one burst flag per episode, in the order of their ids.
    await context.app.services.stuffingDetector.check();

    const labels = ($: Page) =>
      $('ul.flagged > li')
        .toArray()
        .map((li) => Number($(li).attr('data-episode-id')));
    const flaggedPager = 'nav[aria-label="Pages of flagged episodes"]';
    const pages = await walk('/admin/moderation', labels, flaggedPager);
    expect(pages.map((p) => p.length)).toEqual([ADMIN_PAGE_SIZE, flaggedCount - ADMIN_PAGE_SIZE]);
    expect(pages.flat()).toEqual(episodes.slice(0, flaggedCount).reverse());

    const first = await page('/admin/moderation');
    expect(first('.pager-position').first().text()).toBe(`Page 1 of 2 (${flaggedCount} flagged episodes)`);
    expect(rel(first, 'next', flaggedPager)).toBe('/admin/moderation?page=2');
    const past = await page('/admin/moderation?page=3');
    expect(labels(past)).toEqual([]);
    expect(past('.pager-past-end a').attr('href')).toBe('/admin/moderation?page=2');
  });

  it('pages an episode’s voters in the order they arrived, imported ones by when they were imported', async () => {
    const show = await make().show({ title: 'Watched' });
    const season = await make().season(show.id, 1);
    const episode = await make().episode(season.id, 1);
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, minute)).toISOString();
    // 60 votes cast here a minute apart, and 40 imported at minute 30 whose file says 1999.
    const cast = Array.from({ length: 60 }, (_, i) => ({ voter_id: `a:cast-${i}`, updated_at: at(i), imported_at: null }));
    const imported = Array.from({ length: 40 }, (_, i) => ({ voter_id: `a:import-${i}`, updated_at: '1999-01-01T00:00:00.000Z', imported_at: at(30) }));
    await db()
      .insertInto('votes')
      .values(
        [...cast, ...imported].map((v) => ({ ...v, episode_id: episode.id, voter_kind: 'anonymous' as const, rating: 4, ip: null, cast_at: v.updated_at })),
      )
      .execute();
    const arrival = await db().selectFrom('votes').select(['voter_id', 'id', 'updated_at', 'imported_at']).where('episode_id', '=', episode.id).execute();
    const expected = arrival
      .map((v) => ({ voter: v.voter_id, at: v.imported_at ?? v.updated_at, id: v.id }))
      .sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1))
      .map((v) => v.voter);

    const url = `/admin/moderation/shows/${show.slug}/seasons/1/episodes/1`;
    const voters = ($: Page) => texts($, 'table.newest tbody th code');
    const pages = await walk(url, voters);
    expect(pages.map((p) => p.length)).toEqual([ADMIN_PAGE_SIZE, ADMIN_PAGE_SIZE]);
    expect(pages.flat()).toEqual(expected);

    // A new vote arrives: the second page's link still shows the same voters.
    const secondUrl = rel(await page(url), 'next')!;
    expect(secondUrl).toContain('?before=');
    await db()
      .insertInto('votes')
      .values({ episode_id: episode.id, voter_id: 'a:latecomer', voter_kind: 'anonymous', rating: 9, ip: null, cast_at: at(59), updated_at: at(59) })
      .execute();
    expect(voters(await page(secondUrl))).toEqual(pages[1]);
    expect(voters(await page(url))[0]).toBe('a:latecomer');

    expect(voters(await page(`${url}?before=1990-01-01T00:00:00.000Z_1`))).toEqual([]);
    for (const bad of ['nonsense', '2026-11-01_x', `${'9'.repeat(41)}_1`]) expect((await get(`${url}?before=${bad}`)).statusCode).toBe(400);
  });

  it('says how many ratings, on how many episodes of how many shows, before removing a voter’s ratings', async () => {
    const episodesOf = async (title: string, count: number) => {
      const show = await make().show({ title });
      const season = await make().season(show.id, 1);
      return Promise.all(Array.from({ length: count }, async (_, i) => (await make().episode(season.id, i + 1)).id));
    };
    const ids = [...(await episodesOf('First', 2)), ...(await episodesOf('Second', 1))];
    const now = new Date().toISOString();
    await db()
      .insertInto('votes')
      .values(
        ids.map((episode_id) => ({ episode_id, voter_id: 'a:reach', voter_kind: 'anonymous' as const, rating: 1, ip: null, cast_at: now, updated_at: now })),
      )
      .execute();
    const ask = async (voterId: string) =>
      parsePage(
        (
          await context.app.inject({
            method: 'POST',
            url: '/admin/moderation/remove-voter',
            payload: `voterId=${encodeURIComponent(voterId)}`,
            headers: { ...FORM, cookie: await admin() },
          })
        ).body,
      );

    expect((await ask('a:reach'))('.deletion-impact').text().replace(/\s+/g, ' ')).toBe(
      'This removes 3 ratings voter a:reach has cast, on 3 episodes of 2 shows; the tallies follow at once.',
    );
    expect((await ask('a:nobody'))('.deletion-impact').text().replace(/\s+/g, ' ')).toBe('Voter a:nobody has no ratings: there is nothing to remove.');
    expect(await db().selectFrom('votes').select('id').where('voter_id', '=', 'a:reach').execute()).toHaveLength(3);
  });
});
