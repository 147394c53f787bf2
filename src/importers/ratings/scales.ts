/**
 * How each site's ratings become Epirank's (1-10, rating-scale.ts): the one home of these rules.
 * The parsers convert with them, the preview states them ("5 stars → 10") and
 * docs/importing-ratings.md explains them.
 *
 * IMDb and Trakt rate 1-10, as Epirank does, so their numbers are kept. TV Time rates episodes with
 * 1 to 5 stars; each star is worth two points here, so 5 stars is a 10 and 1 star a 2. Doubling
 * keeps the top of the scale at the top and the gaps even, at the cost of never producing an odd
 * number or a 1, which a fan can change afterwards like any rating.
 */
import { MAX_RATING, MIN_RATING } from '../../votes/rating-scale.js';
import type { RatingsSource } from './rating-file.js';
import { says, type MessageRef } from '../../shared/errors.js';

export interface SourceScale {
  /** The lowest and highest rating the site gives. */
  min: number;
  max: number;
  /** What one of its ratings is called: "" for plain numbers, "stars" for stars. */
  unit: string;
  /** Its rating as Epirank's. */
  toEpirank(rating: number): number;
  /** The rule, for the preview and the docs. */
  rule: string;
}

const sameScale: SourceScale = {
  min: MIN_RATING,
  max: MAX_RATING,
  unit: '',
  toEpirank: (rating) => rating,
  rule: `${MIN_RATING}-${MAX_RATING}, the same scale as Epirank: kept as they are`,
};

const STARS = 5;
const POINTS_PER_STAR = MAX_RATING / STARS;

export const SCALES: Record<RatingsSource, SourceScale> = {
  imdb: sameScale,
  trakt: sameScale,
  tvtime: {
    min: 1,
    max: STARS,
    unit: 'stars',
    toEpirank: (stars) => stars * POINTS_PER_STAR,
    rule: `1-${STARS} stars, each worth ${POINTS_PER_STAR} points: ${STARS} stars → ${STARS * POINTS_PER_STAR}, 1 star → ${POINTS_PER_STAR}`,
  },
};

/**
 * A rating as the file wrote it, converted, or null when it is not a whole number on the site's
 * scale (a half star, a 0, a word).
 */
export function convertRating(source: RatingsSource, value: unknown): number | null {
  const scale = SCALES[source];
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,2}\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < scale.min || number > scale.max) return null;
  return scale.toEpirank(number);
}

/** The rating as the file wrote it, with its unit where it has one: "7", "4 stars". */
export function describeFileRating(source: RatingsSource, value: number): string {
  const { unit } = SCALES[source];
  return unit === '' ? String(value) : `${value} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
}

/** A row whose rating breaks the site's scale: "“Your Rating” is “11”, not a whole number from 1 to 10". */
export function offScale(source: RatingsSource, column: string, value: string): MessageRef {
  const { min, max, unit } = SCALES[source];
  return says('errors.ratingsNotOnScale', { column, value, min, max, stars: unit === 'stars' ? 'yes' : 'no' });
}
