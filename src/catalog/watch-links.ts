/**
 * Watch links and the countries they work in: how the countries are kept in their column
 * (migration 0026 argues for a column over a child table), and the order a visitor reads the links
 * in. A link without countries works everywhere, or nobody knows where it does not.
 */
import type { WatchLink } from './catalog.types.js';

/** The stored form of a link's countries: codes joined by commas, '' for everywhere. */
export function countriesColumn(countries: readonly string[] | undefined): string {
  return (countries ?? []).join(',');
}

/** A link as read from its row: `countries` only where the link is limited to some. */
export function watchLinkFromRow(row: { provider: string; url: string; countries: string }): WatchLink {
  return row.countries === '' ? { provider: row.provider, url: row.url } : { provider: row.provider, url: row.url, countries: row.countries.split(',') };
}

/** Two links alike for an import's "has anything changed?", countries included. */
export function watchLinkKey(link: WatchLink): string {
  return `${link.provider}\n${link.url}\n${countriesColumn(link.countries)}`;
}

export interface WatchLinksForVisitor {
  /** The visitor's country's links, then the links for everywhere, each group in the catalogue's order. */
  first: WatchLink[];
  /** The links only for other countries, in the catalogue's order: one step away. */
  others: WatchLink[];
  /** Whether any link names countries at all (if none does, the visitor's country changes nothing). */
  byCountry: boolean;
}

/** The links in the order a visitor in `country` reads them (pure: the page decides the country). */
export function watchLinksFor(links: readonly WatchLink[], country: string | undefined): WatchLinksForVisitor {
  const here: WatchLink[] = [];
  const everywhere: WatchLink[] = [];
  const others: WatchLink[] = [];
  for (const link of links) {
    if (!link.countries || link.countries.length === 0) everywhere.push(link);
    else if (country !== undefined && link.countries.includes(country)) here.push(link);
    else others.push(link);
  }
  return { first: [...here, ...everywhere], others, byCountry: here.length + others.length > 0 };
}
