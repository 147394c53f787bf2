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
  'charts.episodeCode': 'S{season}E{episode}',
  'charts.seasonCode': 'S{season}',
  'charts.heatmapHeading': '評価ヒートマップ',
  'charts.heatmapMeasureNav': 'ヒートマップの指標',
  'charts.measureScore': 'ファンスコア',
  'charts.measureAverage': '平均',
  'charts.heatmapColoursNav': 'ヒートマップの配色',
  'charts.heatmapColours': '配色：',
  'charts.scaleRelative': 'この作品の範囲',
  'charts.scaleAbsolute': '全体（{low, number}〜{high, number}）',
  'charts.noEpisodes': 'エピソードはまだありません。',
  'charts.heatmapCaption': '全エピソードの{measure, select, average {平均} other {ファンスコア}}：行がシーズン、列が話数です。',
  'charts.seasonColumn': 'シーズン',
  'charts.cellName': '{titled, select, true {{code} {title}} other {{code}}}：{rated, select, true {{score}} other {未評価}}',
  'charts.legendIntro': '{measure, select, average {平均} other {ファンスコア}}の色分け：',
  'charts.legendIntroRelative': '{measure, select, average {平均} other {ファンスコア}}の色分け（この作品の範囲に合わせています。最低{low}、最高{high}）：',
  'charts.legendUnrated': '{mark} 未評価',
  'charts.stepUnder': '{value}未満',
  'charts.stepRange': '{from}〜{to}',
  'charts.stepAndOver': '{value}以上',
  'charts.trendHeading': 'エピソードごとの推移',
  'charts.trendTitle': '{subject}の各エピソードのファンスコア（放送順）',
  'charts.trendNoVotes': '{total, plural, other {全#話とも、まだ投票がありません。}}',
  'charts.trendDescription':
    '全{total, number}話中{rated, number}話に評価があり、スコアは{low}から{high}までです。シーズンごとに推移線を引いています。同じ数値はグラフの下のリンク先の表にあります。',
  'charts.trendMasked': '{after}より後のエピソードは隠しています。',
  'charts.trendXAxis': 'エピソード（シーズン別・放送順）',
  'charts.trendYAxis': 'ファンスコア',
  'charts.trendTableCaption': '各エピソードのファンスコアと、そのエピソード時点でのシーズンの推移線の値',
  'charts.trendEpisode': 'エピソード',
  'charts.trendTitleColumn': 'タイトル',
  'charts.trendScoreColumn': 'ファンスコア',
  'charts.trendColumn': '推移',
  'charts.trendTableLink': 'グラフの数値を表で見る',

  // ——— embeds ———
  // (keys embeds.*)
  'embeds.viewOnSite': 'Epirankで見る',
  'embeds.heatmapTitle': '{show}：評価ヒートマップ',
  'embeds.seasonTitle': '{show} シーズン{season}のランキング',
  'embeds.seasonHeading': '{show} シーズン{season}：ファンによるランキング',
  'embeds.noVotes': 'まだ投票はありません。',
  'embeds.seasonSummary': 'シーズン平均は{average}（{votes, plural, other {#票}}）です。',
  'embeds.rankColumn': '順位',
  'embeds.episodeColumn': 'エピソード',
  'embeds.scoreColumn': 'ファンスコア',
  'embeds.votesColumn': '票数',
  'embeds.more': '{count, plural, other {評価済みのエピソードがほかに#話あります}}',
  'embeds.shareAltShow': '{show}：ファンスコアによるベストエピソードと、全エピソードのスコアのヒートマップ。',
  'embeds.shareAltSeason': '{show} シーズン{season}：ファンスコアによるベストエピソードと、全エピソードのスコアのヒートマップ。',
  'embeds.shareShowSubtitle': '全エピソードをファンがランキング',
  'embeds.shareSeasonSubtitle': 'シーズン{season}をファンがランキング',
  'embeds.shareBest': 'ベストエピソード',
  'embeds.shareEvery': '全エピソード',
  'embeds.shareFooter': 'ファンが全話を評価し、シーズンごとにランキング。',
  'embeds.feedTitle': '{show}：エピソード順位の変化',
  'embeds.feedEntryTitle': '{show}：{day}の順位',
  'embeds.feedEpisode': '{code}「{title}」',
  'embeds.feedNewlyRatedItem': '{episode}が{rank}位',
  'embeds.feedMoveItem': '{episode}が{from}位から{to}位に{direction, select, up {上昇} other {下降}}',
  'embeds.feedItemSeparator': '、',
  'embeds.feedNewlyRated': '初めて評価されたエピソード：{items}{more, plural, =0 {} other {ほか#話}}。',
  'embeds.feedMoved': '順位の変動：{items}{more, plural, =0 {} other {ほか#話}}。',
  'embeds.episodeNumber': '第{number, number}話',

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
