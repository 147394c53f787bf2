/**
 * Where to send a browser back to after a form (`return=` on the vote and sign-in forms). The value
 * comes from the visitor, so it is used only when it is a path on this site that can go into a
 * Location header as it is; anything else is ignored and the caller falls back to its default.
 */

/** Longer than any page address this site writes into its forms. */
export const MAX_RETURN_PATH_LENGTH = 500;

/**
 * The characters RFC 3986 allows in a path and query, and %-escapes. Everything else is refused
 * rather than repaired: a raw "€", DEL or U+2028 in a Location header makes Node throw while the
 * answer is being sent, after the form's work is done.
 */
const PATH_AND_QUERY = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;

/** A path on this site to send the browser back to, without its fragment; null when the value cannot be used. */
export function safeReturnPath(value: string | undefined): string | null {
  if (!value || value.length > MAX_RETURN_PATH_LENGTH) return null;
  const path = value.split('#')[0]!;
  // "//host" and "/\host" are addresses on another site to a browser.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null;
  return PATH_AND_QUERY.test(path) ? path : null;
}
