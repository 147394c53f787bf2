/**
 * Error handling for the whole app: every error becomes an HTML error page for people or an
 * application/problem+json document for the API, with a stable `type` slug; bad input is never a 500.
 * Titles, details and headings are in the request's language (src/http/language.ts), which the
 * answer says in Content-Language; the `type` slug is the same English word in every language.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { databaseUnavailable, type DatabaseAvailability } from '../../db/availability.js';
import { AppError, RetryLaterError } from '../../shared/errors.js';
import { ErrorPage } from './error.page.js';
import type { Viewer } from './layout.js';
import { sessionToken } from '../../http/session.js';
import { cacheControl } from '../../http/cache-policy.js';
import { sendPage } from './send-page.js';
import { t, type MessageKey } from '../../i18n/translate.js';
import { currentLanguage, withLanguage } from '../../i18n/context.js';
import { SOURCE_LANGUAGE } from '../../i18n/languages.js';
import { describeValidation } from './validation-messages.js';

interface ErrorAnswer {
  status: number;
  /** Stable slug for the API's problem `type`. */
  type: string;
  title: string;
  detail: string;
  /** Members beside the standard ones in the problem document (AppError.extensions). */
  extensions?: Record<string, unknown>;
  /** The page's heading instead of its status's (AppError.heading). */
  heading?: string | undefined;
}

const GENERIC_TITLES: Record<number, MessageKey> = {
  400: 'errors.invalidRequestTitle',
  404: 'errors.notFoundTitle',
  405: 'errors.methodNotAllowedTitle',
  413: 'errors.requestTooLargeTitle',
  415: 'errors.unsupportedMediaTypeTitle',
  429: 'errors.tooManyRequestsTitle',
  500: 'errors.internalErrorTitle',
};

/** The answer to an address that names nothing: the same on a page and in the API. */
function notFound(): ErrorAnswer {
  return { status: 404, type: 'not-found', title: t('errors.notFoundTitle'), detail: t('errors.noPageHere') };
}

function classify(error: FastifyError | AppError, request: FastifyRequest): ErrorAnswer {
  if (error instanceof AppError) {
    return { status: error.status, type: error.type, title: error.title, detail: error.detail, extensions: error.extensions, heading: error.heading };
  }
  if (error.validation && error.validation.length > 0) {
    const part = error.validationContext ?? 'request';
    // On a page, a path that does not parse (/seasons/abc) names nothing that exists: 404. The API
    // says precisely which parameter is malformed instead (400).
    if (part === 'params' && !request.url.startsWith('/api/')) return notFound();
    return {
      status: 400,
      type: 'invalid-request',
      title: t('errors.invalidRequestTitle'),
      detail: describeValidation(error.validation[0]!, part, request),
    };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (body too large, bad JSON, wrong content type) carry safe messages, in English.
    const type = status === 413 ? 'payload-too-large' : status === 415 ? 'unsupported-media-type' : 'invalid-request';
    return { status, type, title: t(GENERIC_TITLES[status] ?? 'errors.invalidRequestTitle'), detail: error.message };
  }
  return { status: 500, type: 'internal-error', title: t('errors.internalErrorTitle'), detail: t('errors.internalErrorDetail') };
}

/** API addresses, and scripts on our pages that ask for JSON, get problem documents. */
export function wantsProblemJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || wantsJson(request);
}

/** True when the client asked for JSON rather than a page (the voting script does). */
export function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * Who the error page's header greets: the signed-in account, as every other page has it. Where
 * that is unknown (the database was down, or the request was refused before its session cookie
 * was read) it is undefined, for a header that neither greets nor offers to sign in.
 */
function viewerOf(request: FastifyRequest, unavailable: boolean): Viewer {
  if (unavailable) return undefined;
  return request.user ?? (sessionToken(request) === undefined ? null : undefined);
}

async function answer(request: FastifyRequest, reply: FastifyReply, problem: ErrorAnswer, viewer: Viewer) {
  // Whatever the route set before it failed (an immutable day, a shared page's lifetime) does not
  // describe an error, and no error is worth keeping: the next request may well succeed.
  reply.header('cache-control', cacheControl.noStore);
  // Said by src/http/language.ts already, unless the request failed before its language was decided.
  reply.header('content-language', currentLanguage());
  if (wantsProblemJson(request)) {
    return reply
      .code(problem.status)
      .type('application/problem+json; charset=utf-8')
      .send({
        type: `/problems/${problem.type}`,
        title: problem.title,
        status: problem.status,
        detail: problem.detail,
        instance: request.url,
        ...problem.extensions,
      });
  }
  return sendPage(reply.code(problem.status), ErrorPage({ status: problem.status, detail: problem.detail, heading: problem.heading, user: viewer }));
}

/** Whether an error only says that the client closed its connection mid-answer. */
export function clientWentAway(error: unknown, socket: { destroyed: boolean } | null | undefined): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE' && (socket?.destroyed ?? true);
}

/** Every error and every unknown URL answers with a readable page or a problem document, never a stack. */
export function registerErrorHandling(app: FastifyInstance, availability: DatabaseAvailability): void {
  availability.useLog(app.log);
  app.setErrorHandler(async (caught: FastifyError | AppError, request, reply) => {
    if (clientWentAway(caught, request.raw.socket)) {
      // The visitor closed the connection while the answer was on its way (a stopped load, a
      // closed tab): nothing failed here and nobody is left to answer.
      request.log.info({ code: (caught as FastifyError).code }, 'client went away before the answer was sent');
      return reply.hijack();
    }
    const unavailable = databaseUnavailable(caught);
    const error = unavailable?.answer ?? caught;
    const problem = classify(error, request);
    if (error instanceof RetryLaterError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
    }
    if (unavailable) {
      // An outage is an operator's matter, not a bug: one line per request without a stack; its
      // start and its end are logged once by `availability`.
      availability.failed(unavailable.reason, caught);
      request.log.warn({ reason: unavailable.reason }, 'database unavailable: answered 503');
    } else if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    // Logs stay English, whatever language the visitor reads the answer in.
    else request.log.info({ status: problem.status, detail: withLanguage(SOURCE_LANGUAGE, () => classify(error, request).detail) }, 'request rejected');
    return answer(request, reply, problem, viewerOf(request, unavailable !== null));
  });
  app.setNotFoundHandler(async (request, reply) => answer(request, reply, notFound(), viewerOf(request, false)));
}
