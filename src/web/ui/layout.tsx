/**
 * The layout every page renders into, and what it is told: the page's meta tags and who is looking.
 */
import type { User } from '../../accounts/accounts.repository.js';
import { h, Fragment, type Child, type Html } from './jsx.js';
import { mayUseAdmin } from '../../accounts/admin-roles.js';
import { adminPath, paths } from '../../shared/paths.js';
import { assetUrl } from './assets.routes.js';
import { THEME_COLOUR } from './site-identity.js';
import { MAX_SEARCH_LENGTH } from '../../catalog/search.service.js';
import type { ModerationQueue } from '../../moderation/moderation.service.js';
import { currentLanguage, defaultLanguage } from '../../i18n/context.js';
import { type Language, type LanguageTag, LANGUAGES, languageAddress, languageOf } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';
import { ClientMessages } from './client-messages.js';

/**
 * Who is looking, for the header: a signed-in account, null for a visitor who is not signed in,
 * or undefined on pages that were not told (the header then uses wording true for both).
 */
export type Viewer = (Pick<User, 'displayName' | 'role'> & { moderationQueue?: ModerationQueue }) | null | undefined;

export interface PageMeta {
  /** The document title (the site name is appended). */
  title: string;
  description?: string;
  /** Absolute URL of this page, for the canonical link and Open Graph. */
  url?: string;
  /** Search engines should not index error pages. */
  noindex?: boolean;
  /** The link preview image (og:image, large Twitter card): absolute URL, size in pixels, text alternative. */
  image?: { url: string; width: number; height: number; alt: string };
  /** Absolute URL of the oEmbed answer describing this page's embed. */
  oembed?: string;
  /** Path of the Atom feed that follows this page's subject. */
  feed?: string;
}

void Fragment;

/** What opens every document's head, a page's or an embed's: encoding, viewport, light and dark, the title. */
export function DocumentBasics(props: { title: string }): Html {
  return (
    <>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light dark" />
      <title>{`${props.title} · Epirank`}</title>
    </>
  );
}

/** The document shell every page shares: head with meta tags, skip link, header, main, footer. */
export function Layout(props: { meta: PageMeta; user?: Viewer; children?: Child }): Html {
  const { meta } = props;
  const language = languageOf(currentLanguage())!;
  // Each language's page has its own canonical address (src/i18n/languages.ts).
  const canonical = meta.url ? languageAddress(meta.url, language.tag as LanguageTag, defaultLanguage()) : undefined;
  return (
    <html lang={language.tag} dir={language.dir}>
      <head>
        <DocumentBasics title={meta.title} />
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        {meta.url && !meta.noindex ? <LanguageAlternates url={meta.url} /> : null}
        <meta property="og:site_name" content="Epirank" />
        <meta property="og:type" content="website" />
        <meta property="og:title" content={meta.title} />
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        {canonical ? <meta property="og:url" content={canonical} /> : null}
        <meta property="og:locale" content={ogLocale(language)} />
        {meta.image ? <meta property="og:image" content={meta.image.url} /> : null}
        {meta.image ? <meta property="og:image:type" content="image/png" /> : null}
        {meta.image ? <meta property="og:image:width" content={String(meta.image.width)} /> : null}
        {meta.image ? <meta property="og:image:height" content={String(meta.image.height)} /> : null}
        {meta.image ? <meta property="og:image:alt" content={meta.image.alt} /> : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        {meta.image ? <meta name="twitter:image" content={meta.image.url} /> : null}
        {meta.image ? <meta name="twitter:image:alt" content={meta.image.alt} /> : null}
        {meta.oembed ? <link rel="alternate" type="application/json+oembed" href={meta.oembed} title={meta.title} /> : null}
        {meta.feed ? <link rel="alternate" type="application/atom+xml" href={meta.feed} title={t('layout.feedTitle', { title: meta.title })} /> : null}
        <meta name="twitter:title" content={meta.title} />
        {meta.description ? <meta name="twitter:description" content={meta.description} /> : null}
        <link rel="icon" href={assetUrl('icon.svg')} type="image/svg+xml" />
        <link rel="icon" href={assetUrl('icon.png')} type="image/png" sizes="512x512" />
        <link rel="apple-touch-icon" href={assetUrl('icon.png')} />
        <link rel="manifest" href={paths.manifest()} />
        <meta name="theme-color" content={THEME_COLOUR} />
        <link rel="stylesheet" href={assetUrl('site.css')} />
        <script src={assetUrl('site.js')} defer></script>
        <ClientMessages />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skip')}
        </a>
        {/* One row on a phone (issue 25: the header took ~180 px of 844): the brand, the search box and a
            menu that opens without JavaScript; on a wide screen the stylesheet lays the menu's links out
            in the row and hides its summary. */}
        <header class="site-header">
          <a class="brand" href="/">
            Epirank
          </a>
          {/* A plain GET form; site.js adds suggestions from the JSON API's /search as one types. */}
          <search class="site-search">
            <form action={paths.search()} method="get">
              <label class="visually-hidden" for="site-search-q">
                {t('layout.searchLabel')}
              </label>
              <input
                id="site-search-q"
                name="q"
                type="search"
                maxlength={String(MAX_SEARCH_LENGTH)}
                autocomplete="off"
                placeholder={t('layout.searchPlaceholder')}
                data-suggest="/api/v1/search"
              />
              <button type="submit">
                <SearchIcon />
                <span class="search-label">{t('layout.searchButton')}</span>
              </button>
            </form>
          </search>
          <details class="site-menu">
            <summary>{t('layout.menu')}</summary>
            <nav class="site-nav" aria-label={t('layout.browse')}>
              <a href={paths.shows()}>{t('layout.shows')}</a> <a href={paths.top()}>{t('layout.top')}</a>
            </nav>
            {/* Anonymous voters have ratings too (by their voter cookie), so everyone gets this link. */}
            <a class="ratings-link" href={paths.accountRatings()}>
              {t('layout.yourRatings')}
            </a>
            <AccountLink user={props.user} />
            {mayUseAdmin(props.user?.role) ? (
              <a class="admin-link" href={adminPath.home}>
                {t('layout.admin')}
              </a>
            ) : null}
            {/* Set for admins and editors by http/moderation-queue-count.ts; only admins may open the page. */}
            {props.user?.moderationQueue !== undefined ? (
              props.user.role === 'admin' ? (
                <a class="moderation-link" href={adminPath.moderation}>
                  {moderationBadge(props.user.moderationQueue)}
                </a>
              ) : (
                <span class="moderation-link">{moderationBadge(props.user.moderationQueue)}</span>
              )
            ) : null}
            <LanguageMenu url={meta.url} />
          </details>
        </header>
        <main id="main" tabindex="-1">
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            {t('layout.footer')} <a href="/api/v1/docs">{t('layout.api')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** A magnifying glass for the search button on a phone, where its word is hidden to keep the header one row. */
function SearchIcon(): Html {
  return (
    <svg class="search-icon" aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="18" height="18">
      <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2.2" />
      <path d="M12.6 12.6 17.5 17.5" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
    </svg>
  );
}

/** "Your account" only for someone who has one; a visitor is offered to sign in. */
function AccountLink(props: { user: Viewer }): Html {
  if (props.user === null) {
    return (
      <a class="account-link" href="/account/sign-in">
        {t('layout.signIn')}
      </a>
    );
  }
  return (
    <a class="account-link" href="/account">
      {props.user ? t('layout.yourAccount') : t('layout.account')}
    </a>
  );
}

/** "Moderation (3)": open flags and held ratings together; "(1000+)" once the held ones reach the count's cap. */
function moderationBadge(queue: ModerationQueue): string {
  return t('layout.moderationBadge', { count: String(queue.count), atLeast: String(queue.atLeast) });
}

/** The page in every language the site speaks, for search engines: hreflang alternates, and x-default for the negotiated address. */
function LanguageAlternates(props: { url: string }): Html {
  const fallback = defaultLanguage();
  return (
    <>
      {LANGUAGES.map((l) => (
        <link rel="alternate" hreflang={l.tag} href={languageAddress(props.url, l.tag, fallback)} />
      ))}
      <link rel="alternate" hreflang="x-default" href={props.url} />
    </>
  );
}

/**
 * The language menu: a link per language, each in its own language, that works without
 * JavaScript (src/web/site/display-choices.routes.ts remembers the choice and comes back to this page).
 */
function LanguageMenu(props: { url: string | undefined }): Html {
  const current = currentLanguage();
  const back = props.url ? pathOf(props.url) : undefined;
  return (
    <details class="language-menu">
      <summary aria-label={t('layout.languageMenu')}>
        <GlobeIcon />
        <span lang={current}>{LANGUAGES.find((l) => l.tag === current)!.name}</span>
      </summary>
      <ul>
        {LANGUAGES.map((l) => (
          <li>
            <a href={paths.chooseLanguage(l.tag, back)} lang={l.tag} hreflang={l.tag} aria-current={l.tag === current ? 'true' : undefined}>
              {l.name}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The path and query of an absolute URL of this site. */
function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** Open Graph's locale: language and region with an underscore (`ja_JP`). */
function ogLocale(language: Language): string {
  return `${language.tag}_${language.region}`;
}

/** A globe beside the language menu's name, the sign readers of any language look for. */
function GlobeIcon(): Html {
  return (
    <svg class="globe-icon" aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="16" height="16">
      <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.6" />
      <path d="M2 10h16M10 2c2.5 2.4 2.5 13.6 0 16M10 2c-2.5 2.4-2.5 13.6 0 16" fill="none" stroke="currentColor" stroke-width="1.4" />
    </svg>
  );
}
