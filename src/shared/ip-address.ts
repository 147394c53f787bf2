/**
 * IP addresses as Epirank stores and compares them. Addresses arrive as free text (a socket's
 * peer, an X-Forwarded-For entry, a moderator's block, an operator's TRUST_PROXY list), and the
 * same host can be spelled many ways: `::ffff:192.0.2.1` is 192.0.2.1 reached over a dual-stack
 * socket, `2001:DB8:0::1` is `2001:db8::1`. Everything that limits, blocks or records an address
 * goes through here, so one host always has one spelling and text that is not an address
 * (`1.2.3.4:80`, `01.2.3.4`, markup) is never taken for one.
 */
import { isIP } from 'node:net';

/** The prefix one IPv6 subscriber is expected to hold whole: addresses inside it are free to pick. */
export const IPV6_NETWORK_PREFIX = 64;

/**
 * The canonical spelling of an IP address, or null when `text` is not one: IPv4 in dotted
 * decimal without leading zeros; IPv6 in RFC 5952 form (lower case, longest zero run as `::`),
 * with an IPv4-mapped address turned back into IPv4 and a zone id (`%eth0`) dropped, since it
 * names an interface on the receiving host rather than anything about the client.
 */
export function normaliseAddress(text: string | undefined | null): string | null {
  if (typeof text !== 'string') return null;
  const zone = text.indexOf('%');
  const bare = zone === -1 ? text : text.slice(0, zone);
  if (zone !== -1 && !/^%[\w.-]{1,64}$/.test(text.slice(zone))) return null;
  const family = isIP(bare);
  if (family === 4 && zone === -1) return bare;
  if (family === 6) return formatIpv6(ipv6Groups(bare));
  return null;
}

/**
 * What limits and blocks count against for a normalised address: the IPv4 address itself, or the
 * /64 an IPv6 address belongs to (`2001:db8:1:2::/64`). One IPv6 subscriber usually holds a whole
 * /64 and can hop between its 2^64 addresses at will, so counting single IPv6 addresses would let
 * every request come from a fresh one.
 */
export function networkKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = ipv6Groups(address);
  return `${formatIpv6([...groups.slice(0, 4), 0, 0, 0, 0])}/${IPV6_NETWORK_PREFIX}`;
}

export interface AddressRange {
  /** The normalised address the range was written with (not necessarily its first address). */
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/**
 * "203.0.113.0/24", "2001:db8::/32", or a single address (a /32 or /128). Null when malformed.
 * An IPv4-mapped range (`::ffff:192.0.2.0/120`) becomes the IPv4 range it maps, because clients
 * are recorded with mapped addresses unmapped.
 */
export function parseRange(text: string): AddressRange | null {
  const [addressText, prefixText, extra] = text.trim().split('/');
  if (!addressText || extra !== undefined || addressText.includes('%')) return null;
  const address = normaliseAddress(addressText);
  if (address === null) return null;
  const mapped = isIP(address) === 4 && isIP(addressText) === 6;
  const max = isIP(address) === 4 && !mapped ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!Number.isInteger(prefix) || prefix > max) return null;
  if (mapped) return prefix >= 96 ? { address, prefix: prefix - 96, family: 'ipv4' } : null;
  return { address, prefix, family: max === 32 ? 'ipv4' : 'ipv6' };
}

/** The eight 16-bit groups of a string `isIP` accepted as IPv6 (without a zone id). */
export function ipv6Groups(text: string): number[] {
  let hex = text.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(hex);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    hex = `${hex.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = hex.split('::') as [string, string | undefined];
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const left = groups(head);
  if (tail === undefined) return left;
  const right = groups(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** RFC 5952 text for eight groups, or dotted IPv4 for an IPv4-mapped address (::ffff:0:0/96). */
function formatIpv6(groups: number[]): string {
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [high, low] = [groups[6]!, groups[7]!];
    return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  }
  // The longest run of two or more zero groups (the first, on a tie) becomes "::".
  let runStart = -1;
  let runLength = 1;
  for (let i = 0; i < 8; ) {
    let end = i;
    while (end < 8 && groups[end] === 0) end++;
    if (end - i > runLength) [runStart, runLength] = [i, end - i];
    i = Math.max(end, i + 1);
  }
  const hex = groups.map((g) => g.toString(16));
  if (runStart === -1) return hex.join(':');
  return `${hex.slice(0, runStart).join(':')}::${hex.slice(runStart + runLength).join(':')}`;
}
