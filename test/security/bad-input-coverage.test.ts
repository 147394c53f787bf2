/**
 * The bad-input catalogue (bad-input-catalogue.ts) names every route the app serves, so the
 * generated bad-input suite (test/e2e/bad-input.test.ts, slow tier) leaves none out. Checked here,
 * in `npm test`, so that a new route without an entry fails at once rather than in CI.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { ROUTES } from './bad-input-catalogue.js';

// With METRICS_TOKEN set, as the generated suite runs, so that /metrics is served on the site's port.
const context = useTestApp({ config: { metricsToken: 'bad-input-metrics-token-0123456789ab' } });

describe('generated bad input', () => {
  it('covers every route the app serves', () => {
    const served = listRoutes(context.app.printRoutes({ commonPrefix: false }));
    const covered = new Set(ROUTES.map((route) => `${route.method} ${route.path}`));
    const missing = served.filter((route) => !covered.has(route) && !route.startsWith('OPTIONS ') && !route.startsWith('HEAD '));
    expect(missing, 'routes the bad-input catalogue does not exercise').toEqual([]);
    for (const route of ROUTES) expect(context.app.hasRoute({ method: route.method, url: route.path }), `${route.method} ${route.path}`).toBe(true);
  });
});

/** "METHOD /path" for every route in Fastify's printed route tree (`commonPrefix: false`). */
function listRoutes(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│├└─\s]*)(\S.*?) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = Math.floor(match[1]!.length / 4);
    stack.length = depth;
    const parent = stack.at(-1) ?? '';
    const path = parent === '/' ? `/${match[2]}` : `${parent}${match[2]}`;
    stack.push(path);
    for (const method of match[3]!.split(', ')) routes.push(`${method} ${path}`);
  }
  return routes;
}
