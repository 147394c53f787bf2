/**
 * Resolves an episode's public address (show slug, season and episode numbers) to its ids, and
 * remembers the answer for a while: every vote needs one, and addresses almost never change.
 * Only found episodes are remembered, so a new episode is found at once. Catalogue edits in this
 * process call forget(); another instance's edit is seen within `ttlMs`, and a vote for an
 * episode deleted meanwhile fails its foreign key and is answered 404 (see VotesService).
 */
import type { CatalogRepository } from './catalog.repository.js';
import type { EpisodeRef } from './catalog.types.js';

export class EpisodeDirectory {
  private readonly known = new Map<string, { ref: EpisodeRef; expiresAt: number }>();

  constructor(
    private readonly catalog: CatalogRepository,
    private readonly ttlMs = 30_000,
    private readonly clock: () => number = Date.now,
    private readonly maxEntries = 50_000,
  ) {}

  async resolve(show: string, season: number, episode: number): Promise<EpisodeRef | null> {
    const key = `${season}/${episode}/${show}`;
    const hit = this.known.get(key);
    if (hit && hit.expiresAt > this.clock()) return hit.ref;
    const ref = await this.catalog.findEpisodeRef(show, season, episode);
    if (ref) {
      if (this.known.size >= this.maxEntries) this.known.clear();
      this.known.set(key, { ref, expiresAt: this.clock() + this.ttlMs });
    } else {
      this.known.delete(key);
    }
    return ref;
  }

  forget(): void {
    this.known.clear();
  }
}
