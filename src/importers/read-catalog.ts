/**
 * Reads a catalogue from a file or from TVmaze, works out its format, and parses it into
 * Epirank's own catalogue shape.
 */
import { says } from '../shared/errors.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CatalogFormatError, parseCatalogFile, type CatalogFile } from './catalog-format.js';
import { catalogFromCsv } from './csv.js';
import { catalogFromTvmaze } from './tvmaze.js';

export type ImportFormat = 'json' | 'csv' | 'tvmaze';

/**
 * Reads an import file in any supported format and returns it as a validated catalogue file.
 * Without an explicit format: `.csv`, or text whose first line is a CSV header naming the
 * required columns, is CSV; JSON with `"format": "epirank-catalog"` or a `shows` list is
 * Epirank's own; JSON with `_embedded` is a TVmaze show.
 */
export function readCatalogSource(path: string, format?: ImportFormat): CatalogFile {
  const source = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CatalogFormatError(source, [`cannot be read: ${(error as Error).message}`]);
  }
  return parseCatalogText(text, source, format);
}

/** The same for a file's text, named `source` in messages (an upload, say). */
export function parseCatalogText(text: string, source: string, format?: ImportFormat): CatalogFile {
  const chosen = format ?? (source.toLowerCase().endsWith('.csv') || looksLikeCsv(text) ? 'csv' : undefined);
  if (chosen === 'csv') return parseCatalogFile(catalogFromCsv(text, source), source);
  const data = parseJson(text, source, chosen === undefined);
  const kind = chosen ?? detectJson(data, source);
  return parseCatalogFile(kind === 'tvmaze' ? catalogFromTvmaze(data, source) : data, source);
}

/**
 * A CSV file under another name (".txt", say): its first line is a header with the columns
 * every CSV needs. JSON never starts that way, so the guess cannot take a JSON file for CSV.
 */
function looksLikeCsv(text: string): boolean {
  const head = text.slice(0, 2000);
  const end = head.search(/\r?\n/);
  const header = (end < 0 ? head : head.slice(0, end)).replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(header)) return false;
  const columns = header.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  return ['show', 'season', 'episode'].every((required) => columns.includes(required));
}

function parseJson(text: string, source: string, guessed: boolean): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CatalogFormatError(source, [says('errors.catalogueNotJson', { reason: (error as Error).message, guessed: guessed ? 'yes' : 'no' })]);
  }
}

function detectJson(data: unknown, source: string): ImportFormat {
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    if ('format' in data || 'shows' in data) return 'json';
    if ('_embedded' in data || ('name' in data && 'id' in data)) return 'tvmaze';
  }
  throw new CatalogFormatError(source, [says('errors.catalogueNeither')]);
}

export class FetchError extends Error {
  override name = 'FetchError';
}

/** Fetches a TVmaze show with its episodes, saying plainly when the network cannot be reached. */
export async function fetchTvmazeShow(id: string, fetchImpl: typeof fetch = fetch): Promise<CatalogFile> {
  if (!/^\d+$/.test(id)) throw new FetchError(`"${id}" is not a TVmaze show id (a number, as in tvmaze.com/shows/1955).`);
  const url = `https://api.tvmaze.com/shows/${id}?embed=episodes`;
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(15_000), headers: { accept: 'application/json' } });
  } catch (error) {
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new FetchError(
      `Could not reach TVmaze (${reason}). This machine may have no internet access: download ${url} ` + 'elsewhere and run "epirank import <file>".',
    );
  }
  if (response.status === 404) throw new FetchError(`TVmaze has no show with id ${id}.`);
  if (!response.ok) throw new FetchError(`TVmaze answered ${response.status} for show ${id}; try again later.`);
  const source = `TVmaze show ${id}`;
  let data: unknown;
  try {
    data = await response.json();
  } catch (error) {
    throw new FetchError(`TVmaze answered with something that is not JSON for show ${id} (${(error as Error).message}); try again later.`);
  }
  return parseCatalogFile(catalogFromTvmaze(data, source), source);
}
