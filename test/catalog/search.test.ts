/**
 * Catalogue search on the real engines (FTS5 on SQLite, tsvector and pg_trgm on PostgreSQL):
 * accents and case, prefixes, synopsis and director words, typos, hostile syntax, paging, and
 * documents kept current by the triggers of migration 0010.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogRepository } from '../../src/catalog/catalog.repository.js';
import { SEARCH_CANDIDATES, SearchRepository } from '../../src/catalog/search.repository.js';
import { foldText, MAX_SEARCH_PAGE, nearMissPieces, nearMissScorer, SEARCH_PER_PAGE, SearchService, searchWords } from '../../src/catalog/search.service.js';
import { useTestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

const database = useTestDatabase();
let search: SearchService;
let catalog: CatalogRepository;
let kaleido: { id: number; slug: string };
let episodeIds: number[];

beforeAll(async () => {
  const db = database.current.handle.db;
  const make = factories(db);
  catalog = new CatalogRepository(db);
  search = new SearchService(new SearchRepository(db));
  kaleido = await make.show({ slug: 'kaleido-star', title: 'Kaleïdo Star', synopsis: 'An acrobat joins a circus in California.' });
  const season = await make.season(kaleido.id, 1);
  episodeIds = [];
  episodeIds.push(
    (await make.episode(season.id, 1, { title: 'My Amazing Stage Debut', synopsis: 'Sora meets the ghostly Fool.', directors: ['Junichi Satō'] })).id,
  );
  episodeIds.push((await make.episode(season.id, 2, { title: 'The Lonely Challenge', synopsis: 'A trapeze accident.' })).id);
  const other = await make.show({ slug: 'stage-fright', title: 'Stage Fright' });
  const otherSeason = await make.season(other.id, 1);
  // Many episodes with one shared word, for paging; the more voted come first among equals.
  for (let n = 1; n <= 25; n++) {
    const { id } = await make.episode(otherSeason.id, n, { title: `Curtain call ${n}` });
    await make.ratings(
      id,
      Array.from({ length: n }, () => 7),
    );
  }
});

const titles = (items: Array<{ kind: string; showTitle: string; episodeTitle: string | null }>) =>
  items.map((i) => (i.kind === 'show' ? i.showTitle : i.episodeTitle));

describe('search', () => {
  it('ignores case and accents both ways', async () => {
    expect(titles((await search.search('KALEIDO')).items)).toEqual(['Kaleïdo Star']);
    expect(titles((await search.search('satō')).items)).toEqual(['My Amazing Stage Debut']);
    expect(titles((await search.search('sato')).items)).toEqual(['My Amazing Stage Debut']);
  });

  it('finds a word by its beginning, as one types', async () => {
    expect(titles((await search.search('kalei')).items)).toEqual(['Kaleïdo Star']);
    expect(titles((await search.search('amazing sta')).items)).toEqual(['My Amazing Stage Debut']);
  });

  it('finds episodes by synopsis and director words, with their show and numbers', async () => {
    const { items } = await search.search('trapeze');
    expect(items).toEqual([
      {
        kind: 'episode',
        showSlug: 'kaleido-star',
        showTitle: 'Kaleïdo Star',
        network: null,
        seasonNumber: 1,
        episodeNumber: 2,
        episodeTitle: 'The Lonely Challenge',
        // Its other titles (issue 26), for the page to print the visitor's preferred one: none here.
        showTitles: [],
        episodeTitles: [],
        votes: 0,
        // What its scores are computed from (issue 25): its own tally and its show's.
        sum: 0,
        show: { count: 0, sum: 0 },
      },
    ]);
    expect(titles((await search.search('junichi')).items)).toEqual(['My Amazing Stage Debut']);
  });

  it('ranks title matches above synopsis matches', async () => {
    // "circus" is only in Kaleido Star's synopsis; "stage" is in two titles and no synopsis.
    const { items } = await search.search('stage');
    expect(titles(items).slice(0, 2).sort()).toEqual(['My Amazing Stage Debut', 'Stage Fright']);
  });

  it('finds a title despite a typo when the words find nothing', async () => {
    const result = await search.search('kaleidp');
    expect(result.nearMisses).toBe(true);
    expect(titles(result.items)).toEqual(['Kaleïdo Star']);
    expect((await search.search('zzqxj')).items).toEqual([]);
  });

  it('reads quotes, stars and operators as plain text', async () => {
    for (const hostile of [
      '"',
      '*',
      'AND',
      'OR',
      'NOT',
      'NEAR(',
      '"kaleido',
      'kaleido*',
      'title:stage',
      '-kaleido',
      "'); drop table shows; --",
      '^stage',
      ':*',
      '!',
      '&|',
    ]) {
      await expect(search.search(hostile)).resolves.toMatchObject({ page: 1 });
    }
    expect(titles((await search.search('"kaleido" AND')).items)).toEqual([]);
    expect(titles((await search.search('kaleido"')).items)).toEqual(['Kaleïdo Star']);
    expect(searchWords('NEAR("stage" *debut)')).toEqual(['near', 'stage', 'debut']);
  });

  it('pages the results, most voted first among equals, and says when there are more', async () => {
    const first = await search.search('curtain', 1, 10);
    expect(first.items).toHaveLength(10);
    expect(first.more).toBe(true);
    expect(first.items[0]?.episodeTitle).toBe('Curtain call 25');
    const third = await search.search('curtain', 3, 10);
    expect(third.items.map((i) => i.episodeNumber)).toEqual([5, 4, 3, 2, 1]);
    expect(third.more).toBe(false);
    expect((await search.search('curtain', 4, 10)).items).toEqual([]);
  });

  it('finds an edited title at once and forgets a deleted episode', async () => {
    await catalog.updateEpisode(episodeIds[1] as number, { title: 'The Zeppelin Challenge', airDate: null, synopsis: null });
    expect(titles((await search.search('zeppelin')).items)).toEqual(['The Zeppelin Challenge']);
    expect((await search.search('trapeze')).items).toEqual([]);
    await catalog.replaceEpisodeDetails(episodeIds[1] as number, { directors: ['Hiroshi Nishikiori'], watchLinks: [] });
    expect(titles((await search.search('nishikiori')).items)).toEqual(['The Zeppelin Challenge']);
    await catalog.deleteEpisode(episodeIds[1] as number);
    expect((await search.search('zeppelin')).items).toEqual([]);
    expect((await search.search('nishikiori')).items).toEqual([]);
    await catalog.updateShow(kaleido.id, { title: 'Kaleido Star: New Wings' });
    expect(titles((await search.search('wings')).items)).toEqual(['Kaleido Star: New Wings']);
  });
});

describe('relevance before votes', () => {
  it('ranks a whole word above words that only begin with it, and the title above the rest, however voted', async () => {
    const make = factories(database.current.handle.db);
    const show = await make.show({ slug: 'harbour-lights', title: 'Harbour Lights' });
    const season = await make.season(show.id, 1);
    const lanterns = await make.episode(season.id, 1, { title: 'The Lanterns of Spring' });
    const lantern = await make.episode(season.id, 2, { title: 'One Lantern' });
    const mention = await make.episode(season.id, 3, { title: 'Fog', synopsis: 'A lantern goes out.' });
    await make.ratings(lanterns.id, [9, 9, 9, 9, 9, 9]);
    await make.ratings(mention.id, [8, 8, 8]);
    await make.ratings(lantern.id, [7]);
    expect(titles((await search.search('lantern')).items)).toEqual(['One Lantern', 'Fog', 'The Lanterns of Spring']);
    // A beginning alone still finds them all, by votes then.
    expect(titles((await search.search('lante')).items)).toEqual(['The Lanterns of Spring', 'One Lantern', 'Fog']);
  });
});

describe('a word that matches more documents than a query ranks', () => {
  it('ranks at most SEARCH_CANDIDATES of them, the last page ending there', async () => {
    const db = database.current.handle.db;
    const make = factories(db);
    const show = await make.show({ slug: 'quokka-hour', title: 'Hour' });
    const season = await make.season(show.id, 1);
    const at = '2026-01-01T00:00:00.000Z';
    const rows = Array.from({ length: SEARCH_CANDIDATES + 5 }, (_, i) => ({
      season_id: season.id,
      number: i + 1,
      title: `Quokka ${i + 1}`,
      synopsis: null,
      air_date: null,
      created_at: at,
      updated_at: at,
    }));
    for (let i = 0; i < rows.length; i += 250)
      await db
        .insertInto('episodes')
        .values(rows.slice(i, i + 250))
        .execute();
    expect(await new SearchRepository(db).matching(['quokka'])).toHaveLength(SEARCH_CANDIDATES);
    const last = await search.search('quokka', MAX_SEARCH_PAGE, SEARCH_PER_PAGE);
    expect(last.items).toHaveLength(SEARCH_PER_PAGE);
    expect(last.more).toBe(false);
  });
});

describe('recent searches, reused for PAGE_CACHE_SECONDS', () => {
  /** A service over the real repository that counts how often the engines were asked. */
  function reusing(ttlMs: number, maxSearches?: number, failFirst = false) {
    let now = 0;
    let asked = 0;
    const repository = new SearchRepository(database.current.handle.db);
    const matching = repository.matching.bind(repository);
    repository.matching = async (words) => {
      asked++;
      if (failFirst && asked === 1) throw new Error('the database went away');
      return matching(words);
    };
    const service = new SearchService(repository, { ttlMs, maxSearches, clock: () => now });
    return { service, asked: () => asked, later: (ms: number) => void (now += ms) };
  }

  async function addEpisodeTitled(title: string) {
    const make = factories(database.current.handle.db);
    const show = await make.show({ slug: `show-${title.toLowerCase()}`, title: 'Elsewhere' });
    await make.episode((await make.season(show.id, 1)).id, 1, { title });
  }

  it('answers the same words from what was found until the time is up or the catalogue changed here', async () => {
    const { service, asked, later } = reusing(1000);
    expect((await service.search('zeppelin')).items).toEqual([]);
    await addEpisodeTitled('Zeppelin');
    later(999);
    expect((await service.search('Zeppelin!')).items).toEqual([]); // the same words, found a moment ago
    expect(asked()).toBe(1);
    later(1);
    expect(titles((await service.search('zeppelin')).items)).toEqual(['Zeppelin']);
    await addEpisodeTitled('Zeppelins');
    service.forget();
    expect(titles((await service.search('zeppelin')).items)).toEqual(['Zeppelin', 'Zeppelins']);
    expect(asked()).toBe(3);
  });

  it('serves every page of one search, and requests arriving together, from one search', async () => {
    const { service, asked } = reusing(1000);
    const [first, second, again] = await Promise.all([service.search('curtain', 1, 10), service.search('curtain', 2, 10), service.search('curtain', 1, 10)]);
    expect(asked()).toBe(1);
    expect(first.items).toHaveLength(10);
    expect(second.items.map((i) => i.episodeTitle)).toEqual((await search.search('curtain', 2, 10)).items.map((i) => i.episodeTitle));
    expect(again).toEqual(first);
  });

  it('keeps a bounded number of searches, forgets a failed one, and keeps none with no time to keep them', async () => {
    const bounded = reusing(1000, 2);
    for (const words of ['curtain', 'stage', 'lonely', 'curtain']) await bounded.service.search(words);
    expect(bounded.asked()).toBe(4); // "curtain" was forgotten to make room for "lonely"

    const failing = reusing(1000, undefined, true);
    await expect(failing.service.search('stage')).rejects.toThrow('went away');
    expect((await failing.service.search('stage')).items.length).toBeGreaterThan(0);
    expect(failing.asked()).toBe(2);

    const none = reusing(0);
    await none.service.search('stage');
    await none.service.search('stage');
    expect(none.asked()).toBe(2);
  });
});

describe('nearMissScorer', () => {
  it('scores a one-letter slip high and an unrelated word low', () => {
    expect(nearMissScorer(['kaleidp'])('Kaleido Star')).toBeGreaterThanOrEqual(0.6);
    expect(nearMissScorer(['banana'])('Kaleido Star')).toBeLessThan(0.3);
  });

  it("takes each word's best title word, by pg_trgm's padded trigrams, and averages over the words", () => {
    // "  kaleidp " has 8 trigrams; "  kaleido " shares 6 of them ("idp" and "dp " are missing).
    expect(nearMissScorer(['kaleidp'])('Kaleido Star')).toBe(6 / 8);
    expect(nearMissScorer(['kaleidp', 'star'])('Kaleido Star')).toBe((6 / 8 + 1) / 2);
    // Accents and case are folded away, as the indexes fold them.
    expect(nearMissScorer(['kaleido'])('KALÉIDO')).toBe(1);
    expect(nearMissScorer(['kaleido'])('')).toBe(0);
  });
});

describe('foldText', () => {
  it('lowers plain ASCII and takes accents and the letters NFD keeps whole off the rest', () => {
    expect(foldText('Kaleido STAR: 2nd Act!')).toBe('kaleido star: 2nd act!');
    expect(foldText('Łódź, Ørsted, Đakovo, Işık, Pokémon')).toBe('lodz, orsted, dakovo, isik, pokemon');
  });
});

describe('nearMissPieces', () => {
  it('looks for four-letter runs of long words and three-letter runs of short ones', () => {
    expect(nearMissPieces(['kaleidp', 'sar'])).toEqual(['kale', 'alei', 'leid', 'eidp', 'sar']);
    expect(nearMissPieces(['ab'])).toEqual([]);
  });
});
