/**
 * A sitemap's XML: the urlset around it and each page's <url> entries. Every page is listed once
 * per interface language, at that language's address (src/i18n/languages.ts, `languageAddress`),
 * and each of those entries names every language's address and x-default as
 * `<xhtml:link rel="alternate" hreflang>`, the form Google documents for sitemaps
 * (https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap).
 * The sitemap service sizes its files by what this writes (src/catalog/sitemap.service.ts), so the
 * markup has this one home.
 */
import { LANGUAGES, type LanguageTag, languageAddress } from '../i18n/languages.js';

export const URLSET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';
export const URLSET_CLOSE = '</urlset>\n';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const xml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** How many <url> entries one page takes: one per language. */
export const ENTRIES_PER_PAGE = LANGUAGES.length;

/**
 * A page's <url> entries, one per language, each with its lastmod (when known) and the same
 * alternates: every language's address, and x-default, the default language's (the page's own
 * address, which picks the visitor's language itself).
 */
export function pageEntries(url: string, lastmod: string | null, defaultTag: LanguageTag): string {
  const alternates = [
    ...LANGUAGES.map((l) => `<xhtml:link rel="alternate" hreflang="${l.tag}" href="${xml(languageAddress(url, l.tag, defaultTag))}"/>`),
    `<xhtml:link rel="alternate" hreflang="x-default" href="${xml(url)}"/>`,
  ].join('');
  const dated = lastmod === null ? '' : `<lastmod>${xml(lastmod)}</lastmod>`;
  return LANGUAGES.map((l) => `<url><loc>${xml(languageAddress(url, l.tag, defaultTag))}</loc>${dated}${alternates}</url>\n`).join('');
}
