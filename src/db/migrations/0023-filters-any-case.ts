/**
 * `/shows` and `/top` filter by network and status in any case (issue 25): `status=ended` finds the
 * `Ended` shows. The filters compare `lower(column)` with `lower(value)`, so the indexes they read
 * move from the column to that expression, in the same positions (migration 0011); the pickers of
 * existing values read the same indexes one distinct value at a time (src/ranking/filter-choices.ts).
 *
 * `lower()` is the database's: PostgreSQL folds every letter its collation knows, SQLite only A–Z,
 * so on SQLite `TÉLÉ` and `télé` stay two networks. The pickers offer the stored spellings, which
 * match on both.
 */
import { sql, type Kysely } from 'kysely';

/** Each `top_episodes` list's order after its filter, as migration 0011 indexes it. */
const LIST_ORDERS = {
  score: 'score desc, vote_count desc, average desc, episode_id',
  votes: 'vote_count desc, average desc, episode_id',
  divisive: 'divisiveness desc, vote_count desc, episode_id',
} as const;

/** Each index before (`exact`) and after (`folded`): the same columns, led by the folded value instead of the column. */
const MOVES: Array<{ exact: string; folded: string; table: string; rest: string; column: string }> = [
  { exact: 'shows_network_index', folded: 'shows_network_folded_index', table: 'shows', column: 'network', rest: 'title, id' },
  { exact: 'shows_status_index', folded: 'shows_status_folded_index', table: 'shows', column: 'status', rest: 'title, id' },
  ...Object.entries(LIST_ORDERS).map(([list, rest]) => ({
    exact: `top_episodes_network_${list}_index`,
    folded: `top_episodes_network_folded_${list}_index`,
    table: 'top_episodes',
    column: 'network',
    rest,
  })),
];

export function filtersAnyCaseMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      for (const { exact, folded, table, column, rest } of MOVES) {
        await sql.raw(`create index ${folded} on ${table} (lower(${column}), ${rest})`).execute(db);
        await sql.raw(`drop index ${exact}`).execute(db);
      }
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const { exact, folded, table, column, rest } of MOVES) {
        await sql.raw(`create index ${exact} on ${table} (${column}, ${rest})`).execute(db);
        await sql.raw(`drop index ${folded}`).execute(db);
      }
    },
  };
}
