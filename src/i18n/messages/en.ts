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
  // Show, season and episode pages (src/web/site/pages, src/web/ui/components)
  'ranking.home': 'Home',
  'ranking.breadcrumbLabel': 'Breadcrumb',
  'ranking.seasonNumber': 'Season {season}',
  'ranking.episodeNumber': 'Episode {episode}',
  'ranking.episodeCode': 'S{season}E{episode}',
  'ranking.episodePlace': 'S{season} E{episode}',
  'ranking.seasonSubject': '{show} season {season}',
  'ranking.showPageTitle': '{show}: every episode ranked{page, plural, =1 {} other { (page #)}}',
  'ranking.showRankingHeading': 'Every episode of {show}, ranked',
  'ranking.seasonsHeading': 'Seasons',
  'ranking.noSeasons': 'No seasons yet.',
  'ranking.columnSeason': 'Season',
  'ranking.columnEpisodes': 'Episodes',
  'ranking.columnRated': 'Rated',
  'ranking.columnVotes': 'Votes',
  'ranking.columnAverage': 'Average',
  'ranking.seasonHidden': 'Hidden',
  'ranking.allSeasons': 'All seasons',
  'ranking.seasonHeading': 'The best episodes of {show} season {season}{page, plural, =1 {} other { (page #)}}',
  'ranking.seasonDescription': "Every episode of {show} season {season}, ranked by fans' votes. {synopsis}",
  'ranking.seasonLede': "Every rated episode of {show} season {season}, ranked from best to worst by fans' votes.",
  'ranking.seasonAverageHidden': 'Season average hidden',
  'ranking.noVotesYet': 'No votes yet',
  'ranking.seasonAverage': 'Season average <mean>{average}</mean> from <votes>{count, plural, one {# vote} other {# votes}}</votes>',
  'ranking.seasonRanked': 'Season {season}, ranked',
  'ranking.previousEpisode': 'Previous: {episode}',
  'ranking.nextEpisode': 'Next: {episode}',
  'ranking.placeAndTitle': '{place} · {title}',
  'ranking.neighboursLabel': 'Previous and next episodes',
  'ranking.episodePageTitle': '{title} ({show} {place})',
  'ranking.episodeDescription': "Fans' ratings of {title}, an episode of {show}.",
  'ranking.rankInSeason': 'Rank in season {season}',
  'ranking.rankInShow': 'Rank in {show}',
  'ranking.rankOf': '#{rank} of {of}',
  'ranking.notYetRated': 'Not yet rated',
  'ranking.heldForReview':
    '{count, plural, one {# rating of this episode is held for review and not yet counted.} other {# ratings of this episode are held for review and not yet counted.}}',
  'ranking.maskedEpisodePlace': 'Season {season}, episode {episode}',
  'ranking.maskedEpisodeTitle': '{show}: {place}',
  'ranking.maskedEpisodeDescription': '{place} of {show}, hidden to keep clear of spoilers.',
  'ranking.asOfDay': 'Ranking as of {day}.',
  'ranking.asOfNotCounted': 'Votes cast since then are not counted here.',
  'ranking.asOfLive': 'See the ranking today',
  'ranking.episodeMeta': 'Season {season} · Episode {episode}',
  'ranking.episodeMetaAired': 'Season {season} · Episode {episode} · Aired <time>{date}</time>',
  'ranking.directors': '{count, plural, one {Director: {names}} other {Directors: {names}}}',
  'ranking.nameSeparator': ', ',
  'ranking.watchNow': 'Watch now:',
  'ranking.averageRating': 'Average rating',
  'ranking.fanScoreValue': 'Fan score <value>{score}</value>',
  'ranking.fewVotes': 'Few votes',
  'ranking.fewVotesTitle': "Fewer than {count, plural, one {# vote} other {# votes}}: the show's average still weighs heavily",
  'ranking.rank': 'Rank',
  'ranking.filterAny': 'Any',
  'ranking.filterCut': 'The list offers the first {count, number} {things}; type any other.',
  'ranking.flaggedScore':
    'Average {score}; without the flagged window (from {start} to {end}, {count, plural, one {# vote} other {# votes}}) <kept>{without}</kept>',
  'ranking.flaggedScoreWindowStated': 'Average {score}; without the flagged window <kept>{without}</kept>',
  'ranking.flaggedNone': 'none',
  'ranking.flaggedNoVotesLeft': 'no votes left',
  'ranking.histogramHeading': 'How fans rated it',
  'ranking.histogramEmpty': 'No ratings have been cast on Epirank yet.',
  'ranking.histogramCaption': 'Ratings of the <shown>{count, plural, one {# vote} other {# votes}}</shown> cast on Epirank',
  'ranking.histogramCaptionOutOf':
    'Ratings of the <shown>{count, plural, one {# vote} other {# votes}}</shown> cast on Epirank, out of <all>{total, number}</all> in all',
  'ranking.histogramRating': 'Rating',
  'ranking.histogramShare': 'Share',
  'ranking.histogramBaseline':
    'The average also counts {count, plural, one {# vote} other {# votes}} imported from elsewhere, whose individual ratings are not known.',
  'ranking.movementNew': 'new',
  'ranking.movementNewSince': 'New in the ranking since {day}',
  'ranking.movementUp': '{places, plural, one {Up # place since {day}} other {Up # places since {day}}}',
  'ranking.movementDown': '{places, plural, one {Down # place since {day}} other {Down # places since {day}}}',
  'ranking.pagerPastEnd': 'There is no page {page}: the {count} fit on {pages, plural, one {# page} other {# pages}}.',
  'ranking.pagerGoTo': 'Go to page {page}',
  'ranking.pagerPosition': 'Page {page} of {pages} ({count})',
  'ranking.pagerFirst': 'First',
  'ranking.pagerPrevious': 'Previous',
  'ranking.pagerNext': 'Next',
  'ranking.pagerLast': 'Last',
  'ranking.pagerNewest': 'Newest',
  'ranking.pagerNewer': 'Newer',
  'ranking.pagerOlder': 'Older',
  'ranking.pagerPreviousPage': 'Previous page',
  'ranking.pagerNextPage': 'Next page',
  'ranking.pagerPage': 'Page {page}',
  'ranking.pagerPageOf': 'Page {page} of {pages}',
  'ranking.pagerRange': 'Episodes {first, number}–{last, number} of {total, number}',
  'ranking.pagesLabel': 'Pages of the ranking',
  'ranking.proofOfWorkStatus': 'To keep automated sign-ups and votes out, your browser does a short calculation before the form is sent.',
  'ranking.proofOfWorkNoScript': 'This step needs JavaScript: please turn it on for this site, or use a browser that has it, and load the page again.',
  'ranking.rankHistoryHeading': 'Rank over time',
  'ranking.rankHistoryTitle': 'Rank in season {season} over time',
  'ranking.rankHistoryDescription':
    'Rank in season {season} on {days, plural, one {# day} other {# days}} from {first} to {last}; best {best}, latest {latest}.',
  'ranking.rankHistoryUnrated': 'unrated',
  'ranking.rankHistoryNumbers': 'The numbers',
  'ranking.rankHistoryCaption': 'Rank in season {season} by day (1 is best)',
  'ranking.rankHistoryDay': 'Day',
  'ranking.rankHistoryNotRated': 'not rated',
  'ranking.sortFanScore': 'Fan score',
  'ranking.sortAverage': 'Average',
  'ranking.sortVotes': 'Most votes',
  'ranking.sortLabel': 'Sort episodes',
  'ranking.sortBy': 'Sort by:',
  'ranking.howRanked': 'How ranked',
  'ranking.noEpisodeVotes': 'No episode has votes yet.',
  'ranking.aboutShow': 'About the show',
  'ranking.lastUpdated': 'Last updated',
  'ranking.network': 'Network',
  'ranking.status': 'Status',
  'ranking.statusValue': '{status, select, Running {Running} Ended {Ended} other {{status}}}',
  'ranking.horizonFormLabel': 'Spoiler horizon: the last episode you have watched',
  'ranking.horizonSubmit': 'Hide spoilers after this',
  'ranking.watchedUpTo': 'Watched up to',
  'ranking.chooseEpisode': 'Choose an episode',
  'ranking.watchedUpToSeason': 'Watched up to season',
  'ranking.horizonSeasonOption': 'Season {season} ({count, plural, one {# episode} other {# episodes}})',
  'ranking.horizonEpisode': 'episode',
  'ranking.spoilersHiddenAfter': 'Spoilers hidden after {place}',
  'ranking.showEverything': 'Show everything',
  'ranking.maskedPlaceInList': '{show}, season {season}, episode {episode}',
  'ranking.spoilerSettings': 'Spoiler settings',
  'ranking.maskedText': 'Hidden: after {place}',
  'ranking.horizonNoSeason': '{show} has no season {season}: choose an episode the show has.',
  'ranking.horizonNoEpisode':
    '{show} season {season} has {count, plural, one {one episode} other {# episodes}}, so there is no episode {episode}: choose an episode the show has.',
  'ranking.uptoInvalid': '“upto” names the last episode watched, as 2x5 or S2E5 (season 2, episode 5); “{upto}” is neither.',
  'ranking.uptoNotRepeatable': 'This address cannot be repeated with your spoiler horizon; open the page from a link on the site.',
  'ranking.horizonChooseFromList': 'Choose the last episode you have watched from the list, or choose to show everything.',
  'ranking.horizonGiveNumbers': 'Give the season and the episode you have watched up to, or choose to show everything.',
  'ranking.rate': 'Rate',
  'ranking.rateTitle': 'Rate {title}',
  'ranking.yourRatingIs': 'Your rating: {rating}',
  'ranking.changeRating': 'Your rating: {rating}, change your rating of {title}',
  'ranking.chooseRating': 'Choose a rating from {min} to {max}.',
  'ranking.youRatedIt': 'You rated it {rating}.',
  'ranking.youRatedItHeld': 'You rated it {rating}. {held}',
  'ranking.heldRating':
    'Your rating is saved. Several ratings of this episode came from your network recently, so yours will count once a moderator has looked at it.',
  'ranking.yourRatingLegend': 'Your rating<hidden> of {title}</hidden>',
  'ranking.removeRating': 'Remove my rating',
  'ranking.shareLabel': 'Share this page',
  'ranking.share': 'Share:',
  'ranking.copyLink': 'Copy link',
  'ranking.email': 'E-mail',
  'ranking.showsPastEnd': 'The list of shows has {pages, plural, one {# page} other {# pages}}; there is no page {page}.',

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
