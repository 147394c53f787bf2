/**
 * Catalogue search: turns what a visitor typed into words the engines can only read as words,
 * asks for one page of matches (relevance, then votes), and falls back to near misses by title
 * when no document holds the words, so that "kaleidp" still finds Kaleido Star. The HTML page,
 * the header's suggestions and the JSON API all call `search`.
 */
import { Memo } from '../shared/memo.js';
import { SEARCH_CANDIDATES, type SearchHit, type SearchRepository, type SearchRow } from './search.repository.js';
import { offsetOf } from '../shared/paging.js';

/** The longest query accepted (the routes' schemas refuse longer with 400). */
export const MAX_SEARCH_LENGTH = 200;
/** Results on one page, and the most a page may be asked to hold. */
export const SEARCH_PER_PAGE = 20;
export const MAX_SEARCH_PER_PAGE = 50;
/** The deepest page: a query ranks at most SEARCH_CANDIDATES documents, so nothing lies past them. */
export const MAX_SEARCH_PAGE = SEARCH_CANDIDATES / SEARCH_PER_PAGE;
/** Words after these are ignored: each adds a condition, none makes a better match. */
const MAX_WORDS = 8;
/**
 * How much of a mistyped word a title word must share to count as a near miss: the share of the
 * word's trigrams found in it. 0.6 is pg_trgm's own default for the `<%` operator.
 */
const NEAR_MISS_SIMILARITY = 0.6;

export interface SearchResults {
  /** The words searched for, folded (lower case, no accents); empty when the text held none. */
  words: string[];
  items: SearchRow[];
  page: number;
  perPage: number;
  /** Whether a next page has results. */
  more: boolean;
  /** True when nothing held the words and these are titles that come close instead. */
  nearMisses: boolean;
}

/** Lower case, accents removed: what the engines index (migration 0010 folds the same way). */
export function foldText(text: string): string {
  // Most titles and queries are printable ASCII, where only the case changes; skipping Unicode
  // normalisation there matters when near misses fold a hundred titles a query.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  // Only the Latin-script accents go (what FTS5's remove_diacritics and search_fold remove): kana's
  // voicing marks are letters of their own ("ド" is not "ト"), so the text is composed again after.
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]+/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[ıłøđ]/g, (c) => ({ ı: 'i', ł: 'l', ø: 'o', đ: 'd' })[c] ?? c);
}
const PLAIN_ASCII = /^[ -~]*$/;

/** The words of a query: runs of letters and digits, so quotes, stars, NEAR( and the like are only separators. */
export function searchWords(text: string): string[] {
  return (foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/** pg_trgm's trigrams of one word: padded with two spaces before and one after. */
function paddedTrigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/**
 * How close titles come to the words: for each word, the best share of its trigrams in one title
 * word; then the mean. The words' trigrams are made once and a title word's are looked up as
 * substrings of it (the same trigrams, without a set per title word): near misses score up to
 * NEAR_MISS_CANDIDATES titles a query.
 */
export function nearMissScorer(words: readonly string[]): (title: string) => number {
  const wordGrams = words.map((w) => [...paddedTrigrams(w)]);
  return (title) => {
    const titleWords = searchWords(title).map((w) => `  ${w} `);
    if (wordGrams.length === 0 || titleWords.length === 0) return 0;
    let total = 0;
    for (const grams of wordGrams) {
      let best = 0;
      for (const padded of titleWords) {
        let shared = 0;
        for (const g of grams) if (padded.includes(g)) shared++;
        best = Math.max(best, shared / grams.length);
      }
      total += best;
    }
    return total / wordGrams.length;
  };
}

/**
 * What the trigram indexes are asked for when the words found nothing: every four-letter run of a
 * word of five letters or more, else every three-letter run. A title holding any of them is a
 * candidate; four letters in a row keep out most titles that share one common trigram by chance,
 * and a one-letter slip in a long word still leaves a run intact.
 */
export function nearMissPieces(words: readonly string[]): string[] {
  const runs = (word: string, size: number) => Array.from({ length: Math.max(0, word.length - size + 1) }, (_, i) => word.slice(i, i + size));
  return [...new Set(words.flatMap((w) => runs(w, w.length >= 5 ? 4 : 3)))];
}

/** What one list of words found, ranked: all of it (at most SEARCH_CANDIDATES), so that each page is a slice. */
interface Found {
  hits: readonly SearchHit[];
  /** True when nothing held the words and these are titles that come close instead. */
  nearMisses: boolean;
}

export interface SearchReuse {
  /**
   * How long what one list of words found is reused: PAGE_CACHE_SECONDS, the bound every cached
   * answer keeps to. 0 searches on every request.
   */
  ttlMs: number;
  /** The most lists of words remembered at once; the longest remembered is forgotten first. */
  maxSearches?: number;
  /** Milliseconds on a monotonic clock; injected by tests. */
  clock?: () => number;
}

/** About 5 MB at most: a remembered search is up to SEARCH_CANDIDATES small objects, about 5 KB (measured). */
const DEFAULT_MAX_SEARCHES = 1000;

export class SearchService {
  /**
   * Recent searches, by their words. What the words found is the same for every visitor (the
   * spoiler horizons and the votes shown are applied afterwards), and the same words come in
   * bursts: a popular title typed into the header's suggestions, a results page paged through.
   * The search pages are not kept in the page cache, which one-off queries would fill, so this
   * keeps what the engines found instead, in a bounded list of its own.
   */
  private readonly recent: Memo<string, Found>;

  constructor(
    private readonly repository: SearchRepository,
    reuse: SearchReuse = { ttlMs: 0 },
  ) {
    this.recent = new Memo({ ttlMs: reuse.ttlMs, maxEntries: reuse.maxSearches ?? DEFAULT_MAX_SEARCHES, clock: reuse.clock });
  }

  async search(text: string, page = 1, perPage = SEARCH_PER_PAGE): Promise<SearchResults> {
    const words = searchWords(text);
    const offset = offsetOf(page, perPage);
    const empty = { words, items: [], page, perPage, more: false, nearMisses: false };
    if (words.length === 0) return empty;
    const { hits, nearMisses } = await this.found(words);
    const items = await this.repository.describe(hits.slice(offset, offset + perPage));
    return { ...empty, items, more: hits.length > offset + perPage, nearMisses };
  }

  /** The catalogue changed: search again from now on. */
  forget(): void {
    this.recent.clear();
  }

  /**
   * What the words find, searched at most once per `ttlMs`; requests for the same words arriving
   * together share one search. A failed search is not kept.
   */
  private found(words: readonly string[]): Promise<Found> {
    return this.recent.get(words.join(' '), () => this.find(words));
  }

  private async find(words: readonly string[]): Promise<Found> {
    const hits = await this.repository.matching(words);
    if (hits.length > 0) return { hits, nearMisses: false };
    return { hits: await this.nearMisses(words), nearMisses: true };
  }

  /** Titles close to the words, closest first, then most voted; bounded by NEAR_MISS_CANDIDATES. */
  private async nearMisses(words: readonly string[]) {
    const candidates = await this.repository.nearMisses(nearMissPieces(words));
    const similarityOf = nearMissScorer(words);
    const close: Array<{ hit: SearchHit; votes: number; similarity: number }> = [];
    for (const c of candidates) {
      const similarity = similarityOf(c.title);
      if (similarity >= NEAR_MISS_SIMILARITY) close.push({ hit: c.hit, votes: c.votes, similarity });
    }
    return close.sort((a, b) => b.similarity - a.similarity || b.votes - a.votes).map((c) => c.hit);
  }
}
