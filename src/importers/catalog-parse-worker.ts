/**
 * Runs in a worker thread (see parse-off-thread.ts): reads and validates one uploaded catalogue
 * file, which for a file of some megabytes takes seconds of uninterrupted work.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CatalogFormatError } from './catalog-format.js';
import { parseCatalogText, type ImportFormat } from './read-catalog.js';

const { text, source, format } = workerData as { text: string; source: string; format: ImportFormat | undefined };
try {
  // As text: parsing JSON on the receiving thread costs less than rebuilding a structured clone.
  parentPort!.postMessage({ file: JSON.stringify(parseCatalogText(text, source, format)) });
} catch (error) {
  if (error instanceof CatalogFormatError) parentPort!.postMessage({ formatError: { source: error.source, wordings: error.wordings } });
  else parentPort!.postMessage({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
