/**
 * The values `/shows` and `/top` can be filtered by, offered as pickers (issue 25): the networks,
 * statuses and years that exist, read from the indexes the filters themselves read. A network or a
 * status matches in any case (`status=ended` finds `Ended`), by `lower()` on both sides, which is
 * what migration 0023 indexes; `foldedEquals` is that comparison, used by every such filter.
 *
 * A list of distinct values is a loose index scan: one index probe per value ("the next value after
 * the last one"), so its cost is the number of values offered, never the number of shows or
 * episodes. Networks can grow without bound, so each list stops at CHOICES_CAP values and says
 * that it was cut; the filter still takes any value typed.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The most values one picker offers: more would be a list no one scrolls, read on every page view. */
export const CHOICES_CAP = 200;

/** Values that exist, in the order a picker shows them; `cut` when there were more than CHOICES_CAP. */
export interface Choices<T> {
  values: T[];
  cut: boolean;
}

export interface ShowFilterChoices {
  networks: Choices<string>;
  statuses: Choices<string>;
  years: Choices<number>;
}

export interface TopFilterChoices {
  networks: Choices<string>;
  years: Choices<number>;
}

/** `lower(column) = lower(value)`: a filter of text that ignores case, reading a `lower(column)` index. */
export function foldedEquals<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: string, value: string) {
  return eb(sql`lower(${sql.ref(column)})`, '=', sql`lower(${value})`);
}

/** A table and column to list the distinct values of, led by an index on the expression read. */
interface Source {
  table: 'shows' | 'top_episodes' | 'show_figures';
  column: 'network' | 'status' | 'air_year' | 'first_air_year';
}

export class FilterChoicesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The distinct folded values of a text column, A to Z, each in the spelling of the first row the
   * index holds for it: `Ended` and `ended` are one choice, as they are one filter.
   */
  async texts(source: Source): Promise<Choices<string>> {
    const table = sql.table(source.table);
    const key = sql`lower(${sql.ref(source.column)})`;
    const { rows } = await sql<{ value: string }>`
      with recursive found(folded, n) as (
        select (select ${key} from ${table} where ${key} is not null order by ${key} limit 1), 1
        union all
        select (select ${key} from ${table} where ${key} > found.folded order by ${key} limit 1), n + 1
          from found where found.folded is not null and n <= ${CHOICES_CAP}
      )
      select (select ${sql.ref(source.column)} from ${table} where ${key} = found.folded limit 1) as value
        from found where found.folded is not null`.execute(this.db);
    return capped(rows.map((r) => r.value));
  }

  /** The distinct values of an integer column, highest first (the latest years lead a year picker). */
  async numbers(source: Source): Promise<Choices<number>> {
    const table = sql.table(source.table);
    const column = sql.ref(source.column);
    const { rows } = await sql<{ value: number }>`
      with recursive found(value, n) as (
        select (select ${column} from ${table} where ${column} is not null order by ${column} desc limit 1), 1
        union all
        select (select ${column} from ${table} where ${column} < found.value order by ${column} desc limit 1), n + 1
          from found where found.value is not null and n <= ${CHOICES_CAP}
      )
      select value from found where value is not null`.execute(this.db);
    return capped(rows.map((r) => Number(r.value)));
  }
}

function capped<T>(values: T[]): Choices<T> {
  return { values: values.slice(0, CHOICES_CAP), cut: values.length > CHOICES_CAP };
}

/** What each list's filter form offers. */
export class FilterChoices {
  constructor(private readonly repository: FilterChoicesRepository) {}

  async forShows(): Promise<ShowFilterChoices> {
    const [networks, statuses, years] = await Promise.all([
      this.repository.texts({ table: 'shows', column: 'network' }),
      this.showStatuses(),
      this.repository.numbers({ table: 'show_figures', column: 'first_air_year' }),
    ]);
    return { networks, statuses, years };
  }

  /** The shows' statuses ("Ended", "Running"): the /shows filter's choices, and the admin show form's suggestions. */
  async showStatuses(): Promise<Choices<string>> {
    return this.repository.texts({ table: 'shows', column: 'status' });
  }

  /** Only what the lists hold: a network whose episodes have too few votes is not offered. */
  async forTop(): Promise<TopFilterChoices> {
    const [networks, years] = await Promise.all([
      this.repository.texts({ table: 'top_episodes', column: 'network' }),
      this.repository.numbers({ table: 'top_episodes', column: 'air_year' }),
    ]);
    return { networks, years };
  }
}
