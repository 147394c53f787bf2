/**
 * Schema errors retold for the person who wrote the file: each problem is its JSON path, a colon
 * and a sentence ("/shows/0/seasons/0/number: 0 is too small; the lowest allowed is 1"), in place
 * of the validator's wording ("must be >= 1", "must have required properties …").
 */
import {
  DATE_RULE,
  formatLimit,
  PROVIDER_PATTERN,
  PROVIDER_RULE,
  SINGLE_LINE_PATTERN,
  SLUG_PATTERN,
  SLUG_RULE,
  textLength,
  WATCH_LINK_URL_PATTERN,
  WATCH_LINK_URL_RULE,
} from '../catalog/catalog-rules.js';
import { COUNTRY_CODE_PATTERN, COUNTRY_CODE_RULE } from '../shared/countries.js';
import { says, type Wording } from '../shared/errors.js';
import { EXTERNAL_ID_RULES, EXTERNAL_ID_SOURCES, isExternalIdSource } from '../catalog/external-ids.js';

/** The parts of a TypeBox validation error this module reads. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: unknown;
}

/** What each pattern means, in words. */
const PATTERN_MEANINGS: Record<string, string> = {
  [SLUG_PATTERN]: `not a slug: use ${SLUG_RULE}`,
  [SINGLE_LINE_PATTERN]: 'written over several lines; keep it on one line',
  [PROVIDER_PATTERN]: `not a provider name: use ${PROVIDER_RULE}`,
  [WATCH_LINK_URL_PATTERN]: `not a watch link: use ${WATCH_LINK_URL_RULE}`,
  [COUNTRY_CODE_PATTERN]: `not a country: use ${COUNTRY_CODE_RULE}`,
};

const FORMAT_MEANINGS: Record<string, string> = {
  date: `not a date (${DATE_RULE})`,
  'date-time': 'not a date and time: use ISO 8601, e.g. 2026-01-01T12:00:00.000Z',
  uri: `not a web address: use ${WATCH_LINK_URL_RULE}, with spaces and other unsafe characters %-encoded`,
};

/** What a record at a path is called, from the last list it sits in. */
const RECORD_NAMES: Record<string, string> = { shows: 'show', seasons: 'season', episodes: 'episode', watchLinks: 'watch link', ratings: 'rating' };

const LIST_NAMES: Record<string, string> = {
  shows: 'shows',
  seasons: 'seasons',
  episodes: 'episodes',
  directors: 'directors',
  watchLinks: 'watch links',
  countries: 'countries',
  ratings: 'ratings',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  array: 'a list',
  object: 'an object',
  boolean: 'true or false',
  null: 'null',
};

/** The value at a JSON pointer (only the pointers the validator made, so no escapes beyond ~0 ~1). */
function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A value named for a sentence, short whatever its size or depth. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
    case 'number':
      return Number.isInteger(value) && Math.abs(value) < 1e15 ? String(value) : `the number ${String(value)}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return 'nothing';
  }
}

const lastKey = (pointer: string) => pointer.slice(pointer.lastIndexOf('/') + 1);

function recordName(pointer: string): string {
  if (pointer === '') return 'catalogue file';
  const parts = pointer.split('/');
  const last = parts[parts.length - 1]!;
  if (/^\d+$/.test(last)) return RECORD_NAMES[parts[parts.length - 2] ?? ''] ?? 'entry';
  return last === 'baseline' ? 'baseline' : last;
}

/** The site of an id at `/…/ids/<site>`, or null elsewhere. */
function idSiteAt(pointer: string) {
  const parts = pointer.split('/');
  const site = parts.at(-1) ?? '';
  return parts.at(-2) === 'ids' && isExternalIdSource(site) ? site : null;
}

function sentence(error: SchemaError, data: unknown, orNull: boolean): Wording {
  const value = valueAt(data, error.instancePath);
  const params = (error.params ?? {}) as Record<string, unknown>;
  const site = idSiteAt(error.instancePath);
  if (site !== null && error.keyword === 'pattern')
    return `${describeValue(value)} is not ${EXTERNAL_ID_RULES[site].anId}: use ${EXTERNAL_ID_RULES[site].rule}`;
  if (site !== null && error.keyword === 'type')
    return `expected text${orNull ? ' or null' : ''}, found ${describeValue(value)}; write ids as text, e.g. "12345"`;
  if (lastKey(error.instancePath) === 'ids' && error.keyword === 'additionalProperties') {
    const unknown = ((params.additionalProperties as string[] | undefined) ?? []).map((m) => `"${m}"`).join(', ');
    return `${unknown} is not a site Epirank keeps ids from; use ${EXTERNAL_ID_SOURCES.join(', ')}`;
  }
  const limit = typeof params.limit === 'number' ? params.limit : NaN;
  switch (error.keyword) {
    case 'required': {
      const missing = (params.requiredProperties as string[] | undefined) ?? [];
      const names = missing.map((m) => `"${m}"`).join(', ');
      return `a ${recordName(error.instancePath)} needs ${names}, which ${missing.length === 1 ? 'is' : 'are'} missing`;
    }
    case 'additionalProperties': {
      const extra = ((params.additionalProperties as string[] | undefined) ?? []).map((m) => `"${m}"`).join(', ');
      return `a ${recordName(error.instancePath)} has no field ${extra}; check the spelling against the format`;
    }
    case 'type': {
      const expected = TYPE_NAMES[String(params.type)] ?? String(params.type);
      return `expected ${expected}${orNull ? ' or null' : ''}, found ${describeValue(value)}`;
    }
    case 'minimum':
      return says('errors.catalogueTooSmall', { value: describeValue(value), limit: formatLimit(limit) });
    case 'maximum':
      return says('errors.catalogueTooLarge', { value: describeValue(value), limit: formatLimit(limit) });
    case 'minLength':
      return says('errors.catalogueEmptyText');
    case 'maxLength':
      return `${typeof value === 'string' ? formatLimit(textLength(value)) : 'too many'} characters; the limit is ${formatLimit(limit)}`;
    case 'maxItems': {
      const list = LIST_NAMES[lastKey(error.instancePath)] ?? 'entries';
      return `${Array.isArray(value) ? value.length : 'too many'} ${list}; at most ${formatLimit(limit)} are allowed`;
    }
    case 'pattern':
      return `${describeValue(value)} is ${PATTERN_MEANINGS[String(params.pattern)] ?? `not in the expected form (${String(params.pattern)})`}`;
    case 'format':
      return `${describeValue(value)} is ${FORMAT_MEANINGS[String(params.format)] ?? `not a valid ${String(params.format)}`}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}, not ${describeValue(value)}`;
    case 'uniqueItems':
      return 'names the same entry twice; list each once';
    case 'enum':
      return `must be one of ${((params.allowedValues as unknown[]) ?? []).map((v) => JSON.stringify(v)).join(', ')}, not ${describeValue(value)}`;
    default:
      return `is not allowed here (${error.keyword})`;
  }
}

/**
 * Turns the validator's errors into sentences, at most `max` of them. A nullable field that fails
 * its real type also fails the "or null" branch, and a union fails as a whole; those echoes are
 * folded into the specific message ("expected text or null") or dropped.
 */
export function describeSchemaErrors(errors: Iterable<SchemaError>, data: unknown, max = 20): Wording[] {
  const all = [...errors].filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'boolean');
  const isNullBranch = (e: SchemaError) => e.keyword === 'type' && (e.params as { type?: unknown }).type === 'null';
  const nullBranches = new Set(all.filter(isNullBranch).map((e) => e.instancePath));
  // An object-or-null field whose object is wrong inside says so at the inner path; "must be
  // null" at the field itself would only mislead. So every path at or above a specific error counts.
  const explainedPaths = new Set<string>();
  for (const error of all) {
    if (isNullBranch(error)) continue;
    for (let path = error.instancePath; ; path = path.slice(0, path.lastIndexOf('/'))) {
      if (explainedPaths.has(path)) break;
      explainedPaths.add(path);
      if (path === '') break;
    }
  }
  const explained = (path: string) => explainedPaths.has(path);
  const problems: Wording[] = [];
  for (const error of all) {
    if (problems.length >= max) break;
    if (isNullBranch(error) && explained(error.instancePath)) continue;
    const orNull = error.keyword === 'type' && nullBranches.has(error.instancePath);
    problems.push(says('errors.catalogueAt', { path: error.instancePath || '/', problem: sentence(error, data, orNull) }));
  }
  return problems;
}
