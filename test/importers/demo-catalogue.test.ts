/**
 * The demo catalogue as `epirank demo` and a first `epirank serve` load it: Kaleido Star's two
 * seasons, season 1 with the reference page's tallies and season 2 with no votes at all (no
 * invented tallies), on whichever database the suite runs against.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

describe('the demo catalogue', () => {
  const context = useTestApp({ seed: seedDemo });

  async function episodesBySeason() {
    const rows = await context.database.handle.db
      .selectFrom('episodes')
      .innerJoin('seasons', 'seasons.id', 'episodes.season_id')
      .leftJoin('episode_tallies', 'episode_tallies.episode_id', 'episodes.id')
      .select(['seasons.number as season', 'episodes.number as episode', 'episodes.title', 'episode_tallies.vote_count', 'episode_tallies.baseline_count'])
      .orderBy('seasons.number')
      .orderBy('episodes.number')
      .execute();
    return (season: number) => rows.filter((row) => Number(row.season) === season);
  }

  it('holds one show with two seasons: 26 episodes in season 1 and 25 in season 2 (New Wings, episodes 27-51)', async () => {
    const season = await episodesBySeason();
    expect(season(1).map((row) => row.episode)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(season(2).map((row) => row.episode)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(season(2)[0]?.title).toBe('Amazing Prologue to Stardom (Part 1)');
    const shows = await context.database.handle.db.selectFrom('shows').select('slug').execute();
    expect(shows.map((show) => show.slug)).toEqual(['kaleido-star']);
  });

  it('gives season 1 its baseline tallies and season 2 no votes at all', async () => {
    const season = await episodesBySeason();
    // Season 1 episode 14 has no tally on the reference page either; the other 25 do.
    expect(season(1).filter((row) => Number(row.baseline_count ?? 0) > 0)).toHaveLength(25);
    expect(season(2).map((row) => Number(row.baseline_count ?? 0) + Number(row.vote_count ?? 0))).toEqual(Array(25).fill(0));
  });

  it('serves season 2 as a page with no votes yet and makes its titles findable', async () => {
    const page = await context.app.inject({ url: '/shows/kaleido-star/seasons/2' });
    expect(page.statusCode).toBe(200);
    expect(parsePage(page.body)('main').text()).toContain('Amazing Match On Ice');
    const search = await context.app.inject({ url: `/search?q=${encodeURIComponent('Amazing Match On Ice')}` });
    expect(search.statusCode).toBe(200);
    expect(parsePage(search.body)('main').text()).toContain('Amazing Match On Ice');
  });
});
