/**
 * Rendered pages for visitors without a voter cookie, who all see the same HTML. An entry is
 * dropped when a vote changes its show in this process (or any show, for pages that span shows)
 * and otherwise lives `ttlMs`, which bounds how stale a page can be when another app instance
 * took the vote.
 */
interface Entry {
  /** Encoded once: writing an 80 KB string with non-ASCII characters re-encodes it on every send. */
  html: Buffer;
  showId: number | null;
  generation: number;
  expiresAt: number;
}

const MAX_ENTRIES = 2_000;

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<number, number>();
  private anyShowGeneration = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The page stored for `key`, unless it has expired or a vote has changed its show since. */
  get(key: string): Buffer | undefined {
    if (this.ttlMs <= 0) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock() || entry.generation !== this.generationOf(entry.showId)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.html;
  }

  /** Stores a page about `showId` (null: a page about every show, such as the home page). */
  set(key: string, showId: number | null, html: Buffer): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { html, showId, generation: this.generationOf(showId), expiresAt: this.clock() + this.ttlMs });
  }

  /** Drops every page (after a moderator removed a voter's ratings across shows). */
  clear(): void {
    this.entries.clear();
  }

  invalidateShow(showId: number): void {
    this.generations.set(showId, (this.generations.get(showId) ?? 0) + 1);
    this.anyShowGeneration++;
  }

  private generationOf(showId: number | null): number {
    return showId === null ? this.anyShowGeneration : (this.generations.get(showId) ?? 0);
  }
}
