/**
 * SQL for catalogue search over the documents migration 0010 keeps (one per show, one per
 * episode). The full-text engines differ too much for dialect.ts helpers to hide them, so each
 * query here is written once per database, like the migration's triggers: SQLite FTS5 and
 * PostgreSQL tsvector, both in the tiers `matching` describes, then pg_trgm
 * or an FTS5 trigram table for near misses.
 * Callers pass words already reduced to letters and digits (searchWords in search.service.ts), never user syntax.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOfConnection } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { EPISODE_PLACE, episodesInPlace } from './episode-place.js';
import type { AlternateTitle } from './alternate-titles.js';
import { titlesOfEpisodes, titlesOfShows } from './alternate-titles.repository.js';

/** A show's document is 2 × id, an episode's 2 × id + 1 (migration 0010). */
export type SearchHit = { kind: 'show'; id: number } | { kind: 'episode'; id: number };

function hitOf(doc: number): SearchHit {
  return doc % 2 === 0 ? { kind: 'show', id: doc / 2 } : { kind: 'episode', id: (doc - 1) / 2 };
}

/** A document's votes (its show's, or its episode's with their baselines), the order among equally relevant results. */
const votesOf = (doc: ReturnType<typeof sql.ref>) => sql`coalesce(case when ${doc} % 2 = 0
    then (select vote_count from show_figures where show_id = ${doc} / 2)
    else (select vote_count + baseline_count from episode_tallies where episode_id = (${doc} - 1) / 2) end, 0)`;

/** Near-miss candidates looked at per query (titles holding a run of a mistyped word): a bound on the fallback's cost. */
export const NEAR_MISS_CANDIDATES = 100;

/**
 * The most documents a query ranks. Ranking every match of a common word cost 27 ms at the
 * benchmark's size (25,796 matches, each scored and looked up for its votes) on a thread that
 * serves everyone; the first this many matches the index yields are ranked instead (title matches
 * before the rest), and results deeper than that are not offered: 5 pages of 20. A query that
 * matches more is better narrowed by another word than paged through. 300 ranked (15 pages) cost
 * a third more time a search at that size, most of it looking up each candidate's votes.
 */
export const SEARCH_CANDIDATES = 100;

/** A matching document, its tier (0 the most relevant) and its votes, which order equals within a tier. */
interface Ranked {
  doc: number;
  tier: number;
  votes: number;
}

export interface SearchRow {
  kind: 'show' | 'episode';
  showSlug: string;
  showTitle: string;
  network: string | null;
  seasonNumber: number | null;
  episodeNumber: number | null;
  episodeTitle: string | null;
  /** The show's other titles and the episode's (migration 0025), for the page to print the visitor's preferred one. */
  showTitles: AlternateTitle[];
  episodeTitles: AlternateTitle[];
  /** Votes here plus baselines: the show's for a show, the episode's for an episode. */
  votes: number;
  /** The sum of those votes: with `votes`, a show's mean or an episode's average. */
  sum: number;
  /** The show's votes and their sum (N and T), which an episode's fan score is pulled towards. */
  show: { count: number; sum: number };
}

export class SearchRepository {
  private readonly dialect;

  constructor(private readonly db: Kysely<Database>) {
    this.dialect = dialectOfConnection(db);
  }

  /**
   * Documents holding every word (whole, or failing that as the beginning of a word), most
   * relevant first, then most voted: at most SEARCH_CANDIDATES.
   */
  async matching(words: readonly string[]): Promise<SearchHit[]> {
    if (words.length === 0) return [];
    // Relevance comes in tiers rather than from bm25 or ts_rank: FTS5's bm25 reads the whole
    // posting list of every word to weigh it (3.5 ms for two common words at the benchmark's size,
    // on the thread that serves everyone), and so does a word's beginning ("word"*) longer than the
    // index's prefix lengths. Whole words in the title come first, then whole words anywhere, then
    // the words as beginnings (search as you type); each tier stops after SEARCH_CANDIDATES
    // matches, and a later tier is asked only while fewer have been found, so a finished word costs
    // two short index walks (0.3 ms there). Among equals, the more voted come first. (Asking the
    // broadest tier first, to stop early on a typo, made every finished word pay for a prefix.)
    const found = this.dialect === 'postgres' ? await this.rankedOnPostgres(this.tiers(words)) : await this.rankedOnSqlite(this.tiers(words));
    return found.sort((x, y) => x.tier - y.tier || y.votes - x.votes || x.doc - y.doc).map((r) => hitOf(r.doc));
  }

  /**
   * PostgreSQL: every tier in one statement, with each document's votes: a round trip to the
   * database costs more here than a short index walk. Each tier leaves out what an earlier one
   * matched, so no document comes twice, and the outer LIMIT stops the UNION ALL, which runs its
   * parts in order, once SEARCH_CANDIDATES are found: a later tier is still searched only while
   * fewer have been. (In order because the plan is a plain Append: each LIMITed part costs the
   * planner a few hundred units, far below what a parallel plan, which could interleave the
   * parts, costs to start, `parallel_setup_cost`, 1,000 by default.)
   */
  private async rankedOnPostgres(tiers: readonly string[]): Promise<Ranked[]> {
    const matches = (query: string) => sql`document @@ to_tsquery('simple', ${query})`;
    const parts = tiers.map(
      (query, tier) =>
        sql`(select doc_id as doc, ${sql.lit(tier)} as tier from search_documents where ${matches(query)}${sql.join(
          tiers.slice(0, tier).map((earlier) => sql` and not ${matches(earlier)}`),
          sql``,
        )} limit ${SEARCH_CANDIDATES})`,
    );
    const { rows } = await sql<{ doc: string | number; tier: number; votes: string | number }>`
      select c.doc, c.tier, ${votesOf(sql.ref('c.doc'))} as votes from (${sql.join(parts, sql` union all `)} limit ${SEARCH_CANDIDATES}) c`.execute(this.db);
    return rows.map((r) => ({ doc: Number(r.doc), tier: r.tier, votes: Number(r.votes) }));
  }

  /** SQLite: the tiers one query at a time (each a short walk of FTS5's index in this process), then the documents' votes. */
  private async rankedOnSqlite(tiers: readonly string[]): Promise<Ranked[]> {
    const tierOf = new Map<number, number>();
    for (const [tier, query] of tiers.entries()) {
      if (tierOf.size >= SEARCH_CANDIDATES) break;
      const { rows } = await sql<{ doc: number }>`select rowid as doc from search_index where search_index match ${query} limit ${SEARCH_CANDIDATES}`.execute(
        this.db,
      );
      for (const { doc } of rows) if (!tierOf.has(doc) && tierOf.size < SEARCH_CANDIDATES) tierOf.set(doc, tier);
    }
    if (tierOf.size === 0) return [];
    const listed = sql`(select value as doc from json_each(${JSON.stringify([...tierOf.keys()])})) d`;
    const { rows } = await sql<{ doc: number; votes: number }>`select d.doc, ${votesOf(sql.ref('d.doc'))} as votes from ${listed}`.execute(this.db);
    return rows.map((r) => ({ doc: Number(r.doc), tier: tierOf.get(Number(r.doc))!, votes: Number(r.votes) }));
  }

  /** The tiers' queries in each engine's syntax; every word is quoted or bare letters and digits, never syntax. */
  private tiers(words: readonly string[]): string[] {
    if (this.dialect === 'postgres') {
      const all = (suffix: string) => words.map((w) => `${w}${suffix}`).join(' & ');
      return [all(':A'), all(''), all(':*A'), all(':*')];
    }
    const whole = words.map((w) => `"${w}"`).join(' ');
    const started = words.map((w) => `"${w}"*`).join(' ');
    return [`{title} : (${whole})`, whole, `{title} : (${started})`, started];
  }

  /**
   * Titles that hold any of `pieces` (runs of a mistyped word's letters), for when no document
   * holds the words: the first NEAR_MISS_CANDIDATES the index yields, each with its title, for the
   * service to judge. Not the engines' best by similarity: FTS5's rank is bm25, which reads every
   * piece's whole posting list (4.5 ms for one mistyped common word at the benchmark's size), and
   * pg_trgm's `<%` rechecked every title sharing a trigram when none came close enough (28 ms).
   * SQLite reads migration 0010's trigram table, PostgreSQL the trigram index on the folded
   * titles of migration 0016; the service measures closeness itself.
   */
  async nearMisses(pieces: readonly string[]): Promise<Array<{ hit: SearchHit; title: string; votes: number }>> {
    if (pieces.length === 0) return [];
    if (this.dialect === 'postgres') {
      // Without pg_trgm no index serves LIKE: every title would be read.
      if (!(await this.hasTrigrams())) return [];
      // Pieces are letters and digits only (searchWords), so none holds a LIKE wildcard.
      const patterns = pieces.map((p) => `%${p}%`);
      const { rows } = await sql<{ doc: string | number; title: string; votes: string | number }>`
        select c.doc, c.title, ${votesOf(sql.ref('c.doc'))} as votes from (
          select doc_id as doc, title from search_documents where title_folded like any (${patterns}::text[])
          limit ${NEAR_MISS_CANDIDATES}
        ) c`.execute(this.db);
      return rows.map((r) => ({ hit: hitOf(Number(r.doc)), title: r.title, votes: Number(r.votes) }));
    }
    const query = pieces.map((t) => `"${t}"`).join(' OR ');
    const { rows } = await sql<{ doc: number; title: string; votes: number }>`
      select t.doc, t.title, ${votesOf(sql.ref('t.doc'))} as votes from (
        select rowid as doc, title from search_titles where search_titles match ${query} limit ${NEAR_MISS_CANDIDATES}
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
    const [shows, episodes, showTitles, episodeTitles] = await Promise.all([
      showIds.length === 0
        ? []
        : this.db
            .selectFrom('shows as s')
            .leftJoin('show_figures as f', 'f.show_id', 's.id')
            .select(['s.id', 's.slug', 's.title', 's.network', 'f.vote_count', 'f.vote_sum'])
            .where('s.id', 'in', showIds)
            .execute(),
      episodeIds.length === 0
        ? []
        : episodesInPlace(this.db)
            .leftJoin('episode_tallies as t', 't.episode_id', 'e.id')
            // The show's N and T for the fan score: one row per show by its key, at most a page of them.
            .leftJoin('show_figures as f', 'f.show_id', 'sh.id')
            .select(['e.id', 'e.title', 'sh.network', 't.vote_count', 't.vote_sum', 't.baseline_count', 't.baseline_sum', ...EPISODE_PLACE])
            .select(['f.vote_count as show_vote_count', 'f.vote_sum as show_vote_sum'])
            .where('e.id', 'in', episodeIds)
            .execute(),
      // The page's titles: one query each for its shows and its episodes.
      titlesOfShows(this.db, showIds),
      titlesOfEpisodes(this.db, episodeIds),
    ]);
    const noEpisode = { seasonNumber: null, episodeNumber: null, episodeTitle: null };
    const showRows = new Map(
      shows.map((s): [number, SearchRow] => [
        s.id,
        {
          kind: 'show',
          showSlug: s.slug,
          showTitle: s.title,
          network: s.network,
          ...noEpisode,
          showTitles: showTitles.get(s.id) ?? [],
          episodeTitles: [],
          votes: Number(s.vote_count ?? 0),
          sum: Number(s.vote_sum ?? 0),
          show: { count: Number(s.vote_count ?? 0), sum: Number(s.vote_sum ?? 0) },
        },
      ]),
    );
    const episodeRows = new Map(
      episodes.map((e): [number, SearchRow] => [
        e.id,
        {
          kind: 'episode',
          showSlug: e.show_slug,
          showTitle: e.show_title,
          network: e.network,
          seasonNumber: e.season_number,
          episodeNumber: e.episode_number,
          episodeTitle: e.title,
          showTitles: [],
          episodeTitles: episodeTitles.get(e.id) ?? [],
          votes: Number(e.vote_count ?? 0) + Number(e.baseline_count ?? 0),
          sum: Number(e.vote_sum ?? 0) + Number(e.baseline_sum ?? 0),
          show: { count: Number(e.show_vote_count ?? 0), sum: Number(e.show_vote_sum ?? 0) },
        },
      ]),
    );
    return hits.flatMap((h) => {
      const row = (h.kind === 'show' ? showRows : episodeRows).get(h.id);
      return row ? [row] : [];
    });
  }
}
