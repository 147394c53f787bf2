/**
 * Which pages each numbered sitemap holds. Sitemap n lists the shows, seasons and episodes whose
 * ids fall in its block of ids, so finding a sitemap's pages needs no count or offset over the
 * catalogue: a block of ids per table, a third of the URL limit each, can never overflow it.
 * Deleted rows leave some sitemaps shorter; none is ever longer.
 */
import type { SitemapPage, SitemapRepository } from './sitemap.repository.js';

/** The sitemaps protocol's limit of URLs in one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Rows read per query while a sitemap is written. */
const ROWS_PER_READ = 1_000;
const KINDS = ['shows', 'seasons', 'episodes'] as const;

export class SitemapService {
  private readonly idsPerSitemap: number;

  constructor(
    private readonly repository: SitemapRepository,
    maxUrls = SITEMAP_MAX_URLS,
    private readonly rowsPerRead = ROWS_PER_READ,
  ) {
    this.idsPerSitemap = Math.floor(maxUrls / KINDS.length);
    if (this.idsPerSitemap < 1) throw new Error(`a sitemap must hold at least ${KINDS.length} URLs`);
  }

  /** How many sitemaps the index lists: at least one, so that the index is never empty. */
  async sitemapCount(): Promise<number> {
    const highest = await this.repository.highestIds();
    return Math.max(1, Math.ceil(Math.max(highest.show, highest.season, highest.episode) / this.idsPerSitemap));
  }

  /** Sitemap `n`'s pages (n from 1), read `rowsPerRead` at a time as the caller consumes them. */
  async *pages(n: number): AsyncGenerator<SitemapPage[]> {
    const from = (n - 1) * this.idsPerSitemap + 1;
    const to = n * this.idsPerSitemap;
    for (const kind of KINDS) {
      let after = 0;
      for (;;) {
        const rows = await this.repository[kind]({ from, to, after, limit: this.rowsPerRead });
        if (rows.length > 0) yield rows;
        if (rows.length < this.rowsPerRead) break;
        after = rows[rows.length - 1]!.id;
      }
    }
  }
}
