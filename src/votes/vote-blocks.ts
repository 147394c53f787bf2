import { BlockList, isIP } from 'node:net';
import type { Block } from '../admin/moderation.repository.js';

/**
 * The blocks moderators set, held in memory and reloaded every few seconds, so every vote can be
 * checked without a query; a block set in this process applies at once, in another within `ttlMs`.
 */
export class VoteBlocks {
  private voters = new Set<string>();
  private ranges = new BlockList();
  private loadedAt = -Infinity;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly load: () => Promise<Block[]>,
    private readonly ttlMs = 5_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async isBlocked(voterId: string, ip: string): Promise<boolean> {
    if (this.clock() - this.loadedAt > this.ttlMs) await (this.loading ??= this.reload().finally(() => (this.loading = null)));
    if (this.voters.has(voterId)) return true;
    const family = isIP(ip);
    return family !== 0 && this.ranges.check(ip, family === 6 ? 'ipv6' : 'ipv4');
  }

  /** After a change in this process. */
  async reload(): Promise<void> {
    const blocks = await this.load();
    const voters = new Set<string>();
    const ranges = new BlockList();
    for (const block of blocks) {
      if (block.kind === 'voter') voters.add(block.value);
      else {
        const range = parseRange(block.value);
        if (range) ranges.addSubnet(range.address, range.prefix, range.family);
      }
    }
    this.voters = voters;
    this.ranges = ranges;
    this.loadedAt = this.clock();
  }
}

/** "203.0.113.0/24", "2001:db8::/32", or a single address (a /32 or /128). Null when malformed. */
export function parseRange(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address, prefixText, extra] = text.trim().split('/');
  if (!address || extra !== undefined) return null;
  const family = isIP(address);
  if (family === 0) return null;
  const max = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return null;
  return { address, prefix, family: family === 4 ? 'ipv4' : 'ipv6' };
}
