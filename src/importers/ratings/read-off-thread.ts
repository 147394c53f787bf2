/**
 * Reads a big uploaded ratings file in a worker thread, so the server keeps answering meanwhile;
 * small files are read in place. The same approach as the catalogue import's parse-off-thread.ts:
 * a 4 MB export takes hundreds of milliseconds to split and check on one core.
 */
import { Worker } from 'node:worker_threads';
import { RatingsFileError, type RatingsFile } from './rating-file.js';
import { readRatingsFile } from './read-ratings-file.js';

// About 20 ms of work at the catalogue parser's measured few megabytes a second; a worker's start costs more.
const OFF_THREAD_FROM_CHARACTERS = 50_000;

/** Reads the file as readRatingsFile does, with the same RatingsFileError for a broken one. */
export async function readRatingsFileOffThread(text: string, fileName: string): Promise<RatingsFile> {
  if (text.length < OFF_THREAD_FROM_CHARACTERS) return readRatingsFile(text, fileName);
  const workerData = { text, fileName };
  // From the TypeScript sources (tests, `npm run dev`) the worker registers tsx before loading its module.
  const worker = import.meta.url.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./ratings-parse-worker.ts', import.meta.url).href)}); });`,
        { eval: true, workerData },
      )
    : new Worker(new URL('./ratings-parse-worker.js', import.meta.url), { workerData });
  return new Promise<RatingsFile>((resolve, reject) => {
    worker.once('message', (message: { file?: string; fileError?: { fileName: string; problems: string[] }; failure?: string }) => {
      if (message.file !== undefined) resolve(JSON.parse(message.file) as RatingsFile);
      else if (message.fileError) reject(new RatingsFileError(message.fileError.fileName, message.fileError.problems));
      else reject(new Error(`reading ${fileName} failed: ${message.failure}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`reading ${fileName} stopped (worker exit code ${code})`)));
  });
}
