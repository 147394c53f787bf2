/**
 * The episode page's description (the meta tag search engines and link previews read, and the
 * TVEpisode data's): the synopsis when the episode has one, else a sentence naming the episode and
 * its show. A catalogue file may give an empty synopsis (the generated shows do), which must fall
 * back as a missing one does: Lighthouse's SEO audit counts a page without a description against it.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({
  seed: async (database) => {
    const make = factories(database.handle.db);
    const show = await make.show({ slug: 'described', title: 'Described Show' });
    const season = await make.season(show.id, 1);
    await make.episode(season.id, 1, { title: 'Told', synopsis: 'A synopsis of our own.' });
    await make.episode(season.id, 2, { title: 'Blank', synopsis: '' });
    await make.episode(season.id, 3, { title: 'Missing', synopsis: null });
  },
});

async function described(episode: number) {
  const response = await context.app.inject({ url: `/shows/described/seasons/1/episodes/${episode}` });
  expect(response.statusCode).toBe(200);
  const $ = parsePage(response.body);
  const data = $('script[type="application/ld+json"]')
    .toArray()
    .flatMap((script) => (JSON.parse($(script).text()) as { '@graph': { '@type'?: string; description?: string }[] })['@graph'])
    .find((node) => node['@type'] === 'TVEpisode');
  return { meta: $('meta[name="description"]').attr('content'), data: data?.description };
}

describe('episode page description', () => {
  it('is the synopsis when there is one', async () => {
    expect(await described(1)).toEqual({ meta: 'A synopsis of our own.', data: 'A synopsis of our own.' });
  });

  it('names the episode and the show when the synopsis is empty or missing, and leaves the data without one', async () => {
    for (const [episode, title] of [
      [2, 'Blank'],
      [3, 'Missing'],
    ] as const) {
      expect(await described(episode)).toEqual({ meta: `Fans' ratings of ${title}, an episode of Described Show.`, data: undefined });
    }
  });
});
