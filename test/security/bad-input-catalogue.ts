/**
 * What the generated bad-input suite sends: every route of the app with good defaults for its path
 * parameters, query, form or JSON body, the bad values each of those can be replaced with, and a
 * fixed-seed generator that turns the two into thousands of requests. Kept apart from the tests so
 * they read as the checks they make: test/e2e/bad-input.test.ts sends the requests (slow tier), and
 * bad-input-coverage.test.ts checks in `npm test` that every route the app serves is listed here.
 */
import { seededRandom } from '../helpers/random.js';

export type BodyKind = 'none' | 'form' | 'json' | 'multipart';
export type Auth = 'visitor' | 'admin';

export interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify's path, e.g. `/shows/:show`; the parameters are filled from `params`. */
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: BodyKind;
  /** The good fields of a form or JSON body; each generated request spoils one or more of them. */
  fields?: Record<string, string | number>;
  auth?: Auth;
  /** True where even a successful answer must not change any data (a dry-run import). */
  neverWrites?: boolean;
}

const SHOW = 'kaleido-star';
const episode = { show: SHOW, season: '1', episode: '3' };
const season = { show: SHOW, season: '1' };
// Destructive admin routes aim at a show that does not exist: their inputs are under test, and a
// mutation that happens to be valid must not delete the catalogue the other requests need.
const nowhere = { show: 'no-such-show', season: '1', episode: '1' };

/** A form POST sent signed in as the admin, the shape of most account and admin routes. */
function signedInForm(path: string, fields: Record<string, string>, params?: Record<string, string>): RouteCase {
  return { method: 'POST', path, ...(params ? { params } : {}), body: 'form', fields, auth: 'admin' };
}

export const ROUTES: RouteCase[] = [
  // Public pages.
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/healthz' },
  { method: 'GET', path: '/healthz/live' },
  { method: 'GET', path: '/healthz/ready' },
  { method: 'GET', path: '/metrics' },
  { method: 'GET', path: '/assets/:name', params: { name: 'site.css' }, query: { v: 'abc' } },
  { method: 'GET', path: '/shows/:show', params: { show: SHOW }, query: { sort: 'average', page: '1', rate: 's1e3', heatmap: 'average', chart: 'table' } },
  { method: 'GET', path: '/shows/:show/seasons/:season', params: season, query: { sort: 'votes', page: '1', rate: 's1e3', chart: 'table' } },
  { method: 'GET', path: '/shows/:show/seasons/:season/episodes/:episode', params: episode, query: { 'choose-rating': 's1e3' } },
  { method: 'GET', path: '/shows' },
  { method: 'GET', path: '/robots.txt' },
  { method: 'GET', path: '/sitemap.xml' },
  { method: 'GET', path: '/sitemaps/:file', params: { file: '1.xml' } },
  { method: 'GET', path: '/manifest.webmanifest' },
  { method: 'GET', path: '/favicon.ico' },
  { method: 'GET', path: '/search', query: { q: 'kaleido', page: '1' } },
  { method: 'GET', path: '/how-ranked' },
  // The language menu's links (issue 26).
  { method: 'GET', path: '/language/:tag', params: { tag: 'ja' }, query: { back: '/shows/kaleido-star?sort=votes' } },
  { method: 'GET', path: '/titles/:preference', params: { preference: 'original' }, query: { back: '/shows/kaleido-star' } },
  { method: 'GET', path: '/country/:code', params: { code: 'JP' }, query: { back: '/shows/kaleido-star/seasons/1/episodes/1' } },
  { method: 'GET', path: '/top', query: { list: 'votes', year: '2003', network: 'TV Tokyo', page: '1' } },
  // Share images, embeds and oEmbed (issue 14).
  { method: 'GET', path: '/shows/:show/share.png', params: { show: SHOW } },
  { method: 'GET', path: '/shows/:show/seasons/:season/share.png', params: season },
  { method: 'GET', path: '/embed/shows/:show/heatmap', params: { show: SHOW } },
  { method: 'GET', path: '/embed/shows/:show/seasons/:season', params: season },
  { method: 'GET', path: '/oembed', query: { url: 'http://localhost/shows/kaleido-star/seasons/1', format: 'json', maxwidth: '400', maxheight: '300' } },
  // Rank history (issue 14): rankings as of a past day, and each show's feed.
  { method: 'GET', path: '/shows/:show', params: { show: SHOW }, query: { as_of: '2026-03-03', sort: 'votes' } },
  { method: 'GET', path: '/shows/:show/seasons/:season', params: season, query: { as_of: '2026-03-03', page: '1' } },
  { method: 'GET', path: '/shows/:show/feed.atom', params: { show: SHOW } },
  // Spoiler horizon (issue 16): pages at ?upto=, and the form that sets or forgets it.
  { method: 'GET', path: '/shows/:show', params: { show: SHOW }, query: { upto: '1x5', sort: 'votes' } },
  { method: 'GET', path: '/shows/:show/seasons/:season', params: season, query: { upto: 'S1E5', page: '1' } },
  { method: 'GET', path: '/shows/:show/seasons/:season/episodes/:episode', params: episode, query: { upto: '1x2' } },
  {
    method: 'POST',
    path: '/shows/:show/horizon',
    params: { show: SHOW },
    body: 'form',
    fields: { season: '1', episode: '5', return: '/shows/kaleido-star/seasons/1?sort=votes' },
  },
  // Every other GET: a page that does not exist, or an address with a trailing slash.
  { method: 'GET', path: '/*', params: { '*': 'no/such/page/' } },
  {
    method: 'POST',
    path: '/shows/:show/seasons/:season/episodes/:episode/rating',
    params: episode,
    body: 'form',
    fields: { rating: '7', action: 'rate', return: '/shows/kaleido-star/seasons/1?sort=votes', sort: 'score', scope: 'season' },
  },
  // The JSON API.
  { method: 'GET', path: '/api/v1/shows', query: { q: 'kaleido', page: '1', perPage: '20' } },
  { method: 'GET', path: '/api/v1/search', query: { q: 'kalei', page: '1', perPage: '10' } },
  { method: 'GET', path: '/api/v1/top', query: { list: 'divisive', year: '2003', network: 'TV Tokyo', page: '1' } },
  { method: 'GET', path: '/api/v1/shows/:show', params: { show: SHOW } },
  { method: 'GET', path: '/api/v1/shows/:show/seasons', params: { show: SHOW } },
  { method: 'GET', path: '/api/v1/shows/:show/ranking', params: { show: SHOW }, query: { sort: 'score' } },
  { method: 'GET', path: '/api/v1/shows/:show/seasons/:season/ranking', params: season, query: { sort: 'average' } },
  { method: 'GET', path: '/api/v1/shows/:show/ranking', params: { show: SHOW }, query: { as_of: '2026-03-03', perPage: '5' } },
  { method: 'GET', path: '/api/v1/shows/:show/seasons/:season/ranking', params: season, query: { as_of: '2026-03-03', sort: 'votes' } },
  { method: 'GET', path: '/api/v1/shows/:show/seasons/:season/episodes/:episode', params: episode },
  { method: 'PUT', path: '/api/v1/shows/:show/seasons/:season/episodes/:episode/rating', params: episode, body: 'json', fields: { rating: 8 } },
  { method: 'DELETE', path: '/api/v1/shows/:show/seasons/:season/episodes/:episode/rating', params: episode },
  // Without a token these are 401; the generated requests check that no input makes them more.
  { method: 'GET', path: '/api/v1/me' },
  { method: 'GET', path: '/api/v1/me/ratings', query: { sort: 'show', show: SHOW, page: '1' } },
  { method: 'GET', path: '/api/v1/openapi.json' },
  { method: 'GET', path: '/api/v1/docs' },
  // Accounts. Sign-out goes without the admin's cookie, and the password change with a wrong
  // current password, so that neither ends the admin's session.
  { method: 'GET', path: '/account', auth: 'admin' },
  { method: 'GET', path: '/account/sign-in', query: { return: '/shows/kaleido-star' } },
  { method: 'GET', path: '/account/sign-up' },
  {
    method: 'POST',
    path: '/account/sign-in',
    body: 'form',
    fields: { email: 'nobody@example.org', password: 'not the password', return: '/account' },
  },
  {
    method: 'POST',
    path: '/account/sign-up',
    body: 'form',
    fields: { email: 'new-fan@example.org', displayName: 'New fan', password: 'long enough password' },
  },
  { method: 'POST', path: '/account/sign-out', body: 'form', fields: { x: '1' } },
  signedInForm('/account/password', { current: 'wrong password!', password: 'another long password' }),
  // A fan's own ratings (issue 16). The admin has no ratings, so deleting them all changes nothing;
  // deleting an account goes without the admin's cookie, so that no valid variant ends the admin.
  { method: 'GET', path: '/account/ratings', query: { sort: 'disagree', show: SHOW, page: '1' }, auth: 'admin' },
  { method: 'GET', path: '/account/ratings.csv', auth: 'admin' },
  { method: 'GET', path: '/account/ratings.json', auth: 'admin' },
  { method: 'GET', path: '/account/ratings/delete', auth: 'admin' },
  { method: 'GET', path: '/account/delete', auth: 'admin' },
  signedInForm('/account/ratings/delete', { confirm: 'delete' }),
  { method: 'POST', path: '/account/delete', body: 'form', fields: { confirm: 'delete' } },
  // Bringing ratings from another site: a preview writes nothing; the confirmation names no kept preview.
  // Personal API tokens: a valid name creates one (the cap then answers 400); the revoke aims at no token.
  { method: 'GET', path: '/account/tokens', query: { revoked: '1' }, auth: 'admin' },
  signedInForm('/account/tokens', { name: 'bad input script' }),
  signedInForm('/account/tokens/:id/delete', { x: '1' }, { id: '99999' }),
  // Single sign-on (not configured in the spawned server: its answers are 404s, never 500s).
  { method: 'POST', path: '/account/sso', body: 'form', fields: { return: '/account' } },
  { method: 'GET', path: '/account/sso/callback', query: { code: 'abc', state: 'def' } },
  // The anonymous ratings asked about at sign-in.
  { method: 'GET', path: '/account/join-ratings', query: { return: '/shows/kaleido-star', page: '1' }, auth: 'admin' },
  signedInForm('/account/join-ratings', { choice: 'leave', return: '/account' }),
  // Mailed links (the spawned server sends no mail: 404s, never 500s).
  { method: 'GET', path: '/account/forgot-password' },
  { method: 'POST', path: '/account/forgot-password', body: 'form', fields: { email: 'nobody@example.org' } },
  { method: 'GET', path: '/account/reset-password', query: { token: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' } },
  {
    method: 'POST',
    path: '/account/reset-password',
    body: 'form',
    fields: { token: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', password: 'another long password' },
  },
  { method: 'GET', path: '/account/verify-email', query: { token: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' } },
  { method: 'POST', path: '/account/verify-email', body: 'form', fields: { token: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' } },
  signedInForm('/account/verify-email/resend', { x: '1' }),
  signedInForm('/account/email', { email: 'new@example.org', current: 'wrong password!' }),
  { method: 'GET', path: '/account/email/confirm', query: { token: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' } },
  { method: 'POST', path: '/account/email/confirm', body: 'form', fields: { token: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' } },
  { method: 'GET', path: '/account/ratings/import' },
  { method: 'POST', path: '/account/ratings/import', body: 'multipart', neverWrites: true },
  { method: 'POST', path: '/account/ratings/import/confirm', body: 'form', fields: { preview: 'no-such-preview', conflicts: 'keep-mine' } },
  // The operator's side, signed in as an admin.
  { method: 'GET', path: '/admin', auth: 'admin' },
  { method: 'GET', path: '/admin/audit', auth: 'admin' },
  { method: 'GET', path: '/admin/shows/new', auth: 'admin' },
  { method: 'GET', path: '/admin/shows/:show', params: { show: SHOW }, query: { saved: '1' }, auth: 'admin' },
  { method: 'GET', path: '/admin/shows/:show/delete', params: { show: SHOW }, auth: 'admin' },
  { method: 'GET', path: '/admin/shows/:show/seasons/:season/delete', params: season, auth: 'admin' },
  { method: 'GET', path: '/admin/shows/:show/seasons/:season/episodes/:episode/delete', params: episode, auth: 'admin' },
  { method: 'GET', path: '/admin/shows/:show/seasons/:season/episodes/new', params: season, auth: 'admin' },
  { method: 'GET', path: '/admin/shows/:show/seasons/:season/episodes/:episode', params: episode, query: { saved: '1' }, auth: 'admin' },
  { method: 'GET', path: '/admin/import', auth: 'admin' },
  { method: 'GET', path: '/admin/moderation', auth: 'admin' },
  { method: 'GET', path: '/admin/moderation/shows/:show/seasons/:season/episodes/:episode', params: episode, auth: 'admin' },
  signedInForm('/admin/shows/new', { slug: 'bad-input-show', title: 'Bad input show', synopsis: 'A show.', network: 'Net', status: 'Ended' }),
  signedInForm(
    '/admin/shows/:show',
    { title: 'Kaleido Star', synopsis: 'A circus.', network: 'TV Tokyo', status: 'Ended', imdbId: 'tt0407362', tvmazeId: '1402' },
    { show: SHOW },
  ),
  signedInForm('/admin/shows/:show/delete', { confirm: 'delete' }, { show: nowhere.show }),
  signedInForm('/admin/shows/:show/seasons', { season: '2' }, { show: SHOW }),
  signedInForm(
    '/admin/shows/:show/seasons/:season/episodes/new',
    { number: '40', title: 'New episode', airDate: '2004-01-01', synopsis: 'Text.', directors: 'A Director', watchLinks: 'Site = https://example.org/e' },
    season,
  ),
  signedInForm(
    '/admin/shows/:show/seasons/:season/episodes/:episode',
    { title: 'An episode', airDate: '2003-04-17', synopsis: 'Text.', directors: 'A Director', watchLinks: 'Site = https://example.org/e', tvmazeId: '77001' },
    episode,
  ),
  signedInForm('/admin/shows/:show/seasons/:season/delete', { confirm: 'delete' }, nowhere),
  signedInForm('/admin/shows/:show/seasons/:season/episodes/:episode/delete', { confirm: 'delete' }, nowhere),
  { method: 'POST', path: '/admin/import', body: 'multipart', fields: { format: 'json', dryRun: '1' }, auth: 'admin' },
  signedInForm('/admin/import/pending', { token: 'no-such-token' }),
  signedInForm('/admin/moderation/remove-voter', { voterId: 'nobody-at-all' }),
  signedInForm('/admin/moderation/blocks', { kind: 'voter', value: 'nobody-at-all' }),
  signedInForm('/admin/moderation/blocks/:id/delete', { x: '1' }, { id: '99999' }),
  signedInForm('/admin/moderation/flags/:id/close', { status: 'dismissed' }, { id: '99999' }),
  // Bulk moderation: the writes aim at a show that does not exist, so a valid mutation changes nothing.
  { method: 'GET', path: '/admin/moderation/bulk', query: { show: SHOW, address: '203.0.113.0/24', from: '2026-01-01T00:00', preview: '1' }, auth: 'admin' },
  signedInForm('/admin/moderation/bulk', { show: nowhere.show, address: '203.0.113.7', action: 'remove', expected: '1', confirm: 'delete' }),
  // A person's data (privacy): the erase aims at an address no account has, so no valid variant erases the admin.
  { method: 'GET', path: '/admin/moderation/people', auth: 'admin' },
  signedInForm('/admin/moderation/people', { email: 'nobody@example.org' }),
  signedInForm('/admin/moderation/people/export', { email: 'nobody@example.org' }),
  signedInForm('/admin/moderation/people/erase', { email: 'nobody@example.org', confirm: 'delete' }),
  { method: 'GET', path: '/admin/moderation/held', query: { show: SHOW, season: '1', episode: '3', network: '203.0.113.7' }, auth: 'admin' },
  signedInForm('/admin/moderation/held', { show: nowhere.show, network: '203.0.113.7', action: 'discard', expected: '1', confirm: 'delete' }),
];

/** Bad text as it is written in a URL or a form body (already %-encoded). */
export const BAD_ENCODED: string[] = [
  '%00',
  'a%00b',
  '%E2%80%A8', // U+2028 LINE SEPARATOR
  '%ED%A0%80', // a lone surrogate, encoded as (invalid) UTF-8
  '%C0%AF', // an over-long UTF-8 encoding of "/"
  '%FF',
  '%7F', // DEL
  '%E2%82%AC', // €
  '%0D%0ALocation:%20x',
  // Paths on this site with characters a Location header cannot carry.
  '%2Fshows%2F%E2%82%AC',
  '%2F%7F',
  '%2Fa%E2%80%A8b',
  '%2F%0D%0ALocation:%20x',
  '%2F%ED%A0%80',
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e400',
  'NaN',
  '0x7',
  '%207',
  '7.0',
  '%2B7',
  '07',
  '-1',
  '0',
  '11',
  '99999999999999999999',
  '1e3',
  'true',
  'null',
  '',
  '%',
  '%zz',
  '..',
  '%2F%2Fevil.example',
  '%2F%5Cevil.example',
  'https%3A%2F%2Fevil.example',
  '__proto__',
  'constructor',
  '%3Cscript%3E',
  "'%3B%20drop%20table%20shows%3B--",
  'x'.repeat(5000),
  '%F0%9F%8E%AA'.repeat(300),
];

/** Bad values in a JSON body: wrong types, non-finite and huge numbers, broken text. */
export const BAD_JSON_VALUES: unknown[] = [
  true,
  false,
  null,
  [7],
  [],
  {},
  { rating: 7 },
  '7',
  '0x7',
  ' 7',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff x',
  '\u2028',
  0,
  -1,
  11,
  7.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  'x'.repeat(5000),
];

/** Whole JSON texts that JSON.stringify cannot write: non-finite numbers, and broken documents. */
export const BAD_JSON_TEXTS: string[] = [
  '{"rating": 1e400}',
  '{"rating": -1e400}',
  '{"rating": 7, "rating": true}',
  '{"rating": 7,}',
  '{"rating":',
  '',
  'null',
  '7',
  '"rating"',
  '[{"rating": 7}]',
  '{"__proto__": {"rating": 7}}',
  '{"constructor": {"prototype": {"rating": 7}}}',
  '['.repeat(20000),
  `{"rating": ${'['.repeat(5000)}7${']'.repeat(5000)}}`,
  '\u0000',
  '{"rating": 7}\u0000',
];

/** Content types a route does not expect, with a body to match. */
export const BAD_CONTENT: Array<{ type: string | undefined; payload: string | Buffer }> = [
  { type: 'application/json', payload: 'rating=7' },
  { type: 'application/x-www-form-urlencoded', payload: '{"rating": 7}' },
  { type: 'application/x-www-form-urlencoded; charset=utf-16', payload: 'rating=7' },
  { type: 'text/plain', payload: 'rating=7' },
  { type: 'application/xml', payload: '<rating>7</rating>' },
  { type: undefined, payload: 'rating=7' },
  { type: 'multipart/form-data', payload: 'rating=7' },
  { type: 'multipart/form-data; boundary=x', payload: '--x\r\nContent-Disposition: form-data; name="rating"\r\n\r\n7' },
  { type: 'application/json; charset=latin1', payload: '{"rating": 7}' },
  { type: ';;;', payload: 'x' },
  { type: 'application/x-www-form-urlencoded', payload: Buffer.from([0xff, 0xfe, 0x00, 0x72, 0x3d, 0x37]) },
  { type: 'application/x-www-form-urlencoded', payload: 'rating=7&'.repeat(7000) },
  { type: 'application/x-www-form-urlencoded', payload: 'a[b][c][d][e]=1&rating[]=7&rating[x]=1' },
];

const BOUNDARY = '----bad-input-boundary';

function part(name: string, value: string, filename?: string): string {
  const disposition = filename === undefined ? `form-data; name="${name}"` : `form-data; name="${name}"; filename="${filename}"`;
  return `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n${value}\r\n`;
}

const aCatalogue = JSON.stringify({ shows: [] });

/** Multipart bodies that go wrong in every way a hand-written or cut-off upload can. */
export const BAD_MULTIPART: Array<{ name: string; type: string; payload: string | Buffer }> = [
  {
    name: 'no closing boundary',
    type: `multipart/form-data; boundary=${BOUNDARY}`,
    payload: part('format', 'json') + part('file', aCatalogue, 'c.json').slice(0, -2),
  },
  { name: 'cut off in a header', type: `multipart/form-data; boundary=${BOUNDARY}`, payload: `--${BOUNDARY}\r\nContent-Disposi` },
  {
    name: 'eleven fields',
    type: `multipart/form-data; boundary=${BOUNDARY}`,
    payload: Array.from({ length: 11 }, (_, i) => part(`f${i}`, 'x')).join('') + `--${BOUNDARY}--\r\n`,
  },
  {
    name: 'two hundred fields',
    type: `multipart/form-data; boundary=${BOUNDARY}`,
    payload: Array.from({ length: 200 }, (_, i) => part(`f${i}`, 'x')).join('') + `--${BOUNDARY}--\r\n`,
  },
  {
    name: 'two files',
    type: `multipart/form-data; boundary=${BOUNDARY}`,
    payload: part('file', aCatalogue, 'a.json') + part('file2', aCatalogue, 'b.json') + `--${BOUNDARY}--\r\n`,
  },
  { name: 'no boundary parameter', type: 'multipart/form-data', payload: part('file', aCatalogue, 'a.json') + `--${BOUNDARY}--\r\n` },
  { name: 'another boundary', type: 'multipart/form-data; boundary=other', payload: part('file', aCatalogue, 'a.json') + `--${BOUNDARY}--\r\n` },
  { name: 'empty body', type: `multipart/form-data; boundary=${BOUNDARY}`, payload: '' },
  { name: 'only the closing boundary', type: `multipart/form-data; boundary=${BOUNDARY}`, payload: `--${BOUNDARY}--\r\n` },
  {
    name: 'a part without a name',
    type: `multipart/form-data; boundary=${BOUNDARY}`,
    payload: `--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
  },
  { name: 'a part without headers', type: `multipart/form-data; boundary=${BOUNDARY}`, payload: `--${BOUNDARY}\r\n\r\nx\r\n--${BOUNDARY}--\r\n` },
  { name: 'a __proto__ field', type: `multipart/form-data; boundary=${BOUNDARY}`, payload: part('__proto__', 'x') + `--${BOUNDARY}--\r\n` },
  {
    name: 'a NUL in the file',
    type: `multipart/form-data; boundary=${BOUNDARY}`,
    payload: part('file', '{"shows": [{"slug": "a\u0000b"}]}', 'a.json') + `--${BOUNDARY}--\r\n`,
  },
  {
    name: 'a file of bytes that are not UTF-8',
    type: `multipart/form-data; boundary=${BOUNDARY}`,
    payload: Buffer.concat([
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n`),
      Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80, 0x00]),
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]),
  },
  {
    name: 'a field name with NUL and a huge field',
    type: `multipart/form-data; boundary=${BOUNDARY}`,
    payload: part('for\u0000mat', 'x'.repeat(200_000)) + `--${BOUNDARY}--\r\n`,
  },
  {
    name: 'a file name with a path and NUL',
    type: `multipart/form-data; boundary=${BOUNDARY}`,
    payload: part('file', aCatalogue, '../../etc/pa\u0000sswd') + `--${BOUNDARY}--\r\n`,
  },
  {
    name: 'a format field given twice',
    type: `multipart/form-data; boundary=${BOUNDARY}`,
    payload: part('format', 'csv') + part('format', 'json') + part('file', aCatalogue, 'a.json') + `--${BOUNDARY}--\r\n`,
  },
];

/** A good multipart body for a route's fields plus a small catalogue file. */
export function goodMultipart(fields: Record<string, string | number>, mutate?: { field: string; value: string }): { type: string; payload: string } {
  const values = { ...fields, ...(mutate ? { [mutate.field]: mutate.value } : {}) };
  const text = Object.entries(values)
    .map(([name, value]) => part(name, String(value)))
    .join('');
  return { type: `multipart/form-data; boundary=${BOUNDARY}`, payload: text + part('file', aCatalogue, 'catalogue.json') + `--${BOUNDARY}--\r\n` };
}

// Small, fast and the same on every run; the e2e fuzz imports it from here.
export { seededRandom };

export interface GeneratedRequest {
  route: RouteCase;
  /** What was spoiled, for the failure message. */
  what: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

const encodeForm = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([name, value]) => `${encodeURIComponent(name)}=${value}`)
    .join('&');

/** Form and query values are kept %-encoded, so bad bytes can be written exactly. */
const encodedFields = (fields: Record<string, string | number> = {}) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, encodeURIComponent(String(v))]));

function build(
  route: RouteCase,
  what: string,
  spoiled: {
    params?: Record<string, string>;
    query?: string;
    form?: string;
    json?: string;
    content?: { type: string | undefined; payload: string | Buffer };
    cookie?: string;
  },
): GeneratedRequest {
  const params = { ...encodedFields(route.params), ...spoiled.params };
  const path = route.path.replace(/:(\w+)|\*/g, (whole, name: string | undefined) => params[name ?? whole] ?? '');
  const query = spoiled.query ?? encodeForm(encodedFields(route.query));
  const headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' };
  if (spoiled.cookie !== undefined) headers.cookie = spoiled.cookie;
  let payload: string | Buffer | undefined;
  if (spoiled.content) {
    if (spoiled.content.type !== undefined) headers['content-type'] = spoiled.content.type;
    payload = spoiled.content.payload;
  } else if (route.body === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    payload = spoiled.form ?? encodeForm(encodedFields(route.fields));
  } else if (route.body === 'json') {
    headers['content-type'] = 'application/json';
    payload = spoiled.json ?? JSON.stringify(route.fields);
  } else if (route.body === 'multipart') {
    const body = goodMultipart(route.fields ?? {});
    headers['content-type'] = body.type;
    payload = body.payload;
  }
  return { route, what, method: route.method, url: query ? `${path}?${query}` : path, headers, payload };
}

/**
 * Every route with one thing spoiled at a time: each path parameter, query field and body field
 * replaced by each bad value, the body sent with the wrong content type, the cookies garbled.
 */
export function* singleSpoils(route: RouteCase, random: () => number): Generator<GeneratedRequest> {
  for (const name of Object.keys(route.params ?? {})) {
    for (const bad of BAD_ENCODED) yield build(route, `path :${name}=${bad.slice(0, 40)}`, { params: { [name]: bad } });
  }
  const query = encodedFields(route.query);
  for (const name of Object.keys(query)) {
    for (const bad of BAD_ENCODED) yield build(route, `query ${name}=${bad.slice(0, 40)}`, { query: encodeForm({ ...query, [name]: bad }) });
    yield build(route, `query ${name} twice`, { query: `${encodeForm(query)}&${name}=2` });
    yield build(route, `query ${name}[x]`, { query: `${encodeForm(query)}&${name}[x]=1` });
    yield build(route, `query ${name} without a value`, { query: name });
  }
  const fields = encodedFields(route.fields);
  if (route.body === 'form') {
    for (const name of Object.keys(fields)) {
      for (const bad of sample(BAD_ENCODED, random)) yield build(route, `form ${name}=${bad.slice(0, 40)}`, { form: encodeForm({ ...fields, [name]: bad }) });
      yield build(route, `form ${name} twice`, { form: `${encodeForm(fields)}&${name}=1` });
      const { [name]: _left, ...without } = fields;
      yield build(route, `form without ${name}`, { form: encodeForm(without) });
    }
  }
  if (route.body === 'json' || route.body === 'form') {
    const names = Object.keys(route.fields ?? {});
    for (const name of route.body === 'json' ? names : names.slice(0, 1)) {
      for (const bad of BAD_JSON_VALUES) {
        yield build(route, `json ${name}=${JSON.stringify(bad)?.slice(0, 40)}`, {
          content: { type: 'application/json', payload: JSON.stringify({ ...route.fields, [name]: bad }) },
        });
      }
    }
    for (const text of BAD_JSON_TEXTS)
      yield build(route, `json text ${JSON.stringify(text.slice(0, 40))}`, { content: { type: 'application/json', payload: text } });
  }
  if (route.body === 'multipart') {
    for (const name of Object.keys(route.fields ?? {})) {
      for (const bad of sample(BAD_ENCODED, random)) {
        yield build(route, `multipart ${name}=${bad.slice(0, 40)}`, { content: goodMultipart(route.fields ?? {}, { field: name, value: decodeLoosely(bad) }) });
      }
    }
    for (const body of BAD_MULTIPART) yield build(route, `multipart: ${body.name}`, { content: body });
  }
  if (route.method !== 'GET') {
    for (const content of BAD_CONTENT) yield build(route, `content-type ${String(content.type)}`, { content });
  }
  for (const cookie of [
    'epirank_voter=%00',
    'epirank_voter=x.y.z',
    'epirank_session=%00',
    'epirank_session=' + 'a'.repeat(3000),
    'epirank_session=%ED%A0%80',
  ]) {
    yield build(route, `cookie ${cookie.slice(0, 40)}`, { cookie });
  }
}

/**
 * The values every body field is tried with: the worst few always, and a seeded share of the rest
 * (a form has many fields, and every request to a write route costs a fingerprint of the data).
 */
const ALWAYS = ['%00', '%ED%A0%80', '%E2%80%A8', '%2Fshows%2F%E2%82%AC', '%2F%7F', '%2Fa%E2%80%A8b', 'Infinity', 'x'.repeat(5000)];
function sample(values: string[], random: () => number): string[] {
  return values.filter((value) => ALWAYS.includes(value) || random() < 0.35);
}

/** Several fields spoiled at once, picked by a fixed-seed generator. */
export function* randomSpoils(route: RouteCase, random: () => number, count: number): Generator<GeneratedRequest> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  for (let i = 0; i < count; i++) {
    const params: Record<string, string> = {};
    for (const name of Object.keys(route.params ?? {})) if (random() < 0.5) params[name] = pick(BAD_ENCODED);
    const query = encodedFields(route.query);
    for (const name of Object.keys(query)) if (random() < 0.5) query[name] = pick(BAD_ENCODED);
    const fields = encodedFields(route.fields);
    for (const name of Object.keys(fields)) if (random() < 0.5) fields[name] = pick(BAD_ENCODED);
    const what = `random #${i}: ${JSON.stringify({ params, query, fields }).slice(0, 200)}`;
    yield build(route, what, {
      params,
      query: encodeForm(query),
      ...(route.body === 'form' ? { form: encodeForm(fields) } : {}),
      ...(route.body === 'json' ? { json: JSON.stringify(Object.fromEntries(Object.keys(fields).map((k) => [k, pick(BAD_JSON_VALUES)]))) } : {}),
    });
  }
}

/** A %-encoded bad value as raw text, for a multipart field; invalid escapes are kept as they are. */
function decodeLoosely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
