/**
 * 日本語 — the Japanese interface. Written for Epirank, not word for word from English: keep it
 * natural. Same keys and placeholders as src/i18n/messages/en.ts (test/i18n/catalogue.test.ts checks).
 */
import type { Messages } from './en.js';

export const ja = {
  // ——— common ———
  // (keys common.*)
  'common.votes': '{count, plural, other {#票}}',

  // ——— layout ———
  // (keys layout.*)
  'layout.skip': '本文へ移動',
  'layout.tagline': 'ファンが全話をランク付け',
  'layout.searchLabel': '作品とエピソードを検索',
  'layout.searchPlaceholder': '検索',
  'layout.searchButton': '検索',
  'layout.menu': 'メニュー',
  'layout.browse': '見る',
  'layout.shows': '作品一覧',
  'layout.top': 'トップエピソード',
  'layout.yourRatings': 'あなたの評価',
  'layout.signIn': 'ログイン',
  'layout.yourAccount': 'アカウント',
  'layout.account': 'アカウント',
  'layout.admin': '管理',
  'layout.moderationBadge': 'モデレーション（{count, number}{atLeast, select, true {+} other {}}）',
  'layout.footer': 'Epirankはファンの投票でエピソードを順位付けします。スコアは投票のたびに更新されます。',
  'layout.api': 'API',
  'layout.feedTitle': '{title}：順位の変化',
  'layout.language': '言語',
  'layout.languageMenu': '言語を選ぶ',

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
  'account.signIn': 'ログイン',
  'account.signUp': '新規登録',
  'account.signUpButton': 'アカウントを作成',
  'account.emailLabel': 'メールアドレス',
  'account.passwordLabel': 'パスワード',
  'account.newPasswordHint': '{min, number}文字以上で、推測されにくいものにしてください。関係のない単語をいくつか並べるのがおすすめです。',
  'account.newHere': '初めてですか？<link>アカウントを作成</link>しましょう。これまでの評価は、ログイン時に確認したうえでアカウントに追加できます。',
  'account.signUpLede': 'アカウントがあれば、どの端末でも評価を引き継げます。この端末でつけた評価は、ログイン時に確認したうえでアカウントに追加できます。',
  'account.displayNameLabel': '表示名',
  'account.displayNameHint': 'サイトのモデレーターにだけ表示され、ほかのファンには表示されません。',
  'account.haveOne': 'アカウントをお持ちですか？<link>ログイン</link>してください。',
  'account.signedUpNotice': 'アカウントの準備ができました。ログインしてください。',
  'account.resetNotice': 'パスワードを変更し、すべての端末からログアウトしました。新しいパスワードでログインしてください。',
  // The account page
  'account.yourAccount': 'アカウント',
  'account.name': '名前',
  'account.email': 'メール',
  'account.role': '権限',
  'account.roleName': '{role, select, admin {管理者} editor {編集者} other {ファン}}',
  'account.ratingsLine': '<link>あなたの評価</link>：評価したすべてのエピソードを並べ替え、ダウンロード、削除できます。',
  'account.tokensLine': '<link>APIトークン</link>：自分のスクリプトから評価を読み書きできます。',
  'account.adminLineAdmin': '<link>管理画面を開く</link>と、カタログの編集、投票のモデレーション、監査ログの確認ができます。',
  'account.adminLineEditor': '<link>管理画面を開く</link>と、カタログの編集とファイルのインポートができます。',
  'account.signOut': 'ログアウト',
  'account.changePassword': 'パスワードの変更',
  'account.noPassword': 'このアカウントにはパスワードがありません。{provider}でログインします。',
  'account.passwordChanged': 'パスワードを変更しました。ほかの端末はログアウトされました。',
  'account.currentPassword': '現在のパスワード',
  'account.newPassword': '新しいパスワード',
  'account.changePasswordButton': 'パスワードを変更',
  'account.deleteHeading': 'アカウントの削除',
  'account.deleteLine': '<link>このアカウントと評価を削除する</link>（実行前に確認があります）。',
  // Mailed links' pages and the account page's address parts (src/web/account/mail.pages.tsx, mail.routes.ts)
  'account.forgotPassword': 'パスワードをお忘れですか？',
  'account.resetUnavailable':
    'このサイトはメールを送らないため、パスワードの再設定は使えません。パスワードを忘れたときは、サイトの運営者に問い合わせてください。',
  'account.address': 'アドレス',
  'account.addressVerified': '確認済み',
  'account.addressNotVerified': 'アドレスは未確認です。',
  'account.resendLink': 'リンクを再送',
  'account.linkResent': '送信しました。メールを確認してください。',
  'account.changeAddress': 'メールアドレスの変更',
  'account.changeSentTo': '{email}にリンクを送りました。リンクを開くとアドレスが変更されます。',
  'account.newEmailLabel': '新しいメールアドレス',
  'account.sendConfirmation': '確認リンクを送る',
  'account.checkMail': 'メールを確認してください',
  'account.checkMailSent': '{email}にメッセージを送りました。メール内のリンクを開いて完了してください。',
  'account.checkMailNothing': '数分たっても届かない場合は、迷惑メールフォルダを確認するか、もう一度登録して再送してください。',
  'account.forgotSent': '{email}のアカウントがあれば、そのアドレスにリンクを送りました。リンクは短時間、一度だけ使えます。',
  'account.forgotLede': 'アカウントのメールアドレスを入力すると、新しいパスワードを設定するリンクをお送りします。',
  'account.sendLink': 'リンクを送る',
  'account.remembered': '思い出しましたか？<link>ログイン</link>してください。',
  'account.chooseNewPassword': '新しいパスワードの設定',
  'account.chooseNewPasswordLede': '保存すると、このアカウントにログインしているすべての端末がログアウトされます。',
  'account.resetPasswordHint': '{min, number}文字以上。',
  'account.saveNewPassword': '新しいパスワードを保存',
  'account.addressChanged': 'アドレスを変更しました',
  'account.addressChangedTo': 'このアカウントのアドレスは{email}になりました。',
  'account.goToAccount': '<link>アカウントへ</link>。',
  'account.noMail': 'このサイトはメールを送らないため、メールで届くリンクはありません。アカウントについてはサイトの運営者に問い合わせてください。',
  'account.verifyTitle': 'アドレスの確認',
  'account.verifyText': 'あと一歩です。アドレスを確認すると、アカウントが完成してログインします。',
  'account.verifyButton': '確認してログイン',
  'account.confirmTitle': '新しいアドレスの確認',
  'account.confirmText': '確認すると、アカウントがこのアドレスに移ります。',
  'account.confirmButton': 'このアドレスを使う',
  // Mailed links that do not work (src/accounts/mailed-links.ts and the services that check them)
  'account.linkUnusable': 'このリンクは使えません',
  'account.linkUnknown': 'このリンクは当サイトが送ったものではないか、一部しかコピーされていません。{again}',
  'account.linkUsed': 'このリンクはすでに使われています。リンクは一度しか使えません。{again}',
  'account.linkExpired': 'このリンクは期限切れです。{again}',
  'account.linkAccountGone': 'このリンクの送り先のアカウントはもうありません。',
  'account.askAgainVerify': 'ログインして、アカウントページで新しいリンクを頼んでください。',
  'account.askAgainReset': 'ログインページの「パスワードをお忘れですか？」から新しいリンクを頼んでください。',
  'account.askAgainChange': 'アカウントページでもう一度変更を申し込んでください。',
  // What a form says is wrong (src/accounts/*.service.ts, password-rules.ts)
  'account.signInFailed': 'メールアドレスとパスワードが一致するアカウントがありません。',
  'account.noPasswordSso': 'このアカウントにはパスワードがありません。シングルサインオンでログインします。',
  'account.wrongPassword': '現在のパスワードが違います。',
  'account.emailTaken': 'そのメールアドレスのアカウントはすでにあります。',
  'account.displayNameProblem': '表示名は{min, number}〜{max, number}文字で入力してください。',
  'account.emailProblem': 'name@example.org のような形式でメールアドレスを入力してください。',
  'account.alreadyYourAddress': 'それはすでにあなたのアドレスです。',
  'account.addressTaken': 'そのアドレスには別のアカウントがあります',
  'account.passwordTooShort': '{min, number}文字以上にしてください。',
  'account.passwordTooLong': '{max, number}文字以内にしてください。',
  'account.passwordTooEasy':
    'このパスワードは推測されやすいです（{warning, select, straightRow {キーボードのキーを一列に並べたものです} keyPattern {キーボード上の短いパターンです} simpleRepeat {同じ文字の繰り返しです} extendedRepeat {数文字の繰り返しです} sequences {abcや123のような連続です} recentYears {最近の年です} dates {日付です} topTen {最もよく使われるパスワード上位10件のひとつです} topHundred {最もよく使われるパスワード上位100件のひとつです} common {よく使われるパスワードです} similarToCommon {よく使われるパスワードを少し変えただけです} userInputs {メールアドレスか名前を含んでいます} other {パスワード解析ですぐに見つかります}}）。関係のない単語をいくつか並べるか、もっと長く文字を組み合わせてください。',
  'account.lastAdmin':
    'あなたは唯一の管理者なので、このアカウントは削除できません。先に別のアカウントを管理者にしてから（epirank create-admin）、このアカウントを削除してください。',
  // Single sign-on (src/web/account/sso.pages.tsx, sso.routes.ts)
  'account.ssoSignIn': '{provider}でログイン',
  'account.ssoOnly': 'このサイトではパスワードでのログインと新規登録は無効です。全員が{provider}でログインします。初めてログインするとアカウントが作られます。',
  'account.ssoOr': '{provider}でアカウントを作りましたか？上のボタンを使ってください。またはメールアドレスとパスワードでログインします：',
  'account.sso': 'シングルサインオン',
  'account.ssoLinked': '連携済み：{provider}でログインできます。',
  'account.ssoLinkText': '{provider}のアカウントを連携すると、次回からそれでログインできます。',
  'account.ssoLinkButton': '{provider}と連携',
  'account.ssoErrorStatus': 'エラー {status}',
  'account.ssoToSignIn': 'ログインページへ',
  'account.toHome': 'ホームへ',
  'account.ssoNotSetUp': 'このサイトではシングルサインオンが設定されていません。',
  'account.ssoPasswordsOff': 'このサイトではパスワードでのログインと新規登録は無効です。{provider}でログインしてください。',
  // The fan's ratings (src/web/account/my-ratings.page.tsx)
  'account.sortNewest': '新しい順',
  'account.sortShow': '作品順',
  'account.sortRating': '自分の評価順',
  'account.sortDisagree': '平均との差が大きい順',
  'account.ratingsTitle': 'あなたの評価',
  'account.disagreeTitle': 'ファンの評価とのずれが大きいエピソード',
  'account.disagreeLede': 'あなたの評価を、ファンの平均から遠い順に並べています。',
  'account.ratingsLede': '評価したすべてのエピソードを、ファンの平均と並べて表示します。',
  'account.ratingsLedeAnonymous':
    'このブラウザーで評価したエピソードです。アカウントを作成するかログインすると、どの端末でも引き継げます。その際、アカウントに追加するか確認します。',
  'account.order': '並び順',
  'account.showFilter': '作品',
  'account.everyShow': 'すべての作品',
  'account.filter': '絞り込む',
  'account.noSuchPage': '{page, number}ページ目はありません。<link>{last, number}ページ目へ</link>。',
  'account.noneOfShow': '{show}のエピソードはまだ評価していません。',
  'account.noneOfThatShow': 'その作品のエピソードはまだ評価していません。',
  'account.noneYet': 'まだどのエピソードも評価していません。<link>作品を探して</link>、エピソードの横にある1〜10の数字を押してください。',
  'account.ratingsPages': '評価のページ',
  'account.takeThem': '評価を持ち出す',
  'account.downloads': 'すべての評価を<csv>CSV</csv>（列：show、season、episode、title、rating、rated_at）または<json>JSON</json>でダウンロードできます。',
  'account.importLine': 'ほかのサイトで評価していますか？IMDb、Trakt、TV Timeから<link>評価をインポート</link>できます。',
  'account.deleteAllLink': '自分の評価をすべて削除',
  'account.columnShow': '作品',
  'account.columnEpisode': 'エピソード',
  'account.columnYourRating': 'あなたの評価',
  'account.columnAverage': 'ファンの平均',
  'account.columnRated': '評価日',
  'account.changeYourRating': '評価を変更',
  'account.episodeCode': 'S{season}E{episode}',
  'account.held': '（確認待ち）',
  'account.changeRating': '<hidden>{show} {code}の評価を</hidden>変更',
  'account.removedRating': '{episode}の評価を取り消しました。',
  'account.savedRating': '保存しました：{episode}のあなたの評価は{rating, number}です。',
  'account.deleteRatingsTitle': 'すべての評価を削除',
  'account.deleteRatingsQuestion': 'すべての評価を削除しますか？',
  'account.noRatingsToDelete': '削除する評価はありません。<link>あなたの評価に戻る</link>',
  'account.deleteRatingsText':
    '{count, plural, other {#件}}の評価を完全に削除し、各エピソードの数値はそれを除いて集計し直されます。アカウントは残ります。先に<link>ダウンロード</link>しておくとよいでしょう。',
  'account.deleteRatingsButton': '{count, plural, other {#件}}の評価を削除',
  'account.keepThem': '削除しない',
  'account.deleteAccountQuestion': 'アカウントを削除しますか？',
  'account.deleteAccountText':
    'アカウント{email}と{count, plural, other {#件}}の評価を完全に削除し、すべての端末からログアウトします。各エピソードの数値はあなたの評価を除いて集計し直されます。先に<link>評価をダウンロード</link>しておくとよいでしょう。',
  'account.deleteAccountButton': 'アカウントを削除',
  'account.keepIt': '削除しない',
  'account.accountDeleted': 'アカウント削除済み',
  'account.accountDeletedHeading': 'アカウントを削除しました',
  'account.accountDeletedText': 'アカウントと{count, plural, other {#件}}の評価は削除され、ログインしていたすべての端末からログアウトしました。',
  'account.backToSite': 'Epirankに戻る',
  // Ratings from before signing in (src/web/account/join-ratings.page.tsx)
  'account.joinTitle': 'ログイン前の評価',
  'account.joinLede':
    'このブラウザーでは、ログアウト中に{count, plural, other {#話}}のエピソードが評価されました。自分でつけた評価の場合だけアカウントに追加してください。このブラウザーを使うほかの人や、クッキーを仕込んだサイトによるものかもしれません。',
  'account.joinPages': 'これらの評価のページ',
  'account.joinNewer': 'あなたとこのブラウザーの両方で評価したエピソードは、新しいほうの評価が残ります。',
  'account.joinButton': 'アカウントに追加',
  'account.leaveButton': '追加しない',
  'account.leaveHint': '追加しない場合、評価は匿名の評価としてこれまでどおり集計され、このブラウザーとの結びつきはなくなります。',
  // Bringing ratings from another site (src/web/account/ratings-import.page.tsx, ratings-import.routes.ts)
  'account.importTitle': '評価の取り込み',
  'account.importHeading': 'ほかのサイトから評価を取り込む',
  'account.importLede':
    'IMDb、Trakt、TV Timeからエクスポートした評価をアップロードしてください。保存する前に、どのエピソードに一致するかを確認できます。インポートはすべてまとめて行うか、まったく行わないかのどちらかです。',
  'account.importFile': '評価ファイル',
  'account.importFileHint':
    '{megabytes, number} MB、評価済みエピソード{rows, number}件までのCSVまたはJSONファイル。どのサイトのファイルかは内容から判断します。',
  'account.importPreviewButton': 'インポート内容を確認',
  'account.importWhichFiles': '対応するファイル',
  'account.importSourceName': '{source, select, imdb {IMDbの評価エクスポート} trakt {Traktのratings-episodes.json} other {TV Timeのデータエクスポート}}',
  'account.importScale':
    '{source, select, tvtime {1〜{stars, number}つ星、星1つが{points, number}点：{stars, number}つ星 → {max, number}、1つ星 → {points, number}} other {{min, number}〜{max, number}、Epirankと同じ尺度なのでそのまま}}',
  'account.importSourceLine': '<strong>{name}</strong>：評価は{scale}。',
  'account.importMatching':
    'ファイルにエピソードのIMDb、TheTVDB、TMDBのIDがあればそれで、なければ作品名とシーズン・エピソード番号で照合します。確認画面は{minutes, plural, other {#分}}間有効です。',
  'account.importCheckTitle': 'インポートの確認',
  'account.importCheckHeading': 'インポート前の確認',
  'account.importFileIs':
    '<name>{file}</name>は{source, select, imdb {IMDbの評価エクスポート} trakt {Traktのratings-episodes.json} other {TV Timeのデータエクスポート}}です。まだ何も保存されていません。',
  'account.importMatched': '<n>{count, number}</n>件の評価{count, plural, other {がこのサイトのエピソードに一致}}',
  'account.importConflicting': '<n>{count, number}</n>件{count, plural, other {がこのサイトでのあなたの評価と異なる}}',
  'account.importUnmatched': '<n>{count, number}</n>件は一致するエピソードなし',
  'account.importSkipped': '<n>{count, number}</n>件{count, plural, other {はエピソードの評価ではない行（映画、作品全体）のため除外}}',
  'account.importScaleLine': '評価：{scale}。',
  'account.importConflicts': 'すでに違う評価をつけているエピソード',
  'account.importKeepMine': 'このサイトでの評価を残す',
  'account.importTakeFile': 'ファイルの評価を使う',
  'account.importAllOrNone': 'すべてまとめて保存され、問題があれば何も保存されません。ここでつけた評価と同じように集計されます。',
  'account.importButton': '{count, plural, other {#件}}の評価をインポート',
  'account.importNothing': 'このファイルにはインポートできるものがありません。',
  'account.importAnother': '別のファイルを選ぶ',
  'account.importDiffer': 'あなたの評価と異なる',
  'account.importMatch': 'エピソードに一致',
  'account.importNoEpisode': '一致するエピソードなし',
  'account.importCaption': '{caption}（{total, number}件）',
  'account.importCaptionCapped': '{caption}（{total, number}件中、最初の{shown, number}件）',
  'account.importInFile': 'ファイルの内容',
  'account.importFileRating': 'ファイルの評価',
  'account.importWhy': '理由',
  'account.importEpisodeHere': 'このサイトのエピソード',
  'account.importYourRating': 'このサイトでのあなたの評価',
  'account.importEpisode': '{show} {code}',
  'account.importEpisodeTitled': '{show} {code}「{title}」',
  'account.importResend': 'ファイルを選び直して、もう一度送信してください。',
  'account.importNotMultipart': '評価ファイルはmultipart/form-dataで送ってください。{again}',
  'account.importNotText': '{file}にはNUL文字が含まれています。テキストファイルではありません。',
  'account.importTheFile': 'ファイル',
  'account.importNoFile': 'アップロードする評価ファイルを選んでください。{again}',
  'account.importTooManyFiles': 'このフォームで送れる評価ファイルは1つだけですが、複数含まれています。{again}',
  'account.importIncomplete': 'アップロードが完全なマルチパートフォームではありません（{reason}）。{again}',
  'account.importNoPreview': 'インポートする確認内容がありません。/account/ratings/import でファイルを選び直してください。',
  // Personal API tokens (src/web/account/api-tokens.page.tsx, api-tokens.routes.ts, src/accounts/api-tokens.service.ts)
  'account.tokens': 'APIトークン',
  'account.tokensLede':
    '個人用トークンを使うと、あなたのスクリプトが<link>JSON API</link>を通じて、あなたとして評価を読み書きできます。<code>Authorization: Bearer …</code>として送ってください。パスワードと同じように扱い、スクリプトで使わなくなったらここで無効にしてください。',
  'account.tokenCreated': '新しいトークン「{name}」',
  'account.tokenCopy':
    '<strong>今すぐコピーしてください。</strong>表示されるのはこの一度だけです。Epirankが保存するのは指紋だけで、もう一度表示することはできません。',
  'account.tokenRevoked': 'トークンを無効にしました。今後、このトークンを送るリクエストは拒否されます。',
  'account.yourTokens': 'あなたのトークン',
  'account.noTokens': 'APIトークンはありません。',
  'account.yourApiTokens': 'あなたのAPIトークン',
  'account.tokenName': '名前',
  'account.tokenCreatedAt': '作成日時',
  'account.tokenLastUsed': '最終使用',
  'account.tokenNever': '未使用',
  'account.revoke': '無効にする',
  'account.revokeToken': '{name}を無効にする',
  'account.createToken': 'トークンの作成',
  'account.tokensFull': 'トークンは{max, number}個あり、これが上限です。使っていないものを無効にすると新しく作れます。',
  'account.tokenNameHint': '何に使うかを書いておくと、あとで無効にするときに見分けられます（{min, number}〜{max, number}文字）。',
  'account.createTokenButton': 'トークンを作成',
  'account.backToAccount': 'アカウントに戻る',
  'account.tooManyTokens': 'トークンは1アカウントにつき{max, number}個までです。先に使っていないものを無効にしてください。',
  'account.tokenNameProblem': 'トークンの名前は{min, number}〜{max, number}文字にしてください。',
  'account.noSuchToken': 'その番号のAPIトークンはありません。すでに無効になっているかもしれません。',

  // ——— mail ———
  // (keys mail.*)
  // Every mail the site sends (src/mail/messages.ts); {site} is the site's host
  'mail.lifetimeHours': '{count, plural, other {#時間}}',
  'mail.lifetimeMinutes': '{count, plural, other {#分}}',
  'mail.verifySubject': '{site}のメールアドレスの確認',
  'mail.verifyIntro': 'どなたか（おそらくあなた）が、このメールアドレスで{site}のアカウントを作成しました。',
  'mail.verifyLink': 'アドレスを確認してログイン',
  'mail.verifyOutro':
    'リンクは{lifetime}以内に一度だけ使えます。心当たりがない場合は、このメールを無視してください。リンクを使わない限り、使えるものは何も作られていません。',
  'mail.attemptSubject': '{site}でアカウントの作成が試みられました',
  'mail.attemptIntro':
    'どなたか（あなたかもしれません）が、このメールアドレスで{site}のアカウントを作成しようとしましたが、このアドレスにはすでにアカウントがあります。新しいアカウントは作られていません。',
  'mail.attemptSignIn': 'アカウントにログイン',
  'mail.attemptReset': 'パスワードをお忘れですか？新しいパスワードを設定',
  'mail.notYou': '心当たりがない場合は、このメールを無視してください。',
  'mail.resetSubject': '{site}のパスワードの再設定',
  'mail.resetIntro': 'どなたか（おそらくあなた）が、{site}のアカウントのパスワード再設定を申し込みました。',
  'mail.resetLink': '新しいパスワードを設定',
  'mail.resetOutro': 'リンクは{lifetime}以内に一度だけ使えます。心当たりがない場合は、このメールを無視してください。パスワードは変わりません。',
  'mail.passwordChangedSubject': '{site}のパスワードが変更されました',
  'mail.passwordChangedIntro': '{site}のアカウントのパスワードが変更され、ほかの端末はログアウトされました。',
  'mail.passwordChangedWarning': '心当たりがない場合、ほかの誰かがパスワードを知っているか、メールを読める状態です。すぐに新しいパスワードを設定してください。',
  'mail.resetYourPassword': 'パスワードを再設定',
  'mail.confirmSubject': '{site}の新しいメールアドレスの確認',
  'mail.confirmIntro': 'どなたか（おそらくあなた）が、{site}のアカウントをこのメールアドレスに移すよう申し込みました。',
  'mail.confirmLink': '新しいアドレスを確認',
  'mail.confirmOutro': 'リンクは{lifetime}以内に一度だけ使えます。心当たりがない場合は、このメールを無視してください。リンクを使わない限り、何も変わりません。',
  'mail.takenSubject': '{site}のアカウントをこのアドレスに移せませんでした',
  'mail.takenIntro':
    'どなたかが{site}のアカウントをこのメールアドレスに移すよう申し込みましたが、このアドレスにはすでに別のアカウントがあるため、何も変わっていません。',
  'mail.takenSignIn': 'このアドレスのアカウントにログイン',
  'mail.takenReset': 'そのパスワードをお忘れですか？新しいパスワードを設定',
  'mail.changeRequestedSubject': '{site}のメールアドレス変更が申し込まれました',
  'mail.changeRequestedIntro':
    '{site}のあなたのアカウントにログインしている人が、アカウントを{email}に移すよう申し込みました。そのアドレスに送ったリンクが開かれたときにだけ移ります。',
  'mail.changeRequestedWarning': '心当たりがない場合、ほかの誰かがパスワードを知っています。ログインしてすぐに変更してください。',
  'mail.addressChangedSubject': '{site}のメールアドレスが変更されました',
  'mail.addressChangedIntro': '{site}のあなたのアカウントは{email}を使うようになりました。今後、アカウントに関するメールはそちらに届きます。',
  'mail.addressChangedWarning':
    '心当たりがない場合は、サイトの運営者に問い合わせるか、新しいアドレスのメールを読めるならそこからパスワードを再設定してください。',

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
} satisfies Messages;
