/**
 * The address a request comes from, as far as this server can vouch for it. Behind a reverse
 * proxy the socket's peer is the proxy, and the client is found in X-Forwarded-For; but every
 * entry left of the ones the trusted proxies appended was written by the client and proves
 * nothing. TRUST_PROXY says how many entries (or which proxy addresses) to believe; Fastify walks
 * the header from the right accordingly, and this module checks that what it found is an address.
 */
import type { FastifyRequest } from 'fastify';
import type { TrustProxy } from '../config.js';
import { networkKey, normaliseAddress } from '../shared/ip-address.js';

export interface ClientAddress {
  /** The normalised address votes record and moderators see. */
  address: string;
  /** What limits and blocks count against: the IPv4 address, or the IPv6 /64. */
  network: string;
}

/**
 * Only when a request has no usable address at all: its socket already closed, so nothing will be
 * answered anyway, but whatever it was doing is still counted against one shared key.
 */
const UNKNOWN_ADDRESS = '0.0.0.0';

/**
 * The client's address. A forwarded value that is not an IP address (`1.2.3.4:80`, markup) is
 * not used: the request is counted against the socket's peer instead, which is the proxy that
 * wrote it, rather than under a spelling of the client's choosing.
 */
export function clientAddress(request: Pick<FastifyRequest, 'ip' | 'socket'>): ClientAddress {
  const address = normaliseAddress(request.ip) ?? normaliseAddress(request.socket?.remoteAddress) ?? UNKNOWN_ADDRESS;
  return { address, network: networkKey(address) };
}

/** Fastify's `trustProxy` option for a TRUST_PROXY setting. */
export function fastifyTrustProxy(setting: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  // Fastify 5 refuses a bare hop count (it cannot tell a proxy from a client dialling in
  // directly); the operator who sets one vouches that only the proxy can reach the app, as the
  // README says. Hop 0 is the socket's peer, hop 1 the rightmost forwarded entry, and so on.
  return (_address, hop) => hop < setting;
}
