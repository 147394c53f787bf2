/**
 * Migration 0025 up and down under a live catalogue: after it, a show is found by a title added to
 * it; undone, the title tables are gone and every search document is written again without their
 * titles, by the triggers of migration 0010's shape, which still keep the index current.
 */
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SearchRepository } from '../../src/catalog/search.repository.js';
import { SearchService } from '../../src/catalog/search.service.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest, migrations } from '../../src/db/migrate.js';
import { storeOf } from '../../src/repositories.js';
import { emptyDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

describe('migration 0025', () => {
  it('indexes other titles, and undone, leaves the search index as it was', async () => {
    const empty = await emptyDatabase();
    const handle = openDatabase(empty.url);
    try {
      await migrateToLatest(handle.db, handle.dialect);
      const make = factories(handle.db);
      const show = await make.show({ slug: 'kaleido-star', title: 'Kaleido Star' });
      const season = await make.season(show.id, 1);
      await make.episode(season.id, 1, { title: 'Stage Debut' });
      await storeOf(handle.db).read.alternateTitles.replaceShowTitles(show.id, [{ title: 'カレイドスター', language: 'ja', original: true }]);
      const search = new SearchService(new SearchRepository(handle.db));
      const found = async (text: string) => (await search.search(text)).items.map((i) => (i.kind === 'show' ? i.showTitle : i.episodeTitle));
      expect(await found('カレイドスター')).toEqual(['Kaleido Star']);

      const before = Object.fromEntries(Object.entries(migrations(handle.dialect)).filter(([name]) => name < '0025'));
      const down = await new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations(handle.dialect) } }).migrateTo(
        '0024-audit-filters-show-titles',
      );
      expect(down.error).toBeUndefined();
      expect(Object.keys(before)).toContain('0024-audit-filters-show-titles');
      // The app's queries read the title tables: the documents are read as they are stored.
      const documentTitle = async (doc: number) => {
        const query =
          handle.dialect === 'postgres'
            ? sql<{ title: string }>`select title from search_documents where doc_id = ${doc}`
            : sql<{ title: string }>`select title from search_index where rowid = ${doc}`;
        return (await query.execute(handle.db)).rows[0]?.title;
      };
      expect(await documentTitle(2 * show.id)).toBe('Kaleido Star');
      // The triggers put back still keep documents current.
      await handle.db.updateTable('shows').set({ title: 'Kaleido Stage' }).where('id', '=', show.id).execute();
      expect(await documentTitle(2 * show.id)).toBe('Kaleido Stage');
      const encore = await make.episode(season.id, 2, { title: 'Kaleido Encore' });
      expect(await documentTitle(2 * encore.id + 1)).toBe('Kaleido Encore');
    } finally {
      await handle.close();
      await empty.drop();
    }
  });
});
