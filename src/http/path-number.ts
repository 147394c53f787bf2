/**
 * A whole number in a URL (a season, an episode, a list's page, a block's id), from 1 to 100,000.
 * Numbers in paths are bounded so that no value can overflow an integer column on PostgreSQL.
 * The page routes and the JSON API read such numbers with this one schema.
 */
import Type from 'typebox';

export const MAX_PATH_NUMBER = 100_000;

/** The schema, with the description the OpenAPI document shows when one is given. */
export function pathNumber(description?: string) {
  return Type.Integer({ minimum: 1, maximum: MAX_PATH_NUMBER, ...(description === undefined ? {} : { description }) });
}

/** The schema without a description, for page routes. */
export const PathNumber = pathNumber();
