/**
 * `epirank serve` with METRICS_PORT: the metrics listener opens with the site, answers on its own
 * port while the site's port refuses /metrics, and closes on SIGTERM without holding up the exit.
 * A METRICS_PORT already taken stops start-up instead of running without metrics.
 */
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyDatabase } from '../helpers/database.js';
import { freePort, runEpirank, startEpirank, type RunningServer } from '../helpers/process.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('epirank serve with METRICS_PORT', () => {
  it('serves /metrics on that port only, and stops cleanly', async () => {
    const database = await emptyDatabase();
    cleanups.push(database.drop);
    const [port, metricsPort] = [await freePort(), await freePort()];
    const server: RunningServer = await startEpirank({ DATABASE_URL: database.url, PORT: String(port), METRICS_PORT: String(metricsPort) });
    cleanups.push(async () => void server.child.kill('SIGKILL'));
    await until(() => server.output().includes('metrics served apart'), 'the metrics listener');

    expect((await fetch(`http://127.0.0.1:${port}/healthz/ready`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^epirank_http_requests_total\{method="GET",route="\/healthz\/ready",status_class="2xx"\} 1$/m);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses to start when METRICS_PORT is taken', async () => {
    const database = await emptyDatabase();
    cleanups.push(database.drop);
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => taken.close(() => resolve())));
    const metricsPort = (taken.address() as { port: number }).port;

    const { code, output } = await runEpirank(['serve'], {
      DATABASE_URL: database.url,
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      METRICS_PORT: String(metricsPort),
    });
    expect(code).toBe(1);
    expect(output).toContain(`EADDRINUSE: address already in use 127.0.0.1:${metricsPort}`);
  });
});
