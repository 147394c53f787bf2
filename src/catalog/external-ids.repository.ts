/**
 * SQL for the ids shows and episodes carry on other sites (migration 0012): finding our records
 * from a batch of another site's ids (a rating file being matched), reading a record's ids (export,
 * admin forms, pages), and replacing them. Every read goes through the (source, external_id) unique
 * index or the (owner, source) primary key, in IN lists of at most LOOKUP_BATCH ids.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { EPISODE_PLACE, episodesInPlace } from './episode-place.js';
import { EXTERNAL_ID_SOURCES, externalIdEntries as entries, type ExternalIdSource, type ExternalIds } from './external-ids.js';

/** Ids per query: far below either database's limit on parameters, and one index read each. */
export const LOOKUP_BATCH = 300;

export interface ShowByExternalId {
  showId: number;
  slug: string;
  title: string;
}

export interface EpisodeByExternalId {
  episodeId: number;
  showId: number;
  showSlug: string;
  showTitle: string;
  seasonNumber: number;
  episodeNumber: number;
  title: string | null;
}

/** Another record that already holds one of the ids asked about. */
export interface ExternalIdOwner {
  source: ExternalIdSource;
  externalId: string;
  /** How people name the record: a show's slug, or `show-slug S1E2` for an episode. */
  label: string;
}

export class ExternalIdsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The shows holding these ids of one site, by id; ids nobody holds are absent from the map. */
  async showsByExternalIds(source: ExternalIdSource, ids: readonly string[]): Promise<Map<string, ShowByExternalId>> {
    const rows = await inBatches(ids, (batch) =>
      this.db
        .selectFrom('show_external_ids as x')
        .innerJoin('shows as s', 's.id', 'x.show_id')
        .select(['x.external_id', 's.id', 's.slug', 's.title'])
        .where('x.source', '=', source)
        .where('x.external_id', 'in', batch)
        .execute(),
    );
    return new Map(rows.map((r) => [r.external_id, { showId: r.id, slug: r.slug, title: r.title }]));
  }

  /** The episodes holding these ids of one site, by id, each with its show and numbers. */
  async episodesByExternalIds(source: ExternalIdSource, ids: readonly string[]): Promise<Map<string, EpisodeByExternalId>> {
    const rows = await inBatches(ids, (batch) =>
      episodesInPlace(this.db)
        .innerJoin('episode_external_ids as x', 'x.episode_id', 'e.id')
        .select(['x.external_id', 'e.id as episode_id', 'e.title', 'sh.id as show_id', ...EPISODE_PLACE])
        .where('x.source', '=', source)
        .where('x.external_id', 'in', batch)
        .execute(),
    );
    return new Map(
      rows.map((r) => [
        r.external_id,
        {
          episodeId: r.episode_id,
          showId: r.show_id,
          showSlug: r.show_slug,
          showTitle: r.show_title,
          seasonNumber: r.season_number,
          episodeNumber: r.episode_number,
          title: r.title,
        },
      ]),
    );
  }

  /** The ids of some shows, by show; a show without ids maps to `{}`. */
  async idsOfShows(showIds: readonly number[]): Promise<Map<number, ExternalIds>> {
    const rows = await inBatches(showIds, (batch) =>
      this.db.selectFrom('show_external_ids').select(['show_id as owner', 'source', 'external_id']).where('show_id', 'in', batch).execute(),
    );
    return idsByOwner(showIds, rows);
  }

  /** The ids of some episodes, by episode; an episode without ids maps to `{}`. */
  async idsOfEpisodes(episodeIds: readonly number[]): Promise<Map<number, ExternalIds>> {
    const rows = await inBatches(episodeIds, (batch) =>
      this.db.selectFrom('episode_external_ids').select(['episode_id as owner', 'source', 'external_id']).where('episode_id', 'in', batch).execute(),
    );
    return idsByOwner(episodeIds, rows);
  }

  /** Other shows already holding any of these ids: at most one per source, one query. */
  async otherShowsHolding(showId: number | null, ids: ExternalIds): Promise<ExternalIdOwner[]> {
    const pairs = entries(ids);
    if (pairs.length === 0) return [];
    const rows = await this.db
      .selectFrom('show_external_ids as x')
      .innerJoin('shows as s', 's.id', 'x.show_id')
      .select(['x.source', 'x.external_id', 's.slug'])
      .where((eb) => eb.or(pairs.map(([source, id]) => eb.and([eb('x.source', '=', source), eb('x.external_id', '=', id)]))))
      .$if(showId !== null, (q) => q.where('x.show_id', '<>', showId!))
      .execute();
    return sortOwners(rows.map((r) => ({ source: r.source, externalId: r.external_id, label: r.slug })));
  }

  /** Other episodes already holding any of these ids: at most one per source, one query. */
  async otherEpisodesHolding(episodeId: number | null, ids: ExternalIds): Promise<ExternalIdOwner[]> {
    const pairs = entries(ids);
    if (pairs.length === 0) return [];
    const rows = await episodesInPlace(this.db)
      .innerJoin('episode_external_ids as x', 'x.episode_id', 'e.id')
      .select(['x.source', 'x.external_id', ...EPISODE_PLACE])
      .where((eb) => eb.or(pairs.map(([source, id]) => eb.and([eb('x.source', '=', source), eb('x.external_id', '=', id)]))))
      .$if(episodeId !== null, (q) => q.where('x.episode_id', '<>', episodeId!))
      .execute();
    return sortOwners(rows.map((r) => ({ source: r.source, externalId: r.external_id, label: `${r.show_slug} S${r.season_number}E${r.episode_number}` })));
  }

  /** Makes `ids` the show's whole set. Callers check `otherShowsHolding` first, in the same transaction. */
  async replaceShowIds(showId: number, ids: ExternalIds): Promise<void> {
    await this.db.deleteFrom('show_external_ids').where('show_id', '=', showId).execute();
    const rows = entries(ids).map(([source, external_id]) => ({ show_id: showId, source, external_id }));
    if (rows.length > 0) await this.db.insertInto('show_external_ids').values(rows).execute();
  }

  /** Makes `ids` the episode's whole set. Callers check `otherEpisodesHolding` first, in the same transaction. */
  async replaceEpisodeIds(episodeId: number, ids: ExternalIds): Promise<void> {
    await this.db.deleteFrom('episode_external_ids').where('episode_id', '=', episodeId).execute();
    const rows = entries(ids).map(([source, external_id]) => ({ episode_id: episodeId, source, external_id }));
    if (rows.length > 0) await this.db.insertInto('episode_external_ids').values(rows).execute();
  }
}

function sortOwners(owners: ExternalIdOwner[]): ExternalIdOwner[] {
  return owners.sort((a, b) => EXTERNAL_ID_SOURCES.indexOf(a.source) - EXTERNAL_ID_SOURCES.indexOf(b.source));
}

/** Reads the rows for `ids` a batch of at most LOOKUP_BATCH distinct ids at a time, one query after another. */
export async function inBatches<T, R>(ids: readonly T[], read: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const distinct = [...new Set(ids)];
  const rows: R[] = [];
  for (let i = 0; i < distinct.length; i += LOOKUP_BATCH) rows.push(...(await read(distinct.slice(i, i + LOOKUP_BATCH))));
  return rows;
}

/** Each owner's ids, `{}` for an owner that holds none. */
function idsByOwner(owners: readonly number[], rows: Array<{ owner: number; source: ExternalIdSource; external_id: string }>): Map<number, ExternalIds> {
  const found = new Map<number, ExternalIds>(owners.map((id) => [id, {}]));
  for (const r of rows) found.get(r.owner)![r.source] = r.external_id;
  return found;
}
