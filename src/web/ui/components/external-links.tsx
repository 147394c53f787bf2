/**
 * Links from a page to elsewhere: the same record on other sites (IMDb, TheTVDB, TMDB, TVmaze),
 * from the ids the catalogue keeps, and where to watch an episode.
 *
 * Watch links come in the visitor's order (src/catalog/watch-links.ts): their country's links,
 * then those for everywhere; links only for other countries wait one step away in a disclosure,
 * each with its countries named in the interface language. Where some links name countries, a
 * line says which country is in force and offers to change it (country-chooser.tsx).
 */
import { EXTERNAL_ID_RULES, externalIdEntries, externalIdUrl, type ExternalIds } from '../../../catalog/external-ids.js';
import type { WatchLink } from '../../../catalog/catalog.types.js';
import { watchLinksFor } from '../../../catalog/watch-links.js';
import { currentLanguageContext } from '../../../i18n/context.js';
import { formatList } from '../../../i18n/format.js';
import { t, tParts } from '../../../i18n/translate.js';
import { countryName } from '../../../shared/countries.js';
import { h, Fragment, type Child, type Html } from '../jsx.js';
import { CountryLine, type CountryChoice } from './country-chooser.js';

void Fragment;

export function ExternalLinks(props: { kind: 'show' | 'episode'; ids: ExternalIds | undefined }) {
  const links = externalIdEntries(props.ids ?? {}).flatMap(([source, id]) => {
    const href = externalIdUrl(props.kind, source, id);
    return href ? [{ href, label: EXTERNAL_ID_RULES[source].label }] : [];
  });
  if (links.length === 0) return null;
  return (
    <p class="external-links">
      {props.kind === 'show' ? t('watch.showElsewhere') : t('watch.episodeElsewhere')}{' '}
      {links.map((link, i) => (
        <span>
          {i > 0 ? ' · ' : ''}
          <a href={link.href} rel="external noopener">
            {link.label}
          </a>
        </span>
      ))}
    </p>
  );
}

function WatchLinkAnchor(props: { link: WatchLink; children?: Child }) {
  return (
    <a class="watch-link" href={props.link.url} rel="noopener noreferrer external">
      {props.children ?? props.link.provider}
    </a>
  );
}

/**
 * An episode's watch links in the visitor's country's order. Without countries on any link it is
 * the one line "Watch now: …" it always was (a hundred cards on a season page: no element more).
 */
export function WatchLinks(props: { links: readonly WatchLink[]; choice?: CountryChoice | undefined }): Html | null {
  if (props.links.length === 0) return null;
  const country = currentLanguageContext().country;
  const { first, others, byCountry } = watchLinksFor(props.links, country);
  const now =
    first.length > 0 ? (
      <p class="watch">
        {t('watch.now')}{' '}
        {first.map((link, i) => (
          <>
            {i > 0 ? ' ' : ''}
            <WatchLinkAnchor link={link} />
          </>
        ))}
      </p>
    ) : null;
  if (!byCountry) return now;
  return (
    <div class="watch-by-country">
      {now}
      {others.length > 0 ? (
        <details class="watch-others">
          <summary>{t('watch.otherCountries')}</summary>
          <ul>
            {others.map((link) => (
              <li>
                {tParts('watch.linkIn', {
                  provider: link.provider,
                  countries: formatList((link.countries ?? []).map((code) => countryName(code))),
                  link: (chunks: Child[]) => <WatchLinkAnchor link={link}>{chunks}</WatchLinkAnchor>,
                })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <CountryLine country={country} links={props.links} choice={props.choice} />
    </div>
  );
}
