/** The rating scale, the one place that says what a rating is, and what is built from it. */
import { describe, expect, it } from 'vitest';
import { HISTOGRAM_COLUMNS } from '../../src/db/schema.js';
import { isRating, MAX_RATING, MIN_RATING, parseFormRating, RATINGS } from '../../src/votes/rating-scale.js';

describe('the rating scale', () => {
  it('runs from 1 to 10, one step at a time', () => {
    expect([MIN_RATING, MAX_RATING]).toEqual([1, 10]);
    expect(RATINGS).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('matches the histogram columns the migrations created, in order', () => {
    expect([...HISTOGRAM_COLUMNS]).toEqual(RATINGS.map((rating) => `rated_${rating}`));
  });

  it('reads exactly "1" … "10" from a form', () => {
    for (const rating of RATINGS) expect(parseFormRating(String(rating))).toBe(rating);
    for (const text of ['0', '11', '0x7', ' 7', '7 ', '7.0', '+7', '07', '7e0', '1e1', 'Infinity', 'NaN', '', 'seven', '٧', '７', '-1']) {
      expect(parseFormRating(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('takes only whole numbers in the scale as ratings', () => {
    for (const rating of RATINGS) expect(isRating(rating)).toBe(true);
    for (const value of [0, 11, 7.5, Infinity, -Infinity, NaN, '7', true, null, [7]]) expect(isRating(value), String(value)).toBe(false);
  });
});
