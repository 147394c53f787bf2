/**
 * Health checks for load balancers, orchestrators and process supervisors. Always JSON, never
 * cached, and never an error page, so a probe can read why the instance is out of service.
 *
 * - GET /healthz/live: 200 whenever the process can answer at all; it asks nothing of the
 *   database, so an outage does not get a healthy instance restarted.
 * - GET /healthz/ready: 200 when a query reaches the database and, when Redis is configured,
 *   Redis answers too; otherwise 503 with the reason and Retry-After, so traffic goes elsewhere.
 * - GET /healthz: the older check, the database only (kept as it was for existing probes).
 */
import { routes } from '../shared/paths.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DatabaseHandle } from '../db/database.js';
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailable } from '../db/availability.js';
import { cacheControl } from './cache-policy.js';

/** What health checks and metrics need of a Redis connection (REDIS_URL); the cluster code provides it. */
export interface RedisProbe {
  /** Whether the connection is up right now, without a round trip (for the metrics gauge). */
  up(): boolean;
  /** Asks Redis for an answer; resolves with why it is unreachable, or null when it answered. */
  check(): Promise<string | null>;
}

/** A Redis that has not answered the readiness probe by then counts as unreachable. */
const REDIS_CHECK_TIMEOUT_MS = 2000;

interface Unready {
  reason: string;
  retryAfterSeconds: number;
}

export function registerHealthCheck(app: FastifyInstance, database: DatabaseHandle, redis?: RedisProbe): void {
  app.get(routes.operations.health, async (_request, reply) => answer(reply, await checkDatabase(database)));

  app.get(routes.operations.live, async (_request, reply) => answer(reply, null));

  app.get(routes.operations.ready, async (_request, reply) => {
    const [db, cache] = await Promise.all([checkDatabase(database), redis ? checkRedis(redis) : null]);
    return answer(reply, db ?? cache);
  });
}

function answer(reply: FastifyReply, unready: Unready | null): FastifyReply {
  reply.header('cache-control', cacheControl.noStore);
  if (unready === null) return reply.send({ status: 'ok' });
  return reply.code(503).header('retry-after', String(unready.retryAfterSeconds)).send({ status: 'unavailable', reason: unready.reason });
}

async function checkDatabase(database: DatabaseHandle): Promise<Unready | null> {
  try {
    await database.ping();
  } catch (error) {
    const unavailable = databaseUnavailable(error);
    if (!unavailable) throw error;
    database.availability.failed(unavailable.reason, error);
    return { reason: `database unavailable: ${unavailable.reason}`, retryAfterSeconds: unavailable.answer.retryAfterSeconds };
  }
  database.availability.answered();
  return null;
}

async function checkRedis(redis: RedisProbe): Promise<Unready | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${REDIS_CHECK_TIMEOUT_MS / 1000} s`), REDIS_CHECK_TIMEOUT_MS);
  });
  try {
    const reason = await Promise.race([redis.check().catch((error: unknown) => (error instanceof Error ? error.message : String(error))), late]);
    // Redis comes back on its own as a database does: the same wait before trying again.
    return reason === null ? null : { reason: `redis unavailable: ${reason}`, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS };
  } finally {
    clearTimeout(timer);
  }
}
