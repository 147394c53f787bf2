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
  'errors.notFoundTitle': 'Not found',
  'errors.invalidRequestTitle': 'Invalid request',
  'errors.unauthorizedTitle': 'Unauthorized',
  'errors.forbiddenTitle': 'Forbidden',
  'errors.tooManyRequestsTitle': 'Too many requests',
  'errors.serviceUnavailableTitle': 'Service unavailable',
  'errors.methodNotAllowedTitle': 'Method not allowed',
  'errors.requestTooLargeTitle': 'Request too large',
  'errors.unsupportedMediaTypeTitle': 'Unsupported media type',
  'errors.internalErrorTitle': 'Internal error',
  'errors.internalErrorDetail': 'Something went wrong on our side. It has been logged; please try again.',
  'errors.noPageHere': 'There is no page at this address.',
  'errors.heading400': 'That request did not make sense',
  'errors.heading403': 'You may not do that',
  'errors.heading404': 'Page not found',
  'errors.heading405': 'That action is not allowed here',
  'errors.heading413': 'That request was too large',
  'errors.heading429': 'Too many requests',
  'errors.heading500': 'Something went wrong on our side',
  'errors.heading503': 'Epirank is briefly unavailable',
  'errors.status': 'Error {status}',
  'errors.homeLink': 'Go to the home page',
  'errors.ratingRule': 'A rating must be a whole number from {min, number} to {max, number}.',
  'errors.unknownSort': 'Unknown sort order "{given}". Use one of: score, average, votes.',
  'errors.mustBeOneOf': '"{field}" must be one of: {allowed}.',
  'errors.mustBeType':
    '"{field}" must be {type, select, integer {integer} number {number} string {string} boolean {boolean} object {object} array {array} null {null} other {{type}}}.',
  'errors.mustCompare': '"{field}" must be {comparison, select, atMost {<=} atLeast {>=} below {<} above {>} other {}} {limit}.',
  'errors.tooLong': '"{field}" must NOT have more than {limit} characters.',
  'errors.tooShort': '"{field}" must NOT have fewer than {limit} characters.',
  'errors.mustMatchPattern': '"{field}" must match pattern "{pattern}".',
  'errors.mustMatchFormat': '"{field}" must match format "{format}".',
  'errors.missingProperty': "\"{field}\" must have required property ''{property}''.",
  'errors.additionalProperties': '"{field}" must NOT have additional properties.',
  'errors.fieldProblem': '"{field}" {problem}.',
  'errors.fieldInvalid': '"{field}" is invalid.',
  'errors.databaseUnavailable': 'The database is unavailable at the moment, so your request did not go through. Please try again in a few seconds.',
  'errors.roleRequiredDetail':
    'This part of Epirank is for {needed, select, admin {admins} other {editors and admins}}. You are signed in as a {have, select, admin {admin} editor {editor} other {fan}}.',
  'errors.roleRequiredHeading': 'You need to be {needed, select, admin {an admin} other {an editor}} to {acting, select, true {do} other {see}} this',
  'errors.noShow': 'There is no show called “{slug}”.',
  'errors.noSeason': '{show} has no season {season}.',
  'errors.noEpisodeInSeason': '{show} season {season} has no episode {episode}.',
  'errors.episodeGone': 'That episode no longer exists.',
  'errors.noRankingPage': 'This ranking has {pageCount, plural, one {one page} other {# pages}}; there is no page {page}.',
  'errors.topListsEnd': 'The lists stop at page {last}.',
  'errors.noListPage': 'This list has no page {page}.',
  'errors.asOfFormat': 'as_of must be a day written YYYY-MM-DD, got “{asOf}”.',
  'errors.asOfFuture': '{asOf} is in the future: there is no ranking of that day yet.',
  'errors.noSnapshot': 'No ranking was recorded on or before {asOf}.',
  'errors.noEpisodeToVote': 'There is no episode {episode} in season {season} of “{show}”.',
  'errors.accountsOnlyVoting': 'Only signed-in fans can vote on this site. Sign in or create an account at {signIn}.',
  'errors.votesBlocked': 'Votes from this voter or network are not accepted here. Contact the site’s moderators if this is a mistake.',
  'errors.votingTooFast': 'You are voting faster than Epirank allows. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  'errors.foreignForm': 'This form can only be sent from Epirank’s own pages. Reload the page and try again.',
  'errors.crossOriginVote': 'Cross-origin requests may not change votes.',
  'errors.badApiToken': 'That API token is not valid: it is malformed, unknown or revoked. Create a new one at {tokens}.',
  'errors.apiTokenNeeded': 'This needs a personal API token: send `{header}` (create one at {tokens}).',
  'errors.tooManySignIns': 'Too many failed sign-in attempts from your network.',
  'errors.tooManySignUps': 'Too many accounts were created from your network just now.',
  'errors.tooManyPasswordChanges': 'Too many password changes.',
  'errors.tooManyMailedLinks': 'Too many requests for mailed links.',
  'errors.tryAgainIn': '{reason} Try again in {seconds, plural, one {# second} other {# seconds}}.',
  'errors.linkUnusableTitle': 'This link does not work',
  'errors.linkUnknown': 'This link is not one we sent, or it was copied incompletely. {again}',
  'errors.linkUsed': 'This link was already used: each link works once. {again}',
  'errors.linkExpired': 'This link has expired. {again}',
  'errors.linkAccountGone': 'The account this link was sent for no longer exists.',
  'errors.askAgainReset': 'Ask for a new link from the sign-in page ("Forgot your password?").',
  'errors.askAgainEmailChange': 'Ask for the change again on your account page.',
  'errors.askAgainVerify': 'Sign in and ask for a new link on your account page.',
  'errors.addressTakenTitle': 'That address has an account now',
  'errors.addressTaken': '{address} was given to another account after this link was sent, so your address stays as it was.',
  'errors.wrongCurrentPassword': 'That is not your current password.',
  'errors.alreadyYourAddress': 'That is already your address.',
  'errors.chooseDismissOrResolve': 'Choose dismiss or resolve.',
  'errors.flagClosed': 'That flag is no longer open.',
  'errors.chooseRemoveOrHold': 'Choose to remove or to hold the ratings.',
  'errors.chooseReleaseOrDiscard': 'Choose to release or to discard the held ratings.',
  'errors.selectionTooLarge': 'This selection covers more than {limit, number} ratings: narrow it (one episode, a shorter window) and act in parts.',
  'errors.eraseOwnAccount': 'This is your own account: delete it from your account page.',

  // ——— titles ———
  // (keys titles.*)

  // ——— watch ———
  // (keys watch.*)

  // ——— client ———
  // (keys client.*)
  'client.linkCopied': 'Link copied',
  'client.copyFailed': 'Copy failed — use the address bar',
  'client.powCannotSolve': 'This step needs a secure (HTTPS) connection and a current browser, which this page does not have.',
  'client.powWorking': 'Doing a short anti-spam calculation…',
  'client.powProgress': 'Doing a short anti-spam calculation… ({tries, plural, one {# try} other {# tries}})',
  'client.powNoAnswer': 'The anti-spam calculation found no answer. Please reload the page.',
  'client.powDone': 'Anti-spam calculation done: the form can be sent.',
  'client.powFinishing': 'Finishing the anti-spam calculation; the form is sent as soon as it is done…',
  'client.votes': '{count, plural, one {# vote} other {# votes}}',
  'client.rate': 'Rate',
  'client.rateLabel': 'Rate {title}',
  'client.yourRating': 'Your rating: {rating}',
  'client.changeRatingLabel': 'Your rating: {rating}, change your rating of {title}',
  'client.ratingRemoved': 'Your rating was removed.',
  'client.saved': 'Saved: you rated it {rating}.',
  'client.savedHeld': 'Saved: you rated it {rating}. {message}',
  'client.youRated': 'You rated it {rating}.',
  'client.heldMarker': '(held for review)',
  'client.fewVotes': 'Few votes',
  'client.rankOf': '#{rank} of {of}',
  'client.notYetRated': 'Not yet rated',
  'client.saving': 'Saving…',
  'client.calculating': '{detail} Calculating…',
  'client.voteNotSaved': 'Your vote could not be saved. Please try again.',
  'client.voteNotSent': 'Your vote could not be sent. Check your connection and try again.',
  'client.legendOf': 'of {title}',
  'client.suggestions': 'Suggestions',
  'client.suggestionEpisode': '{title} ({show} S{season}E{episode})',
  'client.noSuggestions': 'No suggestions.',
  'client.suggestionCount': '{count, plural, one {# suggestion.} other {# suggestions.}}',
} as const;

export type MessageKey = keyof typeof en;
/** A language's messages: every key English has, no other. */
export type Messages = Record<MessageKey, string>;
