/** Which `return=` values the vote and sign-in forms may send a browser back to. */
import { describe, expect, it } from 'vitest';
import { MAX_RETURN_PATH_LENGTH, safeReturnPath } from '../../src/http/return-path.js';

describe('safeReturnPath', () => {
  it('keeps a path and query on this site, without the fragment', () => {
    expect(safeReturnPath('/shows/kaleido-star/seasons/1?sort=votes')).toBe('/shows/kaleido-star/seasons/1?sort=votes');
    expect(safeReturnPath('/shows/kaleido-star/seasons/1#s1e7')).toBe('/shows/kaleido-star/seasons/1');
    expect(safeReturnPath("/search?q=caf%C3%A9&x=a:b@c,d;e=f!$'()*+~")).toBe("/search?q=caf%C3%A9&x=a:b@c,d;e=f!$'()*+~");
    expect(safeReturnPath('/')).toBe('/');
  });

  it('ignores addresses on other sites', () => {
    for (const value of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'evil.example', 'javascript:alert(1)', '']) {
      expect(safeReturnPath(value), value).toBeNull();
    }
    expect(safeReturnPath(undefined)).toBeNull();
  });

  it('ignores paths a Location header cannot carry as they are', () => {
    for (const value of [
      '/shows/€',
      '/a\u007fb',
      '/a\u2028b',
      '/a\u0000b',
      '/a\r\nLocation: /x',
      '/a b',
      '/a"b',
      '/a<b',
      '/a\\b',
      '/\ud800',
      '/%zz',
      '/%4',
      '/a%',
    ]) {
      expect(safeReturnPath(value), JSON.stringify(value)).toBeNull();
    }
  });

  it('ignores a path longer than any page address', () => {
    const longest = `/${'a'.repeat(MAX_RETURN_PATH_LENGTH - 1)}`;
    expect(safeReturnPath(longest)).toBe(longest);
    expect(safeReturnPath(`${longest}a`)).toBeNull();
  });
});
