import { describe, expect, it } from 'vitest';
import { ADMIN_PAGE_SIZE } from '../../src/editing/admin-paging.js';
import { exportCatalog, serializeCatalog } from '../../src/importers/catalog-export.js';
import type { CatalogFile } from '../../src/importers/catalog-format.js';
import { assetUrl } from '../../src/web/ui/assets.routes.js';
import { VoteWrites } from '../../src/votes/vote-writes.js';
import { signedInAs } from '../helpers/accounts.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { catalogEpisode, oneShowCatalog } from '../helpers/catalog-file.js';
import { countRows } from '../helpers/database.js';
import { parsePage } from '../helpers/html.js';
import { storeOf } from '../../src/repositories.js';

/**
 * Uploading individual ratings: an editor's file with ratings is refused whole; an admin's is
 * audited rating by rating, and moderators see the ratings as imported, whatever times the file
 * gives them. And the site keeps answering while a big import runs.
 */

const context = useTestApp({ seed: seedDemo });
const db = () => context.database.handle.db;

function multipart(name: string, content: string, fields: Record<string, string>) {
  const boundary = '----epirank-ratings-boundary';
  const parts = Object.entries(fields).map(([field, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${value}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/json\r\n\r\n${content}\r\n`);
  return { payload: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

const upload = (cookie: string, file: CatalogFile, dryRun = false) => {
  const body = multipart('ratings.json', serializeCatalog(file), dryRun ? { dryRun: '1' } : {});
  return context.app.inject({
    method: 'POST',
    url: '/admin/import',
    payload: body.payload,
    headers: { 'content-type': body.contentType, 'sec-fetch-site': 'same-origin', cookie },
  });
};

async function snapshot() {
  const count = (table: 'shows' | 'episodes' | 'votes' | 'audit_log') => countRows(db(), table);
  const votes = await db().selectFrom('votes').select(['voter_id', 'episode_id', 'rating', 'imported_at']).orderBy('id').execute();
  const tallies = await db().selectFrom('episode_tallies').selectAll().orderBy('episode_id').execute();
  return { shows: await count('shows'), episodes: await count('episodes'), audit: await count('audit_log'), votes, tallies };
}

/** The demo catalogue as exported, with ratings added to S1E1: an admin's rating lowered and 500 invented voters. */
async function stuffedFile(adminPublicId: string): Promise<CatalogFile> {
  const file = await exportCatalog(storeOf(db()));
  const at = '2001-01-01T00:00:00.000Z';
  file.shows[0]!.seasons[0]!.episodes[0]!.ratings = [
    { voter: `p:${adminPublicId}`, kind: 'account', rating: 1, castAt: at, updatedAt: at },
    ...Array.from({ length: 500 }, (_, i) => ({ voter: `a:invented${i}`, kind: 'anonymous' as const, rating: 1, castAt: at, updatedAt: at })),
  ];
  return file;
}

describe('imported ratings are an admin’s act', () => {
  // These two import thousands of rows: 15–30 s on a loaded two-core machine. They assert what is
  // written and that the server keeps answering, not how fast (speed is the benchmarks' business).
  it('an editor’s file with ratings is refused whole; an admin’s is audited rating by rating and marked as imported', { timeout: 120_000 }, async () => {
    const adminCookie = await signedInAs(context.app, context.database, 'admin');
    const admin = await db().selectFrom('users').select(['id', 'public_id']).where('role', '=', 'admin').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const episode = await db()
      .selectFrom('episodes as e')
      .innerJoin('seasons as s', 's.id', 'e.season_id')
      .select('e.id')
      .where('s.number', '=', 1)
      .where('e.number', '=', 1)
      .executeTakeFirstOrThrow();
    await new VoteWrites(storeOf(db())).rate(episode.id, { id: `u:${admin.id}`, kind: 'account' }, 9, '192.0.2.9', '2026-11-01T10:00:00.000Z');
    const file = await stuffedFile(admin.public_id!);
    const editor = await signedInAs(context.app, context.database, 'editor');

    const before = await snapshot();
    for (const dryRun of [true, false]) {
      const refused = await upload(editor, file, dryRun);
      expect(
        refused.statusCode,
        refused.body
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .slice(0, 3000),
      ).toBe(403);
      expect(parsePage(refused.body)('.import-problems').text()).toContain('Only admins may import individual ratings, and this file carries 501.');
      expect(await snapshot()).toEqual(before);
    }

    const started = Date.now();
    const accepted = await upload(adminCookie, file);
    expect(accepted.statusCode).toBe(200);
    expect(parsePage(accepted.body)('.import-summary').text()).toContain('ratings written: 501');

    const entry = await db()
      .selectFrom('audit_log')
      .select(['actor_email', 'after_json'])
      .where('action', '=', 'catalog.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const changes = JSON.parse(entry.after_json!).ratingChanges as Array<{ voter: string; episode: string; before: number | null; after: number }>;
    expect(changes).toHaveLength(501);
    expect(changes).toContainEqual({ voter: `u:${admin.id}`, episode: 'kaleido-star S1E1', before: 9, after: 1 });
    expect(changes).toContainEqual({ voter: 'a:invented499', episode: 'kaleido-star S1E1', before: null, after: 1 });

    // Marked with when they arrived, not with the file's year-2001 times.
    const imported = await db().selectFrom('votes').select(['imported_at']).where('episode_id', '=', episode.id).execute();
    expect(imported).toHaveLength(501);
    for (const v of imported) expect(Date.parse(v.imported_at!)).toBeGreaterThanOrEqual(started - 1000);

    const moderation = parsePage(
      (await context.app.inject({ url: '/admin/moderation/shows/kaleido-star/seasons/1/episodes/1', headers: { cookie: adminCookie } })).body,
    );
    const newest = moderation('table.newest tbody tr');
    expect(newest.length).toBe(ADMIN_PAGE_SIZE);
    expect(moderation('table.newest td.imported').length).toBe(ADMIN_PAGE_SIZE);
    expect(moderation('table.newest td.imported').first().text()).toContain('the file says 2001-01-01 00:00:00');
  });

  it('keeps answering other requests while a big import runs', { timeout: 120_000 }, async () => {
    const adminCookie = await signedInAs(context.app, context.database, 'admin');
    const file = oneShowCatalog({
      slug: 'long-haul',
      title: 'Long Haul',
      seasons: Array.from({ length: 30 }, (_, s) => ({ number: s + 1, episodes: Array.from({ length: 100 }, (_, e) => catalogEpisode(e + 1)) })),
    });
    // Once the importer has the file, the rest of the request is the import itself: count what
    // else gets done from that moment until it answers.
    const services = context.app.services.adminCatalog;
    const importFile = services.importFile.bind(services);
    let turns = 0;
    let assetServed = false;
    let importing = false;
    services.importFile = (...args: Parameters<typeof importFile>) => {
      importing = true;
      const tick = () => {
        turns++;
        if (importing) setImmediate(tick);
      };
      setImmediate(tick);
      void context.app.inject({ url: assetUrl('site.css') }).then((r) => {
        assetServed = importing && r.statusCode === 200;
      });
      return importFile(...args).finally(() => {
        importing = false;
      });
    };
    try {
      const response = await upload(adminCookie, file);
      expect(response.statusCode).toBe(200);
      expect(parsePage(response.body)('.import-summary').text()).toContain('episodes: 3000 new');
    } finally {
      services.importFile = importFile;
    }
    expect(assetServed).toBe(true);
    // 3,000 episodes yield at least once per 1,000 rows.
    expect(turns).toBeGreaterThanOrEqual(3);
  });
});
