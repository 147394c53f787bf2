/**
 * Where an episode stands: the join from an episode to its season and its show, which every list
 * that names episodes needs (search results, another site's ids, the top lists, a fan's ratings),
 * and the columns that name that place on a page. One home, so the aliases (`e`, `se`, `sh`) and
 * the join keys are the same in every repository; callers join their own table onto `e.id`.
 * Inner joins only, so the planners of both databases still choose the order the tables are read in.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Episodes `e` with their season `se` and show `sh`. */
export function episodesInPlace(db: Kysely<Database>) {
  return db.selectFrom('episodes as e').innerJoin('seasons as se', 'se.id', 'e.season_id').innerJoin('shows as sh', 'sh.id', 'se.show_id');
}

/** One show's episodes `e` with their season `se` (a show's episodes are found through its seasons). */
export function episodesOfShow(db: Kysely<Database>, showId: number) {
  return db.selectFrom('episodes as e').innerJoin('seasons as se', 'se.id', 'e.season_id').where('se.show_id', '=', showId);
}

/** The columns a link to an episode and its label need: show slug and title, season and episode numbers. */
export const EPISODE_PLACE = ['sh.slug as show_slug', 'sh.title as show_title', 'se.number as season_number', 'e.number as episode_number'] as const;
