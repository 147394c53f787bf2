import { describe, expect, it } from 'vitest';
import { formatAverage } from '../../src/ranking/ranking.js';
import { TallyAudit } from '../../src/votes/tally-audit.js';
import { VoteWrites } from '../../src/votes/vote-writes.js';
import { browserFor, seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';
import { storeOf } from '../../src/repositories.js';

const context = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0 } });
const { session, get, post, crossSitePost } = browserFor(context);

const repo = () => new VoteWrites(storeOf(context.database.handle.db));
const episodeId = async (number: number) =>
  (await context.database.handle.db.selectFrom('episodes').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
const auditIsClean = async () => {
  const { db } = context.database.handle;
  return new TallyAudit(storeOf(db)).check();
};

describe('moderation is for admins only', () => {
  it.each([
    ['GET', '/admin/moderation'],
    ['GET', '/admin/moderation/shows/kaleido-star/seasons/1/episodes/1'],
    ['POST', '/admin/moderation/remove-voter'],
    ['POST', '/admin/moderation/blocks'],
    ['POST', '/admin/moderation/blocks/1/delete'],
    ['POST', '/admin/moderation/flags/1/close'],
  ])('%s %s refuses editors, fans and visitors', async (method, url) => {
    const fields = { voterId: 'a:someone', kind: 'ip', value: '203.0.113.0/24', status: 'dismissed' };
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
    // Flags are raised by the scheduled check, not by opening the page.
    expect(parsePage((await get('/admin/moderation', admin)).body)('ul.flagged > li')).toHaveLength(0);
    await context.app.services.stuffingDetector.check();
    const page = parsePage((await get('/admin/moderation', admin)).body);
    const flagged = page('ul.flagged > li')
      .toArray()
      .map((li) => page(li).text());
    // Named by the show's title, not its slug.
    const burst = flagged.find((t) => t.includes('Kaleido Star S1E1 “My Amazing Stage Debut”') && t.includes('burst'))!;
    expect(flagged.some((t) => t.includes('kaleido-star'))).toBe(false);
    expect(burst).toContain('12 votes in the last hour, against 0.0 an hour in the 28 days before');
    // The rest of the show's share, smoothed, without the window's 12 votes: (1 extreme + 1) / (21 votes + 2) = 9 %.
    const extreme = flagged.find((t) => t.includes('S1E1 “My Amazing Stage Debut”') && t.includes('extreme ratings'))!;
    expect(extreme).toContain('100 % of its 12 votes are 1s or 10s, against 9 % across the rest of Kaleido Star');
    expect(flagged.some((t) => t.includes('S1E3'))).toBe(false);

    const reportResponse = await get('/admin/moderation/shows/kaleido-star/seasons/1/episodes/1', admin);
    expect(reportResponse.statusCode, reportResponse.body.slice(-600)).toBe(200);
    const report = parsePage(reportResponse.body);
    expect(report('.ones-episode').text()).toBe('100.0%');
    expect(report('table.per-hour tbody tr td').first().text()).toBe('12');
    expect(report('table.newest tbody tr')).toHaveLength(12);
    expect(report('table.newest').text()).toContain('203.0.113.50');

    // The moderation page's form only asks; nothing is removed until the confirmation page's form is sent.
    const asked = parsePage((await post('/admin/moderation/remove-voter', { voterId: 'a:stuffer-0' }, admin)).body);
    expect(asked('h1').text()).toBe('Remove every rating of a:stuffer-0?');
    expect(asked('form.confirm-form input[name="confirm"]').attr('value')).toBe('delete');
    expect((await storeOf(context.database.handle.db).read.votes.ratingsOf('a:stuffer-0', [one, three])).size).toBe(2);
    const removed = await post('/admin/moderation/remove-voter', { voterId: 'a:stuffer-0', confirm: 'delete' }, admin);
    expect(parsePage(removed.body)('.form-saved').text()).toBe('Removed 2 ratings of a:stuffer-0.');
    expect(await storeOf(context.database.handle.db).read.votes.ratingsOf('a:stuffer-0', [one, three])).toEqual(new Map());
    expect(await auditIsClean()).toEqual([]);
    const audit = parsePage((await get('/admin/audit', admin)).body);
    expect(audit('tr[data-action="votes.remove-voter"]').text()).toContain('"rating": 1');

    expect((await post('/admin/moderation/remove-voter', { voterId: 'not an id', confirm: 'delete' }, admin)).statusCode).toBe(400);
  });
});

describe('stored flags', () => {
  const openFlags = async () =>
    context.database.handle.db.selectFrom('moderation_flags').select(['id', 'kind', 'episode_id']).where('status', '=', 'open').orderBy('id').execute();
  const headerCount = async (cookie: string) => parsePage((await get('/shows/kaleido-star', cookie)).body)('.site-header .moderation-link').text();

  it('counts open flags in the header for admins and editors, shows moderators the score without the window, and closes flags with an audit entry', async () => {
    const five = await episodeId(5);
    const now = new Date().toISOString();
    for (let i = 0; i < 15; i++) await repo().rate(five, { id: `a:rush-${i}`, kind: 'anonymous' }, 10, '198.51.100.9', now);
    await context.app.services.stuffingDetector.check();
    const raised = (await openFlags()).filter((f) => f.episode_id === five);
    expect(raised.map((f) => f.kind).sort()).toEqual(['burst', 'extreme']);

    const [admin, editor, fan] = [await session('admin'), await session('editor'), await session('fan')];
    const count = (await openFlags()).length;
    expect(await headerCount(admin)).toBe(`Moderation (${count})`);
    expect(await headerCount(editor)).toBe(`Moderation (${count})`);
    expect(await headerCount(fan)).toBe('');
    expect(await headerCount('')).toBe('');

    // The moderator's episode page: the average, and the average without the window's 15 tens.
    const tally = await context.database.handle.db.selectFrom('episode_tallies').selectAll().where('episode_id', '=', five).executeTakeFirstOrThrow();
    expect(Number(tally.vote_count)).toBe(15);
    const withoutWindow = formatAverage({ count: Number(tally.baseline_count), sum: Number(tally.baseline_sum) });
    const episodeUrl = '/shows/kaleido-star/seasons/1/episodes/5';
    const line = parsePage((await get(episodeUrl, admin)).body)('.flagged-score');
    expect(line.text()).toContain('15 votes)');
    expect(line.find('.without-window').text()).toBe(withoutWindow);
    expect(line.text()).toContain(`Average ${formatAverage({ count: Number(tally.baseline_count) + 15, sum: Number(tally.baseline_sum) + 150 })};`);
    // Visitors and fans do not see it (PUBLIC_FLAGGED_SCORES is off), and the shared cached copy lacks it too.
    expect(parsePage((await get(episodeUrl)).body)('.flagged-score')).toHaveLength(0);
    expect(parsePage((await get(episodeUrl, fan)).body)('.flagged-score')).toHaveLength(0);
    expect(parsePage((await get(episodeUrl)).body)('.flagged-score')).toHaveLength(0);

    // The moderation page lists it with the same figures and a form to close it.
    const listed = parsePage((await get('/admin/moderation', admin)).body);
    const entry = listed(`ul.flagged > li[data-flag-kind="burst"]`).filter((_, li) => listed(li).text().includes('S1E5'));
    expect(entry.find('.without-window').text()).toBe(withoutWindow);
    const burst = raised.find((f) => f.kind === 'burst')!;
    expect(entry.find('form').attr('action')).toBe(`/admin/moderation/flags/${burst.id}/close`);

    // Closing takes a same-origin form; a cross-site one changes nothing.
    const crossSite = await crossSitePost(`/admin/moderation/flags/${burst.id}/close`, { status: 'dismissed' }, admin);
    expect(crossSite.statusCode).toBe(403);
    expect((await post(`/admin/moderation/flags/${burst.id}/close`, { status: 'ignored' }, admin)).statusCode).toBe(400);
    expect((await openFlags()).length).toBe(count);

    expect((await post(`/admin/moderation/flags/${burst.id}/close`, { status: 'dismissed' }, admin)).statusCode).toBe(303);
    expect((await post(`/admin/moderation/flags/${burst.id}/close`, { status: 'dismissed' }, admin)).statusCode).toBe(404);
    expect(await headerCount(admin)).toBe(`Moderation (${count - 1})`);
    const closed = await context.database.handle.db.selectFrom('moderation_flags').selectAll().where('id', '=', burst.id).executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ status: 'dismissed', closed_by: expect.stringMatching(/^admin-/) });
    const audit = parsePage((await get('/admin/audit', admin)).body);
    expect(audit('tr[data-action="flag.dismiss"]')).toHaveLength(1);
    // A closed flag is listed after the open ones, without a form.
    const afterClosing = parsePage((await get('/admin/moderation', admin)).body);
    const statuses = afterClosing('ul.flagged > li')
      .toArray()
      .map((li) => li.attribs['data-flag-status']);
    expect(statuses.indexOf('dismissed')).toBe(statuses.length - 1);
    expect(afterClosing('ul.flagged > li[data-flag-status="dismissed"] form')).toHaveLength(0);
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
