/**
 * The blocks moderators set, held in memory and reloaded every few seconds, so every vote can be
 * checked without a query; a block set in this process applies at once, in another within `ttlMs`,
 * or at once too when the instances share Redis (a change is announced through src/cluster/cache-bus.ts).
 *
 * An IPv6 block never covers less than a /64: a block on `2001:db8:1:2::7` stops the whole
 * `2001:db8:1:2::/64`. One subscriber is handed at least a /64 and picks addresses in it at will
 * (privacy extensions rotate them daily anyway), so a narrower block would be undone by the next
 * address; votes are limited per /64 for the same reason (src/shared/ip-address.ts).
 */
import { BlockList, isIP } from 'node:net';
import { IPV6_NETWORK_PREFIX, normaliseAddress, parseRange } from '../shared/ip-address.js';

/** A blocked voter id or address range, as moderators add it. */
export interface Block {
  id: number;
  kind: 'voter' | 'ip';
  value: string;
  createdBy: string;
  createdAt: string;
}

// Moderation validates a block with the same parser the blocks are loaded with.
export { parseRange };

export class VoteBlocks {
  private voters = new Set<string>();
  private ranges = new BlockList();
  private loadedAt = -Infinity;
  private loading: Promise<void> | null = null;
  private announce: () => void = () => undefined;

  constructor(
    private readonly load: () => Promise<Block[]>,
    private readonly ttlMs = 5_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async isBlocked(voterId: string, ip: string): Promise<boolean> {
    if (this.clock() - this.loadedAt > this.ttlMs) await (this.loading ??= this.refresh().finally(() => (this.loading = null)));
    if (this.voters.has(voterId)) return true;
    const address = normaliseAddress(ip);
    if (address === null) return false;
    const family = isIP(address);
    return this.ranges.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }

  /** Told after each change made in this process, to pass it on to the other instances. */
  onChange(announce: () => void): void {
    this.announce = announce;
  }

  /** After a change in this process: reloads, then tells the other instances. */
  async reload(): Promise<void> {
    await this.refresh();
    this.announce();
  }

  /** Reads the blocks again: periodically, and when another instance announces a change. */
  async refresh(): Promise<void> {
    const blocks = await this.load();
    const voters = new Set<string>();
    const ranges = new BlockList();
    for (const block of blocks) {
      if (block.kind === 'voter') voters.add(block.value);
      else {
        const range = parseRange(block.value);
        if (!range) continue;
        const prefix = range.family === 'ipv6' ? Math.min(range.prefix, IPV6_NETWORK_PREFIX) : range.prefix;
        ranges.addSubnet(range.address, prefix, range.family);
      }
    }
    this.voters = voters;
    this.ranges = ranges;
    this.loadedAt = this.clock();
  }
}
