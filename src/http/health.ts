/**
 * GET /healthz, for load balancers and process supervisors: 200 when a query reaches the database,
 * 503 with the reason (and Retry-After) while it cannot. Always JSON, never cached, and never an
 * error page, so a probe can read why the instance is out of service.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.js';
import { databaseUnavailable } from './errors.js';

export function registerHealthCheck(app: FastifyInstance, database: DatabaseHandle): void {
  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await sql`select 1`.execute(database.db);
    } catch (error) {
      const unavailable = databaseUnavailable(error);
      if (!unavailable) throw error;
      database.availability.failed(unavailable.reason, error);
      return reply
        .code(503)
        .header('retry-after', String(unavailable.answer.retryAfterSeconds))
        .send({ status: 'unavailable', reason: `database unavailable: ${unavailable.reason}` });
    }
    database.availability.answered();
    return reply.send({ status: 'ok' });
  });
}
