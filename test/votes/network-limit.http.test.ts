/**
 * The per-network rule over HTTP (issue 12): from one network (an IPv4 address; an IPv6 /64) at
 * most VOTES_PER_NETWORK new ratings of an episode count within the window; the rest are held for
 * review, answered 202, listed in held_ratings, and nothing is lost. The app trusts one proxy hop
 * so that each request can say which address it comes from in X-Forwarded-For.
 */
import { describe, expect, it } from 'vitest';
import { NETWORK_WINDOW_DAYS } from '../../src/votes/network-allowance.js';
import { tIn } from '../../src/i18n/translate.js';
import { TallyAudit } from '../../src/votes/tally-audit.js';
import { VoteWrites } from '../../src/votes/vote-writes.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { storeOf } from '../../src/repositories.js';

/** What a voter whose rating was held is told, in English. */
const HELD_RATING_MESSAGE = tIn('en', 'ranking.heldRating');

const SEASON = '/shows/kaleido-star/seasons/1';
const apiPath = (episode: number) => `/api/v1/shows/kaleido-star/seasons/1/episodes/${episode}/rating`;
const formPath = (episode: number) => `${SEASON}/episodes/${episode}/rating`;

const context = useTestApp({
  seed: seedDemo,
  config: {
    trustProxy: 1,
    voteLimitPerIp: 0,
    voteLimitPerVoter: 0,
    votesPerNetwork: 3,
    votesPerNetworkAllow: [{ range: '192.0.2.0/28', ratings: 5 }],
  },
});

const db = () => context.database.handle.db;
const repository = () => new VoteWrites(storeOf(db()));

async function episodeId(number: number): Promise<number> {
  const row = await db().selectFrom('episodes').select('id').where('number', '=', number).executeTakeFirstOrThrow();
  return row.id;
}

/** A cookie-less API vote, as a script would send it, from `address`. */
function put(episode: number, rating: number, address: string, cookie?: string) {
  return context.app.inject({
    method: 'PUT',
    url: apiPath(episode),
    payload: { rating },
    headers: { 'x-forwarded-for': address, ...(cookie ? { cookie } : {}) },
  });
}

function voterCookie(response: { cookies: Array<{ name: string; value: string }> }): string {
  const cookie = response.cookies.find((c) => c.name === 'epirank_voter');
  if (!cookie) throw new Error('no voter cookie was set');
  return `epirank_voter=${cookie.value}`;
}

async function countedVotes(episode: number): Promise<number> {
  const row = await db()
    .selectFrom('votes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('episode_id', '=', await episodeId(episode))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function heldRows(episode: number) {
  return db()
    .selectFrom('held_ratings')
    .selectAll()
    .where('episode_id', '=', await episodeId(episode))
    .orderBy('id')
    .execute();
}

async function tallyCount(episode: number): Promise<number> {
  const row = await db()
    .selectFrom('episode_tallies')
    .select('vote_count')
    .where('episode_id', '=', await episodeId(episode))
    .executeTakeFirst();
  return Number(row?.vote_count ?? 0);
}

describe('counted and held ratings per network', () => {
  it('counts 3 of 20 cookie-less votes from one address and holds the other 17, each answered 2xx', async () => {
    const before = await tallyCount(2);
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await put(2, 1 + (i % 10), '198.51.100.7'));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, ...new Array(17).fill(202)]);
    expect(answers.map((a) => a.json().held)).toEqual([false, false, false, ...new Array(17).fill(true)]);
    const held = answers[5]!.json();
    expect(held).toMatchObject({ yourRating: 6, held: true, message: HELD_RATING_MESSAGE });
    // A held rating leaves the numbers as the third vote left them.
    expect(held.episode.votesHere).toBe(3);
    expect(answers[2]!.json().message).toBeUndefined();
    expect(await tallyCount(2)).toBe(before + 3);
    expect(await countedVotes(2)).toBe(3);
    const rows = await heldRows(2);
    expect(rows).toHaveLength(17);
    expect(rows.every((r) => r.network === '198.51.100.7' && r.ip === '198.51.100.7' && r.reason === 'network-limit')).toBe(true);
    // Nothing is lost: every rating sent is stored, counted or held.
    expect(
      [
        ...(
          await db()
            .selectFrom('votes')
            .select('rating')
            .where('episode_id', '=', await episodeId(2))
            .execute()
        ).map((r) => r.rating),
        ...rows.map((r) => r.rating),
      ].sort(),
    ).toEqual(Array.from({ length: 20 }, (_, i) => 1 + (i % 10)).sort());
  });

  it('treats many addresses of one IPv6 /64 behind the trusted proxy as one network', async () => {
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await put(3, 7, `2001:db8:aa:bb::${(i + 1).toString(16)}`));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.statusCode === 202)).toHaveLength(17);
    expect(await countedVotes(3)).toBe(3);
    expect((await heldRows(3)).map((r) => r.network)).toEqual(new Array(17).fill('2001:db8:aa:bb::/64'));
    // A neighbouring /64 is another network, with its own allowance.
    expect((await put(3, 7, '2001:db8:aa:bc::1')).statusCode).toBe(200);
  });

  it('gives a listed network its larger allowance', async () => {
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await put(4, 8, '192.0.2.3'));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 202, 202, 202]);
    expect(await countedVotes(4)).toBe(5);
  });

  it('lets a counted voter change their rating, and keeps a held voter’s new rating held', async () => {
    const counted = [];
    for (let i = 0; i < 3; i++) counted.push(voterCookie(await put(5, 4, '198.51.100.20')));
    const heldVoter = voterCookie(await put(5, 4, '198.51.100.20'));
    expect(await countedVotes(5)).toBe(3);

    const changed = await put(5, 9, '198.51.100.20', counted[0]);
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ yourRating: 9, held: false });
    expect(changed.json().episode.votesHere).toBe(3);

    const again = await put(5, 2, '198.51.100.20', heldVoter);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ yourRating: 2, held: true });
    const rows = await heldRows(5);
    expect(rows.map((r) => r.rating)).toEqual([2]);

    // Even from a fresh network a held rating stays held: only a moderator releases it.
    expect((await put(5, 3, '203.0.113.99', heldVoter)).statusCode).toBe(202);
    expect(await countedVotes(5)).toBe(3);

    // The voter sees their held rating as their rating on the episode page.
    const page = await context.app.inject({ url: `${SEASON}/episodes/5`, headers: { cookie: heldVoter } });
    expect(page.body).toMatch(/aria-pressed="true"[^>]*>3</);
  });

  it('withdraws a held rating, leaving the tally alone', async () => {
    for (let i = 0; i < 3; i++) await put(6, 5, '198.51.100.30');
    const heldVoter = voterCookie(await put(6, 5, '198.51.100.30'));
    const before = await tallyCount(6);
    const withdrawn = await context.app.inject({ method: 'DELETE', url: apiPath(6), headers: { cookie: heldVoter, 'x-forwarded-for': '198.51.100.30' } });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().yourRating).toBeNull();
    expect(await heldRows(6)).toEqual([]);
    expect(await tallyCount(6)).toBe(before);
    expect(await countedVotes(6)).toBe(3);
  });

  it(`counts only the network's ratings of the last ${NETWORK_WINDOW_DAYS} days`, async () => {
    const day = 24 * 60 * 60 * 1000;
    const longAgo = new Date(Date.now() - (NETWORK_WINDOW_DAYS + 1) * day).toISOString();
    const lately = new Date(Date.now() - (NETWORK_WINDOW_DAYS - 1) * day).toISOString();
    for (let i = 0; i < 3; i++) {
      await repository().rate(await episodeId(7), { id: `a:old-${i}`, kind: 'anonymous' }, 6, '198.51.100.40', longAgo, 3);
      await repository().rate(await episodeId(8), { id: `a:recent-${i}`, kind: 'anonymous' }, 6, '198.51.100.40', lately, 3);
    }
    expect((await put(7, 6, '198.51.100.40')).statusCode).toBe(200);
    expect((await put(8, 6, '198.51.100.40')).statusCode).toBe(202);
  });

  it('tells a voter without JavaScript that the rating awaits review, on the card they voted from', async () => {
    for (let i = 0; i < 3; i++) await put(9, 5, '198.51.100.50');
    const response = await context.app.inject({
      method: 'POST',
      url: formPath(9),
      payload: new URLSearchParams({ rating: '8', return: `${SEASON}?sort=average` }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', 'x-forwarded-for': '198.51.100.50' },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${SEASON}?sort=average&held=s1e9#s1e9`);
    const page = await context.app.inject({ url: response.headers.location as string, headers: { cookie: voterCookie(response) } });
    expect(page.statusCode).toBe(200);
    const card = page.body.slice(page.body.indexOf('id="s1e9"'));
    expect(card).toContain(`You rated it 8. ${HELD_RATING_MESSAGE}`);

    const json = await context.app.inject({
      method: 'POST',
      url: formPath(9),
      payload: new URLSearchParams({ rating: '4' }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
        accept: 'application/json',
        'x-forwarded-for': '198.51.100.50',
      },
    });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ yourRating: 4, held: true, message: HELD_RATING_MESSAGE });
  });

  it('says on the episode page how many ratings are held for review', async () => {
    const page = await context.app.inject({ url: `${SEASON}/episodes/2` });
    expect(page.body).toContain('17 ratings of this episode are held for review');
    const quiet = await context.app.inject({ url: `${SEASON}/episodes/20` });
    // The page's own text, not the client script's words that every page carries (client-messages.tsx).
    expect(quiet.body.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '')).not.toContain('held for review');
    // A new held rating shows at once, though the cached page of the show was built before it.
    for (let i = 0; i < 4; i++) await put(20, 5, '198.51.100.60');
    expect((await context.app.inject({ url: `${SEASON}/episodes/20` })).body).toContain('1 rating of this episode is held for review');
  });

  it('holds the ratings of ten simultaneous cookie-less votes from one network beyond the third', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => put(10, 9, '198.51.100.70')));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.statusCode === 202)).toHaveLength(7);
    expect(await countedVotes(10)).toBe(3);
    expect(await heldRows(10)).toHaveLength(7);
  });

  it('leaves every tally equal to a recount after all of that', async () => {
    expect(await new TallyAudit(storeOf(db())).check()).toEqual([]);
  });
});
