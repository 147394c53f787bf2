/**
 * SQL for the ids shows and episodes carry on other sites (migration 0012): finding our records
 * from a batch of another site's ids (a rating file being matched), reading a record's ids (export,
 * admin forms, pages), and replacing them. Every read goes through the (source, external_id) unique
 * index or the (owner, source) primary key, in IN lists of at most LOOKUP_BATCH ids.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
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
    const found = new Map<string, ShowByExternalId>();
    for (const batch of batches(unique(ids))) {
      const rows = await this.db
        .selectFrom('show_external_ids as x')
        .innerJoin('shows as s', 's.id', 'x.show_id')
        .select(['x.external_id', 's.id', 's.slug', 's.title'])
        .where('x.source', '=', source)
        .where('x.external_id', 'in', batch)
        .execute();
      for (const r of rows) found.set(r.external_id, { showId: r.id, slug: r.slug, title: r.title });
    }
    return found;
  }

  /** The episodes holding these ids of one site, by id, each with its show and numbers. */
  async episodesByExternalIds(source: ExternalIdSource, ids: readonly string[]): Promise<Map<string, EpisodeByExternalId>> {
    const found = new Map<string, EpisodeByExternalId>();
    for (const batch of batches(unique(ids))) {
      const rows = await this.db
        .selectFrom('episode_external_ids as x')
        .innerJoin('episodes as e', 'e.id', 'x.episode_id')
        .innerJoin('seasons as se', 'se.id', 'e.season_id')
        .innerJoin('shows as s', 's.id', 'se.show_id')
        .select([
          'x.external_id',
          'e.id as episode_id',
          'e.number as episode_number',
          'e.title',
          'se.number as season_number',
          's.id as show_id',
          's.slug',
          's.title as show_title',
        ])
        .where('x.source', '=', source)
        .where('x.external_id', 'in', batch)
        .execute();
      for (const r of rows) {
        found.set(r.external_id, {
          episodeId: r.episode_id,
          showId: r.show_id,
          showSlug: r.slug,
          showTitle: r.show_title,
          seasonNumber: r.season_number,
          episodeNumber: r.episode_number,
          title: r.title,
        });
      }
    }
    return found;
  }

  /** The ids of some shows, by show; a show without ids maps to `{}`. */
  async idsOfShows(showIds: readonly number[]): Promise<Map<number, ExternalIds>> {
    const found = new Map<number, ExternalIds>(showIds.map((id) => [id, {}]));
    for (const batch of batches(unique(showIds))) {
      const rows = await this.db.selectFrom('show_external_ids').select(['show_id', 'source', 'external_id']).where('show_id', 'in', batch).execute();
      for (const r of rows) found.get(r.show_id)![r.source] = r.external_id;
    }
    return found;
  }

  /** The ids of some episodes, by episode; an episode without ids maps to `{}`. */
  async idsOfEpisodes(episodeIds: readonly number[]): Promise<Map<number, ExternalIds>> {
    const found = new Map<number, ExternalIds>(episodeIds.map((id) => [id, {}]));
    for (const batch of batches(unique(episodeIds))) {
      const rows = await this.db.selectFrom('episode_external_ids').select(['episode_id', 'source', 'external_id']).where('episode_id', 'in', batch).execute();
      for (const r of rows) found.get(r.episode_id)![r.source] = r.external_id;
    }
    return found;
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
    const rows = await this.db
      .selectFrom('episode_external_ids as x')
      .innerJoin('episodes as e', 'e.id', 'x.episode_id')
      .innerJoin('seasons as se', 'se.id', 'e.season_id')
      .innerJoin('shows as s', 's.id', 'se.show_id')
      .select(['x.source', 'x.external_id', 's.slug', 'se.number as season_number', 'e.number as episode_number'])
      .where((eb) => eb.or(pairs.map(([source, id]) => eb.and([eb('x.source', '=', source), eb('x.external_id', '=', id)]))))
      .$if(episodeId !== null, (q) => q.where('x.episode_id', '<>', episodeId!))
      .execute();
    return sortOwners(rows.map((r) => ({ source: r.source, externalId: r.external_id, label: `${r.slug} S${r.season_number}E${r.episode_number}` })));
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

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += LOOKUP_BATCH) yield items.slice(i, i + LOOKUP_BATCH);
}
