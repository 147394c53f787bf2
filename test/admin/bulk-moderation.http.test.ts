/**
 * Bulk moderation and held ratings through HTTP: admins only; a GET previews and only the
 * confirmation form acts; a stale confirmation is shown the new preview; bad input gives the form
 * back with its error; every action leaves the tallies equal to a recount and is audited.
 */
import { describe, expect, it } from 'vitest';
import { HELD_COUNT_CAP } from '../../src/moderation/moderation.service.js';
import { networkKey } from '../../src/shared/ip-address.js';
import { TallyAudit } from '../../src/votes/tally-audit.js';
import { browserFor, useTestApp } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/database.js';
import { episodeIdOf, factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';
import { storeOf } from '../../src/repositories.js';

const SHOW = 'bulk-show';
let voters = 0;
const at = (time: string) => `2026-11-20T${time}:00.000Z`;

async function vote(database: TestDatabase, episodeId: number, rating: number, ip: string, time: string) {
  await database.handle.db
    .insertInto('votes')
    .values({
      episode_id: episodeId,
      voter_id: `a:http-${++voters}`,
      voter_kind: 'anonymous',
      rating,
      ip,
      network: networkKey(ip),
      cast_at: at(time),
      updated_at: at(time),
    })
    .execute();
}

const context = useTestApp({
  seed: async (database) => {
    const make = factories(database.handle.db);
    const show = await make.show({ slug: SHOW, title: 'Bulk Show' });
    const season = await make.season(show.id);
    for (const number of [1, 2, 3, 4]) await make.episode(season.id, number);
  },
});
const { session, get, post } = browserFor(context);
const db = () => context.database.handle.db;
// The show has one season.
const episodeId = (number: number) => episodeIdOf(db(), SHOW, 1, number);
const recount = async (ids: number[]) => storeOf(db()).transact((tx) => tx.recount.recountEpisodes(ids));
const tallyMismatches = () => new TallyAudit(storeOf(db())).check();
const count = async (table: 'votes' | 'held_ratings', id: number) =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('episode_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );
const headerCount = async (cookie: string) => parsePage((await get(`/shows/${SHOW}`, cookie)).body)('.site-header .moderation-link').text();
const heldTotal = async () =>
  Number(
    (
      await db()
        .selectFrom('held_ratings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const storedCount = async (id: number) =>
  Number((await db().selectFrom('episode_tallies').select('vote_count').where('episode_id', '=', id).executeTakeFirst())?.vote_count ?? 0);

describe('bulk moderation is for admins only', () => {
  it.each([
    ['GET', '/admin/moderation/bulk?show=bulk-show&address=203.0.113.7&preview=1'],
    ['POST', '/admin/moderation/bulk'],
    ['GET', '/admin/moderation/held'],
    ['POST', '/admin/moderation/held'],
  ])('%s %s refuses editors, fans and visitors', async (method, url) => {
    const e4 = await episodeId(4);
    await vote(context.database, e4, 1, '203.0.113.7', '10:00');
    await recount([e4]);
    const fields = { show: SHOW, address: '203.0.113.7', action: 'remove', expected: '1', confirm: 'delete' };
    const call = (cookie: string) => (method === 'GET' ? get(url, cookie) : post(url, fields, cookie));
    expect((await call('')).statusCode).toBe(303);
    expect((await call(await session('fan'))).statusCode).toBe(403);
    expect((await call(await session('editor'))).statusCode).toBe(403);
    expect(await count('votes', e4)).toBeGreaterThan(0);
  });
});

describe('removing and holding a selection', () => {
  it('links the tools, previews, asks, removes by address on one episode, and audits', async () => {
    const admin = await session('admin');
    const [e1, e2] = [await episodeId(1), await episodeId(2)];
    for (let i = 0; i < 6; i++) await vote(context.database, e1, 1, '198.51.100.7', '10:00');
    for (let i = 0; i < 4; i++) await vote(context.database, e1, 8, '198.51.100.8', '10:00');
    await vote(context.database, e2, 1, '198.51.100.7', '10:00');
    await recount([e1, e2]);

    const moderation = parsePage((await get('/admin/moderation', admin)).body);
    expect(
      moderation('.bulk-tools a')
        .map((_, a) => moderation(a).attr('href'))
        .get(),
    ).toEqual(['/admin/moderation/bulk', '/admin/moderation/held', '/admin/moderation/people']);
    const report = parsePage((await get(`/admin/moderation/shows/${SHOW}/seasons/1/episodes/1`, admin)).body);
    const prefilled = report('a:contains("Bulk action for this episode")').attr('href')!;
    const form = await get(prefilled, admin);
    expect(form.statusCode).toBe(200);
    expect(parsePage(form.body)('#field-episode').attr('value')).toBe('1');
    // The episode's link names the show by slug; the form shows its title.
    expect(parsePage(form.body)('#field-show').attr('value')).toBe('Bulk Show');
    expect(parsePage(form.body)('#field-show-slug').attr('value')).toBe(SHOW);
    expect(parsePage(form.body)('.bulk-preview')).toHaveLength(0);

    const selection = { show: SHOW, season: '1', episode: '1', address: '198.51.100.7' };
    const preview = parsePage((await get(`/admin/moderation/bulk?${new URLSearchParams({ ...selection, preview: '1' })}`, admin)).body);
    expect(preview('.bulk-matched').text()).toBe('6 counted ratings match: ratings of Bulk Show S1E1 from 198.51.100.7.');
    // 10 votes summing to 38 before; 4 eights after.
    expect(preview('.bulk-episodes td.votes').text()).toBe('10 → 4');
    expect(preview('.bulk-episodes td.average').text()).toBe('3.80 → 8.00');
    expect(preview('form.confirm-form input[name="expected"]').attr('value')).toBe('6');

    // Without the confirmation field a POST only previews.
    expect((await post('/admin/moderation/bulk', { ...selection, action: 'remove', expected: '6' }, admin)).statusCode).toBe(200);
    expect(await count('votes', e1)).toBe(10);

    const done = await post('/admin/moderation/bulk', { ...selection, action: 'remove', expected: '6', confirm: 'delete' }, admin);
    expect(done.statusCode, done.body.slice(-1500)).toBe(200);
    expect(parsePage(done.body)('.form-saved').text()).toContain('Removed 6 ratings: ratings of Bulk Show S1E1 from 198.51.100.7');
    expect(await count('votes', e1)).toBe(4);
    expect(await count('votes', e2)).toBe(1);
    expect(await storedCount(e1)).toBe(4);
    expect(await tallyMismatches()).toEqual([]);
    const audit = parsePage((await get('/admin/audit', admin)).body);
    expect(audit('tr[data-action="votes.bulk-remove"]').text()).toContain('198.51.100.7');
  });

  it('shows the new preview instead of acting when the count changed since', async () => {
    const admin = await session('admin');
    const e3 = await episodeId(3);
    for (let i = 0; i < 3; i++) await vote(context.database, e3, 2, '203.0.113.16', '11:00');
    await recount([e3]);
    const selection = { show: SHOW, address: '203.0.113.16/28', from: '2026-11-20T10:00', to: '2026-11-20T12:00' };
    const preview = parsePage((await get(`/admin/moderation/bulk?${new URLSearchParams({ ...selection, preview: '1' })}`, admin)).body);
    expect(preview('form.confirm-form input[name="expected"]').attr('value')).toBe('3');
    await vote(context.database, e3, 2, '203.0.113.30', '11:30');
    await recount([e3]);

    const stale = await post('/admin/moderation/bulk', { ...selection, action: 'hold', expected: '3', confirm: 'delete' }, admin);
    expect(stale.statusCode).toBe(409);
    const page = parsePage(stale.body);
    expect(page('.bulk-notice').text()).toContain('nothing was done');
    expect(page('form.confirm-form input[name="expected"]').attr('value')).toBe('4');
    expect(await count('held_ratings', e3)).toBe(0);

    expect((await post('/admin/moderation/bulk', { ...selection, action: 'hold', expected: '4', confirm: 'delete' }, admin)).statusCode).toBe(200);
    expect(await count('held_ratings', e3)).toBe(4);
    expect(await count('votes', e3)).toBe(0);
    expect(await tallyMismatches()).toEqual([]);
  });

  it.each([
    [{ show: SHOW, address: '203.0.113.0/99' }, 'address', 'Enter an address or a range'],
    [{ show: SHOW, from: '2026-11-20T12:00', to: '2026-11-20T11:00' }, 'to', 'must come after its start'],
    [{ show: 'no-such-show', address: '203.0.113.7' }, 'show', 'No show is called “no-such-show”'],
    [{ show: SHOW }, 'address', 'Give an address or range, a time window, or both'],
  ])('gives the form back with its error for %o', async (selection, field, message) => {
    const admin = await session('admin');
    for (const response of [
      await get(`/admin/moderation/bulk?${new URLSearchParams({ ...selection, preview: '1' })}`, admin),
      await post('/admin/moderation/bulk', { ...selection, action: 'remove', expected: '1', confirm: 'delete' }, admin),
    ]) {
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('text/html');
      expect(parsePage(response.body)(`#field-${field}-error`).text()).toContain(message);
    }
  });
});

describe('held ratings', () => {
  it('lists held ratings, releases checked rows into the count and discards by filter', async () => {
    const admin = await session('admin');
    const e4 = await episodeId(4);
    for (let i = 0; i < 3; i++) await vote(context.database, e4, 10, '2001:db8:7:7::1', '13:00');
    await vote(context.database, e4, 10, '192.0.2.77', '13:00');
    await recount([e4]);
    const counted = await count('votes', e4);
    // Earlier tests left ratings held on other episodes; no flag is open here.
    const heldElsewhere = await heldTotal();
    expect(await headerCount(admin)).toBe(`Moderation (${heldElsewhere})`);
    const hold = { show: SHOW, season: '1', episode: '4', from: '2026-11-20T12:30', to: '2026-11-20T13:30', action: 'hold', expected: '4', confirm: 'delete' };
    expect((await post('/admin/moderation/bulk', hold, admin)).statusCode).toBe(200);
    expect((await count('votes', e4)) + (await count('held_ratings', e4))).toBe(counted);
    // The header counts what awaits a moderator: four more held ratings, told through the change feed.
    expect(await headerCount(admin)).toBe(`Moderation (${heldElsewhere + 4})`);
    expect(await headerCount(await session('editor'))).toBe(`Moderation (${heldElsewhere + 4})`);

    const list = parsePage((await get(`/admin/moderation/held?show=${SHOW}&season=1&episode=4&network=2001:db8:7:7::/64`, admin)).body);
    const rows = list('table.held tbody tr');
    expect(rows).toHaveLength(3);
    expect(rows.first().text()).toContain('2001:db8:7:7::/64');
    expect(rows.first().text()).toContain('held by a moderator');
    // Named by the show's title, with the episode's, not by the show's slug.
    expect(rows.first().find('label').text()).toBe('Bulk Show S1E4 “Episode title 4”');

    // Release two checked rows: a confirmation first, then the count.
    const ids = rows
      .map((_, tr) => list(tr).attr('data-held'))
      .get()
      .slice(0, 2);
    const filter = { show: SHOW, season: '1', episode: '4', network: '2001:db8:7:7::/64' };
    const ask = parsePage((await post('/admin/moderation/held', { ...filter, checked: '1', ids, action: 'release' }, admin)).body);
    expect(ask('h1').text()).toBe('Release 2 held ratings?');
    expect(await count('held_ratings', e4)).toBe(4);
    const released = await post('/admin/moderation/held', { ...filter, checked: '1', ids, action: 'release', expected: '2', confirm: 'delete' }, admin);
    expect(released.statusCode).toBe(200);
    expect(parsePage(released.body)('.form-saved').text()).toContain('Released 2 held ratings');
    expect(await count('held_ratings', e4)).toBe(2);
    expect(await storedCount(e4)).toBe(counted - 4 + 2);
    expect(await headerCount(admin)).toBe(`Moderation (${heldElsewhere + 2})`);
    expect(await tallyMismatches()).toEqual([]);

    // Discard every held rating of the episode by its filter.
    const episodeFilter = { show: SHOW, season: '1', episode: '4', network: '' };
    const askAll = parsePage((await post('/admin/moderation/held', { ...episodeFilter, action: 'discard' }, admin)).body);
    expect(askAll('.held-matched').text()).toContain('2 held ratings: held ratings of Bulk Show S1E4');
    expect((await post('/admin/moderation/held', { ...episodeFilter, action: 'discard', expected: '2', confirm: 'delete' }, admin)).statusCode).toBe(200);
    expect(await count('held_ratings', e4)).toBe(0);
    expect(await storedCount(e4)).toBe(counted - 2);
    expect(await headerCount(admin)).toBe(`Moderation (${heldElsewhere})`);
    const audit = parsePage((await get('/admin/audit', admin)).body);
    expect(audit('tr[data-action="held.release"]')).toHaveLength(1);
    expect(audit('tr[data-action="held.discard"]')).toHaveLength(1);
  });

  it('counts held ratings in the header up to a cap, past which it says "1000+"', async () => {
    const admin = await session('admin');
    const e3 = await episodeId(3);
    const held = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => ({
        episode_id: e3,
        voter_id: `a:flood-${from + i}`,
        voter_kind: 'anonymous' as const,
        rating: 10,
        ip: '192.0.2.9',
        network: '192.0.2.9',
        updated_at: at('14:00'),
        reason: 'network-limit' as const,
        held_at: at('14:00'),
      }));
    await db().deleteFrom('held_ratings').execute();
    for (let from = 0; from < HELD_COUNT_CAP - 1; from += 200)
      await db()
        .insertInto('held_ratings')
        .values(held(from, Math.min(from + 200, HELD_COUNT_CAP - 1)))
        .execute();
    context.app.services.moderation.forgetModerationQueue();
    expect(await headerCount(admin)).toBe(`Moderation (${HELD_COUNT_CAP - 1})`);
    await db()
      .insertInto('held_ratings')
      .values(held(HELD_COUNT_CAP - 1, HELD_COUNT_CAP + 1))
      .execute();
    context.app.services.moderation.forgetModerationQueue();
    expect(await headerCount(admin)).toBe(`Moderation (${HELD_COUNT_CAP}+)`);
    await db().deleteFrom('held_ratings').execute();
    context.app.services.moderation.forgetModerationQueue();
  });

  it('refuses an action on no checked rows and a network that is a wide range', async () => {
    const admin = await session('admin');
    const none = await post('/admin/moderation/held', { show: SHOW, checked: '1', action: 'release' }, admin);
    expect(none.statusCode).toBe(400);
    expect(parsePage(none.body)('.form-error').text()).toContain('Check at least one held rating');
    const wide = await get('/admin/moderation/held?network=10.0.0.0/8', admin);
    expect(wide.statusCode).toBe(400);
    expect(parsePage(wide.body)('#field-network-error').text()).toContain('held ratings are kept by network');
  });
});

describe('show fields are pickers of titles, not typed slugs', () => {
  it('read a title in any case, and show the title back with the slug hidden', async () => {
    const admin = await session('admin');
    for (const url of ['/admin/moderation/held?show=bulk+SHOW', '/admin/moderation/bulk?show=Bulk+Show&address=203.0.113.7&preview=1']) {
      const response = await get(url, admin);
      expect(response.statusCode).toBe(200);
      const page = parsePage(response.body);
      expect(page('#field-show').val()).toBe('Bulk Show');
      expect(page('#field-show-slug').val()).toBe(SHOW);
      // The combobox reads the site's search; no page lists every show.
      expect(page('#field-show').attr('data-suggest')).toBe('/api/v1/search');
      expect(page('select[name=show], option')).toHaveLength(0);
    }
    // The held list's echo names the show by its title.
    const held = parsePage((await get('/admin/moderation/held?show=bulk-show&season=1&episode=1', admin)).body);
    expect(held('p.empty').text()).toBe('No held ratings among the held ratings of Bulk Show S1E1.');
    expect(held('#field-show').val()).toBe('Bulk Show');
  });

  it('answer 400 with the close shows to pick from, each a link that fills the form', async () => {
    const admin = await session('admin');
    for (const [url, form] of [
      ['/admin/moderation/held?show=bulk&network=', 'held'],
      ['/admin/moderation/bulk?show=bulk&address=203.0.113.7&preview=1', 'bulk'],
    ] as const) {
      const response = await get(url, admin);
      expect(response.statusCode).toBe(400);
      const page = parsePage(response.body);
      expect(page('#field-show-error').text()).toBe('No show is called “bulk”: pick one below, or type its exact title or address name.');
      const links = page('ul.show-matches a');
      expect(links.map((_, a) => page(a).text()).get()).toEqual(['Bulk Show']);
      const picked = await get(links.first().attr('href')!, admin);
      expect(picked.statusCode).toBe(200);
      const filled = parsePage(picked.body);
      expect(filled('#field-show').val()).toBe('Bulk Show');
      if (form === 'bulk') expect(filled('.bulk-matched').text()).toContain('ratings of Bulk Show from 203.0.113.7');
    }
  });
});
