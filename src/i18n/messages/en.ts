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
  'admin.home': 'Admin',
  'admin.viewOnSite': 'View on site',
  'admin.cancel': 'Cancel',
  'admin.saved': 'Saved.',
  'admin.catalogue': 'Catalogue',
  'admin.addShow': 'Add a show',
  'admin.importCatalogue': 'Import a catalogue',
  'admin.auditLog': 'Audit log',
  'admin.moderation': 'Moderation',
  'admin.pagesOfShows': 'Pages of shows',
  'admin.fieldSlug': 'Slug',
  'admin.fieldSlugHint': "Part of the show's address; fixed once created.",
  'admin.fieldTitle': 'Title',
  'admin.fieldSynopsis': 'Synopsis',
  'admin.fieldNetwork': 'Network',
  'admin.fieldStatus': 'Status',
  'admin.fieldStatusHintKnown': 'One the catalogue already uses (the field offers them), or any other.',
  'admin.fieldStatusHintNone': 'For example Running or Ended.',
  'admin.addShowButton': 'Add show',
  'admin.saveShowButton': 'Save show',
  'admin.newShowCrumb': 'New show',
  'admin.editShow': 'Edit {title}',
  'admin.seasonsAndEpisodes': 'Seasons and episodes',
  'admin.season': 'Season {season}',
  'admin.viewSeasonOnSite': 'View season {season} on site',
  'admin.pagesOfSeason': 'Pages of season {season}',
  'admin.addEpisodeTo': 'Add an episode to season {season}',
  'admin.deleteSeasonLink': 'Delete season {season}…',
  'admin.newSeasonNumber': 'New season number',
  'admin.addSeasonButton': 'Add season',
  'admin.deleteHeading': 'Delete',
  'admin.deleteShowWarning': 'Deleting a show deletes its seasons, episodes and every vote on them. The audit log keeps what it was.',
  'admin.deleteShowLink': 'Delete {title}…',
  'admin.editEpisode': 'Edit season {season}, episode {episode}',
  'admin.moderateItsVotes': 'Moderate its votes',
  'admin.fieldEpisodeNumber': 'Episode number',
  'admin.fieldEpisodeTitleHint': 'Leave empty when unknown: pages show “Episode N”.',
  'admin.fieldAirDate': 'Air date',
  'admin.fieldAirDateHint': 'YYYY-MM-DD',
  'admin.fieldDirectors': 'Directors',
  'admin.fieldDirectorsHint': 'One name per line.',
  'admin.fieldWatchLinks': 'Watch links',
  'admin.fieldWatchLinksHint': 'One per line: Provider = https://…',
  'admin.addEpisodeButton': 'Add episode',
  'admin.saveEpisodeButton': 'Save episode',
  'admin.deleteThisEpisode': 'Delete this episode…',
  'admin.externalIds': 'Ids on other sites',
  'admin.externalIdsHint': 'Used to match ratings brought from those sites. Leave a field empty for none.',
  'admin.externalIdLabel': '{site} id',
  'admin.externalIdRuleImdb': '"tt" followed by 7 to 10 digits, e.g. tt0123456',
  'admin.externalIdRuleNumber': 'a positive whole number written in digits, e.g. 12345',
  'admin.deleteTarget': 'Delete {kind, select, show {{title}} season {season {season}} other {episode {episode}}}',
  'admin.deleteQuestion': 'Delete {kind, select, show {{title}} season {season {season}} other {episode {episode}}}?',
  'admin.deletesShow':
    'This deletes {title} with {seasons, plural, one {# season} other {# seasons}}, {episodes, plural, one {# episode} other {# episodes}} and {ratings, plural, one {# rating} other {# ratings}}{imported, plural, =0 {} one {, plus # vote imported with the catalogue} other {, plus # votes imported with the catalogue}}.',
  'admin.deletesSeason':
    'This deletes Season {season} of {title} with {episodes, plural, one {# episode} other {# episodes}} and {ratings, plural, one {# rating} other {# ratings}}{imported, plural, =0 {} one {, plus # vote imported with the catalogue} other {, plus # votes imported with the catalogue}}.',
  'admin.deletesEpisode':
    'This deletes Season {season}, episode {episode} of {title} with {ratings, plural, one {# rating} other {# ratings}}{imported, plural, =0 {} one {, plus # vote imported with the catalogue} other {, plus # votes imported with the catalogue}}.',
  'admin.cannotUndoDeletion': 'It cannot be undone here. The audit log keeps what was deleted.',
  'admin.importIntro':
    'Epirank JSON, an episodes CSV or a TVmaze show JSON (the same formats and rules as <code>epirank import</code>): one transaction, so a file with one bad record changes nothing; importing the same file twice changes nothing the second time.',
  'admin.importNothing': 'Nothing was imported. {source}:',
  'admin.importKept':
    'The server keeps <strong>{source}</strong> for {minutes, plural, one {# minute} other {# minutes}}, so you can import it now without choosing it again.',
  'admin.importThisFile': 'Import this file',
  'admin.importAnotherFile': 'Or choose another file',
  'admin.importFile': 'File',
  'admin.importFormat': 'Format',
  'admin.importFormatAuto': 'Tell from the file',
  'admin.importFormatJson': 'Epirank JSON',
  'admin.importFormatCsv': 'CSV of episodes',
  'admin.importFormatTvmaze': 'TVmaze show JSON',
  'admin.importDryRun': 'Dry run: report what would change, change nothing',
  'admin.importButton': 'Import',
  'admin.importCrumb': 'Import',
  'admin.importDryRunSource': 'Dry run',
  'admin.importPendingGone':
    'the file of that dry run is no longer kept (it is kept {minutes, plural, one {# minute} other {# minutes}}, by the server that ran it); choose it again',
  'admin.uploadNotMultipart': 'The import form must be sent as multipart/form-data. Choose the file again and resend the form.',
  'admin.uploadNul': '{file} contains NUL characters: it is not a text file.',
  'admin.uploadFieldTooLong': 'The form field "{field}" is too long. Choose the file again and resend the form.',
  'admin.uploadUnknownFormat': 'Unknown format "{format}": choose {formats}, or leave it to be told from the file.',
  'admin.uploadDryRunValue': 'The dry-run box sends "1" or nothing, not "{value}". Choose the file again and resend the form.',
  'admin.uploadTooManyFields': 'The import form takes one file and at most {fields, number} other fields; this upload has more.',
  'admin.uploadIncomplete': 'The upload is not a complete multipart form ({reason}). Choose the file again and resend the form.',
  'admin.auditAction': 'Action',
  'admin.auditActionHint': 'One (flag.dismiss) or a family (flag).',
  'admin.auditWho': 'Who',
  'admin.auditWhoHint': 'An e-mail address, or “command line”.',
  'admin.auditFrom': 'From (UTC day)',
  'admin.auditTo': 'To (UTC day, included)',
  'admin.filter': 'Filter',
  'admin.auditEvery': 'Show every entry',
  'admin.auditNoEntries': '{filtered, select, true {No entries match these filters on this page.} other {No entries on this page.}}',
  'admin.auditWhen': 'When (UTC)',
  'admin.auditWhat': 'What',
  'admin.auditChanges': 'Changes',
  'admin.auditPages': 'Audit log pages',
  'admin.auditNoChange': 'No field changed.',
  'admin.auditFullEntry': 'Full entry',
  'admin.auditSet': 'set to {value}',
  'admin.auditRemovedWas': 'removed (was {value})',
  'admin.auditRemovedList': 'removed, was: {value}',
  'admin.auditMoreLines': 'and {count, number} more',
  'admin.auditMoreItems': '{items} and {count, number} more',
  'admin.auditNone': 'none',
  'admin.auditEmpty': 'empty',
  'admin.auditYesNo': '{value, select, true {yes} other {no}}',
  'admin.auditField':
    '{field, select, slug {slug} title {title} synopsis {synopsis} network {network} status {status} number {number} airDate {airDate} directors {directors} watchLinks {watchLinks} ids {ids} season {season} episode {episode} rating {rating} kind {kind} reason {reason} other {{field}}}',
  'admin.bulkLink': 'Bulk moderation (by address, range or time)',
  'admin.heldLink': 'Held ratings',
  'admin.peopleLink': 'Data requests (export or erase one person’s data)',
  'admin.flaggedEpisodes': 'Flagged episodes',
  'admin.flaggedIntro': 'Checked on a schedule; a flag stays open, its window growing while the votes go on, until a moderator closes it.',
  'admin.nothingFlagged': 'Nothing has been flagged.',
  'admin.flagKind': '{kind, select, burst {burst} steady {steady rise} other {extreme ratings}}',
  'admin.flagClosed': '({status, select, dismissed {dismissed} other {resolved}} by {who})',
  'admin.flagWindow': 'Window {start} to {end}, {votes, plural, one {# vote} other {# votes}}.',
  'admin.flagDismiss': 'Dismiss',
  'admin.flagResolved': 'Resolved',
  'admin.flagPages': 'Pages of flagged episodes',
  'admin.flagReasonRate':
    '{votes, number} votes in {window, select, hour {the last hour} day {the last 24 hours} other {the last 7 days}}, against {usual, number, ::.0} an hour in the {days, number} days before',
  'admin.flagReasonExtreme': '{share, number} % of its {votes, number} votes are 1s or 10s, against {usual, number} % across the rest of {show}',
  'admin.flagReasonNoVotes': 'no votes, against {usual, number} % across {show}',
  'admin.removeVoterHeading': 'Remove one voter’s ratings',
  'admin.voterId': 'Voter id',
  'admin.voterIdHint': 'As listed on an episode’s moderation page, e.g. a:Xy3… or u:12.',
  'admin.removeVoterButton': 'Remove every rating of this voter…',
  'admin.blocks': 'Blocks',
  'admin.blockLabel': 'Block',
  'admin.blockKindIp': 'an address or range',
  'admin.blockKindVoter': 'a voter',
  'admin.blockValue': 'Address, range or voter id',
  'admin.blockValueHint': '203.0.113.7, 203.0.113.0/24, 2001:db8::/32 or a:…',
  'admin.blockButton': 'Block',
  'admin.noBlocks': 'No blocks.',
  'admin.blocked': 'Blocked',
  'admin.blockedBy': 'By',
  'admin.blockedSince': 'Since',
  'admin.blockAction': 'Action',
  'admin.blockedKind': '{kind, select, ip {Addresses} other {Voter}}',
  'admin.liftBlock': 'Lift',
  'admin.blocksTotal': '{count, plural, one {# block} other {# blocks}} in all, newest first.',
  'admin.blockPages': 'Pages of blocks',
  'admin.moderateEpisode': 'Moderate S{season}E{episode} “{title}”',
  'admin.editTheEpisode': 'Edit the episode',
  'admin.bulkForEpisode': 'Bulk action for this episode',
  'admin.itsHeldRatings': 'Its held ratings',
  'admin.votesCast': '{count, plural, one {# vote cast on Epirank.} other {# votes cast on Epirank.}}',
  'admin.extremeShare': 'Share of extreme ratings',
  'admin.rating': 'Rating',
  'admin.thisEpisode': 'This episode',
  'admin.theShow': 'The show',
  'admin.ones': '1s',
  'admin.tens': '10s',
  'admin.votesPerHour': 'Votes per hour, last 48 hours (UTC)',
  'admin.noRecentVotes': 'No votes in the last 48 hours.',
  'admin.hour': 'Hour',
  'admin.votes': 'Votes',
  'admin.newestVoters': 'Newest voters',
  'admin.newestVotersIntro': 'In the order their ratings arrived, imported ones by when the import wrote them.',
  'admin.voter': 'Voter',
  'admin.address': 'Address',
  'admin.when': 'When',
  'admin.importedAt': 'imported {at} (the file says {set})',
  'admin.voterPages': 'Pages of voters',
  'admin.removeVoterQuestion': 'Remove every rating of {voter}?',
  'admin.removeRatingsCrumb': 'Remove ratings',
  'admin.voterHasNone': 'Voter <code>{voter}</code> has no ratings: there is nothing to remove.',
  'admin.voterReach':
    'This removes {ratings, plural, one {# rating} other {# ratings}} voter <code>{voter}</code> has cast, on {episodes, plural, one {# episode} other {# episodes}} of {shows, plural, one {# show} other {# shows}}; the tallies follow at once.',
  'admin.cannotUndoRemoval': 'It cannot be undone here. The audit log keeps each rating removed.',
  'admin.removeTheirRatings': 'Remove their ratings',
  'admin.removedVoter': 'Removed {count, plural, one {# rating} other {# ratings}} of {voter}.',
  'admin.bulkModeration': 'Bulk moderation',
  'admin.bulkIntro':
    'Remove or hold every counted rating of a show, or of one of its episodes, from an address or range, set within a time window, or both. Held ratings are kept but not counted until released on the <link>held ratings</link> page. A preview comes first.',
  'admin.show': 'Show',
  'admin.episode': 'Episode',
  'admin.fieldSeason': 'Season',
  'admin.bulkSeasonHint': 'With the episode, to act on one episode; leave both empty for the whole show.',
  'admin.bulkAddress': 'Address or range',
  'admin.bulkAddressHint': '203.0.113.7, 203.0.113.0/24, 2001:db8:1:2::/64 or 2001:db8::/32.',
  'admin.bulkFrom': 'Set from (UTC)',
  'admin.bulkFromHint': 'When each rating was last set, in UTC: from this time (2026-11-25T14:05)…',
  'admin.bulkTo': 'Set before (UTC)',
  'admin.bulkToHint': '…up to, not including, this one.',
  'admin.preview': 'Preview',
  'admin.bulkMatched': '{count, plural, =0 {No counted rating matches} one {# counted rating match} other {# counted ratings match}}: {description}.',
  'admin.bulkEpisodes': 'Episodes the selection touches',
  'admin.matched': 'Matched',
  'admin.average': 'Average',
  'admin.fanScore': 'Fan score',
  'admin.bulkEitherWay': 'Either way the tallies are recounted at once and the audit log keeps each rating.',
  'admin.bulkHold': 'Hold {count, plural, one {# rating} other {# ratings}}',
  'admin.bulkRemove': 'Remove {count, plural, one {# rating} other {# ratings}}',
  'admin.bulkChanged': 'The selection changed since its preview (ratings arrived or left): nothing was done. Check the new figures and confirm again.',
  'admin.bulkDone':
    '{action, select, hold {Held} other {Removed}} {count, plural, one {# rating} other {# ratings}}: {description}. The tallies are recounted.',
  'admin.selection':
    'ratings of {scope}{address, select, none {} other { from {address}}}{from, select, none {} other { set from {from}}}{to, select, none {} other { set before {to}}}',
  'admin.heldSelection': '{checked, select, true {the checked } other {}}held ratings of {scope}{network, select, none {} other { from {network}}}',
  'admin.allShows': 'all shows',
  'admin.episodeScope': '{show} S{season}E{episode}',
  'admin.heldRatings': 'Held ratings',
  'admin.heldIntro':
    'Ratings recorded but not counted: over their network’s allowance, or held by a moderator. Releasing one counts it (replacing any rating its voter set since); discarding deletes it. Both ask first.',
  'admin.heldShowHint': 'Its title or address name; empty for every show.',
  'admin.heldNetworkHint': 'An address (203.0.113.7) or an IPv6 /64.',
  'admin.noHeld': 'No held ratings among the {description}.',
  'admin.releaseAll': 'Release all {description}…',
  'admin.discardAll': 'Discard all {description}…',
  'admin.choose': 'Choose',
  'admin.network': 'Network',
  'admin.reason': 'Reason',
  'admin.held': 'Held',
  'admin.heldRating': 'Held rating {id}',
  'admin.voterKind': '{kind, select, account {account} other {anonymous}}',
  'admin.heldReason': '{reason, select, moderator {held by a moderator} other {over its network’s allowance}}',
  'admin.releaseChecked': 'Release checked…',
  'admin.discardChecked': 'Discard checked…',
  'admin.heldPages': 'Pages of held ratings',
  'admin.heldVerb': '{action, select, release {Release} other {Discard}}',
  'admin.heldQuestion': '{action, select, release {Release} other {Discard}} {count, plural, one {# held rating} other {# held ratings}}?',
  'admin.heldNothing': 'Nothing to {action, select, release {release} other {discard}}: no {description}.',
  'admin.heldMatched':
    '{count, plural, one {# held rating} other {# held ratings}}: {description}. {action, select, release {Each is counted at once, replacing any rating its voter set since; the tallies are recounted.} other {They are deleted; they were never counted, so no tally changes.}} The audit log keeps each one.',
  'admin.heldEpisode': '{episode}: {count, plural, one {# rating} other {# ratings}}',
  'admin.heldButton': '{action, select, release {Release} other {Discard}} {count, plural, one {# rating} other {# ratings}}',
  'admin.heldChooseAction': 'Choose to release or to discard the held ratings.',
  'admin.heldDone': '{action, select, release {Released} other {Discarded}} {count, plural, one {# held rating} other {# held ratings}}: {description}.',
  'admin.dataRequests': 'Data requests',
  'admin.peopleIntro':
    'Answer one person’s request for their data: find their account by e-mail address, download everything stored about it as JSON, or erase it. Client addresses older than the retention are no longer kept for anyone.',
  'admin.email': 'E-mail address',
  'admin.findAccount': 'Find the account',
  'admin.personSummary':
    '{name} ({role, select, admin {admin} editor {editor} other {fan}}): {ratings, plural, one {# rating} other {# ratings}}, {held, plural, one {# held rating} other {# held ratings}}, {tokens, plural, one {# API token} other {# API tokens}}, {identities, plural, one {# linked sign-in} other {# linked sign-ins}}.',
  'admin.downloadData': 'Download their data (JSON)',
  'admin.eraseAccountLink': 'Erase this account…',
  'admin.eraseQuestion': 'Erase {email}?',
  'admin.eraseImpact':
    'This deletes the account with its {ratings, plural, one {# rating} other {# ratings}} and {held, plural, one {# held rating} other {# held ratings}} (the tallies follow at once), its sessions, {tokens, plural, one {# API token} other {# API tokens}}, {identities, plural, one {# linked sign-in} other {# linked sign-ins}} and mailed links, and its own entries in the audit log; catalogue changes it made stay, no longer saying who made them.',
  'admin.eraseCannotUndo': 'It cannot be undone. The audit log records that an account was erased, by whom and when, and nothing of what it held.',
  'admin.eraseButton': 'Erase the account',
  'admin.erased': 'Erased the account and its {count, plural, one {rating} other {# ratings}}.',
  'admin.showPickerHint': 'Its title or address name; suggestions appear as you type.',
  'admin.showMatches': 'Shows to pick from',
  'admin.roleNeeded': 'You need to be {needed, select, admin {an admin} other {an editor}} to {acting, select, true {do} other {see}} this',
  'admin.roleNeededDetail':
    'This part of Epirank is for {needed, select, admin {admins} other {editors and admins}}. You are signed in as a {role, select, admin {admin} editor {editor} other {fan}}.',

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
