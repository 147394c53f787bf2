/**
 * What the pages say about small numbers and about the visitor: counts of one in the singular,
 * headings that name what is listed, a header that offers to sign in to those without an account,
 * and a histogram that says how many of the votes it draws.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { signedInAs } from '../helpers/accounts.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

// One show, one season, one episode: 1 vote cast here (an 8) and 7 imported summing 49.
// One prior vote, so the fan-score explanation (/how-ranked) has to say "1 extra vote".
const context = useTestApp({
  config: { rankPriorVotes: 1 },
  seed: async (database) => {
    const make = factories(database.handle.db);
    const show = await make.show({ slug: 'solo', title: 'Solo' });
    const season = await make.season(show.id, 1);
    const only = await make.episode(season.id, 1, { title: 'Only One' });
    await make.ratings(only.id, [8]);
    await make.baseline(only.id, 7, 49);
    const other = await make.show({ slug: 'pair', title: 'Pair' });
    const first = await make.season(other.id, 1);
    await make.ratings((await make.episode(first.id, 1)).id, [6, 7]);
    await make.episode(first.id, 2);
  },
});

async function get(url: string, cookie?: string) {
  const response = await context.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  expect(response.statusCode, url).toBe(200);
  return parsePage(response.body);
}

const text = (value: string) => value.replace(/\s+/g, ' ').trim();

describe('counts', () => {
  it('say "1 episode" and "1 extra vote", never "1 episodes" or "1 extra votes"', async () => {
    const home = await get('/');
    const facts = home('li.show-card')
      .toArray()
      .map((li) => text(home(li).find('.show-facts').text()));
    expect(facts).toEqual(['1 episode · 8 votes', '2 episodes · 2 votes']);
    const show = await get('/shows/solo');
    expect(show('article#s1e1 .votes').text()).toBe('8 votes');
    const howRanked = await get(show('.ranking-section a.how-ranked-link').attr('href')!);
    expect(text(howRanked('main').text())).toContain('as if it had 1 extra vote at the show');
    expect(text(howRanked('main').text())).toContain('fewer than 1 vote is marked');
  });
});

describe('headings', () => {
  it('the show page ranks every episode, not every season', async () => {
    const $ = await get('/shows/solo');
    expect($('#ranking-heading').text()).toBe('Every episode of Solo, ranked');
  });
});

describe('the header', () => {
  it('offers a visitor without an account to sign in', async () => {
    for (const url of ['/', '/shows/solo', '/shows/solo/seasons/1', '/shows/solo/seasons/1/episodes/1']) {
      const $ = await get(url);
      expect($('.site-header .account-link').text().trim(), url).toBe('Sign in');
      expect($('.site-header .account-link').attr('href'), url).toBe('/account/sign-in');
    }
  });

  it('says "Your account" to someone signed in', async () => {
    const cookie = await signedInAs(context.app, context.database, 'fan');
    for (const url of ['/', '/shows/solo', '/shows/solo/seasons/1', '/shows/solo/seasons/1/episodes/1']) {
      const $ = await get(url, cookie);
      expect($('.site-header .account-link').text().trim(), url).toBe('Your account');
      expect($('.site-header .account-link').attr('href'), url).toBe('/account');
    }
    // The signed-in page was not stored for visitors, nor a visitor's served to the account.
    expect((await get('/'))('.site-header .account-link').text().trim()).toBe('Sign in');
  });
});

describe('the histogram', () => {
  it('says it draws 1 of the 8 votes, the one cast here', async () => {
    const $ = await get('/shows/solo/seasons/1/episodes/1');
    expect(text($('table.histogram caption').text())).toBe('Ratings of the 1 vote cast on Epirank, out of 8 in all');
    expect(text($('.histogram-section .note').text())).toBe('The average also counts 7 votes imported from elsewhere, whose individual ratings are not known.');
    expect($('.episode-summary .votes').text()).toBe('8 votes');
  });

  it('says how many votes it draws when all were cast here', async () => {
    const $ = await get('/shows/pair/seasons/1/episodes/1');
    expect(text($('table.histogram caption').text())).toBe('Ratings of the 2 votes cast on Epirank');
    expect($('.histogram-section .note')).toHaveLength(0);
  });
});
