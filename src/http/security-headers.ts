/**
 * Security headers for every response. Their values never change, so they are built once; the
 * helmet plugin rebuilt them on every request, which profiling showed cost a quarter of a vote's
 * throughput.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The policy, with who may frame the page (only this site, except on the embed pages) and where its
 * forms may lead (this site, and a single sign-on provider on the pages with its button).
 */
const contentSecurityPolicy = (frameAncestors: string, formTargets = "'self'") =>
  [
    "default-src 'self'",
    "base-uri 'self'",
    `form-action ${formTargets}`,
    `frame-ancestors ${frameAncestors}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    // Inline style attributes only (the histogram's bar widths); no inline <style> is needed.
    "style-src 'self' 'unsafe-inline'",
  ].join('; ');

const CONTENT_SECURITY_POLICY = contentSecurityPolicy("'self'");
const FRAMEABLE_POLICY = contentSecurityPolicy('*');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // Not no-referrer: under it browsers send "Origin: null" even on same-origin form posts,
  // which would defeat the Origin check that guards votes (src/http/cross-origin.ts).
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
};

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Lets any site frame this answer: called by the embed pages (/embed/...) just before they send,
 * so that their error pages, like every other page, still refuse to be framed.
 */
export function allowFraming(reply: FastifyReply): void {
  reply.header('content-security-policy', FRAMEABLE_POLICY);
  reply.header('cross-origin-resource-policy', 'cross-origin');
  reply.removeHeader('x-frame-options');
}

/**
 * Lets this answer's forms lead to `origin` too: the single sign-on button posts to this site, which
 * redirects to the provider, and browsers hold a form's redirects to form-action as well.
 */
export function allowFormsTo(reply: FastifyReply, origin: string): void {
  reply.header('content-security-policy', contentSecurityPolicy("'self'", `'self' ${origin}`));
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(HEADERS);
    // Only meaningful, and only honoured, over HTTPS.
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
