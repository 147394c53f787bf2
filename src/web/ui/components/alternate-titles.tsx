/**
 * A show's or an episode's titles on its pages (issue 26): the title the visitor reads first, by
 * their title preference (a cookie, decided per request in src/http/language.ts; the page cache
 * keeps a copy per preference), the others beside it, each marked with its language so that
 * screen readers pronounce カレイドスター in Japanese, and the menu that changes the preference
 * without JavaScript (src/web/site/display-choices.routes.ts remembers it and comes back).
 */
import { type AlternateTitle, allTitles, type ShownTitle, visitorsTitle } from '../../../catalog/alternate-titles.js';
import { currentLanguageContext, TITLE_PREFERENCES, type TitlePreference } from '../../../i18n/context.js';
import { t } from '../../../i18n/translate.js';
import { paths } from '../../../shared/paths.js';
import { h, type Html } from '../jsx.js';

/** Anything with a listed title and, when the page read them, its other titles. */
export interface Titled {
  title: string | null;
  titles?: readonly AlternateTitle[] | undefined;
}

/** The title this visitor reads first, with its language; null for an untitled episode with no other titles. */
export function shownTitleOf(record: Titled): ShownTitle | null {
  return visitorsTitle(record.title, record.titles ?? []);
}

/** The title this visitor reads first, as text: what a page prints where it printed `title`. */
export function shownTitle(record: { title: string; titles?: readonly AlternateTitle[] | undefined }): string {
  return shownTitleOf(record)?.title ?? record.title;
}

const PREFERENCE_NAMES: Record<TitlePreference, () => string> = {
  listed: () => t('titles.listed'),
  original: () => t('titles.original'),
  romaji: () => t('titles.romaji'),
  language: () => t('titles.language'),
};

/**
 * Under a show's heading: its other titles side by side ("カレイドスター · Kareido Sutā"), then the
 * menu choosing which comes first. Nothing for a show with no other titles.
 */
export function OtherTitles(props: { record: Titled; url: string }): Html | null {
  if (!props.record.titles || props.record.titles.length === 0) return null;
  const shown = shownTitleOf(props.record);
  const others = allTitles(props.record.title, props.record.titles, shown).slice(shown ? 1 : 0);
  return (
    <div class="other-titles">
      {others.length > 0 ? (
        <p class="titles-list">
          <span class="visually-hidden">{t('titles.others')} </span>
          {others.map((title) => (
            <span lang={title.language ?? undefined}>{title.title}</span>
          ))}
        </p>
      ) : null}
      <TitleMenu url={props.url} />
    </div>
  );
}

/** The preference menu: a link per preference, the current one marked. */
function TitleMenu(props: { url: string }): Html {
  const current = currentLanguageContext().titles ?? 'listed';
  const parsed = new URL(props.url);
  const back = `${parsed.pathname}${parsed.search}`;
  return (
    <details class="title-menu">
      <summary>{t('titles.menu')}</summary>
      <ul>
        {TITLE_PREFERENCES.map((preference) => (
          <li>
            <a href={paths.chooseTitles(preference, back)} rel="nofollow" aria-current={preference === current ? 'true' : undefined}>
              {PREFERENCE_NAMES[preference]()}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
