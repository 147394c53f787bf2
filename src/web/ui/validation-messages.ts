/**
 * A schema violation (Fastify's validator, Ajv, checking a route's TypeBox schema) as one sentence a
 * person can act on, in the language in force. Ajv words its own messages in English; each kind of
 * violation it reports is a message here with Ajv's parameters as placeholders, and the English
 * messages say exactly what Ajv says, so the API's English `detail` is unchanged. A kind not listed
 * falls back to Ajv's English words.
 */
import type { FastifyError, FastifyRequest } from 'fastify';
import { t } from '../../i18n/translate.js';
import { MAX_RATING, MIN_RATING } from '../../votes/rating-scale.js';

type ValidationIssue = NonNullable<FastifyError['validation']>[number];

/** Ajv's comparison signs as words a message can select on. */
const COMPARISONS: Record<string, string> = { '<=': 'atMost', '>=': 'atLeast', '<': 'below', '>': 'above' };

/** Turns a schema violation into one sentence a person can act on. */
export function describeValidation(issue: ValidationIssue, part: string, request: FastifyRequest): string {
  const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || part;
  const params = issue.params as Record<string, unknown>;
  const given = part === 'querystring' ? (request.query as Record<string, unknown> | undefined)?.[field] : undefined;
  if (field === 'rating') return t('errors.ratingRule', { min: MIN_RATING, max: MAX_RATING });
  switch (issue.keyword) {
    case 'enum':
      if (field === 'sort') return t('errors.unknownSort', { given: String(given) });
      return t('errors.mustBeOneOf', { field, allowed: ((params.allowedValues as unknown[] | undefined) ?? []).join(', ') });
    case 'type':
      return t('errors.mustBeType', { field, type: String(params.type) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      // The limit as Ajv writes it (no digit grouping): `page` must be <= 1000.
      return t('errors.mustCompare', { field, comparison: COMPARISONS[String(params.comparison)] ?? 'other', limit: String(params.limit) });
    case 'maxLength':
      return t('errors.tooLong', { field, limit: String(params.limit) });
    case 'minLength':
      return t('errors.tooShort', { field, limit: String(params.limit) });
    case 'pattern':
      return t('errors.mustMatchPattern', { field, pattern: String(params.pattern) });
    case 'format':
      return t('errors.mustMatchFormat', { field, format: String(params.format) });
    case 'required':
      return t('errors.missingProperty', { field, property: String(params.missingProperty) });
    case 'additionalProperties':
      return t('errors.additionalProperties', { field });
    default:
      return issue.message ? t('errors.fieldProblem', { field, problem: issue.message }) : t('errors.fieldInvalid', { field });
  }
}
