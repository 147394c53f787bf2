/**
 * Alternate titles (issue 26, migration 0025) on a real database: imported with their languages,
 * exported and imported again unchanged, kept when a file leaves them out, refused when broken,
 * and found by search in any script, with or without the romanisation's macrons, on SQLite and
 * PostgreSQL alike. Also the pure rules: the text encodings and which title a visitor reads first.
 */
import { describe, expect, it } from 'vitest';
import {
  allTitles,
  type AlternateTitle,
  parseTitleLines,
  parseTitlesCell,
  preferredTitle,
  titleLines,
  titlesCell,
} from '../../src/catalog/alternate-titles.js';
import { SearchRepository } from '../../src/catalog/search.repository.js';
import { SearchService } from '../../src/catalog/search.service.js';
import { exportCatalog, serializeCatalog } from '../../src/importers/catalog-export.js';
import { CatalogFormatError, parseCatalogFile } from '../../src/importers/catalog-format.js';
import { importCatalog } from '../../src/importers/catalog-import.js';
import { catalogFromCsv } from '../../src/importers/csv.js';
import { storeOf } from '../../src/repositories.js';
import { catalogEpisode, oneShowCatalog } from '../helpers/catalog-file.js';
import { useTestDatabase } from '../helpers/database.js';

const database = useTestDatabase();
const db = () => database.current.handle.db;

const KALEIDO: AlternateTitle[] = [
  { title: 'カレイドスター', language: 'ja', original: true },
  { title: 'Kareido Sutā', language: 'ja-Latn', original: false },
  { title: 'Kaleido Star', language: 'en', original: false },
];
const EPISODE: AlternateTitle[] = [{ title: 'はじめての舞台', language: 'ja', original: true }];

const file = () =>
  oneShowCatalog({
    slug: 'kaleido-star',
    title: 'Kaleido Star',
    titles: KALEIDO,
    seasons: [{ number: 1, episodes: [catalogEpisode(1, { title: 'My Amazing Stage Debut', titles: EPISODE }), catalogEpisode(2)] }],
  });

describe('alternate titles in the catalogue', () => {
  it('imports them, exports them, and importing the export again changes nothing', async () => {
    const first = await importCatalog(storeOf(db()), file());
    expect(first.shows.created).toBe(1);
    const store = storeOf(db());
    const [showId] = [...(await store.read.catalog.listShows()).map((s) => s.id)];
    expect((await store.read.alternateTitles.titlesOfShows([showId!])).get(showId!)).toEqual(KALEIDO);

    const exported = serializeCatalog(await exportCatalog(store));
    const parsed = JSON.parse(exported);
    expect(parsed.shows[0].titles).toEqual([
      { title: 'カレイドスター', language: 'ja', original: true },
      { title: 'Kareido Sutā', language: 'ja-Latn' },
      { title: 'Kaleido Star', language: 'en' },
    ]);
    expect(parsed.shows[0].seasons[0].episodes[0].titles).toEqual([{ title: 'はじめての舞台', language: 'ja', original: true }]);
    expect(parsed.shows[0].seasons[0].episodes[1].titles).toBeUndefined();

    const again = await importCatalog(storeOf(db()), parseCatalogFile(parsed, 'export.json'));
    expect(again.shows).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(again.episodes).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(serializeCatalog(await exportCatalog(storeOf(db())))).toBe(exported);
  });

  it('keeps them when a file leaves them out, and replaces them when it gives a list', async () => {
    const without = file();
    delete without.shows[0]!.titles;
    expect((await importCatalog(storeOf(db()), without)).shows.unchanged).toBe(1);
    const store = storeOf(db());
    const showId = (await store.read.catalog.findShowBySlug('kaleido-star'))!.id;
    expect((await store.read.alternateTitles.titlesOfShows([showId])).get(showId)).toHaveLength(3);

    const fewer = file();
    fewer.shows[0]!.titles = [KALEIDO[0]!];
    expect((await importCatalog(storeOf(db()), fewer)).shows.updated).toBe(1);
    expect((await store.read.alternateTitles.titlesOfShows([showId])).get(showId)).toEqual([KALEIDO[0]]);
    await importCatalog(storeOf(db()), file());
  });

  it('refuses two originals, a repeated title and a badly written language, naming where', () => {
    const broken = JSON.parse(JSON.stringify(file()));
    broken.shows[0].titles = [
      { title: 'A', language: 'ja', original: true },
      { title: 'B', language: 'en', original: true },
      { title: 'B', language: 'en' },
    ];
    expect(() => parseCatalogFile(broken, 'f.json')).toThrow(/\/shows\/0\/titles: only one title can be the original/);
    expect(() => parseCatalogFile(broken, 'f.json')).toThrow(/"en: B" appears twice/);
    broken.shows[0].titles = [{ title: 'A', language: 'JA-latn' }];
    expect(() => parseCatalogFile(broken, 'f.json')).toThrow(CatalogFormatError);
  });

  it('is found by search under any of its titles, native script included', async () => {
    const search = new SearchService(new SearchRepository(db()));
    const found = async (text: string) => (await search.search(text)).items.map((i) => (i.kind === 'show' ? i.showSlug : `${i.showSlug} ${i.episodeNumber}`));
    for (const text of ['カレイドスター', 'Kareido Sutā', 'kareido suta', 'KAREIDO', 'カレイド']) expect(await found(text), text).toEqual(['kaleido-star']);
    expect(await found('はじめての舞台')).toEqual(['kaleido-star 1']);
    // A near miss in kana reaches the trigram index too.
    expect(await found('カレイドスタ')).toEqual(['kaleido-star']);
    // Titles taken away are no longer found.
    const store = storeOf(db());
    const showId = (await store.read.catalog.findShowBySlug('kaleido-star'))!.id;
    await store.read.alternateTitles.replaceShowTitles(showId, []);
    expect(await found('カレイドスター')).toEqual([]);
    await store.read.alternateTitles.replaceShowTitles(showId, KALEIDO);
    expect(await found('カレイドスター')).toEqual(['kaleido-star']);
  });
});

describe('alternate titles as text', () => {
  it('reads and writes the admin form lines and the CSV cell', () => {
    expect(titleLines(KALEIDO)).toBe('ja*: カレイドスター\nja-Latn: Kareido Sutā\nen: Kaleido Star');
    expect(parseTitleLines('ja*: カレイドスター\n\n ja-Latn : Kareido Sutā \nen: Kaleido Star\n')).toEqual({ titles: KALEIDO, problems: [] });
    const odd: AlternateTitle[] = [{ title: 'A | B \\ C', language: 'en', original: false }];
    expect(titlesCell(odd)).toBe('en: A \\| B \\\\ C');
    expect(parseTitlesCell(titlesCell([...KALEIDO, ...odd]))).toEqual({ titles: [...KALEIDO, ...odd], problems: [] });
    expect(parseTitleLines('Kaleido Star').problems[0]).toMatch(/needs a language before a colon/);
    expect(parseTitleLines('japanese: カレイドスター').problems[0]).toMatch(/is not a language tag/);
    expect(parseTitleLines('ja*: A\nen*: B').problems).toEqual(['only one title can be the original']);
  });

  it('reads the CSV columns show_titles and titles, an empty cell keeping the stored ones, and names a bad cell', () => {
    const csv = [
      'show,show_title,show_titles,season,episode,title,titles',
      'kaleido-star,Kaleido Star,"ja*: カレイドスター | ja-Latn: Kareido Sutā | en: Kaleido Star",1,1,My Amazing Stage Debut,ja*: はじめての舞台',
      'kaleido-star,,,1,2,,',
    ].join('\n');
    const [show] = catalogFromCsv(csv, 'titles.csv').shows;
    expect(show!.titles).toEqual(KALEIDO);
    expect(show!.seasons[0]!.episodes[0]!.titles).toEqual(EPISODE);
    expect(show!.seasons[0]!.episodes[1]!.titles).toBeUndefined();
    expect(() => catalogFromCsv('show,show_title,season,episode,titles\nx,X,1,1,Kaleido', 'bad.csv')).toThrow(
      /line 2, column titles: "Kaleido" needs a language before a colon/,
    );
  });

  it('chooses the title a visitor reads first by their preference, falling back to the listed one', () => {
    const shown = (preference: Parameters<typeof preferredTitle>[2], language = 'en') => preferredTitle('Kaleido Star', KALEIDO, preference, language);
    expect(shown('listed')).toEqual({ title: 'Kaleido Star', language: 'en' });
    expect(shown('original')).toEqual({ title: 'カレイドスター', language: 'ja' });
    expect(shown('romaji')).toEqual({ title: 'Kareido Sutā', language: 'ja-Latn' });
    expect(shown('language', 'ja')).toEqual({ title: 'カレイドスター', language: 'ja' });
    expect(shown('language', 'es')).toEqual({ title: 'Kaleido Star', language: 'en' });
    expect(preferredTitle('Kaleido Star', [], 'original', 'ja')).toEqual({ title: 'Kaleido Star', language: null });
    expect(preferredTitle(null, EPISODE, 'listed', 'en')).toEqual({ title: 'はじめての舞台', language: 'ja' });
    expect(preferredTitle(null, [], 'original', 'en')).toBeNull();
    expect(allTitles('Kaleido Star', KALEIDO, shown('romaji')).map((t) => t.title)).toEqual(['Kareido Sutā', 'カレイドスター', 'Kaleido Star']);
  });
});
