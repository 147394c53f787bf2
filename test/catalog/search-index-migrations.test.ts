/**
 * Migrations 0015 and 0016 remake search indexes under a live catalogue: 0015 SQLite's search
 * index with longer prefix indexes, 0016 PostgreSQL's trigram index on a stored folded title.
 * Documents written before them are still found, by whole words, by beginnings of every length
 * and by a mistyped word, and the triggers of migration 0010 keep the new indexes current.
 */
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SearchRepository } from '../../src/catalog/search.repository.js';
import { SearchService } from '../../src/catalog/search.service.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest, migrations } from '../../src/db/migrate.js';
import { emptyDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

describe('migrations 0015 and 0016', () => {
  it('keeps every document findable, by every length of beginning, and the index current afterwards', async () => {
    const empty = await emptyDatabase();
    const handle = openDatabase(empty.url);
    try {
      const before = Object.fromEntries(Object.entries(migrations(handle.dialect)).filter(([name]) => name < '0015'));
      const result = await new Migrator({ db: handle.db, provider: { getMigrations: async () => before } }).migrateToLatest();
      expect(result.error).toBeUndefined();
      const make = factories(handle.db);
      const show = await make.show({ slug: 'meridian-line', title: 'Meridian Line' });
      const season = await make.season(show.id, 1);
      await make.episode(season.id, 1, { title: 'Harbourmaster', synopsis: 'A lighthouse keeper retires.' });

      // Every migration from 0015 on runs over the existing rows (later ones too, so this test outlives them).
      const rest = Object.keys(migrations(handle.dialect)).filter((name) => name >= '0015');
      expect(rest.slice(0, 2)).toEqual(['0015-search-prefixes', '0016-search-folded-titles']);
      expect((await migrateToLatest(handle.db, handle.dialect)).applied).toEqual(rest);
      const search = new SearchService(new SearchRepository(handle.db));
      const titles = async (text: string) => (await search.search(text)).items.map((item) => (item.kind === 'show' ? item.showTitle : item.episodeTitle));
      for (const typed of ['me', 'mer', 'meri', 'merid', 'meridi', 'meridia', 'meridian']) expect(await titles(typed), typed).toEqual(['Meridian Line']);
      expect(await titles('lighthou')).toEqual(['Harbourmaster']);
      // A slip of one letter finds the title through the trigram index.
      expect(await search.search('meridiam')).toMatchObject({ nearMisses: true });
      expect(await titles('meridiam')).toEqual(['Meridian Line']);
      // Written after the migration: the triggers reach the new table.
      await make.episode(season.id, 2, { title: 'Meridian Crossing' });
      expect(await titles('merid')).toEqual(['Meridian Line', 'Meridian Crossing']);
      expect(await titles('meridiam')).toEqual(['Meridian Line', 'Meridian Crossing']);
    } finally {
      await handle.close();
      await empty.drop();
    }
  });
});
