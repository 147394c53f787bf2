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

  /** Members a problem document carries beside the standard ones (RFC 9457 extensions). */
  get extensions(): Record<string, unknown> {
    return {};
  }
}

export class NotFoundError extends AppError {
  override name = 'NotFoundError';
  readonly status = 404;
  readonly type = 'not-found';
  readonly title = 'Not found';
}

export class BadRequestError extends AppError {
  override name = 'BadRequestError';
  readonly status = 400;
  readonly type = 'invalid-request';
  readonly title = 'Invalid request';
}

/** No credentials, or credentials that name nobody (an unknown or revoked API token). */
export class UnauthorizedError extends AppError {
  override name = 'UnauthorizedError';
  readonly status = 401;
  readonly type = 'unauthorized';
  readonly title = 'Unauthorized';
}

export class ForbiddenError extends AppError {
  override name = 'ForbiddenError';
  readonly status = 403;
  readonly type = 'forbidden';
  readonly title = 'Forbidden';
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

export class TooManyRequestsError extends RetryLaterError {
  override name = 'TooManyRequestsError';
  readonly status = 429;
  readonly type = 'too-many-requests';
  readonly title = 'Too many requests';
}

/**
 * The database cannot answer right now. The request did not complete (nothing is acknowledged that
 * was not committed), and the same request may succeed later; the HTTP layer adds `Retry-After`.
 */
export class ServiceUnavailableError extends RetryLaterError {
  override name = 'ServiceUnavailableError';
  readonly status = 503;
  readonly type = 'service-unavailable';
  readonly title = 'Service unavailable';
}

/** A form that did not validate: one message per field, shown beside the field. An invalid request like any other. */
export class FormError extends BadRequestError {
  override name = 'FormError';
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields).join(' '));
  }
}
