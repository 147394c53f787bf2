import { beforeAll, describe, expect, it } from 'vitest';
import { TallyAudit } from '../../src/votes/tally-audit.js';
import { TallyRecountRepository } from '../../src/votes/tally-recount.repository.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { storeOf } from '../../src/repositories.js';
import { seededRandom } from '../helpers/random.js';

const VOTERS = 200;
const EPISODES = [1, 2, 3]; // every voter works on the same few episodes, so writes collide
const ACTIONS_PER_VOTER = 6;

const context = useTestApp({
  seed: seedDemo,
  config: { voteLimitPerIp: 0, voteLimitPerVoter: 0, pageCacheSeconds: 0 },
});
let base: string;

beforeAll(async () => {
  base = await context.app.listen({ port: 0, host: '127.0.0.1' });
});

describe('200 voters voting and re-voting at once over real HTTP', () => {
  it('leaves every tally exactly equal to a recount of the votes, and to what the voters last said', async () => {
    const next = seededRandom(20261124);
    // What each voter finally holds per episode, as the voter's own (sequential) requests decide it.
    const finalRatings = new Map<string, number | null>();

    async function voter(n: number) {
      let cookie = '';
      for (let step = 0; step < ACTIONS_PER_VOTER; step++) {
        const episode = EPISODES[Math.floor(next() * EPISODES.length)]!;
        const withdraw = step > 0 && next() < 0.2;
        const rating = 1 + Math.floor(next() * 10);
        const body = new URLSearchParams(withdraw ? { action: 'withdraw' } : { action: 'rate', rating: String(rating) });
        const response = await fetch(`${base}/shows/kaleido-star/seasons/1/episodes/${episode}/rating`, {
          method: 'POST',
          body,
          redirect: 'manual',
          headers: { 'sec-fetch-site': 'same-origin', accept: 'application/json', ...(cookie ? { cookie } : {}) },
        });
        expect(response.status).toBe(200);
        const setCookie = response.headers.get('set-cookie');
        if (setCookie) cookie = setCookie.split(';')[0]!;
        const answer = (await response.json()) as { yourRating: number | null };
        expect(answer.yourRating).toBe(withdraw ? null : rating);
        finalRatings.set(`${n}:${episode}`, withdraw ? null : rating);
      }
    }

    await Promise.all(Array.from({ length: VOTERS }, (_, n) => voter(n)));

    const { db } = context.database.handle;
    const audit = new TallyAudit(storeOf(db));
    expect(await audit.check()).toEqual([]);

    // Independently: the tallies equal the sum of what every voter last asked for.
    const stored = await new TallyRecountRepository(db).storedAggregates();
    // Season 1's: the demo's second season numbers its episodes from 1 too.
    const episodeIds = await db
      .selectFrom('episodes')
      .innerJoin('seasons', 'seasons.id', 'episodes.season_id')
      .select(['episodes.id as id', 'episodes.number as number'])
      .where('seasons.number', '=', 1)
      .where('episodes.number', 'in', EPISODES)
      .execute();
    for (const { id, number } of episodeIds) {
      const ratings = [...finalRatings.entries()].filter(([key, rating]) => key.endsWith(`:${number}`) && rating !== null).map(([, rating]) => rating!);
      expect(
        stored.find((a) => a.episodeId === id),
        `episode ${number}`,
      ).toEqual({
        episodeId: id,
        count: ratings.length,
        sum: ratings.reduce((a, b) => a + b, 0),
        sumOfSquares: ratings.reduce((a, b) => a + b * b, 0),
        histogram: Array.from({ length: 10 }, (_, i) => ratings.filter((r) => r === i + 1).length),
      });
    }
    const voteRows = await db
      .selectFrom('votes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(voteRows.n)).toBe([...finalRatings.values()].filter((r) => r !== null).length);
  });
});
