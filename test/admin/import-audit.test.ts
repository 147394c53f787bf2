/**
 * `epirank import` is audited like an upload on the admin page: the same `catalog.import` entry,
 * committed with the import, recorded as the command line's (no account); a dry run records nothing.
 * It calls what src/cli.ts calls, in-process, on a real database (test/e2e runs the CLI itself).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMAND_LINE, importAudited } from '../../src/editing/import-audit.js';
import { readCatalogSource } from '../../src/importers/read-catalog.js';
import { storeOf } from '../../src/repositories.js';
import { browserFor, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp();
const { session, get } = browserFor(context);
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

describe('an import from the command line', () => {
  it('is recorded in the audit log as the command line’s, with its counts; a dry run is not', async () => {
    const db = context.database.handle.db;
    const file = readCatalogSource(fixture('orbit-cafe.json'));
    await importAudited(storeOf(db), file, COMMAND_LINE, 'orbit-cafe.json', { dryRun: true, allowRatings: true });
    expect(await db.selectFrom('audit_log').selectAll().execute()).toEqual([]);

    const summary = await importAudited(storeOf(db), file, COMMAND_LINE, 'orbit-cafe.json', { allowRatings: true });
    const entries = await db.selectFrom('audit_log').selectAll().execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_user_id: null, actor_email: 'command line', action: 'catalog.import', subject: 'orbit-cafe.json' });
    expect(JSON.parse(entries[0]!.after_json!)).toMatchObject({ shows: summary.shows, episodes: summary.episodes });
    expect(summary.episodes.created).toBeGreaterThan(0);

    const audit = parsePage((await get('/admin/audit', await session('admin'))).body);
    const row = audit('tr[data-action="catalog.import"]');
    expect(row).toHaveLength(1);
    expect(row.find('td[data-label="Who"]').text()).toBe('command line');
  });
});
