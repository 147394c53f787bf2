/**
 * Previous and next links on episode pages: within a season, across season boundaries (skipping
 * an empty season), and none past either end of the show.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({
  seed: async (database) => {
    const make = factories(database.handle.db);
    const show = await make.show({ slug: 'relay' });
    const other = await make.show({ slug: 'elsewhere' });
    const s1 = await make.season(show.id, 1);
    await make.season(show.id, 2); // no episodes: skipped
    const s3 = await make.season(show.id, 3);
    await make.episode(s1.id, 1);
    await make.episode(s1.id, 2);
    await make.episode(s3.id, 1, { title: null });
    await make.episode(s3.id, 5);
    // Another show's episodes never appear as neighbours.
    await make.episode((await make.season(other.id, 1)).id, 3);
  },
});

async function links(season: number, episode: number) {
  const response = await context.app.inject({ method: 'GET', url: `/shows/relay/seasons/${season}/episodes/${episode}` });
  expect(response.statusCode).toBe(200);
  const $ = parsePage(response.body);
  const nav = $('nav[aria-label="Previous and next episodes"]');
  return { prev: nav.find('a[rel="prev"]').attr('href') ?? null, next: nav.find('a[rel="next"]').attr('href') ?? null, text: nav.text() };
}

describe('episode neighbours', () => {
  it('gives the first episode only a next link', async () => {
    expect(await links(1, 1)).toMatchObject({ prev: null, next: '/shows/relay/seasons/1/episodes/2' });
  });

  it('crosses into the next season that has episodes, both ways', async () => {
    expect(await links(1, 2)).toMatchObject({ prev: '/shows/relay/seasons/1/episodes/1', next: '/shows/relay/seasons/3/episodes/1' });
    const middle = await links(3, 1);
    expect(middle).toMatchObject({ prev: '/shows/relay/seasons/1/episodes/2', next: '/shows/relay/seasons/3/episodes/5' });
    expect(middle.text).toContain('S1 E2 · Episode title 2');
  });

  it('gives the last episode only a previous link, skipping gaps in numbering', async () => {
    const last = await links(3, 5);
    expect(last).toMatchObject({ prev: '/shows/relay/seasons/3/episodes/1', next: null });
    expect(last.text).toContain('S3 E1 · Episode 1');
  });
});
