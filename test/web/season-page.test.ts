import { describe, expect, it } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage, readRanking } from '../helpers/html.js';
import { referenceEntries } from '../helpers/reference-page.js';

const SEASON = '/shows/kaleido-star/seasons/1';
const context = useTestApp({ seed: seedDemo });

async function get(url: string) {
  const response = await context.app.inject({ method: 'GET', url });
  return { response, $: parsePage(response.body) };
}

/** Exact comparison of two averages given as (sum, count) — the reference gives only 2 decimals. */
const sameAverage = (a: { average: string }, b: { average: string }) => a.average === b.average;

describe('the demo season page', () => {
  it("shows the reference page's 25 episodes with the same averages and vote counts", async () => {
    const { response, $ } = await get(`${SEASON}?sort=average`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const shown = readRanking($);
    const reference = referenceEntries();
    expect(reference).toHaveLength(25);
    expect(shown).toHaveLength(25);
    const byEpisode = new Map(shown.map((e) => [e.episode, e]));
    for (const entry of reference) {
      expect(byEpisode.get(entry.episode), `episode ${entry.episode}`).toMatchObject({
        title: entry.title,
        average: entry.average,
        votes: entry.votes,
      });
    }
  });

  it('orders by average like the reference, except inside exact ties, which follow the tie chain', async () => {
    const { $ } = await get(`${SEASON}?sort=average`);
    const shown = readRanking($).map((e) => e.episode);
    const reference = referenceEntries();
    // Within each run of equal averages (the page's values are exact: sum = average × count),
    // the documented chain decides: more votes first, then lower episode number.
    const expected: number[] = [];
    for (let i = 0; i < reference.length; ) {
      let j = i;
      while (j < reference.length && sameAverage(reference[j]!, reference[i]!)) j++;
      const run = reference.slice(i, j).sort((a, b) => b.votes - a.votes || a.episode - b.episode);
      expected.push(...run.map((e) => e.episode));
      i = j;
    }
    expect(shown).toEqual(expected);
    // The reference's own ties really are reordered: #2 (episode 26) and #3 (episode 13) swap.
    expect(shown.slice(0, 3)).toEqual([1, 13, 26]);
    expect(reference.slice(0, 3).map((e) => e.episode)).toEqual([1, 26, 13]);
  });

  it('orders by fan score by default, as computed by hand with exact fractions', async () => {
    // T = 1502, N = 181, m = 5, computed independently with Python's fractions module.
    const { $ } = await get(SEASON);
    const shown = readRanking($);
    expect(shown.map((e) => e.episode)).toEqual([1, 13, 26, 8, 19, 3, 9, 4, 7, 12, 15, 10, 21, 5, 6, 24, 18, 22, 20, 2, 16, 17, 25, 11, 23]);
    expect(shown.map((e) => e.rank)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // (376·181 + 5·1502) / (181·45) = 75566 / 8145 = 9.2775… → "9.28"
    expect(shown[0]).toMatchObject({ title: 'My Amazing Stage Debut', average: '9.40', votes: 40, fanScore: '9.28' });
    expect($('.sort-switch a[aria-current]').text()).toBe('Fan score');
  });

  it('orders by vote count with ?sort=votes', async () => {
    const { $ } = await get(`${SEASON}?sort=votes`);
    const shown = readRanking($);
    expect(shown.slice(0, 4).map((e) => [e.episode, e.votes])).toEqual([
      [1, 40],
      [2, 9],
      [4, 8],
      [5, 8],
    ]);
    const votes = shown.map((e) => e.votes);
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
    expect($('.sort-switch a[aria-current]').text()).toBe('Most votes');
  });

  it('lists episode 14 under "Not yet rated", titled by its number', async () => {
    const { $ } = await get(SEASON);
    const unrated = $('#unrated-heading').text();
    expect(unrated).toBe('Not yet rated');
    const items = $('ul.unrated > li')
      .toArray()
      .map((li) => $(li).find('a').first().text());
    expect(items).toEqual(['Episode 14']);
    expect(readRanking($).some((e) => e.episode === 14)).toBe(false);
  });

  it('shows the header, the details of each entry and the few-votes mark', async () => {
    const { $ } = await get(SEASON);
    expect($('h1')).toHaveLength(1);
    expect($('h1').text()).toBe('The best episodes of Kaleido Star season 1');
    const facts = $('dl.facts > div')
      .toArray()
      .map((pair) => `${$(pair).find('dt').text()}: ${$(pair).find('dd').text()}`);
    expect(facts).toEqual(['Last updated: February 14, 2024', 'Network: TV Tokyo', 'Status: Ended']);
    expect($('dl.facts time').attr('datetime')).toBe('2024-02-14');
    expect($('.show-synopsis').text().length).toBeGreaterThan(50);

    const first = $('article#s1e1');
    expect(first.find('.episode-meta').text().replace(/\s+/g, ' ').trim()).toBe('Season 1 · Episode 1 · Aired April 3, 2003');
    expect(first.find('.directors').text()).toBe('Director: Junichi Sato');
    expect(
      first
        .find('.watch-link')
        .toArray()
        .map((a) => $(a).text()),
    ).toEqual(['Amazon', 'Apple TV']);
    expect(
      $('article#s1e12 .watch-link')
        .toArray()
        .map((a) => $(a).text()),
    ).toEqual(['Apple TV']);
    expect($('article#s1e26 .episode-meta').text().replace(/\s+/g, ' ').trim()).toBe('Season 1 · Episode 26 · Aired September 25, 2003');
    expect($('article#s1e26 .synopsis')).toHaveLength(0);

    const ranking = readRanking($);
    expect(
      ranking
        .filter((e) => e.fewVotes)
        .map((e) => e.episode)
        .sort((a, b) => a - b),
    ).toEqual([11, 24]);
  });

  it('explains the fan score once, on the page its "How ranked" link opens, not above every ranking', async () => {
    // Issue 25: the explanation used to repeat above every show's and season's ranking.
    const { $ } = await get(SEASON);
    expect($('main').text()).not.toContain('extra votes');
    const link = $('.ranking-head a.how-ranked-link');
    expect(link.text()).toBe('How ranked');
    const { response, $: explained } = await get(link.attr('href')!);
    expect(response.statusCode).toBe(200);
    expect(explained('h1').text()).toBe('How episodes are ranked');
    expect(explained('#fan-score + p').text().replace(/\s+/g, ' ')).toContain('as if it had 5 extra votes at the show');
    const { $: show } = await get('/shows/kaleido-star');
    expect(show('.ranking-head a.how-ranked-link').attr('href')).toBe(link.attr('href'));
  });

  it('keeps every detail of a ranked entry in the page, one tap away in a disclosure', async () => {
    const { $ } = await get(SEASON);
    const details = $('article#s1e1 details.episode-details');
    expect(details.attr('open')).toBeUndefined();
    expect(details.find('summary').text().replace(/\s+/g, ' ').trim()).toBe('Season 1 · Episode 1 · Aired April 3, 2003');
    expect(details.find('.synopsis').text()).toContain('Sora Naegino flies from Japan');
    expect(details.find('.directors').text()).toBe('Director: Junichi Sato');
    // The row itself: rank, title, score and the rate control, outside the disclosure.
    const row = $('article#s1e1').children();
    expect(row.map((_, e) => $(e).attr('class')).get()).toEqual(['rank', 'episode-title', 'score', 'vote-open', 'episode-details']);
    // The show's synopsis and facts, behind "About the show"; the spoiler form, behind its own.
    expect($('details.about-show .show-synopsis')).toHaveLength(1);
    expect($('details.about-show dl.facts')).toHaveLength(1);
    expect($('details.spoiler-settings form.horizon-form')).toHaveLength(1);
    expect($('details.spoiler-settings').attr('open')).toBeUndefined();
    // With a horizon set the disclosure is open, so that its banner says what the page hides.
    const { $: masked } = await get(`${SEASON}?upto=1x5`);
    expect(masked('details.spoiler-settings').attr('open')).toBeDefined();
    expect(masked('details.spoiler-settings .horizon-banner').text()).toContain('Spoilers hidden after S1E5');
  });

  it('offers share links and Open Graph / Twitter card tags for this page', async () => {
    const { $ } = await get(SEASON);
    const url = 'http://localhost:80/shows/kaleido-star/seasons/1';
    const hrefs = $('nav.share a')
      .toArray()
      .map((a) => $(a).attr('href') ?? '');
    expect(hrefs[0]).toBe(url);
    expect(hrefs.some((h) => h.startsWith('https://x.com/intent/post?') && h.includes(encodeURIComponent(url)))).toBe(true);
    expect(hrefs.some((h) => h.startsWith('https://www.facebook.com/sharer/sharer.php?u='))).toBe(true);
    expect(hrefs.some((h) => h.startsWith('https://www.reddit.com/submit?'))).toBe(true);
    expect(hrefs.some((h) => h.startsWith('mailto:?subject='))).toBe(true);
    expect($('meta[property="og:title"]').attr('content')).toBe('The best episodes of Kaleido Star season 1');
    expect($('meta[property="og:url"]').attr('content')).toBe(url);
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    expect($('link[rel="canonical"]').attr('href')).toBe(url);
  });

  it('keeps the chosen sort in the canonical URL and the sort links', async () => {
    const { $ } = await get(`${SEASON}?sort=average&utm_source=x`);
    expect($('link[rel="canonical"]').attr('href')).toBe('http://localhost:80/shows/kaleido-star/seasons/1?sort=average');
    expect(
      $('.sort-switch a')
        .toArray()
        .map((a) => $(a).attr('href')),
    ).toEqual([SEASON, `${SEASON}?sort=average`, `${SEASON}?sort=votes`]);
  });
});

describe('bad addresses on the season page', () => {
  it.each([
    ['/shows/no-such-show/seasons/1', 'There is no show called'],
    ['/shows/kaleido-star/seasons/3', 'Kaleido Star has no season 3.'],
    ['/shows/kaleido-star/seasons/abc', 'There is no page at this address.'],
    ['/shows/kaleido-star/seasons/0', 'There is no page at this address.'],
    ['/shows/kaleido-star/seasons/99999999999999999999', 'There is no page at this address.'],
    ['/shows/kaleido-star/seasons/1/episodes/27', 'Kaleido Star season 1 has no episode 27.'],
    ['/shows/kaleido-star/seasons/3/episodes/1', 'Kaleido Star has no season 3.'],
    ['/nowhere', 'There is no page at this address.'],
  ])('%s is a readable 404 page', async (url, message) => {
    const { response, $ } = await get(url);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect($('h1').text()).toBe('Page not found');
    expect($('.error-detail').text()).toContain(message);
  });

  it.each(['bogus', 'SCORE', '', '<script>'])('an unknown sort "%s" is a clear 400 page', async (sort) => {
    const { response, $ } = await get(`${SEASON}?sort=${encodeURIComponent(sort)}`);
    expect(response.statusCode).toBe(400);
    expect($('h1').text()).toBe('That request did not make sense');
    expect($('.error-detail').text()).toBe(`Unknown sort order "${sort}". Use one of: score, average, votes.`);
    expect(response.body).not.toContain('<script>"');
  });

  it('answers unknown API addresses with a problem document', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toEqual({
      type: '/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'There is no page at this address.',
      instance: '/api/v1/nothing',
    });
  });
});
