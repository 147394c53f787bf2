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

  // ——— watch ———
  // (keys watch.*)
  'watch.now': 'Watch now:',
  'watch.showElsewhere': 'This show elsewhere:',
  'watch.episodeElsewhere': 'This episode elsewhere:',
  'watch.showingFor': 'Showing links for {country}',
  'watch.change': 'change',
  'watch.chooseCountry': 'Show links for another country',
  'watch.otherCountries': 'Other countries',
  'watch.linkIn': '<link>{provider}</link> ({countries})',
  'watch.unknownCountry': 'Epirank knows no country “{code}”: use a two-letter ISO 3166-1 code, e.g. JP or US.',
  'watch.formLabel': 'Countries of the watch links',
  'watch.formHint': 'One line for each link that works only in some countries: Provider = JP, US (ISO 3166-1 codes). A link without a line works everywhere.',
  'watch.formLine': 'Write each line as “Provider = JP, US”; “{line}” is not.',
  'watch.formNotACountry': '“{code}” is not a country: use two-letter ISO 3166-1 codes such as JP or US.',
  'watch.formNoLink': '“{provider}” is not one of the watch links above, or has a line already.',

  // ——— client ———
  // (keys client.*)
} as const;

export type MessageKey = keyof typeof en;
/** A language's messages: every key English has, no other. */
export type Messages = Record<MessageKey, string>;
