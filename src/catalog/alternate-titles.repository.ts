/**
 * SQL for shows' and episodes' alternate titles (migration 0025): reading the titles of the rows a
 * page, an export or a form shows (one query per batch of at most LOOKUP_BATCH records, by the
 * primary key's leading column), and replacing a record's whole list. The search documents follow
 * by the migration's triggers.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AlternateTitle } from './alternate-titles.js';
import { inBatches } from './external-ids.repository.js';

interface Row {
  owner: number;
  language: string;
  title: string;
  original: number;
}

export class AlternateTitlesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The titles of some shows, by show, in their order; a show without any maps to `[]`. */
  titlesOfShows(showIds: readonly number[]): Promise<Map<number, AlternateTitle[]>> {
    return titlesOfShows(this.db, showIds);
  }

  /** The titles of some episodes, by episode, in their order; an episode without any maps to `[]`. */
  titlesOfEpisodes(episodeIds: readonly number[]): Promise<Map<number, AlternateTitle[]>> {
    return titlesOfEpisodes(this.db, episodeIds);
  }

  /** Makes `titles` the show's whole list. Callers check them first (alternateTitleProblems). */
  async replaceShowTitles(showId: number, titles: readonly AlternateTitle[]): Promise<void> {
    await this.db.deleteFrom('show_titles').where('show_id', '=', showId).execute();
    if (titles.length > 0)
      await this.db
        .insertInto('show_titles')
        .values(titles.map((t, position) => ({ show_id: showId, position, ...columns(t) })))
        .execute();
  }

  /** Makes `titles` the episode's whole list. Callers check them first (alternateTitleProblems). */
  async replaceEpisodeTitles(episodeId: number, titles: readonly AlternateTitle[]): Promise<void> {
    await this.db.deleteFrom('episode_titles').where('episode_id', '=', episodeId).execute();
    if (titles.length > 0)
      await this.db
        .insertInto('episode_titles')
        .values(titles.map((t, position) => ({ episode_id: episodeId, position, ...columns(t) })))
        .execute();
  }
}

/**
 * The titles of some shows, by show, in their order (a show without any maps to `[]`): also read
 * by the catalogue repository for the pages, so the query lives here once.
 */
export async function titlesOfShows(db: Kysely<Database>, showIds: readonly number[]): Promise<Map<number, AlternateTitle[]>> {
  const rows = await inBatches(showIds, (batch) =>
    db
      .selectFrom('show_titles')
      .select(['show_id as owner', 'language', 'title', 'original'])
      .where('show_id', 'in', batch)
      .orderBy('show_id')
      .orderBy('position')
      .execute(),
  );
  return byOwner(showIds, rows);
}

/** The titles of some episodes, by episode, in their order (an episode without any maps to `[]`). */
export async function titlesOfEpisodes(db: Kysely<Database>, episodeIds: readonly number[]): Promise<Map<number, AlternateTitle[]>> {
  const rows = await inBatches(episodeIds, (batch) =>
    db
      .selectFrom('episode_titles')
      .select(['episode_id as owner', 'language', 'title', 'original'])
      .where('episode_id', 'in', batch)
      .orderBy('episode_id')
      .orderBy('position')
      .execute(),
  );
  return byOwner(episodeIds, rows);
}

const columns = (t: AlternateTitle) => ({ language: t.language, title: t.title, original: t.original ? 1 : 0 });

function byOwner(owners: readonly number[], rows: readonly Row[]): Map<number, AlternateTitle[]> {
  const found = new Map<number, AlternateTitle[]>(owners.map((id) => [id, []]));
  for (const r of rows) found.get(r.owner)!.push({ title: r.title, language: r.language, original: Number(r.original) === 1 });
  return found;
}
