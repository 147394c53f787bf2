/**
 * Clients that take forever to send a request are cut off. A real server listens on a free port
 * with REQUEST_TIMEOUT_SECONDS lowered to 1 so the test takes seconds; raw sockets send a request
 * a few bytes at a time and never finish it.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { serverTimeouts } from '../../src/http/server-timeouts.js';
import { useTestApp } from '../helpers/app.js';

/** Far beyond the 1 s given below plus Node's 1 s check, yet well inside the test's own limit. */
const GIVE_UP_MS = 15_000;

interface Dribbled {
  /** Whether the server closed the connection before we gave up. */
  closedByServer: boolean;
  answer: string;
}

/** Sends `head`, then `drip` every 100 ms, until the server hangs up (or GIVE_UP_MS pass). */
function dribble(port: number, head: string, drip: string): Promise<Dribbled> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let closedByServer = true;
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    // Writing after the server hung up fails; the close that follows is what counts.
    socket.on('error', () => {});
    socket.on('connect', () => socket.write(head));
    const dripping = setInterval(() => socket.writable && socket.write(drip), 100);
    const giveUp = setTimeout(() => {
      closedByServer = false;
      socket.destroy();
    }, GIVE_UP_MS);
    socket.on('close', () => {
      clearInterval(dripping);
      clearTimeout(giveUp);
      resolve({ closedByServer, answer });
    });
  });
}

describe('slow clients', () => {
  const context = useTestApp({ config: { requestTimeoutSeconds: 1 } });

  async function listen(): Promise<number> {
    if (!context.app.server.listening) await context.app.listen({ port: 0, host: '127.0.0.1' });
    return (context.app.server.address() as AddressInfo).port;
  }

  it('answers 408 and disconnects a client that sends its headers, then dribbles the body', async () => {
    const port = await listen();
    const head =
      'PUT /api/v1/shows/any/seasons/1/episodes/1/rating HTTP/1.1\r\n' +
      'Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"rating":';
    const { closedByServer, answer } = await dribble(port, head, ' ');
    expect(closedByServer).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('disconnects a client that dribbles its headers', async () => {
    const port = await listen();
    const { closedByServer } = await dribble(port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: 1\r\n');
    expect(closedByServer).toBe(true);
  });

  it('still answers a client that sends its request at once', async () => {
    const port = await listen();
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
  });
});

describe('server timeouts by default', () => {
  it('give a client 30 s for a request, check deadlines every second, and close idle keep-alive connections after 5 s', () => {
    const timeouts = serverTimeouts(loadConfig({}));
    expect(timeouts).toMatchObject({
      requestTimeout: 30_000,
      keepAliveTimeout: 5_000,
      http: { requestTimeout: 30_000, headersTimeout: 30_000, connectionsCheckingInterval: 1_000 },
    });
  });
});
