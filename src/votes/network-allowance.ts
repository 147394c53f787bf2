/**
 * The per-network rule (issue 12): one network (an IPv4 address; an IPv6 /64) may give one episode
 * only so many counted ratings within NETWORK_WINDOW_DAYS; further ratings are held for review.
 * This module is the rule's one home: the window, and how many counted ratings a network may give
 * (VOTES_PER_NETWORK, or a larger number an operator lists for a range in VOTES_PER_NETWORK_ALLOW,
 * such as a university's proxy that many fans share).
 *
 * Since issue 24 the wider networks around the voter's count too (network-levels.ts: by default
 * the IPv6 /56 and /48, the IPv4 /24), each with its shares' worth of VOTES_PER_NETWORK, and a
 * rating is held when any of them has given its allowance. A listed range is the operator's word
 * on how much that network may give: its voters are counted against the listing alone.
 */
import { BlockList, isIP } from 'node:net';
import { normaliseAddress, parseRange } from '../shared/ip-address.js';
import { BASE_NETWORK_ONLY, networkLevels, type WiderNetworks } from '../shared/network-levels.js';

/** How far back a network's counted ratings of an episode count against it. */
export const NETWORK_WINDOW_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The earliest `cast_at` (an ISO timestamp) that still counts against a network at `now`. */
export function networkWindowStart(now: string): string {
  return new Date(Date.parse(now) - NETWORK_WINDOW_DAYS * DAY_MS).toISOString();
}

/** One operator-listed range and the number of counted ratings per episode it may give. */
export interface ListedNetwork {
  /** `address/prefix`, as parseRange reads it. */
  range: string;
  ratings: number;
}

/**
 * One network a rating counts against: its `votes.network_order` range, and how many counted
 * ratings of one episode it may give within the window.
 */
export interface NetworkCap {
  from: string;
  to: string;
  ratings: number;
}

/** How many counted ratings of one episode a network may give; 0 means no limit. */
export class NetworkAllowance {
  /** Most specific range first, so a narrower listing inside a wider one wins. */
  private readonly listed: Array<{ ranges: BlockList; family: 'ipv4' | 'ipv6'; ratings: number }>;

  constructor(
    private readonly perNetwork: number,
    listed: readonly ListedNetwork[] = [],
    private readonly wider: WiderNetworks = BASE_NETWORK_ONLY,
  ) {
    this.listed = listed
      .map((entry) => ({ entry, range: parseRange(entry.range) }))
      .filter((item): item is { entry: ListedNetwork; range: NonNullable<ReturnType<typeof parseRange>> } => item.range !== null)
      .sort((a, b) => b.range.prefix - a.range.prefix)
      .map(({ entry, range }) => {
        const ranges = new BlockList();
        ranges.addSubnet(range.address, range.prefix, range.family);
        return { ranges, family: range.family, ratings: entry.ratings };
      });
  }

  /** The allowance of the network the client `address` belongs to. */
  of(address: string): number {
    if (this.perNetwork === 0) return 0;
    return this.listedOf(address) ?? this.perNetwork;
  }

  /**
   * Every network a rating from `address` counts against, base network first; empty when nothing
   * limits it (no address, the rule off, or a range listed as unlimited).
   */
  caps(address: string | null): NetworkCap[] {
    if (address === null || normaliseAddress(address) === null) return [];
    const ratings = this.of(address);
    if (ratings === 0) return [];
    const levels = networkLevels(address, this.listedOf(address) === undefined ? this.wider : BASE_NETWORK_ONLY);
    return levels.map((level) => ({ from: level.from, to: level.to, ratings: ratings * level.shares }));
  }

  private listedOf(address: string): number | undefined {
    const normalised = normaliseAddress(address);
    if (normalised === null) return undefined;
    const family = isIP(normalised) === 6 ? 'ipv6' : 'ipv4';
    return this.listed.find((l) => l.family === family && l.ranges.check(normalised, family))?.ratings;
  }
}

/**
 * Thrown by VotesRepository.rate when asked not to hold: the rating would have been held because
 * its network gave its allowance, and nothing was written. The service asks the anonymous voter for
 * a proof of work instead (votes.service.ts).
 */
export class NetworkFullError extends Error {
  override name = 'NetworkFullError';
  constructor() {
    super('the network has given this episode its allowance of counted ratings');
  }
}
