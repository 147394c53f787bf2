/**
 * The show list reads each show's stored best episode in the same query as its figures: that
 * standing must equal the one read on its own (standingsOf), tally or no tally, and be absent when
 * no best is stored. The show list API answers with it.
 */
import { storeOf } from '../../src/repositories.js';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';

describe('the show list’s best episodes', () => {
  const context = useTestApp();

  it('come with the figures, equal to the standing read on its own', async () => {
    const db = () => context.database.handle.db;
    const make = factories(db());
    const rated = await make.show({ slug: 'rated', title: 'A rated show' });
    const season = await make.season(rated.id, 2);
    const first = await make.episode(season.id, 1, { title: 'Opening', synopsis: 'It starts.', airDate: '2020-01-02' });
    const second = await make.episode(season.id, 2);
    await make.ratings(first.id, [9, 10, 10, 3]);
    await make.baseline(first.id, 4, 30);
    await make.ratings(second.id, [2, 4]);
    const baselineOnly = await make.show({ slug: 'baseline', title: 'B baseline only' });
    const only = await make.episode((await make.season(baselineOnly.id)).id, 1);
    await make.baseline(only.id, 3, 21);
    const empty = await make.show({ slug: 'empty', title: 'C empty' });

    const repository = storeOf(db()).read.showFigures;
    await repository.recordBest(rated.id, first.id, 1_000_000);
    await repository.recordBest(baselineOnly.id, only.id, 1_000_000);
    await repository.recordBest(empty.id, null, 1_000_000);

    const page = await repository.page({ limit: 10, offset: 0 });
    expect(page.map((s) => s.show.slug)).toEqual(['rated', 'baseline', 'empty']);
    const alone = await repository.standingsOf([first.id, only.id]);
    expect(page[0]!.best).toEqual(alone.get(first.id));
    expect(page[0]!.best).toMatchObject({
      count: 8,
      sum: 62,
      votesHere: 4,
      sumOfSquaresHere: 290,
      baselineCount: 4,
      seasonNumber: 2,
      episodeNumber: 1,
      title: 'Opening',
    });
    expect(page[0]!.best!.histogram).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 1, 2]);
    expect(page[1]!.best).toEqual(alone.get(only.id));
    expect(page[2]!.best).toBeNull();
    // The front page's lists read the same way.
    expect((await repository.mostVoted(1))[0]!.best).toEqual(alone.get(first.id));

    const answer = (await context.app.inject({ url: '/api/v1/shows?perPage=1' })).json();
    expect(answer).toMatchObject({ total: 3, items: [{ slug: 'rated', bestEpisode: { id: first.id, votes: 8, average: '7.75', rank: 1 } }] });
  });
});
