/**
 * What an audit entry changed, for people: the fields whose values differ between its before and
 * after, each as short text ("title: Old → New"), instead of two blocks of raw JSON. An entry whose
 * before or after is not an object of fields (a count, a list) is shown as one change of the whole.
 * Pure; the audit page renders it.
 */

export interface FieldChange {
  /** The field's name, or null for the whole value. */
  field: string | null;
  before: string;
  after: string;
}

/** Longer values are cut here on the page; the entry's full JSON stays one click away. */
export const AUDIT_VALUE_MAX_LENGTH = 120;

/** What is absent on one side: a created or deleted record. */
export const ABSENT = '—';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields that differ, in the order they first appear (before's, then after's new ones). */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const beforeFields = isRecord(before) ? before : before === null || before === undefined ? {} : null;
  const afterFields = isRecord(after) ? after : after === null || after === undefined ? {} : null;
  if (beforeFields === null || afterFields === null) return [{ field: null, before: shown(before), after: shown(after) }];
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(beforeFields), ...Object.keys(afterFields)])) {
    const [b, a] = [beforeFields[field], afterFields[field]];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes.push({ field, before: field in beforeFields ? shown(b) : ABSENT, after: field in afterFields ? shown(a) : ABSENT });
  }
  return changes;
}

/** A value as short text: strings as they are, a list by its length past a few items, the rest as compact JSON. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return ABSENT;
  if (typeof value === 'string') return cut(value);
  if (Array.isArray(value) && value.length > 3) return `${value.length} entries`;
  return cut(JSON.stringify(value));
}

function cut(text: string): string {
  return text.length > AUDIT_VALUE_MAX_LENGTH ? `${text.slice(0, AUDIT_VALUE_MAX_LENGTH - 1)}…` : text;
}
