/**
 * What the parts of a URL may hold, for the page routes and the JSON API alike: a show's slug, a
 * whole number (a season, an episode, a block's id) and a list's page. Numbers in URLs are bounded
 * (src/shared/paging.ts) so that no value can overflow an integer column on PostgreSQL; a slug is
 * as long as the catalogue lets one be (src/catalog/catalog-rules.ts).
 */
import Type from 'typebox';
import { LIMITS } from '../catalog/catalog-rules.js';
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
export const SeasonParams = Type.Object({ show: Slug, season: PathNumber });
export const EpisodeParams = Type.Object({ show: Slug, season: PathNumber, episode: PathNumber });

/** A list's `?page=`, from 1; options add what the OpenAPI document shows (a default, a description). */
export function pageNumber(options: { default?: number; description?: string } = {}) {
  return Type.Integer({ minimum: 1, maximum: MAX_PAGE_NUMBER, ...options });
}

/** The page schema without a description, for page routes. */
export const PageNumber = pageNumber();
