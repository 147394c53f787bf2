/**
 * Alternate titles (issue 26): a show's or an episode's titles besides the one the site lists
 * (`shows.title`, `episodes.title`, unchanged), each with its language tag and whether it is the
 * original; the rules are in src/catalog/alternate-titles.ts. Two narrow tables like the external
 * ids of migration 0012, kept in the order the catalogue gives them (`position`); at most one
 * original per record, by a partial unique index.
 *
 * Search finds a record by any of its titles: the search documents of migration 0010 get every
 * title of their record in their `title` (SQLite's FTS5 and trigram tables, PostgreSQL's tsvector
 * and its folded title of migration 0016, all weighted and folded as before). So the triggers that
 * write documents are made again with the alternate titles in, and the two new tables get triggers
 * of their own. No document changes now (the tables start empty); `down` rewrites every document
 * without them.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

const TABLES = [
  ['show_titles', 'show_id', 'shows.id'],
  ['episode_titles', 'episode_id', 'episodes.id'],
] as const;

export function alternateTitlesMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      for (const [table, owner, references] of TABLES) {
        await db.schema
          .createTable(table)
          .addColumn(owner, 'integer', (c) => c.notNull().references(references).onDelete('cascade'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('language', 'varchar(35)', (c) => c.notNull())
          .addColumn('title', 'varchar(300)', (c) => c.notNull())
          .addColumn('original', 'integer', (c) => c.notNull().defaultTo(0).check(sql`original in (0, 1)`))
          .addPrimaryKeyConstraint(`${table}_pkey`, [owner, 'position'])
          .execute();
        await sql.raw(`create unique index ${table}_one_original on ${table} (${owner}) where original = 1`).execute(db);
      }
      await writeTriggers(db, dialect, true);
    },
    async down(db: Kysely<any>): Promise<void> {
      // The document triggers first: while they read the title tables, those cannot go.
      await writeTriggers(db, dialect, false);
      for (const [table] of TABLES) await db.schema.dropTable(table).execute();
      if (dialect === 'postgres') for (const name of TITLE_TRIGGERS) await sql.raw(`drop function if exists ${name}_fn()`).execute(db);
      // Every document again without the alternate titles: the update triggers rewrite each.
      await sql`update shows set title = title`.execute(db);
      await sql`update episodes set title = title`.execute(db);
    },
  };
}

const TITLE_TRIGGERS = [
  'search_show_title_insert',
  'search_show_title_update',
  'search_show_title_delete',
  'search_episode_title_insert',
  'search_episode_title_update',
  'search_episode_title_delete',
];

/** The statements that rewrite one show's or one episode's documents, with or without the alternate titles. */
function bodies(dialect: DialectName, alternates: boolean) {
  const postgres = dialect === 'postgres';
  const tables = postgres ? ['search_documents'] : ['search_index', 'search_titles'];
  const key = postgres ? 'doc_id' : 'rowid';
  const joined = (table: string, owner: string, id: string, column: string) =>
    postgres
      ? `(select string_agg(${column}, ' ' order by position) from ${table} where ${owner} = ${id})`
      : `(select group_concat(${column}, ' ') from (select ${column} from ${table} where ${owner} = ${id} order by position))`;
  const others = (table: string, owner: string, id: string) => (alternates ? ` || coalesce(' ' || ${joined(table, owner, id, 'title')}, '')` : '');
  const showTitle = `s.title${others('show_titles', 'show_id', 's.id')}`;
  const episodeTitle = `trim(coalesce(e.title, '')${others('episode_titles', 'episode_id', 'e.id')})`;
  const directors = joined('episode_directors', 'episode_id', 'e.id', 'name');
  const remove = (doc: string) => tables.map((t) => `delete from ${t} where ${key} = ${doc}`);
  const writeShow = (id: string) => [
    ...remove(`2 * ${id}`),
    ...tables.map((t) =>
      t === 'search_titles'
        ? `insert into ${t} (${key}, title) select 2 * s.id, ${showTitle} from shows s where s.id = ${id}`
        : `insert into ${t} (${key}, title, detail) select 2 * s.id, ${showTitle}, s.synopsis from shows s where s.id = ${id}`,
    ),
  ];
  const writeEpisode = (id: string) => [
    ...remove(`2 * ${id} + 1`),
    ...tables.map((t) =>
      t === 'search_titles'
        ? `insert into ${t} (${key}, title) select 2 * e.id + 1, ${episodeTitle} from episodes e where e.id = ${id} and ${episodeTitle} <> ''`
        : `insert into ${t} (${key}, title, detail)
           select 2 * e.id + 1, ${episodeTitle}, coalesce(e.synopsis, '') || ' ' || coalesce(${directors}, '')
           from episodes e where e.id = ${id}`,
    ),
  ];
  return { writeShow, writeEpisode };
}

/** Each trigger that writes documents: its name, its event, and its statements. */
function triggers(dialect: DialectName, alternates: boolean): Array<[string, string, string[]]> {
  const { writeShow, writeEpisode } = bodies(dialect, alternates);
  const list: Array<[string, string, string[]]> = [
    ['search_show_insert', 'after insert on shows', writeShow('NEW.id')],
    ['search_show_update', 'after update of title, synopsis on shows', writeShow('NEW.id')],
    ['search_episode_insert', 'after insert on episodes', writeEpisode('NEW.id')],
    ['search_episode_update', 'after update of title, synopsis on episodes', writeEpisode('NEW.id')],
    ['search_director_insert', 'after insert on episode_directors', writeEpisode('NEW.episode_id')],
    ['search_director_update', 'after update on episode_directors', [...writeEpisode('OLD.episode_id'), ...writeEpisode('NEW.episode_id')]],
    ['search_director_delete', 'after delete on episode_directors', writeEpisode('OLD.episode_id')],
  ];
  if (!alternates) return list;
  return [
    ...list,
    ['search_show_title_insert', 'after insert on show_titles', writeShow('NEW.show_id')],
    ['search_show_title_update', 'after update on show_titles', [...writeShow('OLD.show_id'), ...writeShow('NEW.show_id')]],
    ['search_show_title_delete', 'after delete on show_titles', writeShow('OLD.show_id')],
    ['search_episode_title_insert', 'after insert on episode_titles', writeEpisode('NEW.episode_id')],
    ['search_episode_title_update', 'after update on episode_titles', [...writeEpisode('OLD.episode_id'), ...writeEpisode('NEW.episode_id')]],
    ['search_episode_title_delete', 'after delete on episode_titles', writeEpisode('OLD.episode_id')],
  ];
}

/**
 * (Re)writes the document triggers. SQLite's are dropped and made again; PostgreSQL's call a
 * function each, which is replaced in place, and the new tables' triggers are created.
 */
async function writeTriggers(db: Kysely<any>, dialect: DialectName, alternates: boolean): Promise<void> {
  for (const [name, event, statements] of triggers(dialect, alternates)) {
    const body = statements.map((s) => `${s};`).join(' ');
    if (dialect === 'postgres') {
      await sql.raw(`create or replace function ${name}_fn() returns trigger language plpgsql as $body$ begin ${body} return null; end $body$`).execute(db);
      if (TITLE_TRIGGERS.includes(name)) await sql.raw(`create trigger ${name} ${event} for each row execute function ${name}_fn()`).execute(db);
    } else {
      await sql.raw(`drop trigger if exists ${name}`).execute(db);
      await sql.raw(`create trigger ${name} ${event} for each row begin ${body} end`).execute(db);
    }
  }
}
