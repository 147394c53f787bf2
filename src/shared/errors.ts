/**
 * Errors that services throw for expected failures. The HTTP layer turns them into an HTML page
 * for people or an application/problem+json document for the API; anything else is a bug and
 * becomes a generic 500 without internals.
 *
 * An error's words are a message of the catalogue (`says('errors.showNotFound', { slug })`),
 * translated when they are read: `title`, `detail` and `heading` are in the language in force where
 * the error is answered (the request's, src/http/language.ts), whatever language was in force where
 * it was thrown. `message`, which logs and the command line print, is always English. A plain
 * string is English text from code not yet moved into the catalogue, shown as it is.
 */
import { tIn, t, type MessageKey, type MessageValues } from '../i18n/translate.js';
import { SOURCE_LANGUAGE } from '../i18n/languages.js';

/**
 * A message of the catalogue and its placeholders' values, not yet put into words. A value may be
 * another message (a sentence that ends with what to do next), put into words in the same language.
 */
export interface MessageRef {
  readonly key: MessageKey;
  readonly values?: RefValues;
}

type RefValues = Record<string, MessageValues[string] | MessageRef>;

/** What an error says: a message of the catalogue, or (code not yet moved) English text. */
export type Wording = string | MessageRef;

/** A message reference: `says('errors.notFoundTitle')`. */
export function says(key: MessageKey, values?: RefValues): MessageRef {
  return values === undefined ? { key } : { key, values };
}

/** The wording in the language in force. */
export function inWords(wording: Wording): string {
  return typeof wording === 'string' ? wording : t(wording.key, valuesInWords(wording.values, inWords));
}

/** The wording in English: what logs and the command line print. */
export function inEnglish(wording: Wording): string {
  return typeof wording === 'string' ? wording : tIn(SOURCE_LANGUAGE, wording.key, valuesInWords(wording.values, inEnglish));
}

function valuesInWords(values: RefValues | undefined, say: (wording: MessageRef) => string): MessageValues | undefined {
  if (values === undefined) return undefined;
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, isMessageRef(value) ? say(value) : value]));
}

function isMessageRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'key' in value;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  /** Stable problem type slug, part of the API contract: `/problems/<type>`. English in every language. */
  abstract readonly type: string;
  /** The problem's title, in the language in force. */
  abstract readonly title: string;
  readonly #detail: Wording;
  /** The error page's heading, where the status's own (src/web/ui/error.page.tsx) would be vaguer. */
  protected headingWording: Wording | undefined;

  constructor(detail: Wording) {
    super(inEnglish(detail));
    this.#detail = detail;
  }

  /** The problem in words, in the language in force. */
  get detail(): string {
    return inWords(this.#detail);
  }

  /** The error page's heading in the language in force, or undefined for the status's own. */
  get heading(): string | undefined {
    return this.headingWording === undefined ? undefined : inWords(this.headingWording);
  }

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
 * per kind of failure (`class NotFoundError extends answeredAs(AppError, 404, 'not-found', says('errors.notFoundTitle'))`).
 */
export function answeredAs<Base extends AppErrorClass>(base: Base, status: number, type: string, title: Wording) {
  abstract class Answered extends base {
    readonly status = status;
    readonly type = type;
    get title(): string {
      return inWords(title);
    }
  }
  return Answered;
}

export class NotFoundError extends answeredAs(AppError, 404, 'not-found', says('errors.notFoundTitle')) {
  override name = 'NotFoundError';
}

export class BadRequestError extends answeredAs(AppError, 400, 'invalid-request', says('errors.invalidRequestTitle')) {
  override name = 'BadRequestError';
}

/** No credentials, or credentials that name nobody (an unknown or revoked API token). */
export class UnauthorizedError extends answeredAs(AppError, 401, 'unauthorized', says('errors.unauthorizedTitle')) {
  override name = 'UnauthorizedError';
}

export class ForbiddenError extends answeredAs(AppError, 403, 'forbidden', says('errors.forbiddenTitle')) {
  override name = 'ForbiddenError';
}

/** A failure the same request may get past later: the HTTP layer sends `Retry-After` with it. */
export abstract class RetryLaterError extends AppError {
  constructor(
    detail: Wording,
    readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}

export class TooManyRequestsError extends answeredAs(RetryLaterError, 429, 'too-many-requests', says('errors.tooManyRequestsTitle')) {
  override name = 'TooManyRequestsError';
}

/**
 * The database cannot answer right now. The request did not complete (nothing is acknowledged that
 * was not committed), and the same request may succeed later; the HTTP layer adds `Retry-After`.
 */
export class ServiceUnavailableError extends answeredAs(RetryLaterError, 503, 'service-unavailable', says('errors.serviceUnavailableTitle')) {
  override name = 'ServiceUnavailableError';
}

/**
 * A form that did not validate: one message per field, shown beside the field (in the language in
 * force when `fields` is read). An invalid request like any other.
 */
export class FormError extends BadRequestError {
  override name = 'FormError';
  readonly #fields: Record<string, Wording>;
  constructor(fields: Record<string, Wording>) {
    super(Object.values(fields).map(inEnglish).join(' '));
    this.#fields = fields;
  }

  get fields(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.#fields).map(([name, wording]) => [name, inWords(wording)]));
  }

  override get detail(): string {
    return Object.values(this.fields).join(' ');
  }
}
