/**
 * Browsing `/shows`: a page of shows A–Z, by votes or by the latest catalogue change, optionally of
 * one network, status (either in any case) or first-air year (`show_figures.first_air_year`, kept by
 * triggers). Each order and filter reads an index (migrations 0007, 0011 and 0023); the total of a
 * filtered list counts the index entries of that network or status, never every show.
 */
import type { Kysely } from 'kysely';
import type { ShowCount } from '../catalog/show-count.js';
import type { Show } from '../catalog/catalog.types.js';
import type { Database } from '../db/schema.js';
import type { ShowFilters, ShowSort } from '../shared/show-sorts.js';
import { offsetOf } from '../shared/paging.js';
import { foldedEquals } from './filter-choices.js';

/** One show as a browse page lists it. */
export interface BrowsedShow {
  show: Show;
  votes: number;
  episodeCount: number;
}

export class ShowBrowseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async page(sort: ShowSort, filters: ShowFilters, offset: number, limit: number): Promise<BrowsedShow[]> {
    let query = this.filtered(filters).selectAll('sh').select(['f.vote_count', 'f.episode_count']);
    // Each order ends with the id, so that a page never reorders by chance.
    if (sort === 'votes') query = query.orderBy('f.vote_count', 'desc').orderBy('sh.id');
    else if (sort === 'updated') query = query.orderBy('sh.updated_at', 'desc').orderBy('sh.id', 'desc');
    else query = query.orderBy('sh.title').orderBy('sh.id');
    const rows = await query.limit(limit).offset(offset).execute();
    return rows.map((r) => ({
      show: { id: r.id, slug: r.slug, title: r.title, synopsis: r.synopsis, network: r.network, status: r.status, lastUpdated: r.last_updated },
      votes: Number(r.vote_count),
      episodeCount: Number(r.episode_count),
    }));
  }

  async count(filters: ShowFilters): Promise<number> {
    const row = await this.filtered(filters)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private filtered(filters: ShowFilters) {
    let query = this.db.selectFrom('shows as sh').innerJoin('show_figures as f', 'f.show_id', 'sh.id');
    const { network, status } = filters;
    if (network !== undefined) query = query.where((eb) => foldedEquals(eb, 'sh.network', network));
    if (status !== undefined) query = query.where((eb) => foldedEquals(eb, 'sh.status', status));
    if (filters.year !== undefined) query = query.where('f.first_air_year', '=', filters.year);
    return query;
  }
}

export class ShowBrowser {
  constructor(
    private readonly repository: ShowBrowseRepository,
    private readonly showCount: ShowCount,
  ) {}

  /** A page of `perPage` shows and how many the list holds. */
  async browse(sort: ShowSort, filters: ShowFilters, page: number, perPage: number): Promise<{ items: BrowsedShow[]; total: number }> {
    const unfiltered = filters.network === undefined && filters.status === undefined && filters.year === undefined;
    const [items, total] = await Promise.all([
      this.repository.page(sort, filters, offsetOf(page, perPage), perPage),
      // Unfiltered, the total is the catalogue's show count, kept rather than counted per request.
      unfiltered ? this.showCount.get() : this.repository.count(filters),
    ]);
    return { items, total };
  }
}
