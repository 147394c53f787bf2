/**
 * The operators' pages after the screenshot review (issue 25, item 7): the audit log reads a bulk
 * hold and a deletion in words, not JSON; a flag states its window once; a fan refused at /admin
 * sees the same header as on every other page; the show form suggests the statuses in use.
 */
import { describe, expect, it } from 'vitest';
import { networkKey } from '../../src/shared/ip-address.js';
import { storeOf } from '../../src/repositories.js';
import { browserFor, useTestApp } from '../helpers/app.js';
import { episodeIdOf, factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

const SHOW = 'ops-show';
const ADDRESS = '192.0.2.44';

const context = useTestApp({
  seed: async (database) => {
    const make = factories(database.handle.db);
    const show = await make.show({ slug: SHOW, title: 'Ops Show', status: 'Ended' });
    await make.show({ slug: 'other-show', title: 'Other Show', status: 'Running' });
    await make.show({ slug: 'same-status', title: 'Same Status', status: 'ended' });
    await make.show({ slug: 'doomed-show', title: 'Doomed Show', status: null });
    const season = await make.season(show.id);
    await make.episode(season.id, 1);
  },
});
const { session, get, post } = browserFor(context);
const db = () => context.database.handle.db;

/** `count` ratings of episode 1 from one address, at 10:00 on a fixed day. */
async function ratingsFromOneAddress(count: number) {
  const episodeId = await episodeIdOf(db(), SHOW, 1, 1);
  const at = '2026-11-20T10:00:00.000Z';
  for (let n = 1; n <= count; n++) {
    await db()
      .insertInto('votes')
      .values({
        episode_id: episodeId,
        voter_id: `a:ops-${n}`,
        voter_kind: 'anonymous',
        rating: n,
        ip: ADDRESS,
        network: networkKey(ADDRESS),
        cast_at: at,
        updated_at: at,
      })
      .execute();
  }
  await storeOf(db()).transact((tx) => tx.recount.recountEpisodes([episodeId]));
  return episodeId;
}

describe('the audit log', () => {
  it('reads a bulk hold’s selection and ratings as lines with "and N more", and a deletion as removed', async () => {
    await ratingsFromOneAddress(5);
    const admin = await session('admin');
    const { bulkModeration } = context.app.services;
    const actor = { id: null, email: 'admin@example.org' };
    const selection = { show: SHOW, season: '1', episode: '1', address: ADDRESS };
    const { matched } = await bulkModeration.preview(selection);
    expect(matched).toBe(5);
    expect(await bulkModeration.apply(actor, selection, 'hold', '5')).toMatchObject({ done: true, count: 5 });
    const removed = await post('/admin/shows/doomed-show/delete', { confirm: 'delete' }, admin);
    expect(removed.statusCode).toBe(303);

    const audit = parsePage((await get('/admin/audit', admin)).body);
    const hold = audit('tr[data-action="votes.bulk-hold"] .audit-changes');
    expect(hold.text()).not.toMatch(/[{}"]/);
    const lines = hold
      .children('li')
      .toArray()
      .map((li) => audit(li).text().replace(/\s+/g, ' ').trim());
    expect(lines[0]).toContain(`selection: show: Ops ShowshowSlug: ${SHOW}season: 1episode: 1address: ${ADDRESS}`);
    expect(lines[1]).toMatch(/^ratings: episodeId \d+, voterId a:ops-\d, rating \d, updatedAt 2026-11-20T10:00:00.000Z/);
    expect(hold.find('.audit-more').text()).toBe('and 2 more');
    expect(lines.slice(2)).toEqual(['held: set to 5', 'episodes: set to 1']);

    const deletion = audit('tr[data-action="show.delete"] .audit-changes > li')
      .toArray()
      .map((li) => audit(li).text().replace(/\s+/g, ' ').trim());
    expect(deletion).toContain('title: removed (was Doomed Show)');
    expect(deletion.join('\n')).not.toContain('→');
  });
});

describe('a flag', () => {
  it('states its window once on the moderation page, and in full on the episode page', async () => {
    const episodeId = await episodeIdOf(db(), SHOW, 1, 1);
    await storeOf(db()).read.flags.raise({
      episodeId,
      kind: 'burst',
      windowStart: '2026-11-20T09:00:00.000Z',
      now: '2026-11-20T11:00:00.000Z',
      reason: 'A made-up burst',
    });
    const admin = await session('admin');
    const listed = parsePage((await get('/admin/moderation', admin)).body)('ul.flagged > li[data-flag-kind="burst"]');
    const times = listed.text().match(/2026-11-20 \d\d:\d\d:\d\d UTC/g) ?? [];
    expect(listed.find('.flag-window').text()).toMatch(/^Window 2026-11-20 09:00:00 UTC to /);
    expect(times).toHaveLength(2);
    expect(listed.find('.flagged-score').text()).toMatch(/^Average .*; without the flagged window [^()]+$/);
    const episodePage = parsePage((await get(`/shows/${SHOW}/seasons/1/episodes/1`, admin)).body);
    expect(episodePage('.flagged-score').text()).toContain('without the flagged window (from 2026-11-20 09:00:00 UTC to ');
  });
});

describe('the 403 page', () => {
  it('greets a fan as every other page does: "Your account", not "Account"', async () => {
    const fan = await session('fan');
    const refused = await get('/admin', fan);
    expect(refused.statusCode).toBe(403);
    const header = (body: string) => parsePage(body)('.site-header .account-link').text().trim();
    expect(header(refused.body)).toBe('Your account');
    expect(header(refused.body)).toBe(header((await get('/shows', fan)).body));
    // A page not found likewise; a visitor is offered to sign in there as anywhere.
    expect(header((await get('/no-such-page', fan)).body)).toBe('Your account');
    expect(header((await get('/no-such-page')).body)).toBe('Sign in');
  });
});

describe('the show form', () => {
  it('suggests the statuses shows have, one per spelling folded, and still takes any other', async () => {
    const editor = await session('editor');
    for (const url of [`/admin/shows/${SHOW}`, '/admin/shows/new']) {
      const form = parsePage((await get(url, editor)).body);
      expect(form('#field-status').attr('list')).toBe('status-choices');
      const offered = form('datalist#status-choices option')
        .toArray()
        .map((o) => form(o).attr('value'));
      // "Ended" and "ended" are one status, as they are one /shows filter.
      expect(offered.map((s) => s?.toLowerCase())).toEqual(['ended', 'running']);
    }
    const saved = await post(`/admin/shows/${SHOW}`, { title: 'Ops Show', synopsis: '', network: '', status: 'On hiatus' }, editor);
    expect(saved.statusCode).toBe(303);
    const again = parsePage((await get(`/admin/shows/${SHOW}`, editor)).body);
    expect(again('#field-status').attr('value')).toBe('On hiatus');
    expect(
      again('datalist#status-choices option')
        .toArray()
        .map((o) => again(o).attr('value')),
    ).toContain('On hiatus');
  });
});
