/**
 * Addresses people type or paste that are not a page's canonical form: any address with a
 * trailing slash (and `/shows`, which is now a page of its own). Raw paths go over a real socket, because inject() would parse "//host/"
 * as a URL with a host instead of sending it as the request target a browser or a script can send.
 */
import { request as httpRequest } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { withoutTrailingSlash } from '../../src/web/site/pages.routes.js';
import { seedDemo, useTestApp } from '../helpers/app.js';

const context = useTestApp({ seed: seedDemo });
beforeAll(async () => {
  await context.app.listen({ port: 0, host: '127.0.0.1' });
});

async function get(url: string, method: 'GET' | 'HEAD' = 'GET') {
  return context.app.inject({ method, url });
}

/** Sends `path` byte for byte as the request target to a listening app. */
async function rawGet(path: string): Promise<{ status: number; location: string | undefined }> {
  const address = context.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening');
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: address.port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('/shows', () => {
  it('is the list of every show, no longer a redirect to the home page', async () => {
    const response = await get('/shows');
    expect(response.statusCode).toBe(200);
    expect(response.headers.location).toBeUndefined();
    expect(response.body).toContain('href="/shows/kaleido-star"');
  });
});

describe('addresses with a trailing slash', () => {
  it.each([
    ['/shows/', '/shows'],
    ['/shows/kaleido-star/', '/shows/kaleido-star'],
    ['/shows/kaleido-star/seasons/1/', '/shows/kaleido-star/seasons/1'],
    ['/shows/kaleido-star/seasons/1///', '/shows/kaleido-star/seasons/1'],
    ['/shows/kaleido-star/seasons/1/?sort=average&x=%2F%2F', '/shows/kaleido-star/seasons/1?sort=average&x=%2F%2F'],
    ['/shows/kaleido-star/seasons/1/episodes/7/', '/shows/kaleido-star/seasons/1/episodes/7'],
    ['/account/sign-in/?return=%2Faccount', '/account/sign-in?return=%2Faccount'],
    ['/nowhere/', '/nowhere'],
  ])('%s is a permanent redirect to %s, keeping the query', async (url, canonical) => {
    const response = await get(url);
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(canonical);
    expect((await get(url, 'HEAD')).statusCode).toBe(301);
  });

  it('leads to the page itself', async () => {
    const target = (await get('/shows/kaleido-star/seasons/1/?sort=votes')).headers.location!;
    const page = await get(target);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('aria-current="true" class="current">Most votes');
  });

  it('leaves the home page and addresses without a trailing slash alone', async () => {
    expect((await get('/')).statusCode).toBe(200);
    expect((await get('/shows/kaleido-star')).statusCode).toBe(200);
    const missing = await get('/nowhere');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('There is no page at this address.');
  });
});

describe('never a redirect to another site', () => {
  it.each([
    '//evil.example/',
    '///evil.example/',
    '/\\evil.example/',
    '/\\/evil.example/',
    '/.//evil.example/',
    '/shows/..//evil.example/',
    '/shows//kaleido-star/',
  ])('%s is not redirected', async (path) => {
    const response = await rawGet(path);
    expect(response.location, path).toBeUndefined();
    expect(response.status, path).toBe(404);
  });

  it('refuses, in the function itself, anything but plain path segments of visible ASCII', () => {
    expect(withoutTrailingSlash('/a/b/?q=1')).toBe('/a/b?q=1');
    expect(withoutTrailingSlash('/')).toBeNull();
    expect(withoutTrailingSlash('/a')).toBeNull();
    expect(withoutTrailingSlash('/a?next=/b/')).toBeNull();
    for (const url of ['//x/', '/\\x/', '/./x/', '/x/../', '/a b/', '/a/?q=\u00e9', '/\u0000/']) {
      expect(withoutTrailingSlash(url), JSON.stringify(url)).toBeNull();
    }
  });
});
