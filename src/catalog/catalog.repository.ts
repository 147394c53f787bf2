/** SQL for shows, seasons and episodes. Tallies belong to the votes and ranking repositories. */
import { sql, type Kysely } from 'kysely';
import { nowTimestamp } from '../db/dialect.js';
import type { Database, ShowRow } from '../db/schema.js';
import type { RatingChange } from '../shared/change-feed.js';
import { EPISODE_PLACE, episodesInPlace } from './episode-place.js';
import { countriesColumn, watchLinkFromRow } from './watch-links.js';
import type { AlternateTitle } from './alternate-titles.js';
import { titlesOfEpisodes, titlesOfShows } from './alternate-titles.repository.js';
import type { EpisodeDetails, EpisodeLink, EpisodeRef, NewEpisodeInput, NewShowInput, Season, Show, StoredEpisode } from './catalog.types.js';

/** Where an episode is, and what to call it. */
export interface EpisodeAddress {
  /** The show's slug. */
  show: string;
  season: number;
  episode: number;
  /** For logs and the command line: the slug, the place, the title and the id ("kaleido-star S1E1 “…” (episode id 3)"). */
  label: string;
  showTitle: string;
  /** For people on the admin pages: the show's title, the place and the title ("Kaleido Star S1E1 “…”"). */
  named: string;
}

export class CatalogRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async listShows(): Promise<Show[]> {
    const rows = await this.db.selectFrom('shows').selectAll().orderBy('title').orderBy('id').execute();
    return rows.map(toShow);
  }

  async findShowBySlug(slug: string): Promise<Show | null> {
    const row = await this.db.selectFrom('shows').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row ? toShow(row) : null;
  }

  /** A show with its other titles (one more primary-key read): what its pages print. */
  async withTitles(show: Show): Promise<Show> {
    return { ...show, titles: (await titlesOfShows(this.db, [show.id])).get(show.id)! };
  }

  /** The other titles of a page of episodes, in one query per batch. */
  async episodeTitles(episodeIds: readonly number[]): Promise<Map<number, AlternateTitle[]>> {
    return titlesOfEpisodes(this.db, episodeIds);
  }

  /**
   * Shows titled `title` in any case (a few at most: titles are not unique), read through the
   * index of lowered titles (migration 0024). `lower()` is each database's own, as in 0023.
   */
  async findShowsByTitle(title: string, limit: number): Promise<Show[]> {
    const rows = await this.db.selectFrom('shows').selectAll().where(sql`lower(title)`, '=', sql`lower(${title})`).orderBy('id').limit(limit).execute();
    return rows.map(toShow);
  }

  async listSeasons(showId: number): Promise<Season[]> {
    const rows = await this.db.selectFrom('seasons').select(['id', 'show_id', 'number']).where('show_id', '=', showId).orderBy('number').execute();
    return rows.map((r) => ({ id: r.id, showId: r.show_id, number: r.number }));
  }

  async findSeason(showId: number, number: number): Promise<Season | null> {
    const row = await this.db
      .selectFrom('seasons')
      .select(['id', 'show_id', 'number'])
      .where('show_id', '=', showId)
      .where('number', '=', number)
      .executeTakeFirst();
    return row ? { id: row.id, showId: row.show_id, number: row.number } : null;
  }

  /** Directors and watch links for many episodes in two queries, whatever their number. */
  async detailsFor(episodeIds: readonly number[]): Promise<Map<number, EpisodeDetails>> {
    const details = new Map<number, EpisodeDetails>(episodeIds.map((id) => [id, { directors: [], watchLinks: [] }]));
    if (episodeIds.length === 0) return details;
    for (const ids of chunks(episodeIds, 500)) {
      const [directors, links] = await Promise.all([
        this.db
          .selectFrom('episode_directors')
          .select(['episode_id', 'name'])
          .where('episode_id', 'in', ids)
          .orderBy('episode_id')
          .orderBy('position')
          .execute(),
        this.db
          .selectFrom('episode_watch_links')
          .select(['episode_id', 'provider', 'url', 'countries'])
          .where('episode_id', 'in', ids)
          .orderBy('episode_id')
          .orderBy('position')
          .execute(),
      ]);
      for (const d of directors) details.get(d.episode_id)?.directors.push(d.name);
      for (const l of links) details.get(l.episode_id)?.watchLinks.push(watchLinkFromRow(l));
    }
    return details;
  }

  async insertShow(input: NewShowInput): Promise<number> {
    const now = nowTimestamp(this.clock);
    const row = await this.db
      .insertInto('shows')
      .values({
        slug: input.slug,
        title: input.title,
        synopsis: input.synopsis ?? '',
        network: input.network ?? null,
        status: input.status ?? null,
        last_updated: input.lastUpdated ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async insertSeason(showId: number, number: number): Promise<number> {
    const row = await this.db
      .insertInto('seasons')
      .values({ show_id: showId, number, created_at: nowTimestamp(this.clock) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async insertEpisode(input: NewEpisodeInput): Promise<number> {
    const now = nowTimestamp(this.clock);
    const { id } = await this.db
      .insertInto('episodes')
      .values({
        season_id: input.seasonId,
        number: input.number,
        title: input.title ?? null,
        air_date: input.airDate ?? null,
        synopsis: input.synopsis ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const directors = input.directors ?? [];
    if (directors.length > 0) {
      await this.db
        .insertInto('episode_directors')
        .values(directors.map((name, position) => ({ episode_id: id, position, name })))
        .execute();
    }
    const links = input.watchLinks ?? [];
    if (links.length > 0) {
      await this.db
        .insertInto('episode_watch_links')
        .values(
          links.map((link, position) => ({ episode_id: id, position, provider: link.provider, url: link.url, countries: countriesColumn(link.countries) })),
        )
        .execute();
    }
    return id;
  }

  /**
   * The episodes before and after one in the show's order (season number, then episode number),
   * across season boundaries. Each side is at most three lookups of one row through the seasons'
   * (show, number) and the episodes' (season, number) unique indexes: the same season, else the
   * nearest season on that side with episodes, then its first or last episode. The show is never
   * loaded or sorted whole.
   */
  async episodeNeighbours(showId: number, seasonNumber: number, episodeNumber: number): Promise<{ previous: EpisodeLink | null; next: EpisodeLink | null }> {
    const side = async (direction: 'previous' | 'next'): Promise<EpisodeLink | null> => {
      const before = direction === 'previous';
      const beyond = before ? '<' : '>';
      const order = before ? 'desc' : 'asc';
      const inSeason = (season: number, after?: number) =>
        this.db
          .selectFrom('episodes as e')
          .innerJoin('seasons as s', 's.id', 'e.season_id')
          .select(['e.number', 'e.title'])
          .where('s.show_id', '=', showId)
          .where('s.number', '=', season)
          .$if(after !== undefined, (q) => q.where('e.number', beyond, after!))
          .orderBy('e.number', order)
          .limit(1)
          .executeTakeFirst();
      const here = await inSeason(seasonNumber, episodeNumber);
      if (here) return { seasonNumber, episodeNumber: here.number, title: here.title };
      const season = await this.db
        .selectFrom('seasons as s')
        .select('s.number')
        .where('s.show_id', '=', showId)
        .where('s.number', beyond, seasonNumber)
        .where(({ exists, selectFrom }) => exists(selectFrom('episodes as e').select('e.id').whereRef('e.season_id', '=', 's.id')))
        .orderBy('s.number', order)
        .limit(1)
        .executeTakeFirst();
      if (!season) return null;
      const edge = await inSeason(season.number);
      return edge ? { seasonNumber: season.number, episodeNumber: edge.number, title: edge.title } : null;
    };
    const [previous, next] = await Promise.all([side('previous'), side('next')]);
    return { previous, next };
  }

  /** Resolves the public address of an episode (show slug, season and episode numbers) to its ids. */
  async findEpisodeRef(showSlug: string, seasonNumber: number, episodeNumber: number): Promise<EpisodeRef | null> {
    const row = await this.db
      .selectFrom('episodes as e')
      .innerJoin('seasons as s', 's.id', 'e.season_id')
      .innerJoin('shows as sh', 'sh.id', 's.show_id')
      .select(['e.id as episode_id', 's.id as season_id', 'sh.id as show_id'])
      .where('sh.slug', '=', showSlug)
      .where('s.number', '=', seasonNumber)
      .where('e.number', '=', episodeNumber)
      .executeTakeFirst();
    return row ? { episodeId: row.episode_id, seasonId: row.season_id, showId: row.show_id } : null;
  }

  /** Each existing episode with its show, in episode order: what a change to their ratings tells the change feed. */
  async ratingChanges(episodeIds: readonly number[]): Promise<RatingChange[]> {
    const found: RatingChange[] = [];
    for (const ids of chunks([...new Set(episodeIds)], 500)) {
      const rows = await this.db
        .selectFrom('episodes as e')
        .innerJoin('seasons as s', 's.id', 'e.season_id')
        .select(['e.id', 's.show_id'])
        .where('e.id', 'in', ids)
        .execute();
      for (const r of rows) found.push({ showId: r.show_id, episodeId: r.id });
    }
    return found.sort((a, b) => a.episodeId - b.episodeId);
  }

  /** Each episode's public address and a readable name ("kaleido-star S1E14 “Title” (episode id 14)"). */
  async episodeAddresses(episodeIds: readonly number[]): Promise<Map<number, EpisodeAddress>> {
    const found = new Map<number, EpisodeAddress>();
    for (const ids of chunks(episodeIds, 500)) {
      const rows = await episodesInPlace(this.db)
        .select(['e.id', 'e.title', ...EPISODE_PLACE])
        .where('e.id', 'in', ids)
        .execute();
      for (const r of rows) {
        found.set(r.id, {
          show: r.show_slug,
          season: r.season_number,
          episode: r.episode_number,
          label: `${r.show_slug} S${r.season_number}E${r.episode_number}${r.title ? ` “${r.title}”` : ''} (episode id ${r.id})`,
          showTitle: r.show_title,
          named: `${r.show_title} S${r.season_number}E${r.episode_number}${r.title ? ` “${r.title}”` : ''}`,
        });
      }
    }
    return found;
  }

  /** Readable names for messages that list episodes. */
  async describeEpisodes(episodeIds: readonly number[]): Promise<Map<number, string>> {
    return new Map([...(await this.episodeAddresses(episodeIds))].map(([id, a]) => [id, a.label]));
  }

  async updateShow(id: number, fields: Partial<Omit<NewShowInput, 'slug'>>): Promise<void> {
    await this.db
      .updateTable('shows')
      .set({
        ...(fields.title !== undefined ? { title: fields.title } : {}),
        ...(fields.synopsis !== undefined ? { synopsis: fields.synopsis } : {}),
        ...(fields.network !== undefined ? { network: fields.network } : {}),
        ...(fields.status !== undefined ? { status: fields.status } : {}),
        ...(fields.lastUpdated !== undefined ? { last_updated: fields.lastUpdated } : {}),
        updated_at: nowTimestamp(this.clock),
      })
      .where('id', '=', id)
      .execute();
  }

  /** A season's episodes with their details and baseline tally, in episode order. */
  async episodesOfSeason(seasonId: number): Promise<StoredEpisode[]> {
    const rows = await this.db
      .selectFrom('episodes as e')
      .leftJoin('episode_tallies as t', 't.episode_id', 'e.id')
      .select(['e.id', 'e.number', 'e.title', 'e.air_date', 'e.synopsis', 't.baseline_count', 't.baseline_sum'])
      .where('e.season_id', '=', seasonId)
      .orderBy('e.number')
      .execute();
    const details = await this.detailsFor(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      airDate: r.air_date,
      synopsis: r.synopsis,
      ...details.get(r.id)!,
      baseline: r.baseline_count ? { count: Number(r.baseline_count), sum: Number(r.baseline_sum) } : null,
    }));
  }

  async updateEpisode(id: number, fields: { title: string | null; airDate: string | null; synopsis: string | null }): Promise<void> {
    await this.db
      .updateTable('episodes')
      .set({ title: fields.title, air_date: fields.airDate, synopsis: fields.synopsis, updated_at: nowTimestamp(this.clock) })
      .where('id', '=', id)
      .execute();
  }

  /** Replaces an episode's directors and watch links with these lists, in this order. */
  async replaceEpisodeDetails(id: number, details: EpisodeDetails): Promise<void> {
    await this.db.deleteFrom('episode_directors').where('episode_id', '=', id).execute();
    await this.db.deleteFrom('episode_watch_links').where('episode_id', '=', id).execute();
    if (details.directors.length > 0) {
      await this.db
        .insertInto('episode_directors')
        .values(details.directors.map((name, position) => ({ episode_id: id, position, name })))
        .execute();
    }
    if (details.watchLinks.length > 0) {
      await this.db
        .insertInto('episode_watch_links')
        .values(
          details.watchLinks.map((l, position) => ({ episode_id: id, position, provider: l.provider, url: l.url, countries: countriesColumn(l.countries) })),
        )
        .execute();
    }
  }

  /** Deleting a show deletes its seasons, episodes, details, tallies and votes (foreign keys cascade). */
  async deleteShow(id: number): Promise<void> {
    await this.db.deleteFrom('shows').where('id', '=', id).execute();
  }

  /** Deleting a season deletes its episodes and their votes (foreign keys cascade). */
  async deleteSeason(id: number): Promise<void> {
    await this.db.deleteFrom('seasons').where('id', '=', id).execute();
  }

  async deleteEpisode(id: number): Promise<void> {
    await this.db.deleteFrom('episodes').where('id', '=', id).execute();
  }

  async countShows(): Promise<number> {
    return countShows(this.db);
  }
}

/** How many shows the catalogue holds: the one count the catalogue, the admin lists and the show figures share. */
export async function countShows(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('shows')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A stored show row as the rest of the code reads it. */
export function toShow(row: ShowRow): Show {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    synopsis: row.synopsis,
    network: row.network,
    status: row.status,
    lastUpdated: row.last_updated,
  };
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
