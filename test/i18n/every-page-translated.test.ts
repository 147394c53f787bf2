/**
 * Every page a person sees (scripts/page-list.ts, the page screenshots' own list) rendered in each
 * language the site speaks, compared with the same page in English: a piece of interface text the
 * Japanese or Spanish page still shows in English is a string that skipped the message catalogue.
 * What a page shows from the catalogue of shows (titles, synopses, names) is the same in every
 * language and is told apart by being in the demo catalogue; brand names are listed below.
 *
 * `I18N_PAGES=season,episode npx vitest run test/i18n/every-page-translated.test.ts` sweeps some pages only.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type PageShot, PAGES } from '../../scripts/page-list.js';
import { LANGUAGES, SOURCE_LANGUAGE } from '../../src/i18n/languages.js';
import { signedInAs } from '../helpers/accounts.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({ seed: seedDemo });

/** Words that are the same in every language: names of this site, of other sites, of formats. */
const NAMES = new Set([
  'Epirank',
  'API',
  'IMDb',
  'TVmaze',
  'TMDB',
  'TheTVDB',
  'Trakt',
  'Wikidata',
  'AniList',
  'MyAnimeList',
  'Atom',
  'RSS',
  'JSON',
  'CSV',
  'OpenAPI',
  'oEmbed',
  'Markdown',
  'UTC',
  'URL',
  'ID',
  'OK',
  // The share links' sites.
  'Facebook',
  'Reddit',
]);

/** Every string in the demo catalogue: what pages show as data, in whatever language the page is. */
const DATA: string[] = (() => {
  const strings: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') strings.push(value.replace(/\s+/g, ' '));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(readFileSync(new URL('../../src/importers/demo/kaleido-star.json', import.meta.url), 'utf8')));
  return strings;
})();

/** Whether a text is the catalogue's data (or a part of it, as a shortened synopsis is), a name, or no words at all. */
function isData(text: string): boolean {
  const words = text.match(/[A-Za-z][A-Za-z'’]+/g) ?? [];
  if (words.every((word) => word.length < 3 || NAMES.has(word))) return true;
  const bare = text.replace(/…$/, '').trim();
  if (/^(https?:\/\/|\/)\S*$/.test(bare) || /^\S+@\S+$/.test(bare)) return true;
  return DATA.some((data) => data.includes(bare));
}

/** The text a reader meets on the page: text nodes, labels and titles a screen reader says, the document's title. */
function interfaceTexts(html: string): string[] {
  const $ = parsePage(html);
  // Text marked as another language's (the language menu's names, each in its own) is meant to be so.
  const pageLanguage = $('html').attr('lang');
  // A command in <code> is typed as it stands; a form field's contents are what was stored.
  $('script, style, template, code, kbd, samp, textarea').remove();
  $('body [lang]').each((_, element) => {
    if ($(element).attr('lang') !== pageLanguage) $(element).remove();
  });
  const texts = new Set<string>();
  const add = (text: string | undefined) => {
    const clean = text?.replace(/\s+/g, ' ').trim();
    if (clean) texts.add(clean);
  };
  add($('head > title').text());
  $('body *')
    .contents()
    .each((_, node) => {
      if (node.type === 'text') add(node.data);
    });
  $('[aria-label], [title], [placeholder], [alt], [aria-description]').each((_, element) => {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) add($(element).attr(name));
  });
  $('input[type="submit"][value], button[value]').each((_, element) => add($(element).attr('value')));
  $('meta[name="description"]').each((_, element) => add($(element).attr('content')));
  return [...texts];
}

const only = process.env.I18N_PAGES?.split(',');
// The pages of the generated shows (scripts/generated-shows.ts) say what the demo's say, at length.
const swept = PAGES.filter((page) => !/hundred-days|thousand-nights|forty-seasons/.test(page.path) && (!only || only.includes(page.name)));

async function open(page: PageShot, language: string, cookies: Record<string, string>) {
  const cookie = page.as === 'visitor' ? '' : cookies[page.as]!;
  const url = `${page.path}${page.path.includes('?') ? '&' : '?'}lang=${language}`;
  return context.app.inject({ url, headers: cookie ? { cookie } : {} });
}

describe('every page in every language', () => {
  const cookies: Record<string, string> = {};
  const session = async (as: 'fan' | 'admin') => {
    cookies[as] ??= await signedInAs(context.app, context.database, as);
  };

  describe.each(LANGUAGES.filter((l) => l.tag !== SOURCE_LANGUAGE).map((l) => [l.tag] as const))('%s', (tag) => {
    it.each(swept.map((page) => [page.name, page] as const))('%s shows no interface text left in English', async (_name, page) => {
      if (page.as !== 'visitor') await session(page.as);
      const english = await open(page, SOURCE_LANGUAGE, cookies);
      const translated = await open(page, tag, cookies);
      expect(translated.statusCode).toBe(english.statusCode);
      expect(translated.statusCode).toBeLessThan(500);
      expect(translated.body).toContain(`<html lang="${tag}"`);
      const englishTexts = new Set(interfaceTexts(english.body));
      const leftInEnglish = interfaceTexts(translated.body).filter((text) => englishTexts.has(text) && !isData(text));
      expect(leftInEnglish).toEqual([]);
    });
  });
});
