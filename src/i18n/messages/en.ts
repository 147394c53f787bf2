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
  // Sign in and sign up (src/web/account/account.pages.tsx)
  'account.signIn': 'Sign in',
  'account.signUp': 'Create an account',
  'account.signUpButton': 'Create account',
  'account.emailLabel': 'E-mail address',
  'account.passwordLabel': 'Password',
  'account.newPasswordHint': 'At least {min, number} characters, and not easy to guess: a few unrelated words work well.',
  'account.newHere': 'New here? <link>Create an account</link>. Your ratings so far can join it: you are asked once you sign in.',
  'account.signUpLede': 'An account keeps your ratings on every device. The ratings you made on this one can join it: you are asked once you sign in.',
  'account.displayNameLabel': 'Display name',
  'account.displayNameHint': "Shown to the site's moderators, not to other fans.",
  'account.haveOne': 'Already have one? <link>Sign in</link>.',
  'account.signedUpNotice': 'Your account is ready: sign in.',
  'account.resetNotice': 'Your password was changed and every device signed out: sign in with the new one.',
  // The account page
  'account.yourAccount': 'Your account',
  'account.name': 'Name',
  'account.email': 'E-mail',
  'account.role': 'Role',
  'account.roleName': '{role, select, admin {admin} editor {editor} other {fan}}',
  'account.ratingsLine': '<link>Your ratings</link>: every episode you rated, to sort, download or delete.',
  'account.tokensLine': '<link>API tokens</link>: let your own scripts read and change your ratings.',
  'account.adminLineAdmin': '<link>Open the admin side</link> to edit the catalogue, moderate votes and read the audit log.',
  'account.adminLineEditor': '<link>Open the admin side</link> to edit the catalogue and import files.',
  'account.signOut': 'Sign out',
  'account.changePassword': 'Change your password',
  'account.noPassword': 'Your account has no password: you sign in with {provider}.',
  'account.passwordChanged': 'Your password was changed. Other devices have been signed out.',
  'account.currentPassword': 'Current password',
  'account.newPassword': 'New password',
  'account.changePasswordButton': 'Change password',
  'account.deleteHeading': 'Delete your account',
  'account.deleteLine': '<link>Delete this account and its ratings</link> (you are asked to confirm first).',
  // Mailed links' pages and the account page's address parts (src/web/account/mail.pages.tsx, mail.routes.ts)
  'account.forgotPassword': 'Forgot your password?',
  'account.resetUnavailable': 'Password reset is unavailable on this site: it sends no e-mail. If you forget your password, ask the site’s operator.',
  'account.address': 'Address',
  'account.addressVerified': 'Verified',
  'account.addressNotVerified': 'Address not verified.',
  'account.resendLink': 'Resend the link',
  'account.linkResent': 'Sent: look for it in your mail.',
  'account.changeAddress': 'Change your e-mail address',
  'account.changeSentTo': 'We sent a link to {email}. Your address changes when you follow it.',
  'account.newEmailLabel': 'New e-mail address',
  'account.sendConfirmation': 'Send a confirmation link',
  'account.checkMail': 'Check your mail',
  'account.checkMailSent': 'We sent a message to {email}. Follow the link in it to finish.',
  'account.checkMailNothing': 'Nothing there after a few minutes? Look in the spam folder, or sign up again to send another.',
  'account.forgotSent': 'If an account has the address {email}, we sent a link to it. The link works once, for a short while.',
  'account.forgotLede': 'Give your account’s address and we mail you a link to choose a new password.',
  'account.sendLink': 'Send the link',
  'account.remembered': 'Remembered it? <link>Sign in</link>.',
  'account.chooseNewPassword': 'Choose a new password',
  'account.chooseNewPasswordLede': 'Every device signed in to your account is signed out when you save it.',
  'account.resetPasswordHint': 'At least {min, number} characters.',
  'account.saveNewPassword': 'Save the new password',
  'account.addressChanged': 'Your address was changed',
  'account.addressChangedTo': 'Your account now uses {email}.',
  'account.goToAccount': '<link>Go to your account</link>.',
  'account.noMail': 'This site sends no e-mail, so it has no mailed links: ask the site’s operator for help with your account.',
  'account.verifyTitle': 'Confirm your address',
  'account.verifyText': 'One step left: confirm the address to finish your account and sign in.',
  'account.verifyButton': 'Confirm and sign in',
  'account.confirmTitle': 'Confirm your new address',
  'account.confirmText': 'Confirm to move your account to this address.',
  'account.confirmButton': 'Use this address',
  // Mailed links that do not work (src/accounts/mailed-links.ts and the services that check them)
  'account.linkUnusable': 'This link does not work',
  'account.linkUnknown': 'This link is not one we sent, or it was copied incompletely. {again}',
  'account.linkUsed': 'This link was already used: each link works once. {again}',
  'account.linkExpired': 'This link has expired. {again}',
  'account.linkAccountGone': 'The account this link was sent for no longer exists.',
  'account.askAgainVerify': 'Sign in and ask for a new link on your account page.',
  'account.askAgainReset': 'Ask for a new link from the sign-in page ("Forgot your password?").',
  'account.askAgainChange': 'Ask for the change again on your account page.',
  // What a form says is wrong (src/accounts/*.service.ts, password-rules.ts)
  'account.signInFailed': 'That e-mail address and password do not match an account.',
  'account.noPasswordSso': 'This account has no password: you sign in with single sign-on.',
  'account.wrongPassword': 'That is not your current password.',
  'account.emailTaken': 'An account with that e-mail address already exists.',
  'account.displayNameProblem': 'Enter a display name of {min, number} to {max, number} characters.',
  'account.emailProblem': 'Enter an e-mail address like name@example.org.',
  'account.alreadyYourAddress': 'That is already your address.',
  'account.addressTaken': 'That address has an account now',
  'account.passwordTooShort': 'Use at least {min, number} characters.',
  'account.passwordTooLong': 'Use at most {max, number} characters.',
  'account.passwordTooEasy':
    'This password is too easy to guess: {warning, select, straightRow {it is a row of keys on the keyboard} keyPattern {it is a short pattern of keys on the keyboard} simpleRepeat {it repeats one character} extendedRepeat {it repeats a few characters over and over} sequences {it is a sequence like abc or 123} recentYears {it is a recent year} dates {it is a date} topTen {it is one of the ten most used passwords} topHundred {it is one of the hundred most used passwords} common {it is a commonly used password} similarToCommon {it is a commonly used password with small changes} userInputs {it contains your e-mail address or name} other {a password cracker would find it quickly}}. Try a few words that do not belong together, or a longer mix of characters.',
  'account.lastAdmin':
    'You are the only admin, so this account cannot be deleted: make another account an admin first (epirank create-admin), then delete this one.',
  // Single sign-on (src/web/account/sso.pages.tsx, sso.routes.ts)
  'account.ssoSignIn': 'Sign in with {provider}',
  'account.ssoOnly':
    'Password sign-in and sign-up are switched off on this site: everyone signs in with {provider}. Signing in the first time creates your account.',
  'account.ssoOr': 'Made your account with {provider}? Use the button above. Or use your e-mail address and password:',
  'account.sso': 'Single sign-on',
  'account.ssoLinked': 'Linked: you can sign in with {provider}.',
  'account.ssoLinkText': 'Link your {provider} account to sign in with it from now on.',
  'account.ssoLinkButton': 'Link {provider}',
  'account.ssoErrorStatus': 'Error {status}',
  'account.ssoToSignIn': 'Go to the sign-in page',
  'account.toHome': 'Go to the home page',
  'account.ssoNotSetUp': 'Single sign-on is not set up on this site.',
  'account.ssoPasswordsOff': 'Password sign-in and sign-up are switched off on this site: sign in with {provider}.',
  // The fan's ratings (src/web/account/my-ratings.page.tsx)
  'account.sortNewest': 'Newest first',
  'account.sortShow': 'By show',
  'account.sortRating': 'By my rating',
  'account.sortDisagree': 'Where I disagree most',
  'account.ratingsTitle': 'Your ratings',
  'account.disagreeTitle': 'Where you disagree most with the crowd',
  'account.disagreeLede': 'Your ratings, farthest from the fans’ average first.',
  'account.ratingsLede': 'Every episode you rated, with the fans’ average beside your rating.',
  'account.ratingsLedeAnonymous':
    'The episodes rated from this browser. Create an account or sign in to keep them on every device: you will be asked to add them to it.',
  'account.order': 'Order',
  'account.showFilter': 'Show',
  'account.everyShow': 'Every show',
  'account.filter': 'Filter',
  'account.noSuchPage': 'There is no page {page, number}. <link>Go to page {last, number}</link>.',
  'account.noneOfShow': 'You have not rated any episode of {show}.',
  'account.noneOfThatShow': 'You have not rated any episode of that show.',
  'account.noneYet': 'You have not rated any episodes yet. <link>Find a show</link> and press a number from 1 to 10 beside an episode.',
  'account.ratingsPages': 'Pages of your ratings',
  'account.takeThem': 'Take them with you',
  'account.downloads': 'Download every rating as <csv>CSV</csv> (columns show, season, episode, title, rating, rated_at) or as <json>JSON</json>.',
  'account.importLine': 'Rated episodes elsewhere? <link>Import ratings</link> from IMDb, Trakt or TV Time.',
  'account.deleteAllLink': 'Delete all my ratings',
  'account.columnShow': 'Show',
  'account.columnEpisode': 'Episode',
  'account.columnYourRating': 'Your rating',
  'account.columnAverage': 'Fans’ average',
  'account.columnRated': 'Rated',
  'account.changeYourRating': 'Change your rating',
  'account.episodeCode': 'S{season}E{episode}',
  'account.held': '(held for review)',
  'account.changeRating': 'Change<hidden> your rating of {show} {code}</hidden>',
  'account.removedRating': 'Removed your rating of {episode}.',
  'account.savedRating': 'Saved: your rating of {episode} is {rating, number}.',
  'account.deleteRatingsTitle': 'Delete all your ratings',
  'account.deleteRatingsQuestion': 'Delete all your ratings?',
  'account.noRatingsToDelete': 'You have no ratings to delete. <link>Back to your ratings</link>',
  'account.deleteRatingsText':
    'This deletes your {count, plural, one {# rating} other {# ratings}} for good, and every episode’s numbers are counted again without them. Your account stays. You may want to <link>download them</link> first.',
  'account.deleteRatingsButton': 'Delete {count, plural, one {# rating} other {# ratings}}',
  'account.keepThem': 'Keep them',
  'account.deleteAccountQuestion': 'Delete your account?',
  'account.deleteAccountText':
    'This deletes the account {email} and its {count, plural, one {# rating} other {# ratings}} for good, and signs you out everywhere. Every episode’s numbers are counted again without your ratings. You may want to <link>download your ratings</link> first.',
  'account.deleteAccountButton': 'Delete my account',
  'account.keepIt': 'Keep it',
  'account.accountDeleted': 'Account deleted',
  'account.accountDeletedHeading': 'Your account was deleted',
  'account.accountDeletedText':
    'The account and its {count, plural, one {# rating} other {# ratings}} are gone, and every device it was signed in on is signed out.',
  'account.backToSite': 'Back to Epirank',
  // Ratings from before signing in (src/web/account/join-ratings.page.tsx)
  'account.joinTitle': 'Ratings from before you signed in',
  'account.joinLede':
    'This browser rated {count, plural, one {# episode} other {# episodes}} while signed out. Add them to your account only if you gave them: someone else using this browser, or a site that planted its cookie, may have.',
  'account.joinPages': 'Pages of these ratings',
  'account.joinNewer': 'Where you and this browser both rated an episode, the newer rating is kept.',
  'account.joinButton': 'Add them to my account',
  'account.leaveButton': 'Leave them',
  'account.leaveHint': 'Left, they stay anonymous ratings, counted as before, and no longer tied to this browser.',
  // Bringing ratings from another site (src/web/account/ratings-import.page.tsx, ratings-import.routes.ts)
  'account.importTitle': 'Bring your ratings',
  'account.importHeading': 'Bring your ratings from another site',
  'account.importLede':
    'Upload the ratings you exported from IMDb, Trakt or TV Time. You will see which episodes they match before anything is saved, and then import them all at once or not at all.',
  'account.importFile': 'Ratings file',
  'account.importFileHint':
    'A CSV or JSON file of up to {megabytes, number} MB and {rows, number} rated episodes. Which site it came from is told from the file.',
  'account.importPreviewButton': 'Preview the import',
  'account.importWhichFiles': 'Which files',
  'account.importSourceName': '{source, select, imdb {IMDb ratings export} trakt {Trakt ratings-episodes.json} other {TV Time data export}}',
  'account.importScale':
    '{source, select, tvtime {1-{stars, number} stars, each worth {points, number} points: {stars, number} stars → {max, number}, 1 star → {points, number}} other {{min, number}-{max, number}, the same scale as Epirank: kept as they are}}',
  'account.importSourceLine': '<strong>{name}</strong>: ratings {scale}.',
  'account.importMatching':
    "Rows are matched by the episode's IMDb, TheTVDB or TMDB id where the file has one, else by the show's title with the season and episode numbers. The preview waits {minutes, plural, one {# minute} other {# minutes}} for you.",
  'account.importCheckTitle': 'Check your import',
  'account.importCheckHeading': 'Check before importing',
  'account.importFileIs':
    '<name>{file}</name> is {source, select, imdb {an IMDb ratings export} trakt {a Trakt ratings-episodes.json} other {a TV Time data export}}. Nothing has been saved yet.',
  'account.importMatched': '<n>{count, number}</n> {count, plural, one {rating matches an episode} other {ratings match episodes}} here',
  'account.importConflicting': '<n>{count, number}</n> {count, plural, one {differs} other {differ}} from your rating here',
  'account.importUnmatched': '<n>{count, number}</n> found no episode',
  'account.importSkipped':
    '<n>{count, number}</n> {count, plural, one {row is not a rating of an episode (films, whole shows) and is left out} other {rows are not a rating of an episode (films, whole shows) and are left out}}',
  'account.importScaleLine': 'Ratings: {scale}.',
  'account.importConflicts': 'Where you already rated an episode differently',
  'account.importKeepMine': 'Keep my rating here',
  'account.importTakeFile': "Take the file's rating",
  'account.importAllOrNone': 'All of them are saved together, or none if anything goes wrong. They count like any rating you give here.',
  'account.importButton': 'Import {count, plural, one {# rating} other {# ratings}}',
  'account.importNothing': 'Nothing in this file can be imported.',
  'account.importAnother': 'Choose another file',
  'account.importDiffer': 'Differ from your rating',
  'account.importMatch': 'Match an episode',
  'account.importNoEpisode': 'Found no episode',
  'account.importCaption': '{caption} ({total, number})',
  'account.importCaptionCapped': '{caption} (the first {shown, number} of {total, number})',
  'account.importInFile': 'In the file',
  'account.importFileRating': "File's rating",
  'account.importWhy': 'Why',
  'account.importEpisodeHere': 'Episode here',
  'account.importYourRating': 'Your rating here',
  'account.importEpisode': '{show} {code}',
  'account.importEpisodeTitled': '{show} {code} “{title}”',
  'account.importResend': 'Choose the file again and resend the form.',
  'account.importNotMultipart': 'The ratings file must be sent as multipart/form-data. {again}',
  'account.importNotText': '{file} contains NUL characters: it is not a text file.',
  'account.importTheFile': 'the file',
  'account.importNoFile': 'Choose a ratings file to upload. {again}',
  'account.importTooManyFiles': 'The form takes one ratings file; this upload has more. {again}',
  'account.importIncomplete': 'The upload is not a complete multipart form ({reason}). {again}',
  'account.importNoPreview': 'There is no preview to import: choose the file again at /account/ratings/import.',
  // Personal API tokens (src/web/account/api-tokens.page.tsx, api-tokens.routes.ts, src/accounts/api-tokens.service.ts)
  'account.tokens': 'API tokens',
  'account.tokensLede':
    'A personal token lets a script of yours read and change your ratings through the <link>JSON API</link>, as you: send it as <code>Authorization: Bearer …</code>. Treat it like a password; revoke it here when the script no longer needs it.',
  'account.tokenCreated': 'Your new token “{name}”',
  'account.tokenCopy': '<strong>Copy it now.</strong> It is shown only this once: Epirank keeps only a fingerprint of it and cannot show it again.',
  'account.tokenRevoked': 'The token was revoked: requests that send it are refused from now on.',
  'account.yourTokens': 'Your tokens',
  'account.noTokens': 'You have no API tokens.',
  'account.yourApiTokens': 'Your API tokens',
  'account.tokenName': 'Name',
  'account.tokenCreatedAt': 'Created',
  'account.tokenLastUsed': 'Last used',
  'account.tokenNever': 'Never',
  'account.revoke': 'Revoke',
  'account.revokeToken': 'Revoke {name}',
  'account.createToken': 'Create a token',
  'account.tokensFull': 'You hold {max, number} tokens, as many as an account can. Revoke one you no longer use to create another.',
  'account.tokenNameHint': 'What uses it, so you know which to revoke later ({min, number}–{max, number} characters).',
  'account.createTokenButton': 'Create token',
  'account.backToAccount': 'Back to your account',
  'account.tooManyTokens': 'An account can hold {max, number} tokens. Revoke one you no longer use first.',
  'account.tokenNameProblem': 'Give the token a name of {min, number} to {max, number} characters.',
  'account.noSuchToken': 'You have no API token with that number: it may have been revoked already.',

  // ——— mail ———
  // (keys mail.*)
  // Every mail the site sends (src/mail/messages.ts); {site} is the site's host
  'mail.lifetimeHours': '{count, plural, one {# hour} other {# hours}}',
  'mail.lifetimeMinutes': '{count, plural, one {# minute} other {# minutes}}',
  'mail.verifySubject': 'Confirm your address on {site}',
  'mail.verifyIntro': 'Someone, probably you, created an account on {site} with this address.',
  'mail.verifyLink': 'Confirm the address and sign in',
  'mail.verifyOutro': 'The link works once, for {lifetime}. If this was not you, you can ignore this message. Nothing was created that can be used without it.',
  'mail.attemptSubject': 'Someone tried to create an account on {site}',
  'mail.attemptIntro': 'Someone, perhaps you, tried to create an account on {site} with this address, which already has one. No new account was made.',
  'mail.attemptSignIn': 'Sign in to your account',
  'mail.attemptReset': 'Forgot your password? Choose a new one',
  'mail.notYou': 'If this was not you, you can ignore this message.',
  'mail.resetSubject': 'Reset your password on {site}',
  'mail.resetIntro': 'Someone, probably you, asked to reset the password of your account on {site}.',
  'mail.resetLink': 'Choose a new password',
  'mail.resetOutro': 'The link works once, for {lifetime}. If this was not you, you can ignore this message. Your password stays as it is.',
  'mail.passwordChangedSubject': 'Your password on {site} was changed',
  'mail.passwordChangedIntro': 'The password of your account on {site} was just changed, and your other devices were signed out.',
  'mail.passwordChangedWarning': 'If this was not you, someone else knows your password or can read your mail: choose a new password now.',
  'mail.resetYourPassword': 'Reset your password',
  'mail.confirmSubject': 'Confirm your new address on {site}',
  'mail.confirmIntro': 'Someone, probably you, asked to move an account on {site} to this address.',
  'mail.confirmLink': 'Confirm the new address',
  'mail.confirmOutro': 'The link works once, for {lifetime}. If this was not you, you can ignore this message. Nothing changes without it.',
  'mail.takenSubject': 'An account on {site} could not move to this address',
  'mail.takenIntro': 'Someone asked to move an account on {site} to this address, but this address already has an account of its own, so nothing changed.',
  'mail.takenSignIn': 'Sign in to the account of this address',
  'mail.takenReset': 'Forgot its password? Choose a new one',
  'mail.changeRequestedSubject': 'A change of your address on {site} was asked for',
  'mail.changeRequestedIntro': 'Someone signed in to your account on {site} asked to move it to {email}. It moves only when the link sent there is followed.',
  'mail.changeRequestedWarning': 'If this was not you, someone knows your password: sign in and change it now.',
  'mail.addressChangedSubject': 'Your address on {site} was changed',
  'mail.addressChangedIntro': 'Your account on {site} now uses the address {email}; mail about it goes there from now on.',
  'mail.addressChangedWarning': 'If this was not you, ask the site’s operator for help, or reset the password from the new address if you can read it.',

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
