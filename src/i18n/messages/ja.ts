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

  // ——— mail ———
  // (keys mail.*)

  // ——— admin ———
  // (keys admin.*)

  // ——— errors ———
  // (keys errors.*)
  'errors.notFoundTitle': '見つかりません',
  'errors.invalidRequestTitle': '不正なリクエスト',
  'errors.unauthorizedTitle': '認証が必要です',
  'errors.forbiddenTitle': 'アクセスできません',
  'errors.tooManyRequestsTitle': 'リクエストが多すぎます',
  'errors.serviceUnavailableTitle': 'サービスを利用できません',
  'errors.methodNotAllowedTitle': '許可されていない操作',
  'errors.requestTooLargeTitle': 'リクエストが大きすぎます',
  'errors.unsupportedMediaTypeTitle': '対応していない形式',
  'errors.internalErrorTitle': '内部エラー',
  'errors.internalErrorDetail': 'サーバー側で問題が発生しました。記録済みですので、もう一度お試しください。',
  'errors.noPageHere': 'このアドレスにはページがありません。',
  'errors.heading400': 'リクエストを処理できませんでした',
  'errors.heading403': 'この操作はできません',
  'errors.heading404': 'ページが見つかりません',
  'errors.heading405': 'この操作はここでは許可されていません',
  'errors.heading413': 'リクエストが大きすぎます',
  'errors.heading429': 'リクエストが多すぎます',
  'errors.heading500': 'サーバー側で問題が発生しました',
  'errors.heading503': 'Epirankは一時的に利用できません',
  'errors.status': 'エラー {status}',
  'errors.homeLink': 'トップページへ戻る',
  'errors.ratingRule': '評価は{min, number}から{max, number}までの整数で指定してください。',
  'errors.unknownSort': '並び順「{given}」は不明です。score、average、votesのいずれかを指定してください。',
  'errors.mustBeOneOf': '「{field}」は次のいずれかにしてください：{allowed}。',
  'errors.mustBeType':
    '「{field}」は{type, select, integer {整数} number {数値} string {文字列} boolean {真偽値} object {オブジェクト} array {配列} null {null} other {{type}}}で指定してください。',
  'errors.mustCompare': '「{field}」は{limit}{comparison, select, atMost {以下} atLeast {以上} below {未満} above {より大きい値} other {}}にしてください。',
  'errors.tooLong': '「{field}」は{limit}文字以内にしてください。',
  'errors.tooShort': '「{field}」は{limit}文字以上にしてください。',
  'errors.mustMatchPattern': '「{field}」は形式「{pattern}」に一致する必要があります。',
  'errors.mustMatchFormat': '「{field}」は形式「{format}」に一致する必要があります。',
  'errors.missingProperty': '「{field}」には必須項目「{property}」が必要です。',
  'errors.additionalProperties': '「{field}」に不明な項目があります。',
  'errors.fieldProblem': '「{field}」：{problem}。',
  'errors.fieldInvalid': '「{field}」の値が正しくありません。',
  'errors.databaseUnavailable': 'データベースに一時的に接続できないため、リクエストは処理されませんでした。数秒後にもう一度お試しください。',
  'errors.roleRequiredDetail':
    'Epirankのこの部分は{needed, select, admin {管理者} other {編集者と管理者}}専用です。現在{have, select, admin {管理者} editor {編集者} other {ファン}}としてログインしています。',
  'errors.roleRequiredHeading': 'これを{acting, select, true {行う} other {見る}}には{needed, select, admin {管理者} other {編集者}}の権限が必要です',
  'errors.noShow': '「{slug}」という作品はありません。',
  'errors.noSeason': '{show}にシーズン{season}はありません。',
  'errors.noEpisodeInSeason': '{show}のシーズン{season}に第{episode}話はありません。',
  'errors.episodeGone': 'そのエピソードはもう存在しません。',
  'errors.noRankingPage': 'このランキングは{pageCount, plural, other {#ページ}}までです。{page}ページ目はありません。',
  'errors.topListsEnd': 'リストは{last}ページまでです。',
  'errors.noListPage': 'このリストに{page}ページ目はありません。',
  'errors.asOfFormat': 'as_ofはYYYY-MM-DD形式の日付で指定してください（指定値：「{asOf}」）。',
  'errors.asOfFuture': '{asOf}は未来の日付です。その日のランキングはまだありません。',
  'errors.noSnapshot': '{asOf}以前に記録されたランキングはありません。',
  'errors.noEpisodeToVote': '「{show}」のシーズン{season}に第{episode}話はありません。',
  'errors.accountsOnlyVoting': 'このサイトで投票できるのはログインしたファンだけです。{signIn}でログインまたは新規登録してください。',
  'errors.votesBlocked': 'この投票者またはネットワークからの投票は受け付けていません。誤りだと思われる場合はサイトのモデレーターにご連絡ください。',
  'errors.votingTooFast': '投票のペースがEpirankの上限を超えています。{seconds, plural, other {#秒}}後にもう一度お試しください。',
  'errors.foreignForm': 'このフォームはEpirankのページからのみ送信できます。ページを再読み込みしてもう一度お試しください。',
  'errors.crossOriginVote': '他のサイトからのリクエストでは投票を変更できません。',
  'errors.badApiToken': 'このAPIトークンは無効です（形式が不正、不明、または取り消し済み）。{tokens}で新しく作成してください。',
  'errors.apiTokenNeeded': '個人用APIトークンが必要です。`{header}`を送信してください（{tokens}で作成できます）。',
  'errors.tooManySignIns': 'お使いのネットワークからのログイン失敗が多すぎます。',
  'errors.tooManySignUps': 'お使いのネットワークから短時間に作成されたアカウントが多すぎます。',
  'errors.tooManyPasswordChanges': 'パスワードの変更が多すぎます。',
  'errors.tooManyMailedLinks': 'メールで送るリンクの依頼が多すぎます。',
  'errors.tryAgainIn': '{reason}{seconds, plural, other {#秒}}後にもう一度お試しください。',
  'errors.linkUnusableTitle': 'このリンクは使えません',
  'errors.linkUnknown': 'このリンクは当サイトが送ったものではないか、途中までしかコピーされていません。{again}',
  'errors.linkUsed': 'このリンクは使用済みです。リンクは一度しか使えません。{again}',
  'errors.linkExpired': 'このリンクは有効期限が切れています。{again}',
  'errors.linkAccountGone': 'このリンクの送り先のアカウントはもう存在しません。',
  'errors.askAgainReset': 'ログインページ（「パスワードをお忘れですか？」）から新しいリンクを依頼してください。',
  'errors.askAgainEmailChange': 'アカウントページからもう一度変更を依頼してください。',
  'errors.askAgainVerify': 'ログインして、アカウントページから新しいリンクを依頼してください。',
  'errors.addressTakenTitle': 'そのアドレスは別のアカウントで使われています',
  'errors.addressTaken': 'このリンクを送った後に{address}が別のアカウントで使われたため、メールアドレスは変更されていません。',
  'errors.wrongCurrentPassword': '現在のパスワードが正しくありません。',
  'errors.alreadyYourAddress': 'それはすでにあなたのメールアドレスです。',
  'errors.chooseDismissOrResolve': '「却下」か「解決」を選んでください。',
  'errors.flagClosed': 'その報告はすでに閉じられています。',
  'errors.chooseRemoveOrHold': '評価を削除するか保留するかを選んでください。',
  'errors.chooseReleaseOrDiscard': '保留中の評価を公開するか破棄するかを選んでください。',
  'errors.selectionTooLarge':
    'この選択は{limit, number}件を超える評価を含みます。範囲を絞って（エピソードを1つにする、期間を短くするなど）分けて操作してください。',
  'errors.eraseOwnAccount': 'これはあなた自身のアカウントです。アカウントページから削除してください。',

  // ——— titles ———
  // (keys titles.*)

  // ——— watch ———
  // (keys watch.*)

  // ——— client ———
  // (keys client.*)
  'client.linkCopied': 'リンクをコピーしました',
  'client.copyFailed': 'コピーできませんでした。アドレスバーからコピーしてください',
  'client.powCannotSolve': 'この手順には安全な（HTTPS）接続と最新のブラウザが必要ですが、このページでは利用できません。',
  'client.powWorking': 'スパム対策の短い計算をしています…',
  'client.powProgress': 'スパム対策の短い計算をしています…（{tries, plural, other {#回}}試行）',
  'client.powNoAnswer': 'スパム対策の計算で答えが見つかりませんでした。ページを再読み込みしてください。',
  'client.powDone': 'スパム対策の計算が終わりました。フォームを送信できます。',
  'client.powFinishing': 'スパム対策の計算を仕上げています。終わりしだいフォームを送信します…',
  'client.votes': '{count, plural, other {#票}}',
  'client.rate': '評価する',
  'client.rateLabel': '{title}を評価する',
  'client.yourRating': 'あなたの評価：{rating}',
  'client.changeRatingLabel': 'あなたの評価：{rating}。{title}の評価を変更する',
  'client.ratingRemoved': '評価を取り消しました。',
  'client.saved': '保存しました：{rating}と評価しました。',
  'client.savedHeld': '保存しました：{rating}と評価しました。{message}',
  'client.youRated': 'あなたは{rating}と評価しました。',
  'client.heldMarker': '（確認待ち）',
  'client.fewVotes': '票数が少ない',
  'client.rankOf': '{of}件中{rank}位',
  'client.notYetRated': '未評価',
  'client.saving': '保存中…',
  'client.calculating': '{detail}計算中…',
  'client.voteNotSaved': '投票を保存できませんでした。もう一度お試しください。',
  'client.voteNotSent': '投票を送信できませんでした。接続を確認して、もう一度お試しください。',
  'client.legendOf': '（エピソード「{title}」）',
  'client.suggestions': '候補',
  'client.suggestionEpisode': '{title}（{show} S{season}E{episode}）',
  'client.noSuggestions': '候補はありません。',
  'client.suggestionCount': '{count, plural, other {#件の候補があります。}}',
} satisfies Messages;
