/**
 * SQL for catalogue search over the documents migration 0010 keeps (one per show, one per
 * episode). The full-text engines differ too much for dialect.ts helpers to hide them, so each
 * query here is written once per database, like the migration's triggers: SQLite FTS5 (bm25) and
 * PostgreSQL tsvector (ts_rank), then pg_trgm or an FTS5 trigram table for near misses.
 * Callers pass words already reduced to letters and digits (searchWords in search.service.ts), never user syntax.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOfConnection } from '../db/dialect.js';
import type { Database } from '../db/schema.js';

/** A show's document is 2 × id, an episode's 2 × id + 1 (migration 0010). */
export type SearchHit = { kind: 'show'; id: number } | { kind: 'episode'; id: number };

function hitOf(doc: number): SearchHit {
  return doc % 2 === 0 ? { kind: 'show', id: doc / 2 } : { kind: 'episode', id: (doc - 1) / 2 };
}

/** Title words count this many times more than synopsis and director words. */
const TITLE_WEIGHT = 10;

/** Near-miss candidates looked at per query, best trigram matches first: a bound on the fallback's cost. */
export const NEAR_MISS_CANDIDATES = 200;

/**
 * The most documents a query ranks. Ranking every match of a common word cost 27 ms at the
 * benchmark's size (25,796 matches, each scored and looked up for its votes) on a thread that
 * serves everyone; the first this many matches the index yields are ranked instead (with 1,000
 * a search still took about 3.5 ms there), and results deeper than that are not offered. A query
 * that matches more is better narrowed by another word than paged through. The trigram fallback reads at most this many matches too.
 */
export const SEARCH_CANDIDATES = 300;

export interface SearchRow {
  kind: 'show' | 'episode';
  showSlug: string;
  showTitle: string;
  network: string | null;
  seasonNumber: number | null;
  episodeNumber: number | null;
  episodeTitle: string | null;
  /** Votes here plus baselines: the show's for a show, the episode's for an episode. */
  votes: number;
}

export class SearchRepository {
  private readonly dialect;

  constructor(private readonly db: Kysely<Database>) {
    this.dialect = dialectOfConnection(db);
  }

  /**
   * Documents holding every word (the last one also as a prefix), most relevant first, then most
   * voted. `limit` + 1 rows may be asked for to learn whether there is more.
   */
  async matching(words: readonly string[], limit: number, offset: number): Promise<SearchHit[]> {
    if (words.length === 0) return [];
    const popularity = sql`case when d.doc % 2 = 0
        then (select vote_count from show_figures where show_id = d.doc / 2)
        else (select vote_count + baseline_count from episode_tallies where episode_id = (d.doc - 1) / 2) end`;
    if (this.dialect === 'postgres') {
      const query = words.map((w) => `${w}:*`).join(' & ');
      const { rows } = await sql<{ doc: string | number }>`
        select d.doc from (
          select doc_id as doc, ts_rank(document, to_tsquery('simple', ${query})) as relevance
          from search_documents where document @@ to_tsquery('simple', ${query})
          limit ${SEARCH_CANDIDATES}
        ) d
        order by d.relevance desc, coalesce(${popularity}, 0) desc, d.doc
        limit ${limit} offset ${offset}`.execute(this.db);
      return rows.map((r) => hitOf(Number(r.doc)));
    }
    // Quoted, so that no word is read as FTS5 syntax; each is a prefix for search as you type.
    const query = words.map((w) => `"${w}"*`).join(' ');
    const { rows } = await sql<{ doc: number }>`
      select d.doc from (
        select rowid as doc, bm25(search_index, ${TITLE_WEIGHT}, 1.0) as relevance from search_index where search_index match ${query}
        limit ${SEARCH_CANDIDATES}
      ) d
      order by d.relevance, coalesce(${popularity}, 0) desc, d.doc
      limit ${limit} offset ${offset}`.execute(this.db);
    return rows.map((r) => hitOf(r.doc));
  }

  /**
   * Titles that come close to `text` (a mistyped word), for when no document holds the words:
   * at most NEAR_MISS_CANDIDATES, each with its title, for the service to judge.
   */
  async nearMisses(text: string, trigrams: readonly string[]): Promise<Array<{ hit: SearchHit; title: string; votes: number }>> {
    if (trigrams.length === 0) return [];
    const votes = (doc: ReturnType<typeof sql.ref>) => sql`coalesce(case when ${doc} % 2 = 0
        then (select vote_count from show_figures where show_id = ${doc} / 2)
        else (select vote_count + baseline_count from episode_tallies where episode_id = (${doc} - 1) / 2) end, 0)`;
    if (this.dialect === 'postgres') {
      if (!(await this.hasTrigrams())) return [];
      const { rows } = await sql<{ doc: string | number; title: string; votes: string | number }>`
        select c.doc, c.title, ${votes(sql.ref('c.doc'))} as votes from (
          select doc_id as doc, title, word_similarity(${text}, search_fold(title)) as similarity from search_documents
          where ${text} <% search_fold(title)
          limit ${SEARCH_CANDIDATES}
        ) c
        order by c.similarity desc, c.doc
        limit ${NEAR_MISS_CANDIDATES}`.execute(this.db);
      return rows.map((r) => ({ hit: hitOf(Number(r.doc)), title: r.title, votes: Number(r.votes) }));
    }
    const query = trigrams.map((t) => `"${t}"`).join(' OR ');
    const { rows } = await sql<{ doc: number; title: string; votes: number }>`
      select t.doc, t.title, ${votes(sql.ref('t.doc'))} as votes from (
        select doc, title from (
          select rowid as doc, title, rank from search_titles where search_titles match ${query} limit ${SEARCH_CANDIDATES}
        ) order by rank limit ${NEAR_MISS_CANDIDATES}
      ) t`.execute(this.db);
    return rows.map((r) => ({ hit: hitOf(r.doc), title: r.title, votes: r.votes }));
  }

  private trigramsInstalled: Promise<boolean> | undefined;

  /** Whether migration 0010 could install pg_trgm here; asked once. */
  private hasTrigrams(): Promise<boolean> {
    this.trigramsInstalled ??= sql<{ installed: boolean }>`select exists (select 1 from pg_extension where extname = 'pg_trgm') as installed`
      .execute(this.db)
      .then((r) => r.rows[0]?.installed === true);
    return this.trigramsInstalled;
  }

  /** What a results page shows for each hit, in the hits' order; hits deleted meanwhile are left out. */
  async describe(hits: readonly SearchHit[]): Promise<SearchRow[]> {
    const showIds = hits.filter((h) => h.kind === 'show').map((h) => h.id);
    const episodeIds = hits.filter((h) => h.kind === 'episode').map((h) => h.id);
    const [shows, episodes] = await Promise.all([
      showIds.length === 0
        ? []
        : this.db
            .selectFrom('shows as s')
            .leftJoin('show_figures as f', 'f.show_id', 's.id')
            .select(['s.id', 's.slug', 's.title', 's.network', 'f.vote_count'])
            .where('s.id', 'in', showIds)
            .execute(),
      episodeIds.length === 0
        ? []
        : this.db
            .selectFrom('episodes as e')
            .innerJoin('seasons as se', 'se.id', 'e.season_id')
            .innerJoin('shows as s', 's.id', 'se.show_id')
            .leftJoin('episode_tallies as t', 't.episode_id', 'e.id')
            .select([
              'e.id',
              'e.number',
              'e.title',
              'se.number as season_number',
              's.slug',
              's.title as show_title',
              's.network',
              't.vote_count',
              't.baseline_count',
            ])
            .where('e.id', 'in', episodeIds)
            .execute(),
    ]);
    const showRows = new Map(
      shows.map((s): [number, SearchRow] => [
        s.id,
        {
          kind: 'show',
          showSlug: s.slug,
          showTitle: s.title,
          network: s.network,
          seasonNumber: null,
          episodeNumber: null,
          episodeTitle: null,
          votes: Number(s.vote_count ?? 0),
        },
      ]),
    );
    const episodeRows = new Map(
      episodes.map((e): [number, SearchRow] => [
        e.id,
        {
          kind: 'episode',
          showSlug: e.slug,
          showTitle: e.show_title,
          network: e.network,
          seasonNumber: e.season_number,
          episodeNumber: e.number,
          episodeTitle: e.title,
          votes: Number(e.vote_count ?? 0) + Number(e.baseline_count ?? 0),
        },
      ]),
    );
    return hits.flatMap((h) => {
      const row = (h.kind === 'show' ? showRows : episodeRows).get(h.id);
      return row ? [row] : [];
    });
  }
}
