/**
 * Ids on other sites in the catalogue format: malformed ids, unknown sites and one id on two
 * records of a file are refused naming the place; an import sets, keeps and (with null) removes
 * ids; an id another show or episode holds is refused naming both, with nothing written (dry run
 * too); and a TVmaze file brings TVmaze's ids without erasing one it does not know.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExternalIdsRepository } from '../../src/catalog/external-ids.repository.js';
import { CatalogFormatError, parseCatalogFile, type CatalogFile } from '../../src/importers/catalog-format.js';
import { exportCatalog, serializeCatalog } from '../../src/importers/catalog-export.js';
import { importCatalog } from '../../src/importers/catalog-import.js';
import { parseCatalogText, readCatalogSource } from '../../src/importers/read-catalog.js';
import { useTestDatabase } from '../helpers/database.js';
import { storeOf } from '../../src/repositories.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
const database = useTestDatabase();
const db = () => database.current.handle.db;
const exported = async () => serializeCatalog(await exportCatalog(storeOf(db())));

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof CatalogFormatError) return error.problems;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

async function importProblems(file: CatalogFile, options: { dryRun?: boolean } = {}): Promise<string[]> {
  try {
    await importCatalog(storeOf(db()), file, { ...options, source: 'clash.json' });
  } catch (error) {
    if (error instanceof CatalogFormatError && error.source === 'clash.json') return error.problems;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

/** A one-show, one-episode file with these ids. */
function file(slug: string, showIds: Record<string, unknown> | undefined, episodeIds?: Record<string, unknown>): CatalogFile {
  return parseCatalogFile(
    {
      shows: [
        {
          slug,
          title: slug,
          ...(showIds ? { ids: showIds } : {}),
          seasons: [{ number: 1, episodes: [{ number: 1, ...(episodeIds ? { ids: episodeIds } : {}) }] }],
        },
      ],
    },
    'test.json',
  );
}

describe('ids in the catalogue format', () => {
  it('refuses malformed ids, ids written as numbers and unknown sites, naming the record', () => {
    const show = { slug: 'a', title: 'A', ids: { imdb: '0123456', tvmaze: 42, trakt: '7' } };
    expect(problemsOf(() => parseCatalogFile({ shows: [show] }, 'test.json'))).toEqual([
      '/shows/0/ids: "trakt" is not a site Epirank keeps ids from; use imdb, tvdb, tmdb, tvmaze',
      '/shows/0/ids/imdb: "0123456" is not an IMDb id: use "tt" followed by 7 to 10 digits, e.g. tt0123456',
      '/shows/0/ids/tvmaze: expected text or null, found 42; write ids as text, e.g. "12345"',
    ]);
    const episode = { number: 1, ids: { imdb: 'tt12', tvdb: '007', tmdb: '-3' } };
    expect(problemsOf(() => parseCatalogFile({ shows: [{ slug: 'a', title: 'A', seasons: [{ number: 1, episodes: [episode] }] }] }, 'test.json'))).toEqual([
      '/shows/0/seasons/0/episodes/0/ids/imdb: "tt12" is not an IMDb id: use "tt" followed by 7 to 10 digits, e.g. tt0123456',
      '/shows/0/seasons/0/episodes/0/ids/tvdb: "007" is not a TheTVDB id: use a positive whole number written in digits, e.g. 12345',
      '/shows/0/seasons/0/episodes/0/ids/tmdb: "-3" is not a TMDB id: use a positive whole number written in digits, e.g. 12345',
    ]);
  });

  it('refuses one id on two shows or two episodes of the same file, naming both', () => {
    const data = {
      shows: [
        { slug: 'a', title: 'A', ids: { imdb: 'tt0000001' }, seasons: [{ number: 1, episodes: [{ number: 1, ids: { tvmaze: '5' } }] }] },
        { slug: 'b', title: 'B', ids: { imdb: 'tt0000001', tvmaze: '5' }, seasons: [{ number: 2, episodes: [{ number: 3, ids: { tvmaze: '5' } }] }] },
      ],
    };
    expect(problemsOf(() => parseCatalogFile(data, 'test.json'))).toEqual([
      '/shows/1/ids/imdb "tt0000001" is already the IMDb id of show "a" (/shows/0); an id names one record',
      '/shows/1/seasons/0/episodes/0/ids/tvmaze "5" is already the TVmaze id of episode a S1E1 (/shows/0/seasons/0/episodes/0); an id names one record',
    ]);
  });

  it('reads ids from CSV columns, naming the line and column of a bad one', () => {
    const header = 'show,show_title,season,episode,show_imdb,tvmaze,tmdb';
    const good = parseCatalogText(`${header}\nx,X,1,1,tt0000009,12,\nx,,1,2,,,\n`, 'ids.csv');
    expect(good.shows[0]!.ids).toEqual({ imdb: 'tt0000009' });
    expect(good.shows[0]!.seasons[0]!.episodes.map((e) => e.ids)).toEqual([{ tvmaze: '12' }, undefined]);
    expect(problemsOf(() => parseCatalogText(`${header}\nx,X,1,1,tt1,12x,0\n`, 'ids.csv'))).toEqual([
      'line 2, column show_imdb: "tt1" is not an IMDb id: use "tt" followed by 7 to 10 digits, e.g. tt0123456',
      'line 2, column tmdb: "0" is not a TMDB id: use a positive whole number written in digits, e.g. 12345',
      'line 2, column tvmaze: "12x" is not a TVmaze id: use a positive whole number written in digits, e.g. 12345',
    ]);
  });

  it('refuses a TVmaze show whose ids are not ids, naming TVmaze’s own path', () => {
    const show = { id: 'abc', name: 'Odd', externals: { imdb: 'nm0000001', thetvdb: 1.5 }, _embedded: { episodes: [{ id: -1, season: 1, number: 1 }] } };
    expect(problemsOf(() => parseCatalogText(JSON.stringify(show), 'odd.json', 'tvmaze'))).toEqual([
      '/id: "abc" is not a TVmaze id (a positive whole number written in digits, e.g. 12345)',
      '/externals/imdb: "nm0000001" is not an IMDb id ("tt" followed by 7 to 10 digits, e.g. tt0123456)',
      '/externals/thetvdb: the number 1.5 is not a TheTVDB id (a positive whole number written in digits, e.g. 12345)',
      '/_embedded/episodes/0/id: -1 is not a TVmaze id (a positive whole number written in digits, e.g. 12345)',
    ]);
  });
});

describe('importing ids', () => {
  const repo = () => new ExternalIdsRepository(db());
  const showId = async (slug: string) => (await db().selectFrom('shows').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

  it('sets ids, keeps the ones a file leaves out, removes the ones it sets to null, and counts a change of ids as an update', async () => {
    await importCatalog(storeOf(db()), file('keeper', { imdb: 'tt0000100', tmdb: '100' }, { tvmaze: '100' }));
    const id = await showId('keeper');
    expect((await repo().idsOfShows([id])).get(id)).toEqual({ imdb: 'tt0000100', tmdb: '100' });

    // Left out: kept. Nothing changed, so everything is unchanged.
    expect(await importCatalog(storeOf(db()), file('keeper', undefined))).toMatchObject({ shows: { unchanged: 1 }, episodes: { unchanged: 1 } });
    expect((await repo().idsOfShows([id])).get(id)).toEqual({ imdb: 'tt0000100', tmdb: '100' });

    const summary = await importCatalog(storeOf(db()), file('keeper', { tmdb: null, tvdb: '200' }, { tvmaze: null }));
    expect(summary).toMatchObject({ shows: { updated: 1, unchanged: 0 }, episodes: { updated: 1, unchanged: 0 } });
    expect((await repo().idsOfShows([id])).get(id)).toEqual({ imdb: 'tt0000100', tvdb: '200' });
    expect((await repo().episodesByExternalIds('tvmaze', ['100'])).size).toBe(0);
  });

  it('refuses an id another show or episode holds, naming both, and writes nothing (a dry run says the same)', async () => {
    await importCatalog(storeOf(db()), file('holder', { imdb: 'tt0000300' }, { tvmaze: '300' }));
    const before = await exported();
    const clash = parseCatalogFile(
      {
        shows: [
          {
            slug: 'newcomer',
            title: 'Newcomer',
            ids: { imdb: 'tt0000300', tvdb: '301' },
            seasons: [{ number: 4, episodes: [{ number: 2, ids: { tvmaze: '300' } }] }],
          },
        ],
      },
      'clash.json',
    );
    const expected = [
      '/shows/0/ids/imdb: show "newcomer" cannot take IMDb id "tt0000300": it belongs to show "holder" already',
      '/shows/0/seasons/0/episodes/0/ids/tvmaze: episode newcomer S4E2 cannot take TVmaze id "300": it belongs to episode holder S1E1 already',
    ];
    expect(await importProblems(clash)).toEqual(expected);
    expect(await importProblems(clash, { dryRun: true })).toEqual(expected);
    expect(await exported()).toBe(before);
    expect((await repo().showsByExternalIds('tvdb', ['301'])).size).toBe(0);
  });

  it('a TVmaze file brings TVmaze’s ids and keeps an id TVmaze does not know', async () => {
    await importCatalog(storeOf(db()), file('harbor-lights', { tmdb: '4242' }));
    await importCatalog(storeOf(db()), readCatalogSource(fixture('harbor-lights.tvmaze.json')));
    const id = await showId('harbor-lights');
    expect((await repo().idsOfShows([id])).get(id)).toEqual({ imdb: 'tt9900001', tvdb: '370001', tmdb: '4242', tvmaze: '990001' });
    const episodes = await repo().episodesByExternalIds('tvmaze', ['1', '2', '3', '4']);
    expect([...episodes].map(([tvmaze, e]) => `${tvmaze}: S${e.seasonNumber}E${e.episodeNumber}`).sort()).toEqual(['1: S1E1', '2: S1E2', '4: S2E1']);
  });
});
