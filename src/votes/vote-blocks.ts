/**
 * The blocks moderators set, held in memory and reloaded every few seconds, so every vote can be
 * checked without a query; a block set in this process applies at once, in another within `ttlMs`,
 * or at once too when the instances share Redis (a change is announced through src/cluster/cache-bus.ts,
 * which calls `refresh` on every instance).
 *
 * An IPv6 block never covers less than a /64: a block on `2001:db8:1:2::7` stops the whole
 * `2001:db8:1:2::/64`. One subscriber is handed at least a /64 and picks addresses in it at will
 * (privacy extensions rotate them daily anyway), so a narrower block would be undone by the next
 * address; votes are limited per /64 for the same reason (src/shared/ip-address.ts).
 */
import { BlockList, isIP } from 'node:net';
import { IPV6_NETWORK_PREFIX, normaliseAddress, parseRange } from '../shared/ip-address.js';
import { Memo } from '../shared/memo.js';

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

/** The blocks as read, indexed for a check per vote. */
interface Loaded {
  voters: ReadonlySet<string>;
  ranges: BlockList;
}

export class VoteBlocks {
  /** One key: the whole list, read at most every `ttlMs`, and at once after the cache bus drops it. */
  private readonly loaded: Memo<'blocks', Loaded>;

  constructor(
    private readonly load: () => Promise<Block[]>,
    ttlMs = 5_000,
    clock: () => number = () => performance.now(),
  ) {
    this.loaded = new Memo({ ttlMs, clock });
  }

  async isBlocked(voterId: string, ip: string): Promise<boolean> {
    const { voters, ranges } = await this.current();
    if (voters.has(voterId)) return true;
    const address = normaliseAddress(ip);
    if (address === null) return false;
    const family = isIP(address);
    return ranges.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }

  /**
   * Reads the blocks again: after a change here or on another instance (the cache bus's `blocks`),
   * and on reconnecting to Redis. Votes checked meanwhile wait for this read.
   */
  async refresh(): Promise<void> {
    this.loaded.clear();
    await this.current();
  }

  private current(): Promise<Loaded> {
    return this.loaded.get('blocks', () => this.read());
  }

  private async read(): Promise<Loaded> {
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
    return { voters, ranges };
  }
}
