/**
 * Runs in a worker thread (see read-off-thread.ts): reads one uploaded ratings file, which for a
 * file of some megabytes takes longer than a request may hold the event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RatingsFileError } from './rating-file.js';
import { readRatingsFile } from './read-ratings-file.js';

const { text, fileName } = workerData as { text: string; fileName: string };
try {
  // As text: parsing JSON on the receiving thread costs less than rebuilding a structured clone.
  parentPort!.postMessage({ file: JSON.stringify(readRatingsFile(text, fileName)) });
} catch (error) {
  if (error instanceof RatingsFileError) parentPort!.postMessage({ fileError: { fileName: error.fileName, problems: error.problems } });
  else parentPort!.postMessage({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
