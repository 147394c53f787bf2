/**
 * Errors that services throw for expected failures. The HTTP layer turns them into an HTML page
 * for people or an application/problem+json document for the API; anything else is a bug and
 * becomes a generic 500 without internals.
 */
export abstract class AppError extends Error {
  abstract readonly status: number;
  /** Stable problem type slug, part of the API contract: `/problems/<type>`. */
  abstract readonly type: string;
  abstract readonly title: string;
  constructor(readonly detail: string) {
    super(detail);
  }

  /** The error page's heading, where the status's own (src/web/ui/error.page.tsx) would be vaguer. */
  readonly heading?: string;

  /** Members a problem document carries beside the standard ones (RFC 9457 extensions). */
  get extensions(): Record<string, unknown> {
    return {};
  }
}

/** Any AppError class, abstract or not, whatever its constructor takes. */
// biome-ignore lint/suspicious/noExplicitAny: TypeScript lets a class extend a generic base only through `...args: any[]`.
type AppErrorClass = abstract new (...args: any[]) => AppError;

/**
 * `base` answered as one problem: its HTTP status, its stable type slug and its title, stated once
 * per kind of failure (`class NotFoundError extends answeredAs(AppError, 404, …)`).
 */
export function answeredAs<Base extends AppErrorClass>(base: Base, status: number, type: string, title: string) {
  abstract class Answered extends base {
    readonly status = status;
    readonly type = type;
    readonly title = title;
  }
  return Answered;
}

export class NotFoundError extends answeredAs(AppError, 404, 'not-found', 'Not found') {
  override name = 'NotFoundError';
}

export class BadRequestError extends answeredAs(AppError, 400, 'invalid-request', 'Invalid request') {
  override name = 'BadRequestError';
}

/** No credentials, or credentials that name nobody (an unknown or revoked API token). */
export class UnauthorizedError extends answeredAs(AppError, 401, 'unauthorized', 'Unauthorized') {
  override name = 'UnauthorizedError';
}

export class ForbiddenError extends answeredAs(AppError, 403, 'forbidden', 'Forbidden') {
  override name = 'ForbiddenError';
}

/** A failure the same request may get past later: the HTTP layer sends `Retry-After` with it. */
export abstract class RetryLaterError extends AppError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}

export class TooManyRequestsError extends answeredAs(RetryLaterError, 429, 'too-many-requests', 'Too many requests') {
  override name = 'TooManyRequestsError';
}

/**
 * The database cannot answer right now. The request did not complete (nothing is acknowledged that
 * was not committed), and the same request may succeed later; the HTTP layer adds `Retry-After`.
 */
export class ServiceUnavailableError extends answeredAs(RetryLaterError, 503, 'service-unavailable', 'Service unavailable') {
  override name = 'ServiceUnavailableError';
}

/** A form that did not validate: one message per field, shown beside the field. An invalid request like any other. */
export class FormError extends BadRequestError {
  override name = 'FormError';
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields).join(' '));
  }
}
