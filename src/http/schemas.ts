/**
 * Request schemas that the pages (src/web) and the JSON API (src/api) share, in one place below
 * both, so a page and its API twin refuse the same input: what the parts of a URL may hold (a
 * show's slug, a whole number such as a season or an episode, a list's page), the search query and
 * the top lists' query. Numbers in URLs are bounded (src/shared/paging.ts) so that no value can
 * overflow an integer column on PostgreSQL; a slug is as long as the catalogue lets one be
 * (src/catalog/catalog-rules.ts). The vote's schemas are in ./votes.schemas.ts beside this file.
 */
import Type, { type Static } from 'typebox';
import { LIMITS } from '../catalog/catalog-rules.js';
import { MAX_SEARCH_LENGTH, MAX_SEARCH_PAGE } from '../catalog/search.service.js';
import { DEFAULT_TOP_LIST, TOP_LISTS, TOP_MAX_PAGE } from '../ranking/top-episodes.js';
import type { TopFilters } from '../ranking/top-episodes.repository.js';
import { HEATMAP_MEASURES } from '../shared/heatmap-measures.js';
import { HEATMAP_SCALES } from '../shared/heatmap-scales.js';
import { MAX_PAGE_NUMBER, MAX_URL_NUMBER } from '../shared/paging.js';

const described = (description: string | undefined) => (description === undefined ? {} : { description });

/** A show's slug in a path; the description is what the OpenAPI document shows, when one is given. */
export function slug(description?: string) {
  return Type.String({ minLength: 1, maxLength: LIMITS.slug, ...described(description) });
}

/** The slug schema without a description, for page routes. */
export const Slug = slug();

/** A show's slug in a filter form's query, where blank means every show. */
export const SlugFilter = Type.String({ maxLength: LIMITS.slug });

/** A whole number in a path, with the description the OpenAPI document shows when one is given. */
export function pathNumber(description?: string) {
  return Type.Integer({ minimum: 1, maximum: MAX_URL_NUMBER, ...described(description) });
}

/** The schema without a description, for page routes. */
export const PathNumber = pathNumber();

/** A show's, a season's and an episode's address, as page routes read them. */
export const ShowParams = Type.Object({ show: Slug });
/** What a heatmap shows (`?heatmap=average`) and how it colours it (`?scale=absolute`), on the show page and its embed. */
export const HeatmapQuery = Type.Object({
  heatmap: Type.Optional(Type.Enum([...HEATMAP_MEASURES])),
  scale: Type.Optional(Type.Enum([...HEATMAP_SCALES])),
});
export const SeasonParams = Type.Object({ show: Slug, season: PathNumber });
export const EpisodeParams = Type.Object({ show: Slug, season: PathNumber, episode: PathNumber });

/** A list's `?page=`, from 1; options add what the OpenAPI document shows (a default, a description). */
export function pageNumber(options: { default?: number; description?: string } = {}) {
  return Type.Integer({ minimum: 1, maximum: MAX_PAGE_NUMBER, ...options });
}

/** The page schema without a description, for page routes. */
export const PageNumber = pageNumber();

/** The query of /search and of /api/v1/search: one schema, so both refuse the same input. */
export const SearchQuery = Type.Object({
  q: Type.String({
    maxLength: MAX_SEARCH_LENGTH,
    description: 'What to look for: words of titles, synopses or directors’ names, each whole or as the start of a word. Case and accents do not matter.',
  }),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SEARCH_PAGE, default: 1, description: 'Which page, from 1.' })),
});

/**
 * The query of /top and of /api/v1/top. An empty year or network means no filter: the page's
 * filter form sends both fields even when they are left blank.
 */
export const TopQuery = Type.Object({
  list: Type.Optional(Type.Enum([...TOP_LISTS], { description: 'Which list: `best` (by fan score, the default), `votes` or `divisive`.' })),
  year: Type.Optional(Type.String({ pattern: '^([12][0-9]{3})?$', description: 'Only episodes first aired in this year (four digits).' })),
  network: Type.Optional(Type.String({ maxLength: LIMITS.network, description: 'Only episodes of shows on this network (its name, in any case).' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: TOP_MAX_PAGE, default: 1, description: 'Which page, from 1.' })),
});

/** The list, filters and page a top query asks for, with blank filters left out. */
export function topRequest(query: Static<typeof TopQuery>) {
  const filters: TopFilters = {};
  if (query.year) filters.year = Number(query.year);
  if (query.network) filters.network = query.network;
  return { list: query.list ?? DEFAULT_TOP_LIST, filters, page: query.page ?? 1 };
}
