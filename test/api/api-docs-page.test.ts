/**
 * /api/v1/docs, the API's documentation for people: descriptions written with `backticks` show
 * as code, every status of every operation is listed with its own description, and the parameter
 * tables are not the right-aligned figures tables of the season pages.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { withInlineCode } from '../../src/web/site/pages/api-docs.page.js';
import { h } from '../../src/web/ui/jsx.js';
import { useTestApp } from '../helpers/app.js';
import { parsePage, type Page } from '../helpers/html.js';

const context = useTestApp();
const RATING = '/api/v1/shows/{show}/seasons/{season}/episodes/{episode}/rating';

type Responses = Record<string, { description: string }>;
let document: { paths: Record<string, Record<string, { operationId: string; responses: Responses }>> };
let $: Page;

beforeAll(async () => {
  document = (await context.app.inject({ url: '/api/v1/openapi.json' })).json();
  const page = await context.app.inject({ url: '/api/v1/docs' });
  expect(page.statusCode).toBe(200);
  $ = parsePage(page.body);
});

/** The section of the page for one operation, found by its heading. */
function section(method: string, path: string) {
  const found = $('section.api-operation').filter((_, el) => $(el).find('h2').text().replace(/\s+/g, ' ').trim() === `${method} ${path}`);
  expect(found.length, `${method} ${path} has a section`).toBe(1);
  return found;
}

describe('the API documentation page', () => {
  it('shows text between backticks as code, and no backtick anywhere', () => {
    expect($('main').text()).not.toContain('`');
    expect(
      $('.lede code')
        .toArray()
        .map((el) => $(el).text()),
    ).toContain('application/problem+json');
    const showParameter = section('GET', '/api/v1/shows/{show}').find('table tbody td').last();
    expect(showParameter.find('code').text()).toBe('kaleido-star');
  });

  it('escapes what is not between backticks', () => {
    expect(h('p', null, withInlineCode('a <b> `c<d>` e')).value).toBe('<p>a &lt;b&gt; <code>c&lt;d&gt;</code> e</p>');
    expect(h('p', null, withInlineCode('no code, one ` alone')).value).toBe('<p>no code, one ` alone</p>');
  });

  it('lists every status of every operation with the description the document gives it', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThan(5);
    for (const { path, method, op } of operations) {
      const answers = section(method.toUpperCase(), path).find('dl.api-responses');
      const listed = answers
        .find('dt')
        .toArray()
        .map((dt) => [$(dt).text(), $(dt).next('dd').text()] as const);
      expect(
        listed.map(([status]) => status),
        `${method} ${path}`,
      ).toEqual(Object.keys(op.responses));
      for (const [status, text] of listed) {
        const plain = op.responses[status]!.description.replaceAll('`', '');
        expect(text.startsWith(plain), `${method} ${path} ${status}`).toBe(true);
      }
    }
    expect($('main').text()).not.toContain('Default Response');
    const rate = section('PUT', RATING).find('dl.api-responses').text();
    expect(rate).toContain('Retry-After');
    expect(rate).toContain('/problems/service-unavailable');
    expect(rate).toContain('/problems/too-many-requests');
  });

  it('names each operation and the credentials it takes: cookies, or a personal token', () => {
    expect(section('GET', '/api/v1/shows').text()).toContain('Operation id: listShows. Credentials: none needed.');
    expect(section('PUT', RATING).text()).toContain(
      'Operation id: rateEpisode. Credentials: Authorization: Bearer or epirank_session or epirank_voter, when the client has one',
    );
    expect(section('GET', '/api/v1/me/ratings').text()).toContain('Operation id: listMyRatings. Credentials: Authorization: Bearer.');
  });

  it('sets parameters in a left-aligned table of its own', () => {
    expect(
      $('section.api-operation table')
        .toArray()
        .every((t) => $(t).attr('class') === 'api-table'),
    ).toBe(true);
    const css = readFileSync(new URL('../../src/web/assets/site.css', import.meta.url), 'utf8');
    expect(css).toMatch(/table\.api-table :is\(th, td\) \{[^}]*text-align: left;/);
    expect(css).not.toMatch(/table\.api-table[^{]*\{[^}]*text-align: right/);
  });
});
