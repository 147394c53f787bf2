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
  'charts.episodeCode': 'S{season}E{episode}',
  'charts.seasonCode': 'S{season}',
  'charts.heatmapHeading': 'Ratings heatmap',
  'charts.heatmapMeasureNav': 'Heatmap measure',
  'charts.measureScore': 'Fan score',
  'charts.measureAverage': 'Average',
  'charts.heatmapColoursNav': 'Heatmap colours',
  'charts.heatmapColours': 'Colours:',
  'charts.scaleRelative': "This show's range",
  'charts.scaleAbsolute': 'Whole scale, {low, number}–{high, number}',
  'charts.noEpisodes': 'No episodes yet.',
  'charts.heatmapCaption': '{measure, select, average {Average} other {Fan score}} of every episode: one row per season, one column per episode number.',
  'charts.seasonColumn': 'Season',
  'charts.cellName': '{titled, select, true {{code} {title}} other {{code}}}: {rated, select, true {{score}} other {not yet rated}}',
  'charts.legendIntro': '{measure, select, average {Average} other {Fan score}}, by colour:',
  'charts.legendIntroRelative':
    "{measure, select, average {Average} other {Fan score}}, by colour, relative to this show's range (lowest {low}, highest {high}):",
  'charts.legendUnrated': '{mark} not yet rated',
  'charts.stepUnder': 'under {value}',
  'charts.stepRange': '{from}–{to}',
  'charts.stepAndOver': '{value} and over',
  'charts.trendHeading': 'Episode by episode',
  'charts.trendTitle': 'Fan score of each episode of {subject}, in air order',
  'charts.trendNoVotes': '{total, plural, one {The one episode has no votes yet.} other {None of the # episodes has votes yet.}}',
  'charts.trendDescription':
    '{rated, number} of {total, number} episodes rated, scores from {low} to {high}, with a trend line for each season. The same numbers are in a table linked below the chart.',
  'charts.trendMasked': 'Episodes after {after} are hidden.',
  'charts.trendXAxis': 'Episode, in air order, by season',
  'charts.trendYAxis': 'Fan score',
  'charts.trendTableCaption': "Fan score of each episode and its season's trend line at that episode",
  'charts.trendEpisode': 'Episode',
  'charts.trendTitleColumn': 'Title',
  'charts.trendScoreColumn': 'Fan score',
  'charts.trendColumn': 'Trend',
  'charts.trendTableLink': "The chart's numbers as a table",

  // ——— embeds ———
  // (keys embeds.*)
  'embeds.viewOnSite': 'View on Epirank',
  'embeds.heatmapTitle': '{show}: ratings heatmap',
  'embeds.seasonTitle': '{show} season {season}, ranked',
  'embeds.seasonHeading': '{show} season {season}, ranked by fans',
  'embeds.noVotes': 'No votes yet.',
  'embeds.seasonSummary': 'Season average {average} from {votes, plural, one {# vote} other {# votes}}.',
  'embeds.rankColumn': 'Rank',
  'embeds.episodeColumn': 'Episode',
  'embeds.scoreColumn': 'Fan score',
  'embeds.votesColumn': 'Votes',
  'embeds.more': 'and {count, plural, one {# more rated episode} other {# more rated episodes}}',
  'embeds.shareAltShow': "{show}: the best episodes by fans' score, and a heatmap of every episode's score.",
  'embeds.shareAltSeason': "{show} season {season}: the best episodes by fans' score, and a heatmap of every episode's score.",
  'embeds.shareShowSubtitle': 'Every episode, ranked by fans',
  'embeds.shareSeasonSubtitle': 'Season {season}, ranked by fans',
  'embeds.shareBest': 'Best episodes',
  'embeds.shareEvery': 'Every episode',
  'embeds.shareFooter': 'Fans rate every episode, every season ranked.',
  'embeds.feedTitle': '{show}: episode ranking changes',
  'embeds.feedEntryTitle': '{show}: ranking of {day}',
  'embeds.feedEpisode': '{code} “{title}”',
  'embeds.feedNewlyRatedItem': '{episode} at #{rank}',
  'embeds.feedMoveItem': '{episode} {direction, select, up {up} other {down}} from #{from} to #{to}',
  'embeds.feedItemSeparator': '; ',
  'embeds.feedNewlyRated': 'Newly rated: {items}{more, plural, =0 {} other { and # more}}.',
  'embeds.feedMoved': 'Moved: {items}{more, plural, =0 {} other { and # more}}.',
  'embeds.episodeNumber': '{number, number}.',

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

  // ——— client ———
  // (keys client.*)
} as const;

export type MessageKey = keyof typeof en;
/** A language's messages: every key English has, no other. */
export type Messages = Record<MessageKey, string>;
