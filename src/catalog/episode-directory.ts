/**
 * Resolves an episode's public address (show slug, season and episode numbers) to its ids, and
 * remembers the answer for a while: every vote needs one, and addresses almost never change.
 * Only found episodes are remembered, so a new episode is found at once. Catalogue edits in this
 * process call forget(); another instance's edit is seen within `ttlMs`, and a vote for an
 * episode deleted meanwhile fails its foreign key and is answered 404 (see VotesService).
 */
import { Memo } from '../shared/memo.js';
import type { CatalogRepository } from './catalog.repository.js';
import type { EpisodeRef } from './catalog.types.js';

export class EpisodeDirectory {
  private readonly known: Memo<string, EpisodeRef | null>;

  constructor(
    private readonly catalog: CatalogRepository,
    ttlMs = 30_000,
    clock: () => number = () => performance.now(),
    maxEntries = 50_000,
  ) {
    this.known = new Memo({ ttlMs, clock, maxEntries, keep: (ref) => ref !== null });
  }

  resolve(show: string, season: number, episode: number): Promise<EpisodeRef | null> {
    return this.known.get(`${season}/${episode}/${show}`, () => this.catalog.findEpisodeRef(show, season, episode));
  }

  /** The catalogue changed (here, or on another instance through the cache bus). */
  forget(): void {
    this.known.clear();
  }
}
