/**
 * A vote form posted with no number chosen, without JavaScript (a hand-made request, or a page
 * from before the rating buttons): the browser goes back to the same card, open and saying what is
 * missing, instead of to a bare 400 page. Nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const SEASON = '/shows/kaleido-star/seasons/1';
const MESSAGE = 'Choose a rating from 1 to 10.';
const context = useTestApp({ seed: seedDemo });

/** Posts the vote form as a browser on our own page would. */
async function pressRate(episode: number, fields: Record<string, string>, accept?: string) {
  return context.app.inject({
    method: 'POST',
    url: `${SEASON}/episodes/${episode}/rating`,
    payload: new URLSearchParams({ action: 'rate', ...fields }).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      ...(accept ? { accept } : {}),
    },
  });
}

async function page(url: string) {
  const response = await context.app.inject({ method: 'GET', url });
  expect(response.statusCode, url).toBe(200);
  return parsePage(response.body);
}

const votesOf = async (episode: number) => (await page(`${SEASON}/episodes/${episode}`))('.episode-summary .votes').text();

describe('a vote form posted with no rating chosen, without JavaScript', () => {
  it('goes back to the same card on the same page, keeping its sort, and writes nothing', async () => {
    const before = await votesOf(12);
    const response = await pressRate(12, { return: `${SEASON}?sort=average` });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${SEASON}?sort=average&choose-rating=s1e12#s1e12`);
    expect(response.cookies.find((c) => c.name === 'epirank_voter')).toBeUndefined();
    expect(await votesOf(12)).toBe(before);
  });

  it('shows the message in that card only', async () => {
    const $ = await page(`${SEASON}?sort=average&choose-rating=s1e12`);
    expect($('article#s1e12 .vote-status').text()).toBe(MESSAGE);
    expect($('article#s1e12 .vote-status').hasClass('vote-problem')).toBe(true);
    expect($('.vote-problem')).toHaveLength(1);
    expect($('.sort-switch a[aria-current]').text()).toBe('Average');
  });

  it('works for an unrated episode, on the show page and on the episode page', async () => {
    const unrated = await pressRate(14, { return: SEASON });
    expect(unrated.headers.location).toBe(`${SEASON}?choose-rating=s1e14#s1e14`);
    expect((await page(`${SEASON}?choose-rating=s1e14`))('ul.unrated li#s1e14 .vote-status').text()).toBe(MESSAGE);

    const show = await pressRate(3, { return: '/shows/kaleido-star?sort=votes' });
    expect(show.headers.location).toBe('/shows/kaleido-star?sort=votes&choose-rating=s1e3#s1e3');
    expect((await page('/shows/kaleido-star?sort=votes&choose-rating=s1e3'))('article#s1e3 .vote-status').text()).toBe(MESSAGE);

    const episode = await pressRate(3, { return: `${SEASON}/episodes/3` });
    expect(episode.headers.location).toBe(`${SEASON}/episodes/3?choose-rating=s1e3#s1e3`);
    expect((await page(`${SEASON}/episodes/3?choose-rating=s1e3`))('.episode-page .vote-status').text()).toBe(MESSAGE);
  });

  it('never serves the message from, or into, the page cache shared by visitors', async () => {
    expect((await page(SEASON))('.vote-problem')).toHaveLength(0);
    expect((await page(`${SEASON}?choose-rating=s1e8`))('article#s1e8 .vote-problem')).toHaveLength(1);
    expect((await page(SEASON))('.vote-problem')).toHaveLength(0);
  });

  it('ignores a value that names no episode on the page', async () => {
    for (const value of ['s1e99', '<script>', 's1e12x', '']) {
      const url = `${SEASON}?choose-rating=${encodeURIComponent(value)}`;
      const response = await context.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(parsePage(response.body)('.vote-problem'), url).toHaveLength(0);
      expect(response.body).not.toContain('<script>');
    }
  });

  it('still answers the voting script with a 400 problem document', async () => {
    const response = await pressRate(12, {}, 'application/json');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: '/problems/invalid-request', detail: MESSAGE });
  });

  it('still refuses a rating that is not on the scale with a 400 page', async () => {
    const response = await pressRate(12, { rating: '11', return: SEASON });
    expect(response.statusCode).toBe(400);
  });
});
