/**
 * autocannon, as every benchmark here uses it: without turning each answer's body into a string.
 *
 * autocannon 8 appends every chunk of every body to a string (PipelinedRequestsQueue.addBody) so
 * that `verifyBody`, `expectBody` and `onResponse` could read it; none of the benchmarks does. The
 * append decodes the bytes as UTF-8, and brotli's bytes are mostly not UTF-8, so the load generator
 * — on the same two cores as the server — spent about three quarters of its time there at 16 KB
 * an answer: the 1,000-episode show page measured about 4,000 req/s against the demo's 7,800 with
 * the server 70 % idle, and about 25,000 against 30,000 without the append. Throughput then
 * measured the client's decoding, not the server. Dropping the append changes nothing else:
 * autocannon counts bytes, statuses and latencies before it.
 */
import { createRequire } from 'node:module';
import autocannon from 'autocannon';

const require = createRequire(import.meta.url);
const queue = require('autocannon/lib/pipelinedRequestsQueue.js') as { prototype: { addBody?: unknown } };
// Fail loudly if an upgrade moves it, rather than quietly measuring the client again.
if (typeof queue.prototype.addBody !== 'function') throw new Error('autocannon no longer has PipelinedRequestsQueue.addBody: review bench/load-generator.ts');
queue.prototype.addBody = () => {};

export default autocannon;
export type { Request, Result } from 'autocannon';
