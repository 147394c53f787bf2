/**
 * "Showing links for Japan · change": which country's watch links come first, and the way to
 * choose another without JavaScript. On an episode's own page "change" opens a list of the
 * countries its links name, each a link to `/country/:code?back=` (src/web/site/display-choices.routes.ts)
 * that remembers the choice and comes back; in a ranking's card "change" leads to the episode's
 * page, where that list is (a hundred cards should not carry a hundred lists).
 */
import type { WatchLink } from '../../../catalog/catalog.types.js';
import { t } from '../../../i18n/translate.js';
import { countryName } from '../../../shared/countries.js';
import { paths } from '../../../shared/paths.js';
import { h, Fragment, type Html } from '../jsx.js';

void Fragment;

/** Where the chooser is: here, coming back to `back` (a path); or on the episode's page at `episodePage`. */
export type CountryChoice = { back: string } | { episodePage: string };

/** The anchor of an episode page's chooser. */
export const COUNTRY_CHOOSER_ID = 'watch-country';

export function CountryLine(props: { country: string | undefined; links: readonly WatchLink[]; choice?: CountryChoice | undefined }): Html | null {
  if (props.country === undefined) return null;
  const choice = props.choice;
  const named = [...new Set(props.links.flatMap((link) => link.countries ?? []))].filter((code) => code !== props.country);
  const byName = named.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div class="watch-country" id={choice && 'back' in choice ? COUNTRY_CHOOSER_ID : undefined}>
      {t('watch.showingFor', { country: countryName(props.country) })}
      {choice && 'episodePage' in choice ? (
        <>
          {' · '}
          <a href={`${choice.episodePage}#${COUNTRY_CHOOSER_ID}`}>{t('watch.change')}</a>
        </>
      ) : null}
      {choice && 'back' in choice && byName.length > 0 ? (
        <>
          {' · '}
          <details class="country-chooser">
            <summary aria-label={t('watch.chooseCountry')}>{t('watch.change')}</summary>
            <ul>
              {byName.map((entry) => (
                <li>
                  <a href={paths.chooseCountry(entry.code, choice.back)} rel="nofollow">
                    {entry.name}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
    </div>
  );
}
