/**
 * One check on every request's path parameters, query and body, after the route's schema has
 * parsed them and before any handler runs, for values no schema keyword can refuse:
 *
 * - a NUL character: PostgreSQL refuses it in text and the query failed with a 500;
 * - a lone UTF-16 surrogate (from a JSON "\ud800"): not a character, so it cannot be stored or
 *   compared sensibly;
 * - a number that is not finite: the validator turns "Infinity" or "1e400" into Infinity, and
 *   skips `minimum`/`maximum` for non-finite numbers, so `page=Infinity` reached the SQL.
 *
 * Each is refused with a 400 naming the field.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BadRequestError } from '../shared/errors.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses.
const UNUSABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Bodies are looked into this deep. Schema-checked bodies are flat forms and JSON objects; a deeper
 * value can only sit in a body no schema describes, which no handler reads.
 */
const MAX_DEPTH = 3;

/** The first unusable value's name and what is wrong with it, or null when everything is usable. */
export function findUnusableInput(value: unknown, name: string, depth = 0): { field: string; problem: string } | null {
  if (typeof value === 'string') {
    return UNUSABLE_TEXT.test(value) ? { field: name, problem: 'contains a NUL character or a broken one (a lone surrogate)' } : null;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? null : { field: name, problem: 'must be a finite number' };
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnusableInput(value[i], name, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = findUnusableInput(key, name, depth + 1);
    if (keyProblem) return keyProblem;
    const found = findUnusableInput(item, key.slice(0, 60), depth + 1);
    if (found) return found;
  }
  return null;
}

function checkRequest(request: FastifyRequest): void {
  const found = findUnusableInput(request.params, 'path') ?? findUnusableInput(request.query, 'query') ?? findUnusableInput(request.body, 'body');
  if (found) throw new BadRequestError(`"${found.field}" ${found.problem}.`);
}

/** Registered before the routes, so that it guards every one of them. */
export function registerInputGuard(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every vote, and a promise per request shows up there.
  app.addHook('preHandler', (request, _reply, done) => {
    try {
      checkRequest(request);
    } catch (error) {
      return done(error as Error);
    }
    done();
  });
}
