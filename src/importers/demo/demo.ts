/**
 * The demo catalogue: Kaleido Star season 1 with the vote counts and averages of the reference
 * page as baseline tallies, and season 2 (New Wings) with no tallies: its votes are the visitors' own. Read at run time (not imported as a module) so the JSON file stays
 * the single copy in both `src/` and `dist/`.
 */
import { readFileSync } from 'node:fs';
import type { Store } from '../../db/store.js';
import { parseCatalogFile } from '../catalog-format.js';
import { importCatalog, type CatalogImportRepositories, type ImportSummary } from '../catalog-import.js';

export const DEMO_CATALOG_URL = new URL('./kaleido-star.json', import.meta.url);

export function readDemoCatalog() {
  return parseCatalogFile(JSON.parse(readFileSync(DEMO_CATALOG_URL, 'utf8')), 'demo catalogue');
}

export async function loadDemoCatalog(store: Store<CatalogImportRepositories>): Promise<ImportSummary> {
  return importCatalog(store, readDemoCatalog());
}
