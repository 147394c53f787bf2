/**
 * The admin form's countries of an episode's watch links: a textarea beside the links, one line
 * "Provider = JP, US" for each link that works only in some countries. Lines are matched to links
 * by provider, in order (the first link of that provider without a line yet), so a reordered or
 * blank line cannot give a link another's countries; a link without a line works everywhere.
 */
import type { WatchLink } from '../catalog/catalog.types.js';
import { t } from '../i18n/translate.js';
import { readCountryList } from '../shared/countries.js';

/** The form field's name, and its value for the links as stored. */
export const WATCH_LINK_COUNTRIES_FIELD = 'watchLinkCountries';

export function watchLinkCountriesText(links: readonly WatchLink[]): string {
  return links
    .filter((link) => link.countries && link.countries.length > 0)
    .map((link) => `${link.provider} = ${link.countries!.join(', ')}`)
    .join('\n');
}

/** The links with the countries the field gives them, or the field's first problem in words. */
export function withLinkCountries(links: readonly WatchLink[], text: string): { links: WatchLink[] } | { problem: string } {
  const result = links.map((link): WatchLink => ({ provider: link.provider, url: link.url }));
  const given = new Set<number>();
  for (const line of text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const split = line.indexOf('=');
    if (split <= 0) return { problem: t('watch.formLine', { line: line.slice(0, 80) }) };
    const provider = line.slice(0, split).trim();
    const countries = readCountryList(line.slice(split + 1));
    if ('notACountry' in countries) return { problem: t('watch.formNotACountry', { code: countries.notACountry.slice(0, 20) }) };
    const at = result.findIndex((link, i) => link.provider === provider && !given.has(i));
    if (at < 0) return { problem: t('watch.formNoLink', { provider: provider.slice(0, 100) }) };
    given.add(at);
    if (countries.countries.length > 0) result[at]!.countries = countries.countries;
  }
  return { links: result };
}
