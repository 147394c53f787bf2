/**
 * What an audit entry changed, for people, instead of two blocks of raw JSON: the fields whose
 * values differ between its before and after, each in words. A changed field reads "title: Old →
 * New"; a field of a created record "set to …"; a field of a deleted record "removed" with what it
 * was. Where both sides are records and the after holds only what changed (a flag's new status, a
 * bulk hold's counts), a field only before is what the action acted on, not something it removed:
 * it is shown as it was ("context"). Records inside records compare field by field ("ids.imdb").
 *
 * Values are short: text and numbers as they are, a record as "key: value" lines (empty fields left out), a list of plain
 * values on one line, a list of records as one line each; a long list shows its first few and
 * "and N more", long text is cut. The entry's full JSON stays one click away on the page. Pure; the
 * audit page (web/admin/catalogue/audit.pages.tsx) renders it. The words it adds ("none", "and N
 * more") and the field names (`fieldLabel`) are in the language in force; the stored entry is not.
 */
import { t } from '../i18n/translate.js';

/** A value as people read it: one line, or several (a record's fields, a list's items) with how many were left out. */
export type ShownValue = string | { lines: string[]; more: number };

export type FieldChange =
  | { field: string | null; kind: 'changed'; before: ShownValue; after: ShownValue }
  | { field: string | null; kind: 'set'; after: ShownValue }
  | { field: string | null; kind: 'removed'; before: ShownValue }
  | { field: string; kind: 'context'; before: ShownValue };

/** Longer text is cut here on the page. */
export const AUDIT_VALUE_MAX_LENGTH = 120;

/** The most items of a list, or fields of a record, shown before "and N more". */
export const AUDIT_LIST_MAX = 3;
const RECORD_MAX = 8;

/** What an empty or absent value reads as. */
const nothing = () => t('admin.auditNone');

/**
 * A field's name as people read it: "ids.imdb" becomes each part in words where the catalogue has
 * one ("タイトル", "título"); a name it does not know is shown as stored.
 */
export function fieldLabel(field: string): string {
  return field
    .split('.')
    .map((part) => t('admin.auditField', { field: part }))
    .join('.');
}

type Fields = Record<string, unknown>;
const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isAbsent = (value: unknown) => value === null || value === undefined;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ, in the order they first appear (before's, then after's new ones). */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  if (isAbsent(before) && isAbsent(after)) return [];
  const beforeFields = isRecord(before) ? before : isAbsent(before) ? {} : null;
  const afterFields = isRecord(after) ? after : isAbsent(after) ? {} : null;
  if (beforeFields === null || afterFields === null) {
    if (same(before, after)) return [];
    return [change(null, before, after, isAbsent(before) ? 'set' : isAbsent(after) ? 'removed' : 'changed')];
  }
  // Both sides records: an edit, or an action's input and outcome; one side absent: a record created or deleted.
  const onlyBefore = isAbsent(after) ? 'removed' : 'context';
  return fieldChanges(beforeFields, afterFields, onlyBefore, '');
}

function fieldChanges(before: Fields, after: Fields, onlyBefore: 'removed' | 'context', prefix: string): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const field = `${prefix}${key}`;
    const [b, a] = [before[key], after[key]];
    const [inBefore, inAfter] = [key in before && b !== undefined, key in after && a !== undefined];
    if (inBefore && inAfter) {
      if (same(b, a)) continue;
      if (isRecord(b) && isRecord(a)) changes.push(...fieldChanges(b, a, 'removed', `${field}.`));
      else changes.push(change(field, b, a, 'changed'));
    } else if (inBefore) {
      changes.push(onlyBefore === 'context' ? { field, kind: 'context', before: shown(b) } : change(field, b, a, 'removed'));
    } else if (inAfter) {
      changes.push(change(field, b, a, 'set'));
    }
  }
  return changes;
}

function change(field: string | null, before: unknown, after: unknown, kind: 'changed' | 'set' | 'removed'): FieldChange {
  if (kind === 'set') return { field, kind, after: shown(after) };
  if (kind === 'removed') return { field, kind, before: shown(before) };
  return { field, kind, before: shown(before), after: shown(after) };
}

/** A value as one line or a few: see the module comment. */
export function shown(value: unknown): ShownValue {
  if (Array.isArray(value)) {
    if (value.length === 0) return nothing();
    if (!value.some((item) => isRecord(item) || Array.isArray(item))) return cut(inline(value));
    return { lines: value.slice(0, AUDIT_LIST_MAX).map((item) => cut(inline(item))), more: Math.max(0, value.length - AUDIT_LIST_MAX) };
  }
  if (isRecord(value)) {
    const entries = given(value);
    if (entries.length === 0) return nothing();
    return { lines: entries.slice(0, RECORD_MAX).map(([k, v]) => cut(`${k}: ${inline(v)}`)), more: Math.max(0, entries.length - RECORD_MAX) };
  }
  return cut(inline(value));
}

/** A record's fields that say something: a form's empty fields (a selection's unused "to") are left out. */
const given = (fields: Fields) => Object.entries(fields).filter(([, v]) => v !== undefined && v !== '');

/** Any value on one line: a record's fields and a list's items separated by commas, a long list shortened. */
function inline(value: unknown): string {
  if (isAbsent(value)) return nothing();
  if (typeof value === 'string') return value === '' ? t('admin.auditEmpty') : value;
  if (typeof value === 'boolean') return t('admin.auditYesNo', { value: String(value) });
  if (Array.isArray(value)) {
    if (value.length === 0) return nothing();
    const items = value.slice(0, AUDIT_LIST_MAX).map(inline).join(', ');
    return value.length > AUDIT_LIST_MAX ? t('admin.auditMoreItems', { items, count: value.length - AUDIT_LIST_MAX }) : items;
  }
  if (isRecord(value)) {
    const entries = given(value);
    return entries.length === 0 ? nothing() : entries.map(([k, v]) => `${k} ${inline(v)}`).join(', ');
  }
  return String(value);
}

function cut(text: string): string {
  return text.length > AUDIT_VALUE_MAX_LENGTH ? `${text.slice(0, AUDIT_VALUE_MAX_LENGTH - 1)}…` : text;
}
