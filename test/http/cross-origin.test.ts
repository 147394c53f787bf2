/**
 * Where a request says it came from, as the forgery checks read it: Sec-Fetch-Site first, then
 * Origin against the request's own origin and PUBLIC_URL. Pure: a request is only its headers.
 */
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { provenance, refuseCrossOriginApi, requireSameOriginForm } from '../../src/http/cross-origin.js';
import { ForbiddenError } from '../../src/shared/errors.js';

function request(headers: Record<string, string>, protocol = 'http', host = 'localhost:3000'): FastifyRequest {
  return { headers, protocol, host } as unknown as FastifyRequest;
}

describe('provenance', () => {
  it.each([
    ['same-origin', 'same-origin'],
    ['none', 'same-origin'],
    ['same-site', 'cross-origin'],
    ['cross-site', 'cross-origin'],
  ])('reads Sec-Fetch-Site %s as %s, whatever Origin says', (site, expected) => {
    expect(provenance(request({ 'sec-fetch-site': site, origin: 'https://evil.example' }), null)).toBe(expected);
    expect(provenance(request({ 'sec-fetch-site': site, origin: 'http://localhost:3000' }), null)).toBe(expected);
  });

  it('falls back to Origin when Sec-Fetch-Site is missing or unknown', () => {
    expect(provenance(request({ origin: 'http://localhost:3000' }), null)).toBe('same-origin');
    expect(provenance(request({ 'sec-fetch-site': 'weird', origin: 'http://localhost:3000' }), null)).toBe('same-origin');
    expect(provenance(request({ origin: 'https://evil.example' }), null)).toBe('cross-origin');
    expect(provenance(request({ 'sec-fetch-site': 'weird', origin: 'https://evil.example' }), null)).toBe('cross-origin');
  });

  it('compares the whole origin: scheme, host and port', () => {
    expect(provenance(request({ origin: 'https://localhost:3000' }), null)).toBe('cross-origin');
    expect(provenance(request({ origin: 'http://localhost:3001' }), null)).toBe('cross-origin');
    expect(provenance(request({ origin: 'http://localhost:3000.evil.example' }), null)).toBe('cross-origin');
    expect(provenance(request({ origin: 'null' }), null)).toBe('cross-origin');
  });

  it('also accepts the origin of PUBLIC_URL, and only that origin', () => {
    const behindProxy = (origin: string) => request({ origin }, 'http', '10.0.0.5:3000');
    expect(provenance(behindProxy('https://episodes.example.org'), 'https://episodes.example.org/some/path')).toBe('same-origin');
    expect(provenance(behindProxy('http://episodes.example.org'), 'https://episodes.example.org')).toBe('cross-origin');
    expect(provenance(behindProxy('https://episodes.example.org'), null)).toBe('cross-origin');
  });

  it('is unknown when the request says nothing', () => {
    expect(provenance(request({}), null)).toBe('unknown');
    expect(provenance(request({ 'sec-fetch-site': 'weird' }), 'https://episodes.example.org')).toBe('unknown');
  });
});

describe('the two checks built on it', () => {
  it('forms need a request that says it is same-origin', () => {
    expect(() => requireSameOriginForm(request({ 'sec-fetch-site': 'same-origin' }), null)).not.toThrow();
    expect(() => requireSameOriginForm(request({}), null)).toThrow(ForbiddenError);
    expect(() => requireSameOriginForm(request({ 'sec-fetch-site': 'same-site' }), null)).toThrow(ForbiddenError);
  });

  it('the API refuses only what a browser marks as cross-origin', () => {
    expect(() => refuseCrossOriginApi(request({}), null)).not.toThrow();
    expect(() => refuseCrossOriginApi(request({ origin: 'http://localhost:3000' }), null)).not.toThrow();
    expect(() => refuseCrossOriginApi(request({ 'sec-fetch-site': 'cross-site' }), null)).toThrow(ForbiddenError);
  });
});
