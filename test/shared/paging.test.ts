/**
 * Numbered pages on their own (src/shared/paging.ts): offsets, page counts, the entries a page
 * shows and the pages a pager links to, at the edges (an empty list, a last page part-full, the
 * first and last pages of a long list).
 */
import { describe, expect, it } from 'vitest';
import { entriesOnPage, numberedPage, offsetOf, pageCountOf, pagesAround } from '../../src/shared/paging.js';

describe('numbered pages', () => {
  it('skips the rows of the pages before', () => {
    expect([offsetOf(1, 50), offsetOf(2, 50), offsetOf(3, 100)]).toEqual([0, 50, 200]);
  });

  it('counts pages, an empty list still having its first', () => {
    expect([pageCountOf(0, 50), pageCountOf(1, 50), pageCountOf(50, 50), pageCountOf(51, 50), pageCountOf(120, 50)]).toEqual([1, 1, 1, 2, 3]);
    expect(numberedPage(['a'], 3, 50, 120)).toEqual({ items: ['a'], page: 3, pageCount: 3, total: 120 });
  });

  it('numbers the entries a page shows, the last page part-full', () => {
    expect(entriesOnPage(1, 50, 120)).toEqual({ first: 1, last: 50 });
    expect(entriesOnPage(3, 50, 120)).toEqual({ first: 101, last: 120 });
    expect(entriesOnPage(1, 50, 0)).toEqual({ first: 1, last: 0 });
  });

  it('links the first, the last and two pages either side of the current one', () => {
    expect(pagesAround(1, 1)).toEqual([1]);
    expect(pagesAround(1, 10)).toEqual([1, 2, 3, 10]);
    expect(pagesAround(5, 10)).toEqual([1, 3, 4, 5, 6, 7, 10]);
    expect(pagesAround(10, 10)).toEqual([1, 8, 9, 10]);
    expect(pagesAround(2, 3)).toEqual([1, 2, 3]);
  });
});
