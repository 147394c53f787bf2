/**
 * Which pages each numbered sitemap holds. Sitemap n lists the shows, seasons and episodes whose
 * ids fall in its block of ids, so finding a sitemap's pages needs no count or offset over the
 * catalogue: a block of ids per table, a third of what the URL limit leaves after the site's
 * listing pages, can never overflow it. Sitemap 1 also lists the listing pages (the show browser
 * and each site-wide episode list, unfiltered). Deleted rows leave some sitemaps shorter; none is
 * ever longer.
 */
import { paths } from '../shared/paths.js';
import { TOP_LISTS } from '../shared/top-lists.js';
import type { SitemapPage, SitemapRepository } from './sitemap.repository.js';

/** The sitemaps protocol's limit of URLs in one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Rows read per query while a sitemap is written. */
const ROWS_PER_READ = 1_000;
const KINDS = ['shows', 'seasons', 'episodes'] as const;

/**
 * The listing pages search engines should find: unfiltered only, since a filter or a later page
 * repeats pages the sitemaps list anyway. They change with every vote, so they carry no lastmod.
 */
export const LISTING_PATHS: readonly string[] = [paths.shows(), ...TOP_LISTS.map((list) => paths.top({ list }))];

/** An entry of a sitemap: a catalogue page with its lastmod, or one of the listing pages. */
export type SitemapEntry = SitemapPage | { kind: 'listing'; path: string };

export class SitemapService {
  private readonly idsPerSitemap: number;

  constructor(
    private readonly repository: SitemapRepository,
    maxUrls = SITEMAP_MAX_URLS,
    private readonly rowsPerRead = ROWS_PER_READ,
  ) {
    this.idsPerSitemap = Math.floor((maxUrls - LISTING_PATHS.length) / KINDS.length);
    if (this.idsPerSitemap < 1) throw new Error(`a sitemap must hold at least ${LISTING_PATHS.length + KINDS.length} URLs`);
  }

  /** How many sitemaps the index lists: at least one, so that the index is never empty. */
  async sitemapCount(): Promise<number> {
    const highest = await this.repository.highestIds();
    return Math.max(1, Math.ceil(Math.max(highest.show, highest.season, highest.episode) / this.idsPerSitemap));
  }

  /** Sitemap `n`'s pages (n from 1), read `rowsPerRead` at a time as the caller consumes them. */
  async *pages(n: number): AsyncGenerator<SitemapEntry[]> {
    if (n === 1) yield LISTING_PATHS.map((path) => ({ kind: 'listing', path }));
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
