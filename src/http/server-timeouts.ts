/**
 * How long the HTTP server waits on a client. Fastify leaves its request and connection timeouts
 * off, and a client that sent its headers and then dribbled its body held the connection for as
 * long as it liked: 1,000 such clients were all still connected after 150 s.
 */
import type { ServerOptions } from 'node:http';
import type { Config } from '../config.js';

/**
 * A connection silent in both directions this long is closed: one whose client stopped reading
 * its answer, say. Long enough for the slowest admin import, which sends nothing until it is done.
 */
const IDLE_CONNECTION_MS = 5 * 60_000;

/**
 * How often Node looks for requests past their deadline. Its default of 30 s would let a client
 * given 30 s keep its connection for up to a minute.
 */
const DEADLINE_CHECK_MS = 1_000;

export interface ServerTimeouts {
  requestTimeout: number;
  keepAliveTimeout: number;
  connectionTimeout: number;
  http: ServerOptions;
}

/** Fastify's options for the timeouts, from the operator's settings. */
export function serverTimeouts(config: Pick<Config, 'requestTimeoutSeconds' | 'keepAliveSeconds'>): ServerTimeouts {
  const requestMs = config.requestTimeoutSeconds * 1000;
  return {
    // Headers and body together: a client that dribbles either is answered 408 and disconnected.
    requestTimeout: requestMs,
    keepAliveTimeout: config.keepAliveSeconds * 1000,
    connectionTimeout: IDLE_CONNECTION_MS,
    // Node checks these when the server is created; Fastify sets only requestTimeout afterwards.
    http: {
      requestTimeout: requestMs,
      headersTimeout: requestMs,
      connectionsCheckingInterval: Math.min(DEADLINE_CHECK_MS, requestMs),
    },
  };
}
