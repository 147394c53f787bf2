/**
 * 日本語 — the Japanese interface. Written for Epirank, not word for word from English: keep it
 * natural. Same keys and placeholders as src/i18n/messages/en.ts (test/i18n/catalogue.test.ts checks).
 *
 * Sentences in です/ます, headings and buttons as short noun phrases, full-width punctuation.
 * The words the interface uses throughout: 作品 (show), シーズン2 (season), 第3話 / エピソード
 * (episode), 40票 (votes), 評価 / 評価する (a fan's rating), ファンスコア (fan score), 平均
 * (average), 順位 / ランキング (rank, ranking), 票数が少ない (few votes), ネタバレ防止 (spoiler
 * horizon), 放送日 (air date), ログイン / 新規登録 (sign in, sign up), 管理 (admin).
 */
import type { Messages } from './en.js';

export const ja = {
  // ——— common ———
  // (keys common.*)
  'common.votes': '{count, plural, other {#票}}',

  // ——— layout ———
  // (keys layout.*)
  'layout.skip': '本文へ移動',
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
  // Show, season and episode pages (src/web/site/pages, src/web/ui/components)
  'ranking.home': 'ホーム',
  'ranking.breadcrumbLabel': 'パンくずリスト',
  'ranking.seasonNumber': 'シーズン{season}',
  'ranking.episodeNumber': '第{episode}話',
  'ranking.episodeCode': 'S{season}E{episode}',
  'ranking.episodePlace': 'S{season} E{episode}',
  'ranking.seasonSubject': '{show} シーズン{season}',
  'ranking.showPageTitle': '{show}：全エピソードランキング{page, plural, =1 {} other {（#ページ目）}}',
  'ranking.showRankingHeading': '{show} 全エピソードランキング',
  'ranking.seasonsHeading': 'シーズン',
  'ranking.noSeasons': 'シーズンはまだありません。',
  'ranking.columnSeason': 'シーズン',
  'ranking.columnEpisodes': 'エピソード数',
  'ranking.columnRated': '評価済み',
  'ranking.columnVotes': '投票数',
  'ranking.columnAverage': '平均',
  'ranking.seasonHidden': '非表示',
  'ranking.allSeasons': '全シーズン',
  'ranking.seasonHeading': '{show} シーズン{season} ベストエピソード{page, plural, =1 {} other {（#ページ目）}}',
  'ranking.seasonDescription': '{show} シーズン{season}の全エピソードを、ファンの投票でランク付けしています。{synopsis}',
  'ranking.seasonLede': '{show} シーズン{season}の評価済みエピソードを、ファンの投票で高い順に並べています。',
  'ranking.seasonAverageHidden': 'シーズン平均は非表示',
  'ranking.noVotesYet': 'まだ投票がありません',
  'ranking.seasonAverage': 'シーズン平均 <mean>{average}</mean>（<votes>{count, plural, other {#票}}</votes>）',
  'ranking.seasonRanked': 'シーズン{season}のランキング',
  'ranking.previousEpisode': '前の話：{episode}',
  'ranking.nextEpisode': '次の話：{episode}',
  'ranking.placeAndTitle': '{place} · {title}',
  'ranking.neighboursLabel': '前後のエピソード',
  'ranking.episodePageTitle': '{title}（{show} {place}）',
  'ranking.episodeDescription': '{show}のエピソード「{title}」へのファンの評価。',
  'ranking.rankInSeason': 'シーズン{season}での順位',
  'ranking.rankInShow': '{show}での順位',
  'ranking.rankOf': '{of}話中{rank}位',
  'ranking.notYetRated': '未評価',
  'ranking.heldForReview': '{count, plural, other {このエピソードへの#件の評価は確認待ちで、まだ集計されていません。}}',
  'ranking.maskedEpisodePlace': 'シーズン{season} 第{episode}話',
  'ranking.maskedEpisodeTitle': '{show}：{place}',
  'ranking.maskedEpisodeDescription': '{show} {place}。ネタバレを避けるため非表示にしています。',
  'ranking.asOfDay': '{day}時点のランキングです。',
  'ranking.asOfNotCounted': 'それ以降の投票はここでは集計されていません。',
  'ranking.asOfLive': '現在のランキングを見る',
  'ranking.episodeMeta': 'シーズン{season} · 第{episode}話',
  'ranking.episodeMetaAired': 'シーズン{season} · 第{episode}話 · <time>{date}</time>放送',
  'ranking.directors': '{count, plural, other {監督：{names}}}',
  'ranking.nameSeparator': '、',
  'ranking.watchNow': '今すぐ見る：',
  'ranking.averageRating': '平均評価',
  'ranking.fanScoreValue': 'ファンスコア <value>{score}</value>',
  'ranking.fewVotes': '票数が少ない',
  'ranking.fewVotesTitle': '{count, plural, other {#票未満}}：作品全体の平均がまだ大きく影響しています',
  'ranking.rank': '順位',
  'ranking.filterAny': 'すべて',
  'ranking.filterCut': '一覧には最初の{count, number}件の{things}だけを表示しています。ほかの値も入力できます。',
  'ranking.flaggedScore': '平均 {score}。フラグ期間（{start}〜{end}、{count, plural, other {#票}}）を除くと <kept>{without}</kept>',
  'ranking.flaggedScoreWindowStated': '平均 {score}。フラグ期間を除くと <kept>{without}</kept>',
  'ranking.flaggedNone': 'なし',
  'ranking.flaggedNoVotesLeft': '残る票なし',
  'ranking.histogramHeading': 'ファンの評価分布',
  'ranking.histogramEmpty': 'Epirankではまだ評価がありません。',
  'ranking.histogramCaption': 'Epirankで投じられた<shown>{count, plural, other {#票}}</shown>の評価',
  'ranking.histogramCaptionOutOf': 'Epirankで投じられた<shown>{count, plural, other {#票}}</shown>の評価（全<all>{total, number}</all>票中）',
  'ranking.histogramRating': '評価',
  'ranking.histogramShare': '割合',
  'ranking.histogramBaseline': '平均には、他サイトから取り込んだ{count, plural, other {#票}}も含まれます（個々の評価は不明です）。',
  'ranking.movementNew': '新',
  'ranking.movementNewSince': '{day}以降に新しくランクイン',
  'ranking.movementUp': '{places, plural, other {{day}から#位上昇}}',
  'ranking.movementDown': '{places, plural, other {{day}から#位下降}}',
  'ranking.pagerPastEnd': '{page}ページ目はありません。{count}は{pages, plural, other {#ページ}}に収まっています。',
  'ranking.pagerGoTo': '{page}ページ目へ',
  'ranking.pagerPosition': '{page}/{pages}ページ（{count}）',
  'ranking.pagerFirst': '最初',
  'ranking.pagerPrevious': '前へ',
  'ranking.pagerNext': '次へ',
  'ranking.pagerLast': '最後',
  'ranking.pagerNewest': '最新',
  'ranking.pagerNewer': '新しい順へ',
  'ranking.pagerOlder': '古い順へ',
  'ranking.pagerPreviousPage': '前のページ',
  'ranking.pagerNextPage': '次のページ',
  'ranking.pagerPage': '{page}ページ目',
  'ranking.pagerPageOf': '{page}/{pages}ページ',
  'ranking.pagerRange': '全{total, number}話中 {first, number}〜{last, number}話',
  'ranking.pagesLabel': 'ランキングのページ',
  'ranking.proofOfWorkStatus': '自動登録や自動投票を防ぐため、送信前にブラウザで短い計算を行います。',
  'ranking.proofOfWorkNoScript':
    'この手順にはJavaScriptが必要です。このサイトでJavaScriptを有効にするか、対応ブラウザを使って、ページを再読み込みしてください。',
  'ranking.rankHistoryHeading': '順位の推移',
  'ranking.rankHistoryTitle': 'シーズン{season}での順位の推移',
  'ranking.rankHistoryDescription': '{first}から{last}までの{days, plural, other {#日間}}のシーズン{season}での順位。最高{best}位、最新{latest}。',
  'ranking.rankHistoryUnrated': '未評価',
  'ranking.rankHistoryNumbers': '数値を見る',
  'ranking.rankHistoryCaption': 'シーズン{season}での日ごとの順位（1が最上位）',
  'ranking.rankHistoryDay': '日付',
  'ranking.rankHistoryNotRated': '未評価',
  'ranking.sortFanScore': 'ファンスコア',
  'ranking.sortAverage': '平均',
  'ranking.sortVotes': '投票数順',
  'ranking.sortLabel': 'エピソードの並べ替え',
  'ranking.sortBy': '並べ替え：',
  'ranking.howRanked': '順位の決め方',
  'ranking.noEpisodeVotes': '投票のあるエピソードはまだありません。',
  'ranking.aboutShow': '作品について',
  'ranking.lastUpdated': '最終更新',
  'ranking.network': '放送局',
  'ranking.status': '状況',
  'ranking.statusValue': '{status, select, Running {放送中} Ended {放送終了} other {{status}}}',
  'ranking.horizonFormLabel': 'ネタバレ防止：最後に見たエピソード',
  'ranking.horizonSubmit': 'これ以降のネタバレを隠す',
  'ranking.watchedUpTo': '視聴済み',
  'ranking.chooseEpisode': 'エピソードを選択',
  'ranking.watchedUpToSeason': '視聴済みのシーズン',
  'ranking.horizonSeasonOption': 'シーズン{season}（{count, plural, other {全#話}}）',
  'ranking.horizonEpisode': '話数',
  'ranking.spoilersHiddenAfter': '{place}以降のネタバレを非表示中',
  'ranking.showEverything': 'すべて表示',
  'ranking.maskedPlaceInList': '{show} シーズン{season} 第{episode}話',
  'ranking.spoilerSettings': 'ネタバレ防止の設定',
  'ranking.maskedText': '非表示：{place}以降',
  'ranking.horizonNoSeason': '{show}にシーズン{season}はありません。作品にあるエピソードを選んでください。',
  'ranking.horizonNoEpisode':
    '{show} シーズン{season}は{count, plural, other {全#話}}なので、第{episode}話はありません。作品にあるエピソードを選んでください。',
  'ranking.uptoInvalid': '「upto」には最後に見たエピソードを2x5やS2E5（シーズン2、第5話）の形で指定します。「{upto}」はどちらでもありません。',
  'ranking.uptoNotRepeatable': 'このアドレスはネタバレ防止の設定と組み合わせて開けません。サイト内のリンクからページを開いてください。',
  'ranking.horizonChooseFromList': '最後に見たエピソードを一覧から選ぶか、すべて表示を選んでください。',
  'ranking.horizonGiveNumbers': '視聴済みのシーズンと話数を入力するか、すべて表示を選んでください。',
  'ranking.rate': '評価する',
  'ranking.rateTitle': '「{title}」を評価する',
  'ranking.yourRatingIs': 'あなたの評価：{rating}',
  'ranking.changeRating': 'あなたの評価：{rating}。「{title}」の評価を変更する',
  'ranking.chooseRating': '{min}から{max}までの評価を選んでください。',
  'ranking.youRatedIt': '{rating}と評価しました。',
  'ranking.youRatedItHeld': '{rating}と評価しました。{held}',
  'ranking.heldRating':
    'あなたの評価は保存されました。最近このエピソードにあなたのネットワークから複数の評価があったため、モデレーターが確認してから集計されます。',
  'ranking.yourRatingLegend': 'あなたの評価<hidden>（{title}）</hidden>',
  'ranking.removeRating': '評価を取り消す',
  'ranking.shareLabel': 'このページを共有',
  'ranking.share': '共有：',
  'ranking.copyLink': 'リンクをコピー',
  'ranking.email': 'メール',
  'ranking.showsPastEnd': '作品一覧は{pages, plural, other {#ページ}}です。{page}ページ目はありません。',

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
} satisfies Messages;
