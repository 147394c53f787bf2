import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CatalogFormatError, type CatalogFile } from '../../src/importers/catalog-format.js';
import { exportCatalog, serializeCatalog } from '../../src/importers/catalog-export.js';
import { importCatalog } from '../../src/importers/catalog-import.js';
import { parseCatalogText, readCatalogSource } from '../../src/importers/read-catalog.js';
import { htmlToText, slugify } from '../../src/importers/tvmaze.js';
import { countRows, freshDatabase, useTestDatabase } from '../helpers/database.js';
import { storeOf } from '../../src/repositories.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
const database = useTestDatabase();
const db = () => database.current.handle.db;

async function exported(handle = database.current.handle, votes = false) {
  return serializeCatalog(await exportCatalog(storeOf(handle.db), { votes }));
}

async function rowCounts() {
  const count = (table: 'shows' | 'seasons' | 'episodes' | 'episode_directors' | 'episode_watch_links' | 'episode_tallies' | 'votes') => countRows(db(), table);
  return {
    shows: await count('shows'),
    seasons: await count('seasons'),
    episodes: await count('episodes'),
    directors: await count('episode_directors'),
    links: await count('episode_watch_links'),
    tallies: await count('episode_tallies'),
    votes: await count('votes'),
  };
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof CatalogFormatError) return error.problems.map((p) => `${error.source}: ${p}`);
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('importing a catalogue', () => {
  it('imports Epirank JSON, and importing it again changes nothing', async () => {
    const file = readCatalogSource(fixture('orbit-cafe.json'));
    const first = await importCatalog(storeOf(db()), file);
    expect(first).toMatchObject({
      shows: { created: 1, updated: 0, unchanged: 0 },
      seasons: { created: 2 },
      episodes: { created: 3, updated: 0, unchanged: 0 },
      dryRun: false,
    });
    const before = await exported();
    const second = await importCatalog(storeOf(db()), file);
    expect(second).toMatchObject({
      shows: { created: 0, updated: 0, unchanged: 1 },
      seasons: { created: 0, unchanged: 2 },
      episodes: { created: 0, updated: 0, unchanged: 3 },
    });
    expect(await exported()).toBe(before);
    const show = JSON.parse(before).shows.find((s: { slug: string }) => s.slug === 'orbit-cafe');
    expect(show.seasons[0].episodes[1]).toMatchObject({ title: 'Zero-G Pancakes', directors: ['Ada Quill', 'Bo Fenn'], baseline: null });
  });

  it('reads the CSV and the TVmaze shapes into the same catalogue format', async () => {
    const fromCsv = readCatalogSource(fixture('orbit-cafe.csv'));
    const fromJson = readCatalogSource(fixture('orbit-cafe.json'));
    expect(fromCsv).toEqual(fromJson);

    const tvmaze = readCatalogSource(fixture('harbor-lights.tvmaze.json'));
    expect(tvmaze.shows[0]).toMatchObject({
      slug: 'harbor-lights',
      title: 'Harbor Lights',
      synopsis: "A made-up drama about a lighthouse keeper & her town, written for Epirank's tests.",
      network: 'Coastline TV',
      status: 'Ended',
      lastUpdated: '2025-01-01',
      // TVmaze's own id, and the ids its `externals` carry (TVRage, which Epirank does not keep, aside).
      ids: { tvmaze: '990001', imdb: 'tt9900001', tvdb: '370001' },
    });
    // The special (no episode number) is left out; an empty name or date becomes unknown.
    expect(tvmaze.shows[0]!.seasons).toEqual([
      {
        number: 1,
        episodes: [
          {
            number: 1,
            title: 'First Light',
            airDate: '2019-05-02',
            synopsis: 'The lamp goes dark on the first night.',
            directors: [],
            watchLinks: [],
            baseline: null,
            ids: { tvmaze: '1' },
          },
          { number: 2, title: 'Fog Bank', airDate: '2019-05-09', synopsis: null, directors: [], watchLinks: [], baseline: null, ids: { tvmaze: '2' } },
        ],
      },
      {
        number: 2,
        episodes: [{ number: 1, title: null, airDate: null, synopsis: null, directors: [], watchLinks: [], baseline: null, ids: { tvmaze: '4' } }],
      },
    ]);
  });

  it('updates what changed and counts it', async () => {
    const file = readCatalogSource(fixture('orbit-cafe.json'));
    await importCatalog(storeOf(db()), file);
    const edited = structuredClone(file);
    edited.shows[0]!.title = 'Orbit Café (renamed)';
    edited.shows[0]!.seasons[0]!.episodes[0]!.watchLinks = [];
    edited.shows[0]!.seasons[0]!.episodes[1]!.baseline = { count: 1, sum: 10 };
    edited.shows[0]!.seasons.push({
      number: 3,
      episodes: [{ number: 1, title: 'New', airDate: null, synopsis: null, directors: [], watchLinks: [], baseline: null }],
    });
    const summary = await importCatalog(storeOf(db()), edited);
    expect(summary).toMatchObject({
      shows: { updated: 1 },
      seasons: { created: 1, unchanged: 2 },
      episodes: { created: 1, updated: 2, unchanged: 1 },
    });
    const after = JSON.parse(await exported()).shows.find((s: { slug: string }) => s.slug === 'orbit-cafe');
    expect(after.title).toBe('Orbit Café (renamed)');
    expect(after.seasons[0].episodes[0].watchLinks).toEqual([]);
    expect(after.seasons[0].episodes[1].baseline).toEqual({ count: 1, sum: 10 });
  });

  it('a dry run reports the changes and writes nothing', async () => {
    const before = await rowCounts();
    const summary = await importCatalog(storeOf(db()), readCatalogSource(fixture('harbor-lights.tvmaze.json')), { dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, shows: { created: 1 }, episodes: { created: 3 } });
    expect(await rowCounts()).toEqual(before);
  });

  it('an import that fails part way changes nothing', async () => {
    const before = await rowCounts();
    const exportBefore = await exported();
    const file = readCatalogSource(fixture('harbor-lights.tvmaze.json'));
    await expect(
      importCatalog(storeOf(db()), file, {
        onEpisode: (done) => {
          if (done === 2) throw new Error('the disk filled up');
        },
      }),
    ).rejects.toThrow('the disk filled up');
    expect(await rowCounts()).toEqual(before);
    expect(await exported()).toBe(exportBefore);
  });
});

describe('broken files are refused whole, naming where and why', () => {
  it.each([
    ['broken-schema.json', ['broken-schema.json: /shows/0/seasons/0/episodes/1/airDate: "2024-02-31x" is not a date (YYYY-MM-DD, e.g. 2003-04-03)']],
    [
      'broken-baseline.json',
      [
        'broken-baseline.json: /shows/0/seasons/0/episodes/0/baseline sum 25 is impossible for 2 ratings of 1 to 10',
        'broken-baseline.json: /shows/0/seasons/0/episodes/1/number 1 appears twice',
      ],
    ],
    ['broken-syntax.json', [expect.stringMatching(/^broken-syntax\.json: is not valid JSON: /)]],
    [
      'broken.csv',
      [
        'broken.csv: line 3, column episode: "two" is not a whole number from 1 to 100000',
        'broken.csv: line 4, column air_date: "17/01/2024" is not a date (YYYY-MM-DD)',
        'broken.csv: line 5: 4 fields where the header has 6',
      ],
    ],
    ['broken.tvmaze.json', ['broken.tvmaze.json: /_embedded/episodes: missing; fetch the show with ?embed=episodes']],
  ])('%s', async (name, expected) => {
    const before = await rowCounts();
    expect(problemsOf(() => readCatalogSource(fixture(name)))).toEqual(expected);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('export', () => {
  it('export, import into an empty database, export again: the same bytes (with votes too)', async () => {
    await importCatalog(storeOf(db()), readCatalogSource(fixture('orbit-cafe.json')));
    const now = '2026-01-01T00:00:00.000Z';
    const episode = await db().selectFrom('episodes').select('id').orderBy('id').executeTakeFirstOrThrow();
    await db()
      .insertInto('votes')
      .values([
        { episode_id: episode.id, voter_id: 'a:one', voter_kind: 'anonymous', rating: 9, ip: '192.0.2.1', cast_at: now, updated_at: now },
        { episode_id: episode.id, voter_id: 'a:two', voter_kind: 'anonymous', rating: 4, ip: null, cast_at: now, updated_at: now },
      ])
      .execute();
    for (const votes of [false, true]) {
      const original = await exported(database.current.handle, votes);
      // The file carries ids on other sites, for the show and for an episode.
      expect(JSON.parse(original).shows[0]).toMatchObject({ ids: { imdb: 'tt9900002', tmdb: '880002' } });
      expect(original).toContain('"ids": {\n                "imdb": "tt9900021",\n                "tvmaze": "550021"\n              }');
      const empty = await freshDatabase();
      try {
        await importCatalog(storeOf(empty.handle.db), JSON.parse(original), { allowRatings: true });
        expect(await exported(empty.handle, votes)).toBe(original);
      } finally {
        await empty.drop();
      }
    }
    const withVotes = JSON.parse(await exported(database.current.handle, true));
    type Exported = { shows: Array<{ seasons: Array<{ episodes: Array<{ ratings: Array<{ voter: string; rating: number }> }> }> }> };
    const ratings = (withVotes as Exported).shows.flatMap((s) => s.seasons.flatMap((se) => se.episodes.flatMap((e) => e.ratings)));
    expect(ratings.map((r: { voter: string; rating: number }) => `${r.voter}=${r.rating}`).sort()).toEqual(['a:one=9', 'a:two=4']);
  });
});

/** An exported file's episodes as CSV rows, in the columns the CSV reader knows (src/importers/csv.ts). */
function asCsv(file: CatalogFile): string {
  const quote = (value: string | number | null | undefined) => `"${String(value ?? '').replaceAll('"', '""')}"`;
  const rows = ['show,show_title,season,episode,title,baseline_votes,baseline_sum'];
  for (const show of file.shows) {
    for (const season of show.seasons) {
      for (const e of season.episodes)
        rows.push([show.slug, show.title, season.number, e.number, e.title, e.baseline?.count, e.baseline?.sum].map(quote).join(','));
    }
  }
  return `${rows.join('\n')}\n`;
}

describe('a big baseline tally', () => {
  it('exported and written as CSV, imports back into an empty database unchanged', async () => {
    // Above the 100,000 the CSV reader once capped baselines at, and at the format's own limits.
    const big: CatalogFile = parseCatalogText(
      JSON.stringify({
        format: 'epirank-catalog',
        version: 1,
        shows: [
          {
            slug: 'big-tally',
            title: 'Big Tally',
            seasons: [
              {
                number: 1,
                episodes: [
                  { number: 1, title: 'Counted elsewhere', baseline: { count: 250_000, sum: 2_000_000 } },
                  { number: 2, title: 'The most there may be', baseline: { count: 1_000_000_000, sum: 10_000_000_000 } },
                ],
              },
            ],
          },
        ],
      }),
      'big.json',
    );
    // Two empty databases: the file's own catalogue, exported, is all the CSV carries.
    const [source, target] = [await freshDatabase(), await freshDatabase()];
    try {
      await importCatalog(storeOf(source.handle.db), big);
      const original = await exported(source.handle);
      const csv = asCsv(JSON.parse(original));
      expect(csv).toContain('"250000","2000000"');
      await importCatalog(storeOf(target.handle.db), parseCatalogText(csv, 'big.csv'));
      expect(await exported(target.handle)).toBe(original);
    } finally {
      await source.drop();
      await target.drop();
    }
    // One past the format's limit is still refused, in CSV as in JSON.
    expect(
      problemsOf(() => parseCatalogText('show,show_title,season,episode,baseline_votes,baseline_sum\nx,X,1,1,1000000001,1000000001\n', 'over.csv')),
    ).toEqual([
      'over.csv: line 2, column baseline_votes: "1000000001" is not a whole number from 1 to 1000000000',
      'over.csv: line 2, column baseline_votes: baseline_votes and baseline_sum go together',
    ]);
  });
});

describe('helpers', () => {
  it('makes slugs and plain text', () => {
    expect(slugify('Kaleido Star: New Wings!')).toBe('kaleido-star-new-wings');
    expect(slugify('Pokémon')).toBe('pokemon');
    expect(htmlToText('<p>One &amp; two<br>three&nbsp;&#x263A;</p><p>Four</p>')).toBe('One & two\nthree ☺\n\nFour');
  });
});

describe('the format’s JSON Schema', () => {
  it('is kept in docs/catalog.schema.json, and the demo catalogue and every good fixture follow it', async () => {
    const { readFileSync } = await import('node:fs');
    const { catalogJsonSchema } = await import('../../src/importers/catalog-format.js');
    const committed = readFileSync(new URL('../../docs/catalog.schema.json', import.meta.url), 'utf8');
    // If this fails after a format change, run `npm run schema` and commit the result.
    expect(catalogJsonSchema()).toBe(committed);

    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const addFormats = (await import('ajv-formats')).default as unknown as (a: InstanceType<typeof Ajv2020>) => void;
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(committed));
    for (const file of [fixture('orbit-cafe.json'), fileURLToPath(new URL('../../src/importers/demo/kaleido-star.json', import.meta.url))]) {
      expect(validate(JSON.parse(readFileSync(file, 'utf8'))) ? [] : validate.errors, file).toEqual([]);
    }
    expect(validate(JSON.parse(readFileSync(fixture('broken-schema.json'), 'utf8')))).toBe(false);
  });
});
