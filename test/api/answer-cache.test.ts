import { describe, expect, it } from 'vitest';
import { AnswerCache, EVERY_SHOW } from '../../src/api/answer-cache.js';

/** The bounds of the API answer cache, on its own with an injected clock. */
const answer = (body: string) => ({ body, etag: '"t"' });

describe('AnswerCache', () => {
  it('stays within its bytes by dropping the oldest answers', () => {
    const cache = new AnswerCache({ ttlMs: 60_000, maxBytes: 2000, clock: () => 0 });
    for (let i = 0; i < 10; i++) cache.set(`/a/${i}`, 1, answer('x'.repeat(300)), cache.mark());
    expect(cache.stats().bytes).toBeLessThanOrEqual(2000);
    expect(cache.stats().entries).toBe(3);
    expect(cache.get('/a/0')).toBeUndefined();
    expect(cache.get('/a/9')?.body).toHaveLength(300);
    cache.set('/huge', 1, answer('x'.repeat(2000)), cache.mark());
    expect(cache.get('/huge')).toBeUndefined();
    expect(cache.get('/a/9')).toBeDefined();
  });

  it('forgets answers once they expire', () => {
    let now = 0;
    const cache = new AnswerCache({ ttlMs: 1000, maxBytes: 100_000, clock: () => now });
    cache.set('/a', 1, answer('a'), cache.mark());
    now = 999;
    expect(cache.get('/a')).toBeDefined();
    now = 1000;
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it('drops only the changed show’s answers, and refuses one built across the change', () => {
    const cache = new AnswerCache({ ttlMs: 60_000, maxBytes: 100_000, clock: () => 0 });
    cache.set('/one', 1, answer('1'), cache.mark());
    cache.set('/two', 2, answer('2'), cache.mark());
    const mark = cache.mark();
    cache.invalidateShow(1);
    expect(cache.get('/one')).toBeUndefined();
    expect(cache.get('/two')).toBeDefined();
    cache.set('/one', 1, answer('stale'), mark);
    expect(cache.get('/one')).toBeUndefined();
    cache.set('/two-again', 2, answer('2'), mark);
    expect(cache.get('/two-again')).toBeDefined();
    cache.clear();
    cache.set('/two-late', 2, answer('2'), mark);
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it('drops an answer about every show when any show changes, and refuses one built across a change', () => {
    const cache = new AnswerCache({ ttlMs: 60_000, maxBytes: 100_000, clock: () => 0 });
    cache.set('/shows', EVERY_SHOW, answer('list'), cache.mark());
    cache.set('/two', 2, answer('2'), cache.mark());
    const mark = cache.mark();
    cache.invalidateShow(1);
    expect(cache.get('/shows')).toBeUndefined();
    expect(cache.get('/two')).toBeDefined();
    cache.set('/shows', EVERY_SHOW, answer('stale'), mark);
    expect(cache.get('/shows')).toBeUndefined();
    cache.set('/shows', EVERY_SHOW, answer('fresh'), cache.mark());
    expect(cache.get('/shows')?.body).toBe('fresh');
  });
});
