/** Every route an app holds, read back from Fastify's route tree, for tests that check them all. */
import type { FastifyInstance } from 'fastify';

/**
 * "METHOD /path/:param" for every route (HEAD included), whatever file registered it. printRoutes
 * draws a tree of path pieces, four characters of indentation a level; a piece without methods
 * (a shared prefix) still prefixes its children.
 */
export function registeredRoutes(app: FastifyInstance): string[] {
  const prefixes: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (depth === 0 ? '' : prefixes[depth - 1]!) + match[2]!;
    prefixes[depth] = path;
    for (const method of match[3]?.split(', ') ?? []) routes.push(`${method} ${path}`);
  }
  return routes;
}
