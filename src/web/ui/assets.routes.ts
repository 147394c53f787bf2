/**
 * The stylesheet and the client script, held in memory and served with a content hash in the
 * URL: browsers may cache them for a year because any change produces a new URL.
 */
import { routes } from '../../shared/paths.js';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { cacheControl } from '../../http/cache-policy.js';

interface Asset {
  body: Buffer;
  type: string;
  hash: string;
}

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
};

const ASSET_DIR = new URL('../assets/', import.meta.url);

const assets = new Map<string, Asset>(
  readdirSync(ASSET_DIR)
    .filter((name) => TYPES[name.split('.').pop() ?? ''])
    .map((name) => {
      const body = readFileSync(new URL(name, ASSET_DIR));
      const type = TYPES[name.split('.').pop()!]!;
      return [name, { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) }];
    }),
);

/** The cache-busting URL of an asset, e.g. `/assets/site.css?v=3f2a…`. */
export function assetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`unknown asset ${name}`);
  return `/assets/${name}?v=${asset.hash}`;
}

export async function assetRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { name: string }; Querystring: { v?: string } }>(routes.site.asset, async (request, reply) => {
    const asset = assets.get(request.params.name);
    if (!asset) return reply.callNotFound();
    const versioned = request.query.v === asset.hash;
    return reply
      .type(asset.type)
      .header('cache-control', versioned ? cacheControl.fingerprintedAsset : cacheControl.unversionedAsset)
      .header('etag', `"${asset.hash}"`)
      .send(asset.body);
  });
}
