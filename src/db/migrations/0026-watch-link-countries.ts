/**
 * Where each watch link works (issue 26): the countries, as ISO 3166-1 alpha-2 codes, in one text
 * column of the link's own row, comma-separated ("JP,US"); empty means everywhere, or not known.
 *
 * A column rather than a child table (episode_watch_link_countries): a link's countries are read
 * only with the link, never searched by country (the page puts the visitor's links first in code,
 * src/catalog/watch-links.ts), and are written only by replacing all of an episode's links. A column
 * keeps the read of a page's links one query with no join or grouping, and every write one row
 * per link. The codes are checked where they are written (src/shared/countries.ts holds the list);
 * the CHECK below keeps out anything that is not codes and commas, on both databases alike.
 */
import { sql, type Kysely } from 'kysely';

export function watchLinkCountriesMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      // Empty, or two capitals then any number of ",XX": length 2 + 3n, letters at the right places.
      await sql`alter table episode_watch_links add column countries text not null default '' check (
        countries = '' or (length(countries) % 3 = 2 and upper(countries) = countries and countries not like '%,,%' and countries not like ',%' and countries not like '%,')
      )`.execute(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      await sql`alter table episode_watch_links drop column countries`.execute(db);
    },
  };
}
