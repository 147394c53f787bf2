import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIMITS, MAX_BASELINE_VOTES, MAX_DIRECTORS, MAX_WATCH_LINKS, NUMBER_RANGE } from '../../src/catalog/catalog-rules.js';
import { CatalogFormatError, parseCatalogFile } from '../../src/importers/catalog-format.js';
import { exportCatalog } from '../../src/importers/catalog-export.js';
import { importCatalog } from '../../src/importers/catalog-import.js';
import { readCatalogSource } from '../../src/importers/read-catalog.js';
import { useTestDatabase } from '../helpers/database.js';
import { storeOf } from '../../src/repositories.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
const database = useTestDatabase();

function problemsOf(data: unknown): string[] {
  try {
    parseCatalogFile(data, 'hand.json');
  } catch (error) {
    if (error instanceof CatalogFormatError) return error.problems;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

/** A valid one-episode file with every field given, for tests to spoil one field at a time. */
function full() {
  return {
    format: 'epirank-catalog',
    version: 1,
    shows: [
      {
        slug: 'tiny-show',
        title: 'Tiny Show',
        synopsis: 'Small.',
        network: 'Net',
        status: 'Ended',
        lastUpdated: '2025-01-01',
        seasons: [
          {
            number: 1,
            episodes: [
              {
                number: 1,
                title: 'One',
                airDate: '2024-02-29',
                synopsis: null,
                directors: ['Ada Quill'],
                watchLinks: [{ provider: 'Example TV', url: 'https://tv.example/1' }],
                baseline: { count: 2, sum: 15 },
              },
            ],
          },
        ],
      },
    ],
  };
}

describe('a catalogue written by hand', () => {
  it('needs only slugs, titles and numbers: the rest takes its default, and it imports', async () => {
    const file = readCatalogSource(fixture('minimal.json'));
    expect(file).toEqual({
      format: 'epirank-catalog',
      version: 1,
      shows: [
        {
          slug: 'tiny-show',
          title: 'Tiny Show',
          synopsis: '',
          network: null,
          status: null,
          lastUpdated: null,
          seasons: [
            {
              number: 1,
              episodes: [1, 2].map((number) => ({ number, title: null, airDate: null, synopsis: null, directors: [], watchLinks: [], baseline: null })),
            },
          ],
        },
      ],
    });
    const { handle } = database.current;
    expect(await importCatalog(storeOf(handle.db), file)).toMatchObject({ shows: { created: 1 }, episodes: { created: 2 } });
    const exported = await exportCatalog(storeOf(handle.db));
    expect(exported.shows.find((s) => s.slug === 'tiny-show')).toEqual(file.shows[0]);
    // The same file again changes nothing.
    expect(await importCatalog(storeOf(handle.db), readCatalogSource(fixture('minimal.json')))).toMatchObject({
      shows: { unchanged: 1 },
      episodes: { unchanged: 2 },
    });
  });

  it('accepts a show synopsis of null, like an episode’s, and seasons or episodes left out', () => {
    const file = parseCatalogFile(
      {
        shows: [
          { slug: 'a', title: 'A', synopsis: null },
          { slug: 'b', title: 'B', seasons: [{ number: 1 }] },
        ],
      },
      'x',
    );
    expect(file.shows[0]).toMatchObject({ synopsis: '', seasons: [] });
    expect(file.shows[1]!.seasons).toEqual([{ number: 1, episodes: [] }]);
  });

  it('explains each mistake in plain words, at its JSON path', () => {
    const spoil = (change: (f: ReturnType<typeof full>) => void) => {
      const f = full();
      change(f);
      return problemsOf(f);
    };
    const at = '/shows/0/seasons/0/episodes/0';
    expect(spoil((f) => delete (f.shows[0] as { title?: string }).title)).toEqual(['/shows/0: a show needs "title", which is missing']);
    expect(spoil((f) => ((f.shows[0] as Record<string, unknown>).episodes = []))).toEqual([
      '/shows/0: a show has no field "episodes"; check the spelling against the format',
    ]);
    expect(spoil((f) => ((f.shows[0]!.seasons[0] as { number: unknown }).number = '1'))).toEqual([
      '/shows/0/seasons/0/number: expected a whole number, found "1"',
    ]);
    expect(spoil((f) => (f.shows[0]!.seasons[0]!.number = 0))).toEqual(['/shows/0/seasons/0/number: 0 is too small; the lowest allowed is 1']);
    expect(spoil((f) => (f.shows[0]!.seasons[0]!.number = NUMBER_RANGE.max + 1))).toEqual([
      '/shows/0/seasons/0/number: 100001 is too large; the highest allowed is 100,000',
    ]);
    expect(spoil((f) => ((f.shows[0]!.seasons[0]!.episodes[0] as { title: unknown }).title = 7))).toEqual([`${at}/title: expected text or null, found 7`]);
    expect(spoil((f) => (f.shows[0]!.seasons[0]!.episodes[0]!.directors = Array.from({ length: MAX_DIRECTORS + 10 }, (_, i) => `D${i}`)))).toEqual([
      `${at}/directors: 60 directors; at most 50 are allowed`,
    ]);
    expect(spoil((f) => ((f.shows[0]!.seasons[0]!.episodes[0] as { synopsis: unknown }).synopsis = 'x'.repeat(LIMITS.episodeSynopsis + 1)))).toEqual([
      `${at}/synopsis: 10,001 characters; the limit is 10,000`,
    ]);
    expect(spoil((f) => (f.shows[0]!.slug = 'Tiny Show'))).toEqual([
      '/shows/0/slug: "Tiny Show" is not a slug: use lower-case letters, digits and single hyphens, e.g. kaleido-star',
    ]);
    expect(spoil((f) => (f.shows[0]!.seasons[0]!.episodes[0]!.watchLinks[0]!.provider = 'A=B'))).toEqual([
      `${at}/watchLinks/0/provider: "A=B" is not a provider name: use a name of 1 to 100 characters on one line, without "="`,
    ]);
    expect(spoil((f) => (f.shows[0]!.seasons[0]!.episodes[0]!.watchLinks[0]!.url = 'ftp://tv.example/1'))).toEqual([
      `${at}/watchLinks/0/url: "ftp://tv.example/1" is not a watch link: use an http:// or https:// address of at most 2,000 characters`,
    ]);
    expect(spoil((f) => (f.shows[0]!.seasons[0]!.episodes[0]!.baseline = { count: 0, sum: 1 }))).toEqual([
      `${at}/baseline/count: 0 is too small; the lowest allowed is 1`,
    ]);
    expect(spoil((f) => ((f.shows[0]!.seasons[0]!.episodes[0] as { baseline: unknown }).baseline = 'none'))).toEqual([
      `${at}/baseline: expected an object or null, found "none"`,
    ]);
    expect(spoil((f) => (f.format = 'other'))).toEqual(['/format: must be "epirank-catalog", not "other"']);
    expect(spoil((f) => (f.shows[0]!.title = 'Two\nlines'))).toEqual(['/shows/0/title: "Two\\nlines" is written over several lines; keep it on one line']);
  });

  it('builds the format’s limits from the catalogue rules', () => {
    const f = full();
    const episode = f.shows[0]!.seasons[0]!.episodes[0]!;
    episode.directors = Array.from({ length: MAX_DIRECTORS }, () => 'd'.repeat(LIMITS.directorName));
    episode.watchLinks = Array.from({ length: MAX_WATCH_LINKS }, (_, i) => ({
      provider: 'p'.repeat(LIMITS.provider - 3) + String(i).padStart(3, '0'),
      url: `https://tv.example/${'u'.repeat(LIMITS.watchLinkUrl - 19)}`,
    }));
    (episode as { synopsis: unknown }).synopsis = 'é'.repeat(LIMITS.episodeSynopsis); // counted in characters, not UTF-16 units
    expect(() => parseCatalogFile(f, 'x')).not.toThrow();
  });

  it('the catalogue format’s field table quotes the rules’ values', async () => {
    const { readFileSync } = await import('node:fs');
    const guide = readFileSync(new URL('../../docs/catalogue-format.md', import.meta.url), 'utf8');
    const row = (field: string) => guide.split('\n').find((line) => line.startsWith(`| ${field} |`)) ?? `no row for ${field}`;
    const n = (value: number) => value.toLocaleString('en');
    expect(row('show `slug`')).toContain(`${n(LIMITS.slug)} characters`);
    expect(row('show `title`')).toContain(`1 to ${n(LIMITS.showTitle)} characters`);
    expect(row('show `synopsis`')).toContain(`${n(LIMITS.showSynopsis)} characters`);
    expect(row('show `network`')).toContain(`${n(LIMITS.network)} characters`);
    expect(row('show `status`')).toContain(`${n(LIMITS.status)} characters`);
    expect(row('season `number`')).toContain(`${NUMBER_RANGE.min} to ${n(NUMBER_RANGE.max)}`);
    expect(row('episode `number`')).toContain(`${NUMBER_RANGE.min} to ${n(NUMBER_RANGE.max)}`);
    expect(row('episode `title`')).toContain(`${n(LIMITS.episodeTitle)} characters`);
    expect(row('episode `synopsis`')).toContain(`${n(LIMITS.episodeSynopsis)} characters`);
    expect(row('episode `directors`')).toContain(`${MAX_DIRECTORS} names of 1 to ${n(LIMITS.directorName)} characters`);
    expect(row('episode `watchLinks`')).toContain(`${MAX_WATCH_LINKS} links`);
    expect(row('link `provider`')).toContain(`1 to ${n(LIMITS.provider)} characters`);
    expect(row('link `url`')).toContain(`${n(LIMITS.watchLinkUrl)} characters`);
    expect(row('episode `baseline`')).toContain(`count 1 to ${n(MAX_BASELINE_VOTES)}`);
  });
});
