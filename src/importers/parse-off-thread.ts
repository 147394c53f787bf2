/**
 * Parses and validates a big uploaded catalogue in a worker thread, so the server keeps answering
 * meanwhile; small files are parsed in place.
 */
import type { Wording } from '../shared/errors.js';
import { Worker } from 'node:worker_threads';
import { CatalogFormatError, type CatalogFile } from './catalog-format.js';
import { parseCatalogText, type ImportFormat } from './read-catalog.js';

// Validation runs at roughly 3 MB a second on one core: 50,000 characters take some 20 ms.
const OFF_THREAD_FROM_CHARACTERS = 50_000;

/**
 * Reads and validates an uploaded catalogue file in a worker thread. Checking a 7.5 MB file of
 * 20,000 episodes against the format takes seconds on one core, and on the request's own thread
 * it stopped every other request for that long; in a worker the server keeps answering.
 * Problems with the file come back as the same CatalogFormatError as parseCatalogText throws.
 */
export async function parseCatalogTextOffThread(text: string, source: string, format?: ImportFormat): Promise<CatalogFile> {
  // A small file is read in a few milliseconds, less than starting a worker takes.
  if (text.length < OFF_THREAD_FROM_CHARACTERS) return parseCatalogText(text, source, format);
  const workerData = { text, source, format };
  // From the TypeScript sources (tests, `npm run dev`) the worker registers tsx before loading
  // its module; `--import tsx` in a worker's execArgv does not reach worker threads.
  const worker = import.meta.url.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./catalog-parse-worker.ts', import.meta.url).href)}); });`,
        { eval: true, workerData },
      )
    : new Worker(new URL('./catalog-parse-worker.js', import.meta.url), { workerData });
  return new Promise<CatalogFile>((resolve, reject) => {
    worker.once('message', (message: { file?: string; formatError?: { source: string; wordings: Wording[] }; failure?: string }) => {
      if (message.file !== undefined) resolve(JSON.parse(message.file) as CatalogFile);
      else if (message.formatError) reject(new CatalogFormatError(message.formatError.source, message.formatError.wordings));
      else reject(new Error(`reading ${source} failed: ${message.failure}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`reading ${source} stopped (worker exit code ${code})`)));
  });
}
