import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';

/** Paging of the two ranking answers, and their cached copies staying right across votes. */
const context = useTestApp({ seed: seedDemo, config: { voteLimitPerIp: 0, voteLimitPerVoter: 0, pageCacheSeconds: 3600 } });
const SHOW = '/api/v1/shows/kaleido-star/ranking';
const SEASON = '/api/v1/shows/kaleido-star/seasons/1/ranking';

interface RankingAnswer {
  ranked: Array<{ number: number; rank: number | null; votes: number }>;
  unrated: Array<{ number: number }>;
  total: number;
  page: number;
  perPage: number;
  next: string | null;
  prev: string | null;
}
const get = (url: string, headers: Record<string, string> = {}) => context.app.inject({ url, headers });
const ranking = async (url: string) => (await get(url)).json() as RankingAnswer;
const episodes = (answer: RankingAnswer) => [...answer.ranked.map((e) => e.number), ...answer.unrated.map((e) => e.number)];

afterEach(() => vi.restoreAllMocks());

describe('ranking paging', () => {
  it('cuts the show ranking into pages whose ranks and episodes continue', async () => {
    const whole = await ranking(`${SHOW}?perPage=200`);
    expect(whole.total).toBe(whole.ranked.length + whole.unrated.length);
    expect(whole.total).toBeGreaterThan(10);
    expect(whole).toMatchObject({ page: 1, perPage: 200, next: null, prev: null });

    const first = await ranking(`${SHOW}?perPage=10`);
    const second = await ranking(first.next!);
    expect(first.next).toBe(`${SHOW}?sort=score&page=2&perPage=10`);
    expect(first.prev).toBeNull();
    expect(second).toMatchObject({ page: 2, perPage: 10, total: whole.total, prev: `${SHOW}?sort=score&page=1&perPage=10` });
    expect(second.ranked[0]?.rank).toBe(11);
    expect([...episodes(first), ...episodes(second)]).toEqual(episodes(whole).slice(0, 20));

    const lastPage = Math.ceil(whole.total / 10);
    const last = await ranking(`${SHOW}?perPage=10&page=${lastPage}`);
    expect(last.next).toBeNull();
    expect(episodes(last)).toEqual(episodes(whole).slice((lastPage - 1) * 10));
  });

  it('uses the ranking pages’ own sizes by default', async () => {
    expect(await ranking(SHOW)).toMatchObject({ page: 1, perPage: 50 });
    expect(await ranking(SEASON)).toMatchObject({ page: 1, perPage: 100 });
  });

  it('answers a page past the end with a 404 problem, and bad sizes with a 400 problem', async () => {
    const { total } = await ranking(`${SEASON}?perPage=200`);
    const pastEnd = await get(`${SEASON}?perPage=5&page=${Math.ceil(total / 5) + 1}`);
    expect(pastEnd.statusCode).toBe(404);
    expect(pastEnd.headers['content-type']).toContain('application/problem+json');
    expect((await get(`${SEASON}?perPage=5&page=${Math.ceil(total / 5)}`)).statusCode).toBe(200);
    for (const query of ['perPage=201', 'perPage=0', 'page=0', 'page=x']) {
      const answer = await get(`${SHOW}?${query}`);
      expect(answer.statusCode, query).toBe(400);
      expect(answer.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get(`${SHOW}?perPage=200`)).statusCode).toBe(200);
  });
});

describe('cached ranking answers', () => {
  const vote = (episode: number, rating: number) =>
    context.app.services.votes.rate(
      { voter: { id: `a:paging-${episode}-${rating}`, kind: 'anonymous' }, ip: '203.0.113.9' },
      { show: 'kaleido-star', season: 1, episode },
      rating,
    );

  it('serves a repeated read from the cache with the same tag, and 304 for that tag', async () => {
    const first = await get(`${SEASON}?perPage=7`);
    const build = vi.spyOn(context.app.services.rankings, 'season');
    const again = await get(`${SEASON}?perPage=7`);
    expect(build).not.toHaveBeenCalled();
    expect(again.body).toBe(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    const revalidated = await get(`${SEASON}?perPage=7`, { 'if-none-match': String(first.headers.etag) });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
  });

  it('drops a show’s cached answers on a vote: new body, new tag, and the old tag no longer matches', async () => {
    const url = `${SHOW}?sort=votes&perPage=3`;
    const before = await get(url);
    expect(context.app.services.apiAnswers.stats().entries).toBeGreaterThan(0);
    const votesBefore = (before.json() as RankingAnswer).ranked[0]!.votes;
    const top = (before.json() as RankingAnswer).ranked[0]!.number;
    await vote(top, 9);

    const after = await get(url, { 'if-none-match': String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((after.json() as RankingAnswer).ranked[0]).toMatchObject({ number: top, votes: votesBefore + 1 });
    expect((await get(url, { 'if-none-match': String(after.headers.etag) })).statusCode).toBe(304);
  });

  it('caches the show list too, and drops it when any show takes a vote', async () => {
    const list = '/api/v1/shows';
    const build = vi.spyOn(context.app.services.rankings, 'searchShows');
    const before = await get(list);
    const again = await get(list, { 'if-none-match': String(before.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(build).toHaveBeenCalledTimes(1); // the second read came from the cache
    const votesBefore = (before.json() as { items: Array<{ votes: number }> }).items[0]!.votes;
    await vote(3, 7);
    const after = await get(list, { 'if-none-match': String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect((after.json() as { items: Array<{ votes: number }> }).items[0]!.votes).toBe(votesBefore + 1);
  });
});
