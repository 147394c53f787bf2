/**
 * One route under load (autocannon: throughput and p99), the size of its answer with and without
 * compression, and /healthz latency sampled from a separate process while another route is loaded
 * (the load generator shares this process's event loop, which would blur a probe run here).
 */
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import autocannon, { type Request, type Result } from '../load-generator.js';

export interface Target {
  method: 'GET' | 'POST';
  path: () => string;
  headers: Record<string, string>;
  body?: () => string;
  /** Voter cookies to send, one picked per request (votes as returning visitors cast them). */
  cookies?: string[];
}

export interface Load {
  rps: number;
  p99: number;
  /** Answers with another status than the route's usual one, plus errors and timeouts. */
  unexpected: number;
  /** What those were, e.g. "120 5xx, 3 timeouts"; empty when there were none. */
  unexpectedText: string;
}

export interface Size {
  bytes: number;
  /** Bytes on the wire when the client accepts br and gzip; null when the server did not compress. */
  compressed: number | null;
  encoding: string | null;
  /** How long the first request took, before any load. */
  firstMs: number;
}

export const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

function requests(target: Target): Request[] {
  return [
    {
      method: target.method,
      headers: target.headers,
      setupRequest: (request) => ({
        ...request,
        path: target.path(),
        headers: { ...request.headers, ...(target.cookies ? { cookie: pick(target.cookies) } : {}) },
        ...(target.body ? { body: target.body() } : {}),
      }),
    },
  ];
}

export async function load(url: string, target: Target, expected: '2xx' | '3xx', connections: number, seconds: number): Promise<Load> {
  await autocannon({ url, connections, duration: 1, requests: requests(target) }); // warm-up
  const result: Result = await autocannon({ url, connections, duration: seconds, requests: requests(target) });
  const kinds = [
    ...(['1xx', '2xx', '3xx', '4xx', '5xx'] as const).filter((k) => k !== expected).map((k) => [result[k], k] as const),
    [result.errors, 'errors'] as const,
    [result.timeouts, 'timeouts'] as const,
  ].filter(([n]) => n > 0);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    unexpected: kinds.reduce((sum, [n]) => sum + n, 0),
    unexpectedText: kinds.map(([n, kind]) => `${n} ${kind}`).join(', '),
  };
}

/** One request as the target would send it, with the given Accept-Encoding; the body's size as sent. */
async function fetchRaw(url: string, target: Target, acceptEncoding: string): Promise<{ bytes: number; encoding: string | null }> {
  const body = target.body?.();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}${target.path()}`,
      {
        method: target.method,
        headers: {
          ...target.headers,
          ...(target.cookies ? { cookie: target.cookies[0]! } : {}),
          'accept-encoding': acceptEncoding,
          ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
        },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ bytes, encoding: (res.headers['content-encoding'] as string | undefined) ?? null }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The answer's size, asked for before the route is loaded: the time of that first answer is the
 * cold cost (whatever the server computes once and keeps), which the load then does not include.
 */
export async function sizeOf(url: string, target: Target): Promise<Size> {
  const started = performance.now();
  const plain = await fetchRaw(url, target, 'identity');
  const firstMs = performance.now() - started;
  const packed = await fetchRaw(url, target, 'br, gzip');
  return { bytes: plain.bytes, compressed: packed.encoding ? packed.bytes : null, encoding: packed.encoding, firstMs };
}

export interface HealthLatency {
  samples: number;
  p99: number;
  max: number;
  failures: number;
}

/** Samples GET /healthz from a child process for `seconds` while `during` runs. */
export async function healthWhile(root: string, url: string, seconds: number, during: () => Promise<unknown>): Promise<HealthLatency> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/scale/health-probe.ts', `${url}/healthz`, String(seconds)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the health probe exited with ${code}`)))),
  );
  // The probe says when it starts sampling (loading tsx takes a moment), so the load covers it all.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  await during();
  await exited;
  return JSON.parse(output.slice(output.indexOf('\n') + 1)) as HealthLatency;
}
