/**
 * Errors in the visitor's language: the HTML error page and the API's problem documents say their
 * `title` and `detail` in the language of the request (Accept-Language here), with Content-Language,
 * while the problem `type` slug stays the same English word in every language (API contract), and
 * an English request gets exactly the English it always got.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({ seed: seedDemo });

async function problem(url: string, language: string) {
  const response = await context.app.inject({ url, headers: { 'accept-language': language } });
  expect(response.headers['content-type']).toContain('application/problem+json');
  return { status: response.statusCode, language: response.headers['content-language'], body: response.json() };
}

describe('error pages and problem documents in the visitor’s language', () => {
  it('shows a Japanese 404 page', async () => {
    const response = await context.app.inject({ url: '/nowhere', headers: { 'accept-language': 'ja' } });
    expect(response.statusCode).toBe(404);
    const $ = parsePage(response.body);
    expect($('html').attr('lang')).toBe('ja');
    expect($('h1').text()).toBe('ページが見つかりません');
    expect($('.error-status').text()).toBe('エラー 404');
    expect($('.error-detail').text()).toBe('このアドレスにはページがありません。');
    expect($('title').text()).toBe('ページが見つかりません · Epirank');
  });

  it('answers an API 404 in Spanish, its type unchanged', async () => {
    const answer = await problem('/api/v1/nowhere', 'es');
    expect(answer).toMatchObject({ status: 404, language: 'es' });
    expect(answer.body).toMatchObject({ type: '/problems/not-found', title: 'No encontrado', detail: 'No hay ninguna página en esta dirección.', status: 404 });
  });

  it('answers an API validation error in Spanish, its type unchanged', async () => {
    const answer = await problem('/api/v1/top?page=0', 'es');
    expect(answer).toMatchObject({ status: 400, language: 'es' });
    expect(answer.body).toMatchObject({ type: '/problems/invalid-request', title: 'Solicitud no válida', detail: '«page» debe ser como mínimo 1.' });
  });

  it('answers in English exactly as before', async () => {
    const missing = await problem('/api/v1/nowhere', 'en');
    expect(missing.language).toBe('en');
    expect(missing.body).toMatchObject({ type: '/problems/not-found', title: 'Not found', detail: 'There is no page at this address.' });
    const invalid = await problem('/api/v1/top?page=0', 'en');
    expect(invalid.body).toMatchObject({ type: '/problems/invalid-request', title: 'Invalid request', detail: '"page" must be >= 1.' });
  });

  it('translates a service’s error when it is answered, not when it is thrown', async () => {
    const japanese = await problem('/api/v1/shows/no-such-show', 'ja');
    const english = await problem('/api/v1/shows/no-such-show', 'en');
    expect(japanese.body.type).toBe(english.body.type);
    expect(japanese.body.title).toBe('見つかりません');
    expect(japanese.body.detail).toContain('no-such-show');
    expect(japanese.body.detail).not.toBe(english.body.detail);
    expect(english.body.detail).toBe('There is no show called “no-such-show”.');
  });
});
