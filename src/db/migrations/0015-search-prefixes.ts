/**
 * SQLite's `search_index` gains prefix indexes of 4, 5 and 6 characters (migration 0010 gave it 2
 * and 3). A word typed halfway ("merid") is a prefix query, and without an index of its length
 * FTS5 merges the posting lists of every word that begins so before it can return the first match:
 * 0.5 ms for "merid" at the benchmark's size, against 0.04 ms with the index, paid on every
 * keystroke of the header's suggestions on the thread that serves everyone. The index grows by
 * about three fifths (25 to 40 MB there). FTS5 cannot change a table's options, so the documents
 * are copied out, the table made again, and the documents put back. PostgreSQL's GIN index
 * already answers `word:*` from its sorted keys: nothing to do there.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/** The prefix lengths FTS5 keeps an index for, after this migration and before it. */
const PREFIX_LENGTHS = '2 3 4 5 6';
const PREFIX_LENGTHS_BEFORE = '2 3';

async function remakeSearchIndex(db: Kysely<any>, prefixLengths: string): Promise<void> {
  await sql`create table search_index_copy as select rowid as doc, title, detail from search_index`.execute(db);
  await sql`drop table search_index`.execute(db);
  await sql
    .raw(`create virtual table search_index using fts5(title, detail, tokenize = 'unicode61 remove_diacritics 2', prefix = '${prefixLengths}')`)
    .execute(db);
  await sql`insert into search_index (rowid, title, detail) select doc, title, detail from search_index_copy`.execute(db);
  await sql`drop table search_index_copy`.execute(db);
}

export function searchPrefixesMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      if (dialect === 'sqlite') await remakeSearchIndex(db, PREFIX_LENGTHS);
    },
    async down(db: Kysely<any>): Promise<void> {
      if (dialect === 'sqlite') await remakeSearchIndex(db, PREFIX_LENGTHS_BEFORE);
    },
  };
}
