/** The audit page's "field: before → after" lines, from an entry's before and after values. */
import { describe, expect, it } from 'vitest';
import { AUDIT_VALUE_MAX_LENGTH, auditChanges } from '../../src/editing/audit-diff.js';

describe('auditChanges', () => {
  it('lists only the fields that changed, in order, with what was absent on one side', () => {
    expect(
      auditChanges({ title: 'Old', synopsis: 'Same', ids: { imdb: 'tt1' } }, { title: 'New', synopsis: 'Same', ids: { imdb: 'tt2' }, status: 'Ended' }),
    ).toEqual([
      { field: 'title', before: 'Old', after: 'New' },
      { field: 'ids', before: '{"imdb":"tt1"}', after: '{"imdb":"tt2"}' },
      { field: 'status', before: '—', after: 'Ended' },
    ]);
  });

  it('shows a created record by its fields, a deleted one likewise, and a value that is not a record whole', () => {
    expect(auditChanges(null, { number: 2 })).toEqual([{ field: 'number', before: '—', after: '2' }]);
    expect(auditChanges({ slug: 'gone' }, null)).toEqual([{ field: 'slug', before: 'gone', after: '—' }]);
    expect(auditChanges(null, 7)).toEqual([{ field: null, before: '—', after: '7' }]);
    expect(auditChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('summarises long lists and cuts long text', () => {
    const [ratings] = auditChanges({ ratings: [] }, { ratings: [1, 2, 3, 4, 5] });
    expect(ratings).toEqual({ field: 'ratings', before: '[]', after: '5 entries' });
    const [long] = auditChanges({ synopsis: 'x' }, { synopsis: 'y'.repeat(500) });
    expect(long!.after).toHaveLength(AUDIT_VALUE_MAX_LENGTH);
    expect(long!.after.endsWith('…')).toBe(true);
  });
});
