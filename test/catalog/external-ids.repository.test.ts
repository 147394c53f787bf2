/**
 * Looking records up by another site's ids: a batch larger than one query's IN list finds every
 * holder, ids nobody holds stay absent, one site's id never matches another's, and replacing a
 * record's set leaves exactly that set. The database refuses one id on two shows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ExternalIdsRepository, LOOKUP_BATCH } from '../../src/catalog/external-ids.repository.js';
import { useTestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

describe('ExternalIdsRepository', () => {
  const database = useTestDatabase();
  const repo = () => new ExternalIdsRepository(database.current.handle.db);
  let alpha: { id: number; slug: string };
  let beta: { id: number; slug: string };
  const episodeIds: number[] = [];

  beforeAll(async () => {
    const make = factories(database.current.handle.db);
    alpha = await make.show({ slug: 'alpha', title: 'Alpha' });
    beta = await make.show({ slug: 'beta', title: 'Beta' });
    const season = await make.season(alpha.id, 2);
    // More episodes than one lookup query takes, each with a TVmaze id 1000 + its number.
    for (let n = 1; n <= LOOKUP_BATCH + 5; n++) {
      const episode = await make.episode(season.id, n);
      episodeIds.push(episode.id);
      await repo().replaceEpisodeIds(episode.id, { tvmaze: String(1000 + n) });
    }
    await repo().replaceShowIds(alpha.id, { imdb: 'tt0000001', tvmaze: '77' });
    await repo().replaceShowIds(beta.id, { tvdb: '77' });
  });

  it('finds shows by one site’s ids, and only that site’s', async () => {
    const byTvmaze = await repo().showsByExternalIds('tvmaze', ['77', '78']);
    expect([...byTvmaze]).toEqual([['77', { showId: alpha.id, slug: 'alpha', title: 'Alpha' }]]);
    const byTvdb = await repo().showsByExternalIds('tvdb', ['77']);
    expect(byTvdb.get('77')?.showId).toBe(beta.id);
    expect((await repo().showsByExternalIds('imdb', [])).size).toBe(0);
  });

  it('finds every episode of a batch larger than one query, with its show and numbers', async () => {
    const wanted = Array.from({ length: LOOKUP_BATCH + 5 }, (_, i) => String(1001 + i));
    const found = await repo().episodesByExternalIds('tvmaze', [...wanted, '999999', wanted[0]!]);
    expect(found.size).toBe(LOOKUP_BATCH + 5);
    expect(found.has('999999')).toBe(false);
    expect(found.get(String(1000 + LOOKUP_BATCH + 5))).toEqual({
      episodeId: episodeIds.at(-1),
      showId: alpha.id,
      showSlug: 'alpha',
      showTitle: 'Alpha',
      seasonNumber: 2,
      episodeNumber: LOOKUP_BATCH + 5,
      title: `Episode title ${LOOKUP_BATCH + 5}`,
    });
    expect((await repo().episodesByExternalIds('imdb', ['1001'])).size).toBe(0);
  });

  it('reads and replaces a record’s set', async () => {
    expect(await repo().idsOfShows([alpha.id, beta.id])).toEqual(
      new Map([
        [alpha.id, { imdb: 'tt0000001', tvmaze: '77' }],
        [beta.id, { tvdb: '77' }],
      ]),
    );
    await repo().replaceShowIds(beta.id, { tmdb: '5' });
    expect((await repo().idsOfShows([beta.id])).get(beta.id)).toEqual({ tmdb: '5' });
    await repo().replaceEpisodeIds(episodeIds[0]!, {});
    expect((await repo().idsOfEpisodes([episodeIds[0]!, episodeIds[1]!])).get(episodeIds[0]!)).toEqual({});
    expect((await repo().idsOfEpisodes([episodeIds[1]!])).get(episodeIds[1]!)).toEqual({ tvmaze: '1002' });
  });

  it('names the other holders of an id, never the record itself', async () => {
    expect(await repo().otherShowsHolding(beta.id, { imdb: 'tt0000001', tvmaze: '77', tvdb: '1' })).toEqual([
      { source: 'imdb', externalId: 'tt0000001', label: 'alpha' },
      { source: 'tvmaze', externalId: '77', label: 'alpha' },
    ]);
    expect(await repo().otherShowsHolding(alpha.id, { imdb: 'tt0000001' })).toEqual([]);
    expect(await repo().otherEpisodesHolding(null, { tvmaze: '1003' })).toEqual([{ source: 'tvmaze', externalId: '1003', label: 'alpha S2E3' }]);
  });

  it('is refused by the database when one id would name two shows', async () => {
    await expect(repo().replaceShowIds(beta.id, { imdb: 'tt0000001' })).rejects.toThrow();
  });
});
