/**
 * The admin area registers its guard once (src/web/admin/index.ts), not route by route: this test
 * reads every route Fastify holds under /admin, whatever file registered it, and checks that a
 * visitor is sent to sign in and a fan refused, with nothing written. Moderation routes also
 * refuse an editor, once for that whole part.
 */
import { describe, expect, it } from 'vitest';
import { signedInAs } from '../helpers/accounts.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { countRows } from '../helpers/database.js';
import { parsePage } from '../helpers/html.js';
import { registeredRoutes } from '../helpers/routes.js';

const context = useTestApp({ seed: seedDemo });
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };

/** Every GET and POST route Fastify holds whose path passes `wanted`, as [method, pattern]. */
const routesWhere = (wanted: (path: string) => boolean) =>
  registeredRoutes(context.app)
    .map((route) => route.split(' ') as [string, string])
    .filter(([method, path]) => (method === 'GET' || method === 'POST') && wanted(path));

/** A path pattern with its parameters filled in with things the demo catalogue has. */
const concrete = (pattern: string) => pattern.replace(':show', 'kaleido-star').replace(':season', '1').replace(':episode', '1').replace(':id', '1');

async function written() {
  const db = context.database.handle.db;
  const count = (table: 'shows' | 'episodes' | 'votes' | 'audit_log' | 'vote_blocks') => countRows(db, table);
  return {
    shows: await count('shows'),
    episodes: await count('episodes'),
    votes: await count('votes'),
    audit: await count('audit_log'),
    blocks: await count('vote_blocks'),
  };
}

const send = (method: string, url: string, cookie?: string) =>
  context.app.inject({
    method: method as 'GET' | 'POST',
    url,
    headers: { ...(method === 'POST' ? FORM : {}), ...(cookie ? { cookie } : {}) },
    payload: method === 'POST' ? '' : undefined,
  });

describe('the admin area guard', () => {
  it('covers every route under /admin: a visitor is sent to sign in, a fan refused, nothing written', async () => {
    const routes = routesWhere((path) => path === '/admin' || path.startsWith('/admin/'));
    // The catalogue's and moderation's routes: a parser that found fewer has lost some.
    expect(routes.length).toBeGreaterThanOrEqual(30);
    const fan = await signedInAs(context.app, context.database, 'fan');
    const before = await written();
    for (const [method, pattern] of routes) {
      const url = concrete(pattern);
      const anonymous = await send(method, url);
      expect([method, url, anonymous.statusCode, anonymous.headers.location]).toEqual([method, url, 303, `/account/sign-in?return=${encodeURIComponent(url)}`]);
      const asFan = await send(method, url, fan);
      expect([method, url, asFan.statusCode]).toEqual([method, url, 403]);
    }
    expect(await written()).toEqual(before);
  });

  it('lets editors into catalogue editing but not into any moderation route', async () => {
    const routes = routesWhere((path) => path.startsWith('/admin/moderation')).filter(([method]) => method === 'GET');
    expect(routes.length).toBeGreaterThanOrEqual(3);
    const editor = await signedInAs(context.app, context.database, 'editor');
    for (const [method, pattern] of routes) {
      const refused = await send(method, concrete(pattern), editor);
      expect([pattern, refused.statusCode]).toEqual([pattern, 403]);
    }
    expect((await send('GET', '/admin', editor)).statusCode).toBe(200);
  });
});

describe('the page a refused account sees', () => {
  const heading = (body: string) => parsePage(body)('h1').text();

  it('names the role the page takes: an editor for catalogue editing, an admin for moderation and the audit log', async () => {
    const [fan, editor] = [await signedInAs(context.app, context.database, 'fan'), await signedInAs(context.app, context.database, 'editor')];
    for (const [url, cookie, expected] of [
      ['/admin', fan, 'You need to be an editor to see this'],
      ['/admin/shows/kaleido-star', fan, 'You need to be an editor to see this'],
      ['/admin/moderation', fan, 'You need to be an admin to see this'],
      ['/admin/moderation/held', editor, 'You need to be an admin to see this'],
      ['/admin/audit', fan, 'You need to be an admin to see this'],
      ['/admin/audit', editor, 'You need to be an admin to see this'],
    ] as const) {
      const refused = await send('GET', url, cookie);
      expect([url, refused.statusCode, heading(refused.body)]).toEqual([url, 403, expected]);
      expect(parsePage(refused.body)('.error-detail').text()).toMatch(/You are signed in as a (fan|editor)\.$/);
    }
    // A form sent by someone without the role is told what it would take to do it.
    const posted = await send('POST', '/admin/moderation/blocks', editor);
    expect([posted.statusCode, heading(posted.body)]).toEqual([403, 'You need to be an admin to do this']);
  });
});
