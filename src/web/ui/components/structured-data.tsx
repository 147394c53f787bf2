/**
 * schema.org JSON-LD for the show, season and episode pages: what search engines read to show a
 * page's rating and place in the site. Every number here is one the page itself shows. A WebPage
 * node says which language the page's own words are in (`inLanguage`), about the graph's first
 * node: the show's or episode's own language is another matter, so the series does not carry it.
 */
import type { AggregateRating, BreadcrumbList, Thing } from 'schema-dts';
import { MAX_RATING, MIN_RATING } from '../../../votes/rating-scale.js';
import { currentLanguage } from '../../../i18n/context.js';
import { h, raw, type Html } from '../jsx.js';

/**
 * A node of the graph, typed by schema-dts (schema.org's classes and properties as TypeScript),
 * so that a misspelt property or a property of another type fails to compile.
 */
type Node = Thing;

/** A page's figures as it shows them: the average (two decimals) and its vote count. */
export interface ShownRating {
  average: string | null;
  votes: number;
}

/** The rating a page shows, or nothing when it has no votes (an empty rating is invalid). */
export function aggregateRating(rating: ShownRating): AggregateRating | undefined {
  if (rating.average === null || rating.votes <= 0) return undefined;
  return {
    '@type': 'AggregateRating',
    ratingValue: Number(rating.average),
    ratingCount: rating.votes,
    bestRating: MAX_RATING,
    worstRating: MIN_RATING,
  };
}

/** A show's or an episode's other titles for `alternateName` (every title but `name`), or nothing when it has none. */
export function alternateNames(name: string, record: { title: string | null; titles?: ReadonlyArray<{ title: string }> }): string[] | undefined {
  const others = [...new Set([record.title, ...(record.titles ?? []).map((t) => t.title)])].filter((t): t is string => t !== null && t !== name);
  return others.length > 0 ? others : undefined;
}

/** The breadcrumb trail as absolute URLs; the last step is the page itself. */
export function breadcrumbList(trail: Array<{ name: string; url: string }>): BreadcrumbList {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, index) => ({ '@type': 'ListItem', position: index + 1, name: step.name, item: step.url })),
  };
}

/** The site's base from a page's absolute URL and its path (canonical URLs are base + path). */
export function siteOf(url: string, path: string): string {
  return url.endsWith(path) ? url.slice(0, url.length - path.length) : new URL(url).origin;
}

/** Drops undefined fields so that an absent rating leaves no key behind. */
function compact(node: Node): Record<string, unknown> {
  return Object.fromEntries(Object.entries(node).filter(([, value]) => value !== undefined));
}

/** The page itself, in the language in force, about the graph's main node when that has an @id. */
function webPage(main: Node | undefined): Node {
  const id = main && typeof main === 'object' ? (main as { '@id'?: string })['@id'] : undefined;
  return { '@type': 'WebPage', inLanguage: currentLanguage(), mainEntity: id ? { '@id': id } : undefined };
}

/**
 * The JSON-LD script. JSON may hold "</script>" or "<!--" inside a title; escaping "<", ">" and
 * "&" as \u sequences keeps the text inert in HTML while parsing to the same JSON.
 */
export function StructuredData(props: { nodes: Node[] }): Html {
  const json = JSON.stringify({ '@context': 'https://schema.org', '@graph': [...props.nodes, webPage(props.nodes[0])].map(compact) })
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return <script type="application/ld+json">{raw(json)}</script>;
}
