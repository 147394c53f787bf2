/**
 * The rating scale: a fan rates an episode with a whole number from 1 (worst) to 10 (best). This is
 * its only statement; the API schema, the vote form and its parsing, the vote service's check, the
 * histogram and the pages are all built from it. (The database's CHECK constraint and histogram
 * columns were written by migrations and cannot follow a change here: a test compares them.)
 */
import Type from 'typebox';

export const MIN_RATING = 1;
export const MAX_RATING = 10;

/** Every rating a fan may give, lowest first: also the order of the histogram's buckets. */
export const RATINGS: readonly number[] = Array.from({ length: MAX_RATING - MIN_RATING + 1 }, (_, i) => MIN_RATING + i);

/** "1 to 10", for sentences that tell a person what to send. */
export const RATING_RANGE_TEXT = `${MIN_RATING} to ${MAX_RATING}`;

export function isRating(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_RATING && value <= MAX_RATING;
}

/** The exact text a form sends for each rating: "1" … "10", nothing else ("07", " 7", "7.0", "0x7", "+7"). */
const FORM_VALUES: ReadonlyMap<string, number> = new Map(RATINGS.map((rating) => [String(rating), rating]));

/** A form field's rating, or null when the text is not exactly one of the scale's numbers. */
export function parseFormRating(text: string): number | null {
  return FORM_VALUES.get(text) ?? null;
}

/**
 * A rating in a JSON body. An `enum` with no `type` on purpose: Fastify's validator coerces values
 * to a schema's `type` (`true` became 1, `"0x7"` and `[7]` became 7), and an enum alone compares
 * the value as sent, so only the JSON numbers 1 … 10 pass.
 */
export const RatingSchema = Type.Enum([...RATINGS], { description: `A rating from ${MIN_RATING} (worst) to ${MAX_RATING} (best): a JSON integer.` });

/** A rating as the vote form posts it: the text "1" … "10" (see RatingSchema for why an enum). */
export const FormRatingSchema = Type.Enum([...FORM_VALUES.keys()], { description: `A rating from ${RATING_RANGE_TEXT}.` });

/** A rating in an answer, where no coercion happens and a plain integer documents it best. */
export const RatingOutputSchema = Type.Integer({ minimum: MIN_RATING, maximum: MAX_RATING });

/** Votes for each rating, index 0 holding the lowest. */
export const HistogramSchema = (description?: string) =>
  Type.Array(Type.Integer({ minimum: 0 }), { minItems: RATINGS.length, maxItems: RATINGS.length, ...(description ? { description } : {}) });

/** An empty histogram: no votes for any rating. */
export function emptyHistogram(): number[] {
  return RATINGS.map(() => 0);
}
