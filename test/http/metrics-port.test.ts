/**
 * METRICS_PORT: /metrics moves to a listener of its own and the site's port no longer answers it.
 * Real sockets on free ports, in process, wired as server.ts wires them.
 */
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { metricsListener } from '../../src/http/metrics.js';
import { testConfig } from '../helpers/app.js';
import { freshDatabase, type TestDatabase } from '../helpers/database.js';
import { freePort } from '../helpers/process.js';

let database: TestDatabase | undefined;
let app: FastifyInstance | undefined;
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('METRICS_PORT', () => {
  it('serves /metrics on its own port only, and closes that port with the app', async () => {
    database = await freshDatabase();
    const metricsPort = await freePort();
    app = await buildApp({ config: testConfig({ metricsPort }), database: database.handle, logger: false });
    const listener = metricsListener(app, metricsPort, '127.0.0.1');
    await app.listen({ port: 0, host: '127.0.0.1' });
    const site = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    expect((await listener.listen()).port).toBe(metricsPort);
    const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;

    expect((await fetch(`${site}/healthz/live`)).status).toBe(200);
    const onSite = await fetch(`${site}/metrics`);
    expect(onSite.status).toBe(404);
    await onSite.text();

    const apart = await fetch(metricsUrl);
    expect(apart.status).toBe(200);
    expect(apart.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(apart.headers.get('cache-control')).toBe('no-store');
    const text = await apart.text();
    // The site's requests are counted there: the 404 for /metrics among them, as unmatched.
    expect(text).toMatch(/^epirank_http_requests_total\{method="GET",route="\/healthz\/live",status_class="2xx"\} 1$/m);
    expect(text).toMatch(/^epirank_http_requests_total\{method="GET",route="unmatched",status_class="4xx"\} 1$/m);

    expect((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(404);
    expect((await fetch(metricsUrl, { method: 'POST' })).status).toBe(405);

    await app.close();
    app = undefined;
    // Refused, or cut off on the kept-alive connection: either way no answer comes back.
    await expect(fetch(metricsUrl)).rejects.toThrow('fetch failed');
  });
});
