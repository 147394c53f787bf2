/**
 * Previews waiting for confirmation (src/importers/ratings/pending-previews.ts): each visitor's
 * alone, one per visitor, and, when memory runs short, taken first from the network that holds
 * the most, so a flood from one network evicts its own previews and never a fan's elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { PendingPreviews } from '../../src/importers/ratings/pending-previews.js';

describe('PendingPreviews', () => {
  it('finds a preview only for the visitor who made it, and keeps one per visitor', () => {
    const previews = new PendingPreviews<string>(() => 0, 1000);
    const first = previews.keep('a:fan', '192.0.2.1', 10, 'first');
    expect(previews.find('a:fan', first)).toBe('first');
    expect(previews.find('a:stranger', first)).toBeUndefined();
    const second = previews.keep('a:fan', '192.0.2.1', 10, 'second');
    expect(previews.find('a:fan', first)).toBeUndefined();
    expect(previews.find('a:fan', second)).toBe('second');
    expect(previews.size()).toBe(10);
  });

  it('keeps a victim’s preview through 70 uploads of other visitors from seven /64s of one /48', () => {
    // Room for 20 previews of 100 bytes: the flood must make room from its own network.
    const previews = new PendingPreviews<string>(() => 0, 2000);
    const victim = previews.keep('a:victim', '2001:db8:1::5', 100, 'victim');
    const flood: string[] = [];
    for (let net = 1; net <= 7; net++) {
      for (let i = 0; i < 10; i++) flood.push(previews.keep(`a:flood-${net}-${i}`, `2001:db8:666:${net}::${i + 1}`, 100, `flood ${net} ${i}`));
    }
    expect(previews.find('a:victim', victim)).toBe('victim');
    expect(previews.size()).toBeLessThanOrEqual(2000);
    // The flood's newest are kept, its oldest went.
    expect(previews.find('a:flood-7-9', flood.at(-1)!)).toBe('flood 7 9');
    expect(previews.find('a:flood-1-0', flood[0]!)).toBeUndefined();
  });

  it('takes from the network holding the most bytes, oldest first, when memory runs short', () => {
    const previews = new PendingPreviews<string>(() => 0, 300);
    const small = previews.keep('a:one', '198.51.100.1', 100, 'one');
    const bigOld = previews.keep('a:two', '203.0.113.1', 100, 'two');
    const bigNew = previews.keep('a:three', '203.0.113.200', 100, 'three');
    previews.keep('a:four', '192.0.2.9', 100, 'four');
    expect(previews.find('a:one', small)).toBe('one');
    expect(previews.find('a:two', bigOld)).toBeUndefined();
    expect(previews.find('a:three', bigNew)).toBe('three');
  });

  it('forgets previews after their time', () => {
    let now = 0;
    const previews = new PendingPreviews<string>(() => now, 1000);
    const id = previews.keep('a:fan', '192.0.2.1', 10, 'kept');
    now = 31 * 60_000;
    expect(previews.find('a:fan', id)).toBeUndefined();
    expect(previews.size()).toBe(0);
  });
});
