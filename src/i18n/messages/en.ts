/**
 * The interface's English wording: the source every other language translates, and the list of
 * keys (TypeScript refuses a language file that lacks one or adds one). ICU MessageFormat
 * (https://formatjs.github.io/docs/core-concepts/icu-syntax): `{count, plural, one {…} other {…}}`,
 * `{kind, select, show {…} other {…}}`, `{n, number}`; `<link>…</link>` marks words a page wraps in
 * an element. Keys are grouped by the part of the site that says them; keep each group's keys
 * under its own heading.
 */
export const en = {
  // ——— common ———
  // (keys common.*)
  'common.votes': '{count, plural, one {# vote} other {# votes}}',

  // ——— layout ———
  // (keys layout.*)
  'layout.skip': 'Skip to content',
  'layout.tagline': 'fans rank every episode',
  'layout.searchLabel': 'Search shows and episodes',
  'layout.searchPlaceholder': 'Search',
  'layout.searchButton': 'Search',
  'layout.menu': 'Menu',
  'layout.browse': 'Browse',
  'layout.shows': 'Shows',
  'layout.top': 'Top episodes',
  'layout.yourRatings': 'Your ratings',
  'layout.signIn': 'Sign in',
  'layout.yourAccount': 'Your account',
  'layout.account': 'Account',
  'layout.admin': 'Admin',
  'layout.moderationBadge': 'Moderation ({count, number}{atLeast, select, true {+} other {}})',
  'layout.footer': "Epirank ranks episodes by fans' votes. Scores update as votes come in.",
  'layout.api': 'API',
  'layout.feedTitle': '{title}: rank changes',
  'layout.language': 'Language',
  'layout.languageMenu': 'Choose a language',

  // ——— site ———
  // (keys site.*)

  // ——— ranking ———
  // (keys ranking.*)

  // ——— charts ———
  // (keys charts.*)

  // ——— embeds ———
  // (keys embeds.*)

  // ——— account ———
  // (keys account.*)

  // ——— mail ———
  // (keys mail.*)

  // ——— admin ———
  // (keys admin.*)

  // ——— errors ———
  // (keys errors.*)

  // ——— titles ———
  // (keys titles.*)
  'titles.menu': 'Titles',
  'titles.others': 'Other titles',
  'titles.listed': 'As listed',
  'titles.original': 'Original titles',
  'titles.romaji': 'Romaji',
  'titles.language': 'Titles in my language',
  'titles.adminLabel': 'Other titles',
  'titles.adminHint':
    'One per line: a language tag, a colon, the title (ja: カレイドスター, ja-Latn: Kareido Sutā, en: Kaleido Star). A star after the language marks the original title: ja*: カレイドスター.',

  // ——— watch ———
  // (keys watch.*)

  // ——— client ———
  // (keys client.*)
} as const;

export type MessageKey = keyof typeof en;
/** A language's messages: every key English has, no other. */
export type Messages = Record<MessageKey, string>;
