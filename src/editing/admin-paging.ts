/**
 * How the admin side pages its lists: the page sizes, and keyset pages for lists ordered by time
 * (the audit log, blocks, an episode's newest votes), whose links name an entry rather than a
 * position so that a page does not shift while new entries arrive. Lists in a fixed order (shows by
 * title, flagged episodes) take numbered pages from src/shared/paging.ts.
 */
import type { SelectQueryBuilder } from 'kysely';

/** Entries on one page of any admin list. */
export const ADMIN_PAGE_SIZE = 50;
/** Episodes of one season listed at once in the show editor. */
export const EDITOR_EPISODES_PER_PAGE = 100;

/** One page of a list newest first; `newer` and `older` are the cursors of the neighbouring pages. */
export interface KeysetPage<T, C> {
  items: T[];
  newer: C | null;
  older: C | null;
  /** True on the newest page, where links carry no cursor. */
  isNewest: boolean;
}

/**
 * Reads up to `limit` entries from a cursor in one direction: `older` newest first (entries before
 * the cursor, or the newest entries when it is null), `newer` oldest first (entries after it).
 */
export type KeysetFetch<T, C> = (direction: 'older' | 'newer', from: C | null, limit: number) => Promise<T[]>;

/**
 * A page before (`?before=`) or after (`?after=`) a cursor, or the newest page. One more entry than
 * shown is read to learn whether the list goes on, and one entry beyond the other end to learn
 * whether the other link is needed.
 */
export async function keysetPage<T, C>(
  cursor: { before?: C | undefined; after?: C | undefined },
  limit: number,
  fetch: KeysetFetch<T, C>,
  keyOf: (item: T) => C,
): Promise<KeysetPage<T, C>> {
  if (cursor.after !== undefined) {
    const rows = await fetch('newer', cursor.after, limit + 1);
    const items = rows.slice(0, limit).reverse();
    const last = items.at(-1);
    const older = last !== undefined && (await fetch('older', keyOf(last), 1)).length > 0 ? keyOf(last) : null;
    return { items, newer: rows.length > limit ? keyOf(items[0]!) : null, older, isNewest: false };
  }
  const from = cursor.before ?? null;
  const rows = await fetch('older', from, limit + 1);
  const items = rows.slice(0, limit);
  const first = items[0];
  const newer = from !== null && first !== undefined && (await fetch('newer', keyOf(first), 1)).length > 0 ? keyOf(first) : null;
  return { items, newer, older: rows.length > limit ? keyOf(items.at(-1)!) : null, isNewest: from === null };
}

/**
 * A keyset page of a table whose ids only grow, so that they order it by time: the rows `query`
 * selects, newest first, paged by their `id`. The audit log, the held ratings and the blocks all
 * page this way; each passes its filtered query and how a row becomes an item.
 */
export function idKeysetPage<Row extends { id: number }, T extends { id: number }>(
  cursor: { before?: number | undefined; after?: number | undefined },
  limit: number,
  // biome-ignore lint/suspicious/noExplicitAny: any table with an id column; the rows' type is what matters here.
  query: () => SelectQueryBuilder<any, any, Row>,
  itemOf: (row: Row) => T,
): Promise<KeysetPage<T, number>> {
  return keysetPage(
    cursor,
    limit,
    async (direction, from, count) => {
      let selected = query();
      if (from !== null) selected = selected.where('id', direction === 'older' ? '<' : '>', from);
      const rows = await selected
        .orderBy('id', direction === 'older' ? 'desc' : 'asc')
        .limit(count)
        .execute();
      return rows.map(itemOf);
    },
    (item) => item.id,
  );
}

/** `path?name=value&…` for the parameters that are set; the bare path when none is. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null) query.set(name, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * An episode's votes are paged by arrival time with the vote id to break ties, written in links as
 * `2026-11-01T10:00:00.000Z_123` (times never hold an underscore).
 */
export const VOTE_CURSOR_PATTERN = '^([^_]{1,40})_([0-9]{1,15})$';

export function formatVoteCursor(cursor: { at: string; id: number }): string {
  return `${cursor.at}_${cursor.id}`;
}

export function parseVoteCursor(text: string | undefined): { at: string; id: number } | undefined {
  const match = text === undefined ? null : new RegExp(VOTE_CURSOR_PATTERN).exec(text);
  return match ? { at: match[1]!, id: Number(match[2]) } : undefined;
}
