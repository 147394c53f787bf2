/**
 * The importers' problems in the reader's language: a fan's ratings preview says why a row found no
 * episode, and why a file could not be read, in the page's language; the admin import page lists a
 * catalogue's format problems in the admin's; the command line's words stay English whatever
 * language is in force.
 */
import { describe, expect, it } from 'vitest';
import { withLanguage } from '../../src/i18n/context.js';
import { CatalogFormatError } from '../../src/importers/catalog-format.js';
import { describeImport } from '../../src/importers/import-report.js';
import { parseCatalogText } from '../../src/importers/read-catalog.js';
import { signedInAs } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp();

function multipart(name: string, content: string, fields: Record<string, string> = {}) {
  const boundary = '----epirank-i18n-boundary';
  const parts = Object.entries(fields).map(([field, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${value}\r\n`);
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n`,
  );
  return { payload: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

function post(url: string, name: string, content: string, options: { cookie?: string; fields?: Record<string, string> } = {}) {
  const body = multipart(name, content, options.fields);
  return context.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { 'content-type': body.contentType, 'sec-fetch-site': 'same-origin', ...(options.cookie ? { cookie: options.cookie } : {}) },
    remoteAddress: '203.0.113.77',
  });
}

const IMDB_HEADER = 'Const,Your Rating,Date Rated,Title,Title Type';
/** A season numbered 0: the schema's lowest is 1. */
const BAD_CATALOGUE = JSON.stringify({ shows: [{ slug: 'zero-show', title: 'Zero Show', seasons: [{ number: 0, episodes: [] }] }] });

describe('the importers in the reader’s language', () => {
  it('a Spanish preview says in Spanish why a row found no episode, and a broken file’s problem with its line', async () => {
    const preview = await post('/account/ratings/import?lang=es', 'ratings.csv', `${IMDB_HEADER}\ntt7999991,8,2024-01-02,Lost Episode,TV Episode\n`);
    expect(preview.statusCode).toBe(200);
    const $ = parsePage(preview.body);
    const row = $('table.import-unmatched tbody tr').first().text().replace(/\s+/g, ' ');
    expect(row).toContain('aquí ningún episodio tiene el id de IMDb tt7999991');
    expect(row).toContain('(línea 2)');

    const broken = await post('/account/ratings/import?lang=es', 'ratings.csv', `${IMDB_HEADER}\ntt7999992,11,2024-01-02,Too High,TV Episode\n`);
    expect(broken.statusCode).toBe(400);
    const alert = parsePage(broken.body)('[role=alert]').text();
    expect(alert).toContain('No se pudo leer ratings.csv, así que no se importó nada: línea 2: «Your Rating» es “11”, no un número entero del 1 al 10.');
  });

  it('a Japanese admin import page lists a format problem in Japanese; the command line’s words stay English', async () => {
    const cookie = await signedInAs(context.app, context.database, 'admin');
    const page = await post('/admin/import?lang=ja', 'zero.json', BAD_CATALOGUE, { cookie, fields: { dryRun: '1' } });
    expect(page.statusCode).toBe(400);
    const problems = parsePage(page.body)('.import-problems li').text();
    expect(problems).toContain('/shows/0/seasons/0/number：0は小さすぎます。最小値は1です');

    // What `epirank import` prints, read with Japanese in force (DEFAULT_LANGUAGE=ja): English.
    withLanguage('ja', () => {
      let refused: unknown;
      try {
        parseCatalogText(BAD_CATALOGUE, 'zero.json');
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(CatalogFormatError);
      expect((refused as CatalogFormatError).problems).toContain('/shows/0/seasons/0/number: 0 is too small; the lowest allowed is 1');
      const counts = { created: 1, updated: 0, unchanged: 2 };
      expect(describeImport({ dryRun: true, shows: counts, seasons: counts, episodes: counts, ratings: 0 } as never)).toBe(
        [
          'Dry run: nothing was written. The import would make these changes:',
          'shows: 1 new, 0 updated, 2 unchanged',
          'seasons: 1 new, 0 updated, 2 unchanged',
          'episodes: 1 new, 0 updated, 2 unchanged',
          'ratings written: 0',
        ].join('\n'),
      );
    });
  });
});
