/**
 * Without REDIS_URL an instance works alone, exactly as before Redis support: it opens no
 * connection beyond its database and counts limits in its own memory. The control case (REDIS_URL
 * pointing at a listening socket) shows the connection watch would see a Redis connection.
 */
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { seedDemo, testConfig } from '../helpers/app.js';
import { freshDatabase } from '../helpers/database.js';

/** The ports every socket this process opens is aimed at, from now on. */
function watchConnections(): number[] {
  const ports: number[] = [];
  const connect = net.Socket.prototype.connect;
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket, ...args: unknown[]) {
    // net.connect() hands the socket its arguments already normalised, as one array.
    const [first] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    const port = typeof first === 'object' && first !== null ? (first as { port?: unknown }).port : first;
    ports.push(Number(port));
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  });
  return ports;
}

/** Builds an app, takes three votes from one address and renders a page, then closes it. */
async function serveBriefly(config: Partial<Config>): Promise<number[]> {
  const database = await freshDatabase();
  await seedDemo(database);
  const app = await buildApp({ config: testConfig({ voteLimitPerIp: 2, ...config }), database: database.handle, logger: false });
  try {
    const statuses: number[] = [];
    for (const episode of [1, 2, 3]) {
      const response = await app.inject({
        method: 'PUT',
        url: `/api/v1/shows/kaleido-star/seasons/1/episodes/${episode}/rating`,
        payload: { rating: 8 },
        remoteAddress: '192.0.2.44',
      });
      statuses.push(response.statusCode);
    }
    expect((await app.inject({ method: 'GET', url: '/shows/kaleido-star/seasons/1' })).statusCode).toBe(200);
    return statuses;
  } finally {
    await app.close();
    await database.drop();
  }
}

const databasePort = (url: string) => (URL.canParse(url) && new URL(url).protocol.startsWith('postgres') ? Number(new URL(url).port || 5432) : null);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an instance without REDIS_URL', () => {
  it('connects nowhere but its database and limits votes in its own memory', async () => {
    const ports = watchConnections();
    const statuses = await serveBriefly({});
    expect(statuses).toEqual([200, 200, 429]);
    const template = process.env.TEST_DATABASE_URL;
    const allowed = template ? databasePort(template) : null;
    expect(ports.filter((port) => port !== allowed)).toEqual([]);
  });

  it('(control) with REDIS_URL, does try to reach it, and still serves while it cannot', async () => {
    const accepted: net.Socket[] = [];
    const fake = net.createServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const { port } = fake.address() as AddressInfo;
    try {
      const ports = watchConnections();
      // Nothing answers on this socket, so every limit falls back to local counting.
      const statuses = await serveBriefly({ redisUrl: `redis://127.0.0.1:${port}` });
      expect(statuses).toEqual([200, 200, 429]);
      expect(ports).toContain(port);
      expect(accepted.length).toBeGreaterThan(0);
    } finally {
      for (const socket of accepted) socket.destroy();
      await new Promise((resolve) => fake.close(resolve));
    }
  });
});
