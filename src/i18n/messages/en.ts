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
  'site.episodes': '{count, plural, one {# episode} other {# episodes}}',
  'site.shows': '{count, plural, one {# show} other {# shows}}',
  'site.showStatus': '{status, select, Running {Running} Ended {Ended} other {{status}}}',
  'site.episodeFallback': 'Episode {number}',
  'site.pageSuffix': '{title}: page {page}',
  'site.pageOfSuffix': '{title}: page {page} of {count}',
  'site.noShowsYet': 'No shows yet.',
  'site.filter': 'Filter',
  'site.filterNetwork': 'Network',
  'site.filterAny': 'Any',
  'site.filterCut': 'The list offers the first {count} {kind, select, network {networks} status {statuses} other {years}}; type any other.',
  'site.homeTitle': 'The best TV episodes, ranked by fans',
  'site.homeDescription': 'Fans rate every episode from {min} to {max}; Epirank ranks each season from best to worst.',
  'site.homeLede': 'Every episode of a show, ranked from best to worst by the people who watched it.',
  'site.homeRate': 'Rate what you watched',
  'site.homeYourRatings': 'Your ratings',
  'site.homeSignUp': 'Sign up',
  'site.homeMostRated': 'Most rated shows',
  'site.homeRecent': 'Rated recently',
  'site.homeBrowseAll': 'Browse all {count, plural, one {# show} other {# shows}}',
  'site.homeSettingUp': 'Running this site? Import your own catalogue on the <link>import page</link> or with {command} (format: {doc}).',
  'site.homeEmptyHelp': 'Running this site? Load the demo show with {demo}, or import your own catalogue with {command} (its format is described in {doc}).',
  'site.homeHowHeading': 'Rate what you have watched',
  'site.homeHowText': 'Open a show, pick a season and rate any episode from {min} to {max}: no account needed. The rankings change with every vote.',
  'site.homeHowAccount': '<signUp>Create an account</signUp> to keep your ratings on every device, or <signIn>sign in</signIn>.',
  'site.homeNoVotes': 'No votes yet.',
  'site.homeBestEpisode': 'Best episode: {title}',
  'site.homeBestNumbers': '(season {season}, average {average}, {count, plural, one {# vote} other {# votes}})',
  'site.featuredEyebrow': 'Most rated show',
  'site.featuredBest': 'Best episodes by fan score',
  'site.featuredNoVotes': 'No episode has votes yet: be the first to rate one.',
  'site.featuredWhere': 'Season {season}, episode {episode}',
  'site.featuredSeeAll': 'See all {count, plural, one {# episode} other {# episodes}} ranked',
  'site.featuredSeasons': 'Seasons of {title}',
  'site.featuredSeason': 'Season {number}',
  'site.featuredSeasonAverage': 'average {average}',
  'site.featuredSeasonNoVotes': 'no votes yet',
  'site.featuredMoreSeasons': 'and {count, plural, one {# more season} other {# more seasons}}',
  'site.leadersHeading': 'Top episodes of every show',
  'site.leadersWhere': '{show} · season {season}, episode {episode}',
  'site.leadersSeeAll': 'See the whole list',
  'site.placeFanScore': 'fan score',
  'site.showsTabTitle': 'A–Z',
  'site.showsTabVotes': 'Most voted',
  'site.showsTabUpdated': 'Recently updated',
  'site.showsHeadingTitle': 'Every show, A to Z',
  'site.showsHeadingVotes': 'Every show, most voted first',
  'site.showsHeadingUpdated': 'Every show, latest updated first',
  'site.showsScoped': '{heading} {scope}',
  'site.showsScopeYear': 'first aired in {year}',
  'site.showsScopeNetwork': 'on {network}',
  'site.showsScopeStatus': '({status})',
  'site.showsScopeSeparator': ' ',
  'site.showsDescription': 'All {count, plural, one {# show} other {# shows}} on Epirank, each with every episode ranked by fans.',
  'site.showsNoMatch': 'No show matches these filters.',
  'site.showsCountAll': '{count, plural, one {# show} other {# shows}}; all on this page.',
  'site.showsCountRange': '{count, plural, one {# show} other {# shows}}; {first}–{last} on this page.',
  'site.showsOrders': 'Orders',
  'site.showsStatus': 'Status',
  'site.showsFirstAired': 'First aired',
  'site.showsPages': 'Pages of the show list',
  'site.topTabBest': 'Best',
  'site.topTabVotes': 'Most voted',
  'site.topTabDivisive': 'Most divisive',
  'site.topHeadingBest': 'The best episodes',
  'site.topHeadingVotes': 'The most voted episodes',
  'site.topHeadingDivisive': 'The most divisive episodes',
  'site.topScoped': '{heading} {scope}',
  'site.topScopeYear': 'aired in {year}',
  'site.topScopeNetwork': 'on {network}',
  'site.topScopeSeparator': ', ',
  'site.topExplainBest':
    "Episodes with at least {count, plural, one {# vote} other {# votes}}, by fan score: each episode's average pulled towards its show's, so a few votes cannot top the list.",
  'site.topExplainVotes': 'Episodes with at least {count, plural, one {# vote} other {# votes}}, by how many votes they have.',
  'site.topExplainDivisive':
    'Episodes with at least {count, plural, one {# vote} other {# votes}} whose fans split: at least {share, number, ::percent} of ratings from 1 to 3 and at least as many from 8 to 10, the most evenly split first.',
  'site.topComputing': 'The lists are being computed for the first time.',
  'site.topAsOf': 'Scores as of {time}.',
  'site.topLists': 'Lists',
  'site.topYear': 'Year',
  'site.topEmpty': 'No episode is on this list yet.',
  'site.topWhere': 'season {season}, episode {episode}',
  'site.topNumbers': 'fan score {fanScore} · average {average} · {count, plural, one {# vote} other {# votes}}',
  'site.topDivisiveness': ' · at least {share, number, ::percent} at each end',
  'site.topCount': '{count, plural, one {# episode} other {# episodes}} on this page.',
  'site.topPages': 'Pages of the list',
  'site.searchHeading': 'Search',
  'site.searchResultsFor': 'Results for “{text}”',
  'site.searchDescription': 'Search Epirank’s shows and episodes by title, synopsis or director, and see how fans rank them.',
  'site.searchLabel': 'Search shows and episodes',
  'site.searchButton': 'Search',
  'site.searchHint': 'Type a word of a title, a synopsis or a director’s name.',
  'site.searchNothing': 'Nothing matches.',
  'site.searchNoMore': 'No more results.',
  'site.searchNearMisses': 'Nothing holds those words exactly; these titles come close.',
  'site.searchShow': 'Show',
  'site.searchWhere': '{show}, season {season}, episode {episode}',
  'site.searchFanScore': 'fan score {score}',
  'site.searchAverage': 'average {average}',
  'site.searchPages': 'Pages of results',
  'site.howTitle': 'How episodes are ranked',
  'site.howDescription': 'How Epirank ranks episodes from fans’ votes: the fan score, the sort orders and ties.',
  'site.howLede': 'Fans rate each episode from {min} to {max}. One rating per fan per episode: rating again replaces it.',
  'site.howFanScore': 'Fan score',
  'site.howFanScoreText':
    "<strong>Fan score</strong> is the average rating, adjusted for how many people voted: every episode starts as if it had {count, plural, one {# extra vote} other {# extra votes}} at the show's overall average, so a perfect score from a handful of fans cannot outrank an episode that hundreds rated highly. As votes come in, the episode's own average takes over.",
  'site.howFewVotes':
    "An episode with fewer than {count, plural, one {# vote} other {# votes}} is marked <strong>Few votes</strong>: the show's average still weighs heavily in its fan score.",
  'site.howSortOrders': 'Sort orders',
  'site.howOrderScoreText': 'The default: highest fan score first.',
  'site.howOrderAverage': 'Average',
  'site.howOrderAverageText': 'The plain average of the ratings, shown with two decimals, highest first.',
  'site.howOrderVotes': 'Most votes',
  'site.howOrderVotesText': 'The number of ratings, most first.',
  'site.howTies':
    'Ties are broken the same way in every order, so a page never reshuffles by chance: more votes first, then the higher average, then the earlier season and episode.',
  'site.howMovement': 'Movement',
  'site.howMovementText':
    'Beside a rank, ▲ and ▼ say how many places an episode moved in the fan-score ranking since a week ago; “new” marks an episode that was not ranked then. Episodes nobody has rated yet are listed apart, under “Not yet rated”.',
  'site.voteProofTitle': 'Confirm your rating',
  'site.voteProofSave': 'Save my rating of {rating}',
  'site.voteProofBack': 'Back without rating',
  'site.apiMachineReadable':
    'Machine-readable: {link} (OpenAPI 3.1{licence, select, none {} other {, {licence} licence}}). Reads may be cached (ETag, Cache-Control) and read from any site (CORS).',
  'site.apiEnglishNote': 'The descriptions below are the API’s own, in English.',
  'site.apiCredentials': 'Credentials',
  'site.apiOperation': 'Operation id: {id}. Credentials: {credentials}',
  'site.apiNoCredentials': 'none needed.',
  'site.apiSomeCredentials': '{names}.',
  'site.apiOptionalCredentials': '{names}, when the client has one (see Credentials above).',
  'site.apiOr': ' or ',
  'site.apiParameters': 'Parameters',
  'site.apiParameter': 'Parameter',
  'site.apiIn': 'In',
  'site.apiValue': 'Value',
  'site.apiMeaning': 'Meaning',
  'site.apiRequired': ' (required)',
  'site.apiDefault': 'default {value}',
  'site.apiOneOf': 'one of {values}',
  'site.apiMaxLength': 'up to {count} characters',
  'site.apiBody': 'Body: JSON, {example}.',
  'site.apiAnswers': 'Answers',
  'site.manifestDescription': 'Fans rank every episode of their shows.',
  'site.pagerPrevious': 'Previous page',
  'site.pagerNext': 'Next page',
  'site.pagerPage': 'Page {page}',
  'site.pagerPageOf': 'Page {page} of {count}',
  'site.apiDocsDescription': 'Every operation of the Epirank API, with its parameters, its credentials and its answers.',

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

  // ——— client ———
  // (keys client.*)
} as const;

export type MessageKey = keyof typeof en;
/** A language's messages: every key English has, no other. */
export type Messages = Record<MessageKey, string>;
