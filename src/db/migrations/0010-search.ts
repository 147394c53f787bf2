/**
 * Full-text search over the catalogue (src/catalog/search.repository.ts reads it): show titles and
 * synopses, episode titles, synopses and directors, on each database's own engine.
 *
 * One search document per show and per episode, numbered so that a trigger can find its row by
 * key without a scan: a show's document is `2 × id`, an episode's `2 × id + 1` (searchDocumentId
 * in the repository says the same). Each document has a `title` (weighted above the rest) and a
 * `detail` (synopsis, then directors).
 *
 * SQLite: `search_index`, an FTS5 table (unicode61 tokens, diacritics removed, prefix indexes of
 * 2 and 3 characters for search as you type), and `search_titles`, an FTS5 trigram table over the
 * titles alone, which finds near misses when the words themselves find nothing.
 * PostgreSQL: `search_documents`, whose `document` tsvector is generated from folded text (lower
 * case, accents translated away by `search_fold`, so no extension is needed) under a GIN index;
 * with pg_trgm (a trusted extension, created when the role may create in this database), a trigram
 * index on the folded titles for near misses.
 *
 * Triggers keep the documents in the transaction of every catalogue change: each one deletes the
 * documents it touches and writes them again from the rows, so inserts, edits, moves and deletes
 * (cascaded ones too) share one path.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/** Letters with accents and their plain forms, for PostgreSQL's `translate` (SQLite's tokenizer folds them itself). */
const ACCENTED = 'ÀÁÂÃÄÅàáâãäåĀāĂăĄąÇçĆćČčĎďÈÉÊËèéêëĒēĖėĘęĚěĞğÌÍÎÏìíîïĪīĮįİıĹĺĽľŁłÑñŃńŇňÒÓÔÕÖØòóôõöøŌōŐőŔŕŘřŚśŞşŠšŢţŤťÙÚÛÜùúûüŪūŮůŰűŲųÝýÿŸŹźŻżŽž';
const PLAIN = 'AAAAAAaaaaaaAaAaAaCcCcCcDdEEEEeeeeEeEeEeEeGgIIIIiiiiIiIiIiLlLlLlNnNnNnOOOOOOooooooOoOoRrRrSsSsSsTtTtUUUUuuuuUuUuUuUuYyyYZzZzZz';

export function searchMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      if (dialect === 'postgres') await postgresUp(db);
      else await sqliteUp(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const [table, trigger] of TRIGGERS) {
        await sql.raw(dialect === 'postgres' ? `drop trigger if exists ${trigger} on ${table}` : `drop trigger if exists ${trigger}`).execute(db);
      }
      if (dialect === 'postgres') {
        for (const [, trigger] of TRIGGERS) await sql.raw(`drop function if exists ${trigger}_fn()`).execute(db);
        await sql`drop table if exists search_documents`.execute(db);
        await sql`drop function if exists search_fold(text)`.execute(db);
      } else {
        await sql`drop table if exists search_titles`.execute(db);
        await sql`drop table if exists search_index`.execute(db);
      }
    },
  };
}

const TRIGGERS: Array<[string, string]> = [
  ['shows', 'search_show_insert'],
  ['shows', 'search_show_update'],
  ['shows', 'search_show_delete'],
  ['episodes', 'search_episode_insert'],
  ['episodes', 'search_episode_update'],
  ['episodes', 'search_episode_delete'],
  ['episode_directors', 'search_director_insert'],
  ['episode_directors', 'search_director_update'],
  ['episode_directors', 'search_director_delete'],
];

/** Per database: the tables written, their key column, and how directors' names are joined. */
interface Target {
  tables: string[];
  key: string;
  directors: (episodeId: string) => string;
}

/** The statements that rewrite one show's or one episode's documents from the catalogue rows. */
function bodies(target: Target) {
  const remove = (doc: string) => target.tables.map((t) => `delete from ${t} where ${target.key} = ${doc}`);
  const writeShow = (id: string) => [
    ...remove(`2 * ${id}`),
    ...target.tables.map((t) =>
      t === 'search_titles'
        ? `insert into ${t} (${target.key}, title) select 2 * id, title from shows where id = ${id}`
        : `insert into ${t} (${target.key}, title, detail) select 2 * id, title, synopsis from shows where id = ${id}`,
    ),
  ];
  const writeEpisode = (id: string) => [
    ...remove(`2 * ${id} + 1`),
    ...target.tables.map((t) =>
      t === 'search_titles'
        ? `insert into ${t} (${target.key}, title) select 2 * id + 1, title from episodes where id = ${id} and title is not null`
        : `insert into ${t} (${target.key}, title, detail)
           select 2 * id + 1, coalesce(title, ''), coalesce(synopsis, '') || ' ' || coalesce(${target.directors('id')}, '')
           from episodes where id = ${id}`,
    ),
  ];
  return {
    showWrite: writeShow('NEW.id'),
    showDelete: remove('2 * OLD.id'),
    episodeWrite: writeEpisode('NEW.id'),
    episodeDelete: remove('2 * OLD.id + 1'),
    directorNew: writeEpisode('NEW.episode_id'),
    directorOld: writeEpisode('OLD.episode_id'),
  };
}

async function sqliteUp(db: Kysely<any>): Promise<void> {
  await sql`create virtual table search_index using fts5(title, detail, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  await sql`create virtual table search_titles using fts5(title, tokenize = 'trigram remove_diacritics 1')`.execute(db);
  const b = bodies({
    tables: ['search_index', 'search_titles'],
    key: 'rowid',
    directors: (e) => `(select group_concat(name, ' ') from (select name from episode_directors where episode_id = ${e} order by position))`,
  });
  const trigger = (name: string, event: string, statements: string[]) =>
    `create trigger ${name} ${event} for each row begin ${statements.map((s) => `${s};`).join(' ')} end`;
  const statements = [
    trigger('search_show_insert', 'after insert on shows', b.showWrite),
    trigger('search_show_update', 'after update of title, synopsis on shows', b.showWrite),
    trigger('search_show_delete', 'after delete on shows', b.showDelete),
    trigger('search_episode_insert', 'after insert on episodes', b.episodeWrite),
    trigger('search_episode_update', 'after update of title, synopsis on episodes', b.episodeWrite),
    trigger('search_episode_delete', 'after delete on episodes', b.episodeDelete),
    trigger('search_director_insert', 'after insert on episode_directors', b.directorNew),
    trigger('search_director_update', 'after update on episode_directors', [...b.directorOld, ...b.directorNew]),
    trigger('search_director_delete', 'after delete on episode_directors', b.directorOld),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
  await sql`insert into search_index (rowid, title, detail) select 2 * id, title, synopsis from shows`.execute(db);
  await sql`insert into search_titles (rowid, title) select 2 * id, title from shows`.execute(db);
  await sql`
    insert into search_index (rowid, title, detail)
    select 2 * e.id + 1, coalesce(e.title, ''), coalesce(e.synopsis, '') || ' ' ||
      coalesce((select group_concat(name, ' ') from (select name from episode_directors d where d.episode_id = e.id order by position)), '')
    from episodes e`.execute(db);
  await sql`insert into search_titles (rowid, title) select 2 * id + 1, title from episodes where title is not null`.execute(db);
}

async function postgresUp(db: Kysely<any>): Promise<void> {
  // Immutable, so that the generated column and the trigram index may use it.
  await sql
    .raw(
      `create function search_fold(text) returns text language sql immutable parallel safe as $fold$ select lower(translate($1, '${ACCENTED}', '${PLAIN}')) $fold$`,
    )
    .execute(db);
  await sql`
    create table search_documents (
      doc_id bigint primary key,
      title text not null,
      detail text not null default '',
      document tsvector generated always as (
        setweight(to_tsvector('simple', search_fold(title)), 'A') || setweight(to_tsvector('simple', search_fold(detail)), 'B')
      ) stored
    )`.execute(db);
  await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
  // A trusted extension: a role that may create objects in this database may install it. Without
  // it, searches simply have no near-miss fallback.
  const { rows } = await sql<{ allowed: boolean }>`
    select exists (select 1 from pg_available_extension_versions where name = 'pg_trgm' and (trusted or (select rolsuper from pg_roles where rolname = current_user)))
       and has_database_privilege(current_database(), 'CREATE') as allowed`.execute(db);
  if (rows[0]?.allowed) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index search_documents_title_trigrams on search_documents using gin (search_fold(title) gin_trgm_ops)`.execute(db);
  }
  const b = bodies({
    tables: ['search_documents'],
    key: 'doc_id',
    directors: (e) => `(select string_agg(name, ' ' order by position) from episode_directors where episode_id = ${e})`,
  });
  const fn = (name: string, statements: string[]) =>
    `create function ${name}_fn() returns trigger language plpgsql as $body$ begin ${statements.map((s) => `${s};`).join(' ')} return null; end $body$`;
  const trigger = (name: string, event: string, statements: string[]) => [
    fn(name, statements),
    `create trigger ${name} ${event} for each row execute function ${name}_fn()`,
  ];
  const statements = [
    ...trigger('search_show_insert', 'after insert on shows', b.showWrite),
    ...trigger('search_show_update', 'after update of title, synopsis on shows', b.showWrite),
    ...trigger('search_show_delete', 'after delete on shows', b.showDelete),
    ...trigger('search_episode_insert', 'after insert on episodes', b.episodeWrite),
    ...trigger('search_episode_update', 'after update of title, synopsis on episodes', b.episodeWrite),
    ...trigger('search_episode_delete', 'after delete on episodes', b.episodeDelete),
    ...trigger('search_director_insert', 'after insert on episode_directors', b.directorNew),
    ...trigger('search_director_update', 'after update on episode_directors', [...b.directorOld, ...b.directorNew]),
    ...trigger('search_director_delete', 'after delete on episode_directors', b.directorOld),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
  await sql`insert into search_documents (doc_id, title, detail) select 2 * id, title, synopsis from shows`.execute(db);
  await sql`
    insert into search_documents (doc_id, title, detail)
    select 2 * e.id + 1, coalesce(e.title, ''), coalesce(e.synopsis, '') || ' ' ||
      coalesce((select string_agg(name, ' ' order by position) from episode_directors d where d.episode_id = e.id), '')
    from episodes e`.execute(db);
}
