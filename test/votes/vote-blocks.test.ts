import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/votes/vote-blocks.js';
import { VoteBlocks } from '../../src/votes/vote-blocks.js';

const blocksOf = (...values: string[]) =>
  new VoteBlocks(async () => values.map((value, i): Block => ({ id: i + 1, kind: 'ip', value, createdBy: 'u:1', createdAt: '2026-11-25T00:00:00.000Z' })));

describe('VoteBlocks', () => {
  it('widens an IPv6 block narrower than /64 to the whole /64', async () => {
    const blocks = blocksOf('2001:db8:1:2::7');
    expect(await blocks.isBlocked('a:x', '2001:db8:1:2::7')).toBe(true);
    expect(await blocks.isBlocked('a:x', '2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(true);
    expect(await blocks.isBlocked('a:x', '2001:db8:1:3::7')).toBe(false);
  });

  it('keeps wider IPv6 blocks and IPv4 blocks as written', async () => {
    const blocks = blocksOf('2001:db8:100::/48', '203.0.113.9');
    expect(await blocks.isBlocked('a:x', '2001:db8:100:ffff::1')).toBe(true);
    expect(await blocks.isBlocked('a:x', '2001:db8:101::1')).toBe(false);
    expect(await blocks.isBlocked('a:x', '203.0.113.9')).toBe(true);
    expect(await blocks.isBlocked('a:x', '203.0.113.10')).toBe(false);
  });

  it('matches an IPv4 client however its address is spelled, and ignores what is not an address', async () => {
    const blocks = blocksOf('198.51.100.0/24');
    expect(await blocks.isBlocked('a:x', '::ffff:198.51.100.20')).toBe(true);
    expect(await blocks.isBlocked('a:x', '198.51.100.20:80')).toBe(false);
  });
});
