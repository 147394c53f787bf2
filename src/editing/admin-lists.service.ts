/**
 * What the catalogue editor lists, a page at a time: the admin home's shows, a show's seasons with
 * one page of episodes each, the single episode an edit form needs (never its whole show), and the
 * audit log.
 */
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import type { Show, StoredEpisode } from '../catalog/catalog.types.js';
import { NotFoundError } from '../shared/errors.js';
import type { AdminListsRepository, EpisodeListing, SeasonListing, ShowListing } from './admin-lists.repository.js';
import type { AuditEntry, AuditFilter, AuditRepository } from './audit.repository.js';
import { ADMIN_PAGE_SIZE, EDITOR_EPISODES_PER_PAGE, type KeysetPage } from './admin-paging.js';
import { numberedPage, offsetOf, type NumberedPage } from '../shared/paging.js';

/** A season in the show editor with the page of its episodes on view. */
export interface EditorSeason extends SeasonListing {
  episodes: NumberedPage<EpisodeListing>;
}

/** What the episode form edits: the stored episode without its baseline tally. */
export type EditedEpisode = Omit<StoredEpisode, 'baseline'>;

export class AdminListsService {
  constructor(
    private readonly lists: AdminListsRepository,
    private readonly catalog: CatalogRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** One page of the audit log's entries that pass the filter, newest first, before or after an entry's id. */
  async auditLog(
    cursor: { before?: number | undefined; after?: number | undefined },
    limit: number,
    filter: AuditFilter = {},
  ): Promise<KeysetPage<AuditEntry, number>> {
    return this.audit.page(cursor, limit, filter);
  }

  async shows(page: number): Promise<NumberedPage<ShowListing>> {
    const [items, total] = await Promise.all([this.lists.showsPage(ADMIN_PAGE_SIZE, offsetOf(page, ADMIN_PAGE_SIZE)), this.lists.countShows()]);
    return numberedPage(items, page, ADMIN_PAGE_SIZE, total);
  }

  async findShow(slug: string): Promise<Show> {
    const show = await this.catalog.findShowBySlug(slug);
    if (!show) throw new NotFoundError(`There is no show called “${slug}”.`);
    return show;
  }

  /**
   * A show with its seasons, each listing its first page of episodes, except `paged.season`, which
   * lists page `paged.page`: one season is paged through at a time.
   */
  async showEditor(slug: string, paged: { season?: number | undefined; page?: number | undefined } = {}): Promise<{ show: Show; seasons: EditorSeason[] }> {
    const show = await this.findShow(slug);
    const seasons = await this.lists.seasonsOf(show.id);
    return {
      show,
      seasons: await Promise.all(
        seasons.map(async (season) => {
          const page = season.number === paged.season ? (paged.page ?? 1) : 1;
          const items = await this.lists.episodesPage(season.id, EDITOR_EPISODES_PER_PAGE, offsetOf(page, EDITOR_EPISODES_PER_PAGE));
          return { ...season, episodes: numberedPage(items, page, EDITOR_EPISODES_PER_PAGE, season.episodeCount) };
        }),
      ),
    };
  }

  /** The one episode an edit form shows, with its directors and watch links. */
  async episodeForEditor(slug: string, seasonNumber: number, episodeNumber: number): Promise<{ show: Show; episode: EditedEpisode }> {
    const show = await this.findShow(slug);
    const season = await this.catalog.findSeason(show.id, seasonNumber);
    const row = season && (await this.lists.episode(season.id, episodeNumber));
    if (!row) throw new NotFoundError(`${show.title} has no season ${seasonNumber} episode ${episodeNumber}.`);
    const details = (await this.catalog.detailsFor([row.id])).get(row.id) ?? { directors: [], watchLinks: [] };
    return { show, episode: { ...row, ...details } };
  }
}
