/**
 * The networks one client is counted in (issue 24): its base network (the IPv4 address; the IPv6
 * /64, see `networkKey`) and the wider ones around it that one subscriber or one server can hold
 * whole. Counting only the base network let ten votes from ten /64s of one /48 all count, because
 * a home is usually given a /56 (256 /64s) and a hosting customer a /48 (65,536 of them); and one
 * server or small office can often pick among the addresses of an IPv4 /24. Each wider level has
 * a budget of its own, a whole number of base networks' shares (WIDER_NETWORKS_IPV6 and
 * WIDER_NETWORKS_IPV4 in src/config.ts), so a household's several fans still fit while spreading
 * over many /64s or addresses no longer multiplies anyone's share. docs/abuse-limits.md argues
 * the defaults.
 *
 * Every limit and the per-network vote rule read the levels from here. The per-network rule
 * counts them in SQL through `networkOrder`: fixed-width hex whose text order is the numeric
 * order of the network, so every wider network is one range of it on both databases.
 */
import { isIP } from 'node:net';
import { ipv6Groups, networkKey, normaliseAddress } from './ip-address.js';

/** A network wider than the base one that is counted too, and how many base networks' shares it may use. */
export interface WiderNetwork {
  prefix: number;
  shares: number;
}

export interface WiderNetworks {
  ipv4: WiderNetwork[];
  ipv6: WiderNetwork[];
}

/**
 * The defaults, argued in docs/abuse-limits.md: a /56 (a home) may use two /64s' shares and a /48
 * (a site, a hosting customer) four; an IPv4 /24 (a small provider's block, an office, a rack)
 * eight addresses' shares, more than IPv6 because unrelated subscribers share IPv4 blocks.
 */
export const DEFAULT_WIDER_NETWORKS: WiderNetworks = {
  ipv4: [{ prefix: 24, shares: 8 }],
  ipv6: [
    { prefix: 56, shares: 2 },
    { prefix: 48, shares: 4 },
  ],
};

/** Counting the base network alone: what the limits did before issue 24. */
export const BASE_NETWORK_ONLY: WiderNetworks = { ipv4: [], ipv6: [] };

/** The prefix of the base network: what `networkKey` counts and `votes.network` stores. */
export const BASE_PREFIX = { ipv4: 32, ipv6: 64 } as const;

/** One network a client is counted in. */
export interface NetworkLevel {
  prefix: number;
  /** How many base networks' shares it may use: 1 for the base network. */
  shares: number;
  /** The network as text (`198.51.100.7`, `198.51.100.0/24`, `2001:db8:1::/48`): a limit's key. */
  key: string;
  /** The first and last `networkOrder` inside it. */
  from: string;
  to: string;
}

/** The networks `address` is counted in, base network first, then wider and wider ones. */
export function networkLevels(address: string, wider: WiderNetworks): NetworkLevel[] {
  const normalised = normaliseAddress(address);
  if (normalised === null) return [{ prefix: 0, shares: 1, key: address, from: address, to: address }];
  const family = isIP(normalised) === 6 ? 'ipv6' : 'ipv4';
  const base = networkKey(normalised);
  const order = networkOrder(base);
  const levels: NetworkLevel[] = [{ prefix: BASE_PREFIX[family], shares: 1, key: base, from: order, to: order }];
  for (const { prefix, shares } of [...wider[family]].sort((a, b) => b.prefix - a.prefix)) {
    if (prefix >= BASE_PREFIX[family]) continue;
    const [from, to] = orderRange(order, prefix);
    levels.push({ prefix, shares, key: `${keyOf(from)}/${prefix}`, from, to });
  }
  return levels;
}

/**
 * A base network (an IPv4 address, or an IPv6 address or /64 key) as sortable text: `4` and eight
 * hex digits for IPv4, `6` and sixteen for the /64 of IPv6. The family digit keeps the two apart.
 * Null for text that is neither.
 */
export function networkOrder(network: string): string;
export function networkOrder(network: string | null): string | null;
export function networkOrder(network: string | null): string | null {
  if (network === null) return null;
  const address = normaliseAddress(network.endsWith('/64') ? network.slice(0, -3) : network);
  if (address === null) return null;
  if (isIP(address) === 4) return `4${hex(address.split('.').map(Number), 2)}`;
  return `6${hex(ipv6Groups(address).slice(0, 4), 4)}`;
}

function hex(parts: number[], width: number): string {
  return parts.map((part) => part.toString(16).padStart(width, '0')).join('');
}

/** The first and last order inside the `prefix` around `order`. */
function orderRange(order: string, prefix: number): [string, string] {
  const digits = order.length - 1;
  const bits = BigInt(digits * 4);
  const value = BigInt(`0x${order.slice(1)}`);
  const hostBits = bits - BigInt(prefix);
  const low = (value >> hostBits) << hostBits;
  const high = low | ((1n << hostBits) - 1n);
  const text = (n: bigint) => `${order[0]}${n.toString(16).padStart(digits, '0')}`;
  return [text(low), text(high)];
}

/** The network's first address as text, from its order. */
function keyOf(order: string): string {
  const value = order.slice(1);
  const groups = value.match(order[0] === '4' ? /../g : /..../g)!.map((part) => parseInt(part, 16));
  if (order[0] === '4') return groups.join('.');
  return networkKey(`${groups.map((g) => g.toString(16)).join(':')}::`).replace(/\/64$/, '');
}
