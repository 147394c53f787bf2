/**
 * Which pages each numbered sitemap holds. Sitemap n lists the shows, seasons and episodes whose
 * ids fall in its block of ids, so finding a sitemap's pages needs no count or offset over the
 * catalogue: a block of ids per table, a third of what the limits leave after the site's listing
 * pages, can never overflow them. Sitemap 1 also lists the listing pages (the show browser and
 * each site-wide episode list, unfiltered). Deleted rows leave some sitemaps shorter; none is ever
 * longer.
 *
 * Each page is written as one <url> entry per language, each naming every language's address
 * (src/catalog/sitemap-xml.ts), so a page costs several URLs and a few kilobytes: the block is
 * sized by both of the protocol's limits, the URLs per file and the bytes per file, with every
 * page counted at the size of the longest address the site can have.
 */
import { LANGUAGE_TAGS } from '../i18n/languages.js';
import { paths } from '../shared/paths.js';
import { TOP_LISTS } from '../shared/top-lists.js';
import { LIMITS, NUMBER_RANGE } from './catalog-rules.js';
import { ENTRIES_PER_PAGE, pageEntries, URLSET_CLOSE, URLSET_OPEN } from './sitemap-xml.js';
import type { SitemapPage, SitemapRepository } from './sitemap.repository.js';

/** The sitemaps protocol's limit of URLs in one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;
/** The sitemaps protocol's limit of one sitemap file's size, uncompressed: 50 MiB. */
export const SITEMAP_MAX_BYTES = 50 * 1024 * 1024;
/**
 * The longest site address (scheme, host, port) a sitemap is written for when PUBLIC_URL is not
 * set and the request's Host names the site: "https://", a DNS name's 253 characters, ":65535".
 */
export const LONGEST_HOST_BASE = 'https://'.length + 253 + ':65535'.length;
/** Rows read per query while a sitemap is written. */
const ROWS_PER_READ = 1_000;
const KINDS = ['shows', 'seasons', 'episodes'] as const;
/** A lastmod as long as any the repository gives (an ISO 8601 timestamp). */
const LONGEST_LASTMOD = '2000-01-01T00:00:00.000Z';

/**
 * The listing pages search engines should find: unfiltered only, since a filter or a later page
 * repeats pages the sitemaps list anyway. They change with every vote, so they carry no lastmod.
 */
export const LISTING_PATHS: readonly string[] = [paths.shows(), ...TOP_LISTS.map((list) => paths.top({ list }))];

/** An entry of a sitemap: a catalogue page with its lastmod, or one of the listing pages. */
export type SitemapEntry = SitemapPage | { kind: 'listing'; path: string };

export interface SitemapLimits {
  /** URLs (<url> entries) in one file. */
  maxUrls: number;
  /** Bytes of one file, uncompressed. */
  maxBytes: number;
  /** The longest site address the files are written for: PUBLIC_URL's length when it is set. */
  longestSiteBase: number;
  rowsPerRead: number;
}

/**
 * The most bytes one page's entries can take: the longest address a page of the catalogue or a
 * listing can have, at the longest site address, whichever language is the default.
 */
export function longestPageBytes(longestSiteBase: number): number {
  const base = 'h'.repeat(longestSiteBase);
  const longestNumber = NUMBER_RANGE.max;
  const candidates = [...LISTING_PATHS, paths.episode('s'.repeat(LIMITS.slug), longestNumber, longestNumber)];
  return Math.max(...candidates.flatMap((path) => LANGUAGE_TAGS.map((tag) => Buffer.byteLength(pageEntries(base + path, LONGEST_LASTMOD, tag)))));
}

export class SitemapService {
  private readonly idsPerSitemap: number;
  private readonly rowsPerRead: number;
  /** The longest site address the sizes were worked out for; a longer one is refused (see fitsSiteBase). */
  readonly longestSiteBase: number;

  constructor(
    private readonly repository: SitemapRepository,
    limits: Partial<SitemapLimits> = {},
  ) {
    const { maxUrls = SITEMAP_MAX_URLS, maxBytes = SITEMAP_MAX_BYTES, longestSiteBase = LONGEST_HOST_BASE, rowsPerRead = ROWS_PER_READ } = limits;
    this.rowsPerRead = rowsPerRead;
    this.longestSiteBase = longestSiteBase;
    // Pages per file under both limits; the urlset's own opening and closing lines come off the bytes first.
    const pageBytes = longestPageBytes(longestSiteBase);
    const pagesPerSitemap = Math.min(
      Math.floor(maxUrls / ENTRIES_PER_PAGE),
      Math.floor((maxBytes - Buffer.byteLength(URLSET_OPEN + URLSET_CLOSE)) / pageBytes),
    );
    this.idsPerSitemap = Math.floor((pagesPerSitemap - LISTING_PATHS.length) / KINDS.length);
    if (this.idsPerSitemap < 1) throw new Error(`a sitemap must hold at least ${(LISTING_PATHS.length + KINDS.length) * ENTRIES_PER_PAGE} URLs`);
  }

  /** Whether a site address fits the sizes the sitemaps were cut for (a Host header longer than a DNS name does not). */
  fitsSiteBase(site: string): boolean {
    return Buffer.byteLength(site) <= this.longestSiteBase;
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
