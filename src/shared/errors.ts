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

export class ForbiddenError extends AppError {
  override name = 'ForbiddenError';
  readonly status = 403;
  readonly type = 'forbidden';
  readonly title = 'Forbidden';
}

export class TooManyRequestsError extends AppError {
  override name = 'TooManyRequestsError';
  readonly status = 429;
  readonly type = 'too-many-requests';
  readonly title = 'Too many requests';
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}

/**
 * The database cannot answer right now. The request did not complete (nothing is acknowledged that
 * was not committed), and the same request may succeed later; the HTTP layer adds `Retry-After`.
 */
export class ServiceUnavailableError extends AppError {
  override name = 'ServiceUnavailableError';
  readonly status = 503;
  readonly type = 'service-unavailable';
  readonly title = 'Service unavailable';
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}

/** A form that did not validate: one message per field, shown beside the field. */
export class FormError extends AppError {
  override name = 'FormError';
  readonly status = 400;
  readonly type = 'invalid-request';
  readonly title = 'Invalid request';
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields).join(' '));
  }
}
