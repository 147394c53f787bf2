/** The audit page's changes in words, from an entry's before and after values. */
import { describe, expect, it } from 'vitest';
import { AUDIT_LIST_MAX, AUDIT_VALUE_MAX_LENGTH, auditChanges, shown } from '../../src/editing/audit-diff.js';

describe('auditChanges', () => {
  it('lists only the fields that changed, in order, comparing records inside records field by field', () => {
    expect(
      auditChanges(
        { title: 'Old', synopsis: 'Same', ids: { imdb: 'tt1', tvdb: 7 } },
        { title: 'New', synopsis: 'Same', ids: { imdb: 'tt2', tvdb: 7 }, status: 'Ended' },
      ),
    ).toEqual([
      { field: 'title', kind: 'changed', before: 'Old', after: 'New' },
      { field: 'ids.imdb', kind: 'changed', before: 'tt1', after: 'tt2' },
      { field: 'status', kind: 'set', after: 'Ended' },
    ]);
  });

  it('says a created record’s fields were set and a deleted one’s removed, never "→ —"', () => {
    expect(auditChanges(null, { number: 2 })).toEqual([{ field: 'number', kind: 'set', after: '2' }]);
    expect(auditChanges({ slug: 'gone', network: null }, null)).toEqual([
      { field: 'slug', kind: 'removed', before: 'gone' },
      { field: 'network', kind: 'removed', before: 'none' },
    ]);
    expect(auditChanges(null, 7)).toEqual([{ field: null, kind: 'set', after: '7' }]);
    expect(auditChanges({ a: 1 }, { a: 1 })).toEqual([]);
    expect(auditChanges(null, null)).toEqual([]);
  });

  it('shows what an action acted on as it was, beside what came of it (a bulk hold, a closed flag)', () => {
    const ratings = [1, 2, 3, 4, 5].map((n) => ({ episodeId: 40 + n, voterId: `a:voter-${n}`, rating: n }));
    const changes = auditChanges({ selection: { show: 'kaleido-star', season: '1', address: '192.0.2.7', from: '' }, ratings }, { held: 5, episodes: 5 });
    expect(changes).toEqual([
      { field: 'selection', kind: 'context', before: { lines: ['show: kaleido-star', 'season: 1', 'address: 192.0.2.7'], more: 0 } },
      {
        field: 'ratings',
        kind: 'context',
        before: {
          lines: ['episodeId 41, voterId a:voter-1, rating 1', 'episodeId 42, voterId a:voter-2, rating 2', 'episodeId 43, voterId a:voter-3, rating 3'],
          more: 2,
        },
      },
      { field: 'held', kind: 'set', after: '5' },
      { field: 'episodes', kind: 'set', after: '5' },
    ]);
    expect(auditChanges({ id: 3, kind: 'burst', status: 'open' }, { status: 'resolved' })).toEqual([
      { field: 'id', kind: 'context', before: '3' },
      { field: 'kind', kind: 'context', before: 'burst' },
      { field: 'status', kind: 'changed', before: 'open', after: 'resolved' },
    ]);
  });

  it('reads a whole list that is not a record (a voter’s removed ratings) as lines, and an empty one as none', () => {
    const [removed] = auditChanges([{ episodeId: 1, rating: 9 }], []);
    expect(removed).toEqual({ field: null, kind: 'changed', before: { lines: ['episodeId 1, rating 9'], more: 0 }, after: 'none' });
  });
});

describe('shown', () => {
  it('keeps short lists of plain values on one line and says how many more a long one holds', () => {
    expect(shown(['a', 'b'])).toBe('a, b');
    expect(shown([1, 2, 3, 4, 5, 6])).toBe(`1, 2, 3 and ${6 - AUDIT_LIST_MAX} more`);
    expect(shown({ ids: [1, 2, 3, 4], nested: { deep: true } })).toEqual({ lines: ['ids: 1, 2, 3 and 1 more', 'nested: deep yes'], more: 0 });
    expect(shown({})).toBe('none');
  });

  it('cuts long text', () => {
    const long = shown('y'.repeat(500));
    expect(long).toHaveLength(AUDIT_VALUE_MAX_LENGTH);
    expect(String(long).endsWith('…')).toBe(true);
  });
});
