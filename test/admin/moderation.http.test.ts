import { describe, expect, it } from 'vitest';
import { CatalogRepository } from '../../src/catalog/catalog.repository.js';
import { TallyAudit } from '../../src/votes/tally-audit.js';
import { VotesRepository } from '../../src/votes/votes.repository.js';
import { signedInAs } from '../helpers/accounts.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0 } });
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
const session = (role: 'admin' | 'editor' | 'fan') => signedInAs(context.app, context.database, role);
const get = (url: string, cookie = '') => context.app.inject({ url, headers: cookie ? { cookie } : {} });
const post = (url: string, fields: Record<string, string>, cookie = '', remoteAddress = '127.0.0.1') =>
  context.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { ...FORM, ...(cookie ? { cookie } : {}) }, remoteAddress });

const repo = () => new VotesRepository(context.database.handle.db, context.database.handle.dialect);
const episodeId = async (number: number) =>
  (await context.database.handle.db.selectFrom('episodes').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
const auditIsClean = async () => {
  const { db, dialect } = context.database.handle;
  return new TallyAudit(new VotesRepository(db, dialect), new CatalogRepository(db)).check();
};

describe('moderation is for admins only', () => {
  it.each([
    ['GET', '/admin/moderation'],
    ['GET', '/admin/moderation/shows/kaleido-star/seasons/1/episodes/1'],
    ['POST', '/admin/moderation/remove-voter'],
    ['POST', '/admin/moderation/blocks'],
    ['POST', '/admin/moderation/blocks/1/delete'],
  ])('%s %s refuses editors, fans and visitors', async (method, url) => {
    const fields = { voterId: 'a:someone', kind: 'ip', value: '203.0.113.0/24' };
    const call = (cookie: string) => (method === 'GET' ? get(url, cookie) : post(url, fields, cookie));
    expect((await call('')).statusCode).toBe(303);
    expect((await call(await session('fan'))).statusCode).toBe(403);
    expect((await call(await session('editor'))).statusCode).toBe(403);
    expect(await context.database.handle.db.selectFrom('vote_blocks').selectAll().execute()).toEqual([]);
  });
});

describe('finding and undoing ballot stuffing', () => {
  it('flags a burst of extreme ratings, shows the episode’s report, and removes a voter’s ratings exactly', async () => {
    const now = new Date().toISOString();
    const [one, two, three] = [await episodeId(1), await episodeId(2), await episodeId(3)];
    for (let i = 0; i < 20; i++) await repo().rate(two, { id: `a:normal-${i}`, kind: 'anonymous' }, 7, '10.0.0.1', now);
    for (let i = 0; i < 12; i++) await repo().rate(one, { id: `a:stuffer-${i}`, kind: 'anonymous' }, 1, '203.0.113.50', now);
    await repo().rate(three, { id: 'a:stuffer-0', kind: 'anonymous' }, 1, '203.0.113.50', now);

    const admin = await session('admin');
    const page = parsePage((await get('/admin/moderation', admin)).body);
    const flagged = page('ul.flagged > li').toArray().map((li) => page(li).text());
    const first = flagged.find((t) => t.includes('S1E1 “My Amazing Stage Debut”'))!;
    expect(first).toContain('12 votes in the last hour');
    // The show's usual share, smoothed: (13 extreme + 1) / (33 votes + 2) = 40 %.
    expect(first).toContain('100 % of its 12 votes are 1s or 10s, against 40 % across Kaleido Star');
    expect(flagged.some((t) => t.includes('S1E3'))).toBe(false);

    const reportResponse = await get('/admin/moderation/shows/kaleido-star/seasons/1/episodes/1', admin);
    expect(reportResponse.statusCode, reportResponse.body.slice(-600)).toBe(200);
    const report = parsePage(reportResponse.body);
    expect(report('.ones-episode').text()).toBe('100.0 %');
    expect(report('table.per-hour tbody tr td').first().text()).toBe('12');
    expect(report('table.newest tbody tr')).toHaveLength(12);
    expect(report('table.newest').text()).toContain('203.0.113.50');

    // The moderation page's form only asks; nothing is removed until the confirmation page's form is sent.
    const asked = parsePage((await post('/admin/moderation/remove-voter', { voterId: 'a:stuffer-0' }, admin)).body);
    expect(asked('h1').text()).toBe('Remove every rating of a:stuffer-0?');
    expect(asked('form.confirm-form input[name="confirm"]').attr('value')).toBe('delete');
    expect((await repo().ratingsOf('a:stuffer-0', [one, three])).size).toBe(2);
    const removed = await post('/admin/moderation/remove-voter', { voterId: 'a:stuffer-0', confirm: 'delete' }, admin);
    expect(parsePage(removed.body)('.form-saved').text()).toBe('Removed 2 ratings of a:stuffer-0.');
    expect(await repo().ratingsOf('a:stuffer-0', [one, three])).toEqual(new Map());
    expect(await auditIsClean()).toEqual([]);
    const audit = parsePage((await get('/admin/audit', admin)).body);
    expect(audit('tr[data-action="votes.remove-voter"]').text()).toContain('"rating": 1');

    expect((await post('/admin/moderation/remove-voter', { voterId: 'not an id', confirm: 'delete' }, admin)).statusCode).toBe(400);
  });
});

describe('blocking', () => {
  it('stops a blocked voter and a blocked address range from voting until the block is lifted', async () => {
    const admin = await session('admin');
    const voteUrl = '/shows/kaleido-star/seasons/1/episodes/4/rating';
    const first = await post(voteUrl, { rating: '6' });
    const voter = first.cookies.find((c) => c.name === 'epirank_voter')!;
    const cookie = `epirank_voter=${voter.value}`;
    const voterId = `a:${decodeURIComponent(voter.value).split('.')[0]}`;

    expect((await post('/admin/moderation/blocks', { kind: 'voter', value: voterId }, admin)).statusCode).toBe(303);
    const refused = await post(voteUrl, { rating: '7' }, cookie);
    expect(refused.statusCode).toBe(403);
    expect(parsePage(refused.body)('.error-detail').text()).toContain('are not accepted here');

    expect((await post('/admin/moderation/blocks', { kind: 'ip', value: '198.51.100.0/24' }, admin)).statusCode).toBe(303);
    expect((await post(voteUrl, { rating: '7' }, '', '198.51.100.77')).statusCode).toBe(403);
    expect((await post(voteUrl, { rating: '7' }, '', '198.51.101.1')).statusCode).toBe(303);

    const bad = await post('/admin/moderation/blocks', { kind: 'ip', value: '300.1.2.3/99' }, admin);
    expect(bad.statusCode).toBe(400);
    expect(parsePage(bad.body)('#field-value-error').text()).toContain('Enter an address or a range');

    const blocks = await context.database.handle.db.selectFrom('vote_blocks').select(['id', 'kind']).execute();
    for (const block of blocks) expect((await post(`/admin/moderation/blocks/${block.id}/delete`, {}, admin)).statusCode).toBe(303);
    expect((await post(voteUrl, { rating: '8' }, cookie)).statusCode).toBe(303);
    expect((await post(voteUrl, { rating: '8' }, '', '198.51.100.77')).statusCode).toBe(303);

    const actions = parsePage((await get('/admin/audit', admin)).body)('tr[data-action]')
      .toArray()
      .map((tr) => tr.attribs['data-action']);
    expect(actions).toEqual(expect.arrayContaining(['block.voter', 'block.ip', 'unblock.voter', 'unblock.ip']));
  });
});
