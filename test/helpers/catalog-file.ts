/**
 * Catalogue files built in tests the way the importer reads them (every field present): what a test
 * does not state takes the value a file that leaves it out gets (test/importers/hand-written.test.ts
 * pins those defaults against the parser).
 */
import type { CatalogEpisode, CatalogFile, CatalogShow } from '../../src/importers/catalog-format.js';

/** An episode with nothing known but its number and whatever `fields` say. */
export function catalogEpisode(number: number, fields: Partial<CatalogEpisode> = {}): CatalogEpisode {
  return { number, title: null, airDate: null, synopsis: null, directors: [], watchLinks: [], baseline: null, ...fields };
}

/** A file of one show: its slug, title and seasons, the rest empty unless `show` says otherwise. */
export function oneShowCatalog(show: Pick<CatalogShow, 'slug' | 'title' | 'seasons'> & Partial<CatalogShow>): CatalogFile {
  return { format: 'epirank-catalog', version: 1, shows: [{ synopsis: '', network: null, status: null, lastUpdated: null, ...show }] };
}
