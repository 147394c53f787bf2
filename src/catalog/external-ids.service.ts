/**
 * A show's or an episode's ids on other sites, for the links on its public page: one primary-key
 * read of at most four rows.
 */
import type { ExternalIds } from './external-ids.js';
import type { ExternalIdsRepository } from './external-ids.repository.js';

export class ExternalIdsService {
  constructor(private readonly repository: ExternalIdsRepository) {}

  async ofShow(showId: number): Promise<ExternalIds> {
    return (await this.repository.idsOfShows([showId])).get(showId) ?? {};
  }

  async ofEpisode(episodeId: number): Promise<ExternalIds> {
    return (await this.repository.idsOfEpisodes([episodeId])).get(episodeId) ?? {};
  }
}
