/**
 * The demo season page in Japanese and Spanish: its dates written as the language writes them, its
 * exact averages with the language's decimal separator and both digits kept, its vote counts in the
 * language's plural, and `<html lang>` saying which language the page is in.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({ seed: seedDemo });
const SEASON = '/shows/kaleido-star/seasons/1';
/** The demo's season 1 episode without votes (S1E14): one vote makes it "1 vote". */
const UNRATED = 's1e14';

async function season(lang: string) {
  const response = await context.app.inject({ url: `${SEASON}?lang=${lang}` });
  expect(response.statusCode).toBe(200);
  return { body: response.body, $: parsePage(response.body) };
}

/** The texts of every element matching `selector`, in page order. */
function texts($: ReturnType<typeof parsePage>, selector: string): string[] {
  return $(selector)
    .toArray()
    .map((element) => $(element).text().trim());
}

describe('the demo season page in Japanese and Spanish', () => {
  it('says which language it is in', async () => {
    for (const lang of ['en', 'ja', 'es']) expect((await season(lang)).body).toContain(`<html lang="${lang}"`);
  });

  it('writes the air dates as Japanese and Spanish dates', async () => {
    const english = await season('en');
    expect(english.$('#s1e26 time').text()).toBe('September 25, 2003');
    const japanese = await season('ja');
    expect(japanese.$('#s1e26 time').text()).toBe('2003年9月25日');
    expect(japanese.$('#s1e26 .episode-meta').text()).toContain('2003年9月25日放送');
    const spanish = await season('es');
    expect(spanish.$('#s1e26 time').text()).toBe('25 de septiembre de 2003');
    expect(spanish.$('#s1e26 .episode-meta').text()).toContain('Emitido el 25 de septiembre de 2003');
    // The show's last update, in "About the show".
    expect(spanish.$('.show-header dd time').text()).toMatch(/^\d{1,2} de [a-z]+ de \d{4}$/);
    expect(japanese.$('.show-header dd time').text()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  it('prints each exact average with a decimal comma in Spanish, both digits kept', async () => {
    const english = await season('en');
    const spanish = await season('es');
    const japanese = await season('ja');
    const averages = texts(english.$, '.average-value');
    expect(averages.length).toBeGreaterThan(20);
    for (const average of averages) expect(average).toMatch(/^\d+\.\d\d$/);
    // A trailing zero is the exactness a float would lose ("8.30" is not "8.3").
    expect(averages.some((average) => average.endsWith('0'))).toBe(true);
    expect(texts(spanish.$, '.average-value')).toEqual(averages.map((average) => average.replace('.', ',')));
    expect(texts(japanese.$, '.average-value')).toEqual(averages);
    const seasonAverage = english.$('.season-rating .season-average').text();
    expect(seasonAverage).toMatch(/^\d+\.\d\d$/);
    expect(spanish.$('.season-rating .season-average').text()).toBe(seasonAverage.replace('.', ','));
    expect(texts(spanish.$, '.fan-score-value')).toEqual(texts(english.$, '.fan-score-value').map((score) => score.replace('.', ',')));
  });

  it('counts votes in the language’s plural: "1 voto", "40 votos", "40票"', async () => {
    const vote = await context.app.inject({
      method: 'POST',
      url: `${SEASON}/episodes/14/rating`,
      payload: new URLSearchParams({ return: SEASON, rating: '7' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    });
    expect(vote.statusCode).toBe(303);
    const spanish = await season('es');
    const counts = texts(spanish.$, '.score .votes');
    expect(spanish.$(`#${UNRATED} .votes`).text()).toBe('1 voto');
    expect(counts).toContain('40 votos');
    expect(counts.filter((count) => !/^\d+ votos$/.test(count))).toEqual(['1 voto']);
    expect(spanish.$('.season-rating .season-votes').text()).toMatch(/^\d+ votos$/);
    const japanese = await season('ja');
    expect(japanese.$(`#${UNRATED} .votes`).text()).toBe('1票');
    expect(texts(japanese.$, '.score .votes')).toContain('40票');
    const english = await season('en');
    expect(english.$(`#${UNRATED} .votes`).text()).toBe('1 vote');
  });
});
