/**
 * The spoiler-horizon picker (issue 25): the show and season pages offer the show's real seasons
 * and episodes ("Watched up to S1E2"), by their numbers alone; a show too long to list every
 * episode picks a season and types a number; the route sets a horizon only for an episode the
 * show has and answers any other choice with a 400 page that says why.
 */
import { describe, expect, it } from 'vitest';
import { HORIZON_COOKIE, HORIZON_PICKER_MAX_EPISODES } from '../../src/shared/spoiler-horizon.js';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

const SHOW = '/shows/picker-show';
const LONG = '/shows/long-show';
/** Each of the long show's two seasons: together one more episode than the picker lists. */
const LONG_SEASON = HORIZON_PICKER_MAX_EPISODES / 2 + 1;

const testApp = useTestApp({
  seed: async (database) => {
    const f = factories(database.handle.db);
    const show = await f.show({ slug: 'picker-show', title: 'Picker Show' });
    const one = await f.season(show.id, 1);
    const two = await f.season(show.id, 2);
    await f.season(show.id, 3); // Announced, no episodes yet: nothing to pick.
    for (const n of [1, 2, 3]) await f.episode(one.id, n, { title: `Secret Title ${n}` });
    for (const n of [1, 2]) await f.episode(two.id, n, { title: `Later Secret ${n}` });
    const long = await f.show({ slug: 'long-show', title: 'Long Show' });
    for (const number of [1, 2]) {
      const season = await f.season(long.id, number);
      for (let n = 1; n <= LONG_SEASON; n++) await f.episode(season.id, n);
    }
  },
});

const get = async (url: string) => {
  const response = await testApp.app.inject({ method: 'GET', url });
  expect(response.statusCode, url).toBe(200);
  return parsePage(response.body);
};
const post = (show: string, fields: Record<string, string>) =>
  testApp.app.inject({
    method: 'POST',
    url: `${show}/horizon`,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', accept: 'text/html' },
  });

describe('the horizon picker', () => {
  it('offers every episode the show has, grouped by season, by numbers alone', async () => {
    for (const url of [SHOW, `${SHOW}/seasons/1`]) {
      const $ = await get(url);
      const select = $('form.horizon-form select[name="upto"]');
      expect(select.attr('required'), url).toBeDefined();
      expect($(`label[for="${select.attr('id')}"]`).text(), url).toBe('Watched up to');
      expect(
        select
          .find('optgroup')
          .map((_, g) => $(g).attr('label'))
          .get(),
        url,
      ).toEqual(['Season 1', 'Season 2']);
      const options = select
        .find('optgroup option')
        .map((_, o) => `${$(o).attr('value')}=${$(o).text()}`)
        .get();
      expect(options, url).toEqual(['1x1=S1E1', '1x2=S1E2', '1x3=S1E3', '2x1=S2E1', '2x2=S2E2']);
      // Nothing chosen yet: the first option asks for a choice.
      expect(select.find('option[selected]').attr('value'), url).toBe('');
      expect($('form.horizon-form button').attr('class'), url).toBe('button');
    }
  });

  it('marks the page’s horizon as chosen and names no title after it', async () => {
    const $ = await get(`${SHOW}/seasons/1?upto=1x2`);
    expect($('form.horizon-form option[selected]').attr('value')).toBe('1x2');
    expect($('form.horizon-form').text()).not.toContain('Secret');
    expect($('.horizon-banner button').attr('class')).toBe('button-secondary');
  });

  it('sets the horizon the picker sends and comes back to the page at its upto address', async () => {
    const response = await post(SHOW, { upto: '2x2', return: `${SHOW}/seasons/1?sort=votes` });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${SHOW}/seasons/1?sort=votes&upto=2x2`);
    expect(response.cookies.find((c) => c.name === HORIZON_COOKIE)?.value).toBe('picker-show:2x2');
  });

  it('answers an episode the show does not have with a 400 page that says why, and sets nothing', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ upto: '2x3' }, 'Picker Show season 2 has 2 episodes, so there is no episode 3'],
      [{ upto: '3x1' }, 'Picker Show has no season 3'],
      [{ upto: '9x1' }, 'Picker Show has no season 9'],
      [{ season: '1', episode: '4' }, 'Picker Show season 1 has 3 episodes, so there is no episode 4'],
      [{ upto: '' }, 'Choose the last episode you have watched from the list'],
      [{ upto: 'the good one' }, 'Choose the last episode you have watched from the list'],
    ];
    for (const [fields, message] of cases) {
      const response = await post(SHOW, { ...fields, return: SHOW });
      expect(response.statusCode, JSON.stringify(fields)).toBe(400);
      expect(response.headers['content-type'], JSON.stringify(fields)).toMatch(/^text\/html/);
      expect(parsePage(response.body)('main').text(), JSON.stringify(fields)).toContain(message);
      expect(response.cookies.find((c) => c.name === HORIZON_COOKIE)).toBeUndefined();
    }
  });

  it('answers a show that does not exist with a 404', async () => {
    expect((await post('/shows/no-such-show', { upto: '1x1' })).statusCode).toBe(404);
  });
});

describe('the horizon picker of a show too long to list every episode', () => {
  it('picks a season, with its size, and an episode number bounded by the longest season', async () => {
    const $ = await get(LONG);
    const form = $('form.horizon-form');
    expect(form.find('select[name="upto"]')).toHaveLength(0);
    expect(form.find('option')).toHaveLength(2);
    expect(
      form
        .find('select[name="season"] option')
        .map((_, o) => $(o).text())
        .get(),
    ).toEqual([`Season 1 (${LONG_SEASON} episodes)`, `Season 2 (${LONG_SEASON} episodes)`]);
    const episode = form.find('input[name="episode"]');
    expect(episode.attr('type')).toBe('number');
    expect(episode.attr('max')).toBe(String(LONG_SEASON));
    expect($(`label[for="${episode.attr('id')}"]`)).toHaveLength(1);
  });

  it('sets a horizon inside a season and refuses a number past its end', async () => {
    const ok = await post(LONG, { season: '2', episode: String(LONG_SEASON), return: LONG });
    expect(ok.headers.location).toBe(`${LONG}?upto=2x${LONG_SEASON}`);
    const past = await post(LONG, { season: '2', episode: String(LONG_SEASON + 1), return: LONG });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain(`there is no episode ${LONG_SEASON + 1}`);
  });
});
