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
  'site.episodes': '{count, plural, other {#話}}',
  'site.shows': '{count, plural, other {#作品}}',
  'site.showStatus': '{status, select, Running {放送中} Ended {放送終了} other {{status}}}',
  'site.episodeFallback': '第{number}話',
  'site.pageSuffix': '{title}（{page}ページ目）',
  'site.pageOfSuffix': '{title}（{page}／{count}ページ）',
  'site.noShowsYet': 'まだ作品がありません。',
  'site.filter': '絞り込む',
  'site.filterNetwork': '放送局',
  'site.filterAny': 'すべて',
  'site.filterCut': '候補は最初の{count}件の{kind, select, network {放送局} status {ステータス} other {年}}だけです。ほかは直接入力してください。',
  'site.homeTitle': 'ファンが選ぶ、テレビのベストエピソード',
  'site.homeDescription': 'ファンが全エピソードを{min}〜{max}で評価し、Epirankが各シーズンを良い順にランキングします。',
  'site.homeLede': '作品の全エピソードを、実際に観た人たちの評価で良い順に並べます。',
  'site.homeRate': '観たエピソードを評価する',
  'site.homeYourRatings': 'あなたの評価',
  'site.homeSignUp': '新規登録',
  'site.homeMostRated': '評価の多い作品',
  'site.homeRecent': '最近評価された作品',
  'site.homeBrowseAll': '全{count, plural, other {#作品}}を見る',
  'site.homeSettingUp': 'このサイトの運営者ですか？自分のカタログは<link>インポートページ</link>か{command}でインポートできます（形式：{doc}）。',
  'site.homeEmptyHelp': 'このサイトの運営者ですか？デモ作品は{demo}で読み込めます。自分のカタログは{command}でインポートできます（形式の説明：{doc}）。',
  'site.homeHowHeading': '観たエピソードを評価しよう',
  'site.homeHowText':
    '作品を開いてシーズンを選び、好きなエピソードを{min}〜{max}で評価してください。アカウントは不要です。ランキングは投票のたびに変わります。',
  'site.homeHowAccount': '<signUp>アカウントを作成</signUp>すると、どの端末でも評価を残せます。すでにお持ちなら<signIn>ログイン</signIn>してください。',
  'site.homeNoVotes': 'まだ投票がありません。',
  'site.homeBestEpisode': 'ベストエピソード：{title}',
  'site.homeBestNumbers': '（シーズン{season}、平均{average}、{count, plural, other {#票}}）',
  'site.featuredEyebrow': '最も評価の多い作品',
  'site.featuredBest': 'ファンスコア上位のエピソード',
  'site.featuredNoVotes': 'まだどのエピソードにも投票がありません。最初の評価をどうぞ。',
  'site.featuredWhere': 'シーズン{season} 第{episode}話',
  'site.featuredSeeAll': '全{count, plural, other {#話}}のランキングを見る',
  'site.featuredSeasons': '{title}のシーズン',
  'site.featuredSeason': 'シーズン{number}',
  'site.featuredSeasonAverage': '平均{average}',
  'site.featuredSeasonNoVotes': '投票なし',
  'site.featuredMoreSeasons': 'ほか{count, plural, other {#シーズン}}',
  'site.leadersHeading': '全作品のトップエピソード',
  'site.leadersWhere': '{show}・シーズン{season} 第{episode}話',
  'site.leadersSeeAll': 'ランキング全体を見る',
  'site.placeFanScore': 'ファンスコア',
  'site.showsTabTitle': '五十音・ABC順',
  'site.showsTabVotes': '投票の多い順',
  'site.showsTabUpdated': '更新の新しい順',
  'site.showsHeadingTitle': '全作品（タイトル順）',
  'site.showsHeadingVotes': '全作品（投票の多い順）',
  'site.showsHeadingUpdated': '全作品（更新の新しい順）',
  'site.showsScoped': '{heading}：{scope}',
  'site.showsScopeYear': '{year}年放送開始',
  'site.showsScopeNetwork': '{network}で放送',
  'site.showsScopeStatus': '{status}',
  'site.showsScopeSeparator': '・',
  'site.showsDescription': 'Epirankの全{count, plural, other {#作品}}。どの作品も全エピソードをファンがランキングしています。',
  'site.showsNoMatch': 'この条件に合う作品はありません。',
  'site.showsCountAll': '{count, plural, other {#作品}}。すべてこのページにあります。',
  'site.showsCountRange': '{count, plural, other {#作品}}。このページは{first}〜{last}件目です。',
  'site.showsOrders': '並び順',
  'site.showsStatus': 'ステータス',
  'site.showsFirstAired': '放送開始年',
  'site.showsPages': '作品一覧のページ',
  'site.topTabBest': 'ベスト',
  'site.topTabVotes': '投票数',
  'site.topTabDivisive': '賛否両論',
  'site.topHeadingBest': 'ベストエピソード',
  'site.topHeadingVotes': '投票の多いエピソード',
  'site.topHeadingDivisive': '賛否が分かれるエピソード',
  'site.topScoped': '{heading}（{scope}）',
  'site.topScopeYear': '{year}年放送',
  'site.topScopeNetwork': '{network}で放送',
  'site.topScopeSeparator': '・',
  'site.topExplainBest':
    '{count, plural, other {#票}}以上のエピソードをファンスコア順に並べています。各エピソードの平均は作品全体の平均に引き寄せられるので、少ない票だけで首位にはなれません。',
  'site.topExplainVotes': '{count, plural, other {#票}}以上のエピソードを票数の多い順に並べています。',
  'site.topExplainDivisive':
    '{count, plural, other {#票}}以上で、ファンの評価が割れたエピソードです。評価の{share, number, ::percent}以上が1〜3で、同じくらい以上が8〜10のものを、割れ方が均等な順に並べています。',
  'site.topComputing': 'ランキングを初めて集計しています。',
  'site.topAsOf': 'スコアは{time}時点のものです。',
  'site.topLists': 'ランキングの種類',
  'site.topYear': '年',
  'site.topEmpty': 'このランキングにはまだエピソードがありません。',
  'site.topWhere': 'シーズン{season} 第{episode}話',
  'site.topNumbers': 'ファンスコア{fanScore}・平均{average}・{count, plural, other {#票}}',
  'site.topDivisiveness': '・両端にそれぞれ{share, number, ::percent}以上',
  'site.topCount': 'このページに{count, plural, other {#話}}。',
  'site.topPages': 'ランキングのページ',
  'site.searchHeading': '検索',
  'site.searchResultsFor': '「{text}」の検索結果',
  'site.searchDescription': 'Epirankの作品とエピソードをタイトル、あらすじ、監督名で検索し、ファンの評価を確かめましょう。',
  'site.searchLabel': '作品とエピソードを検索',
  'site.searchButton': '検索',
  'site.searchHint': 'タイトル、あらすじ、監督名に含まれる言葉を入力してください。',
  'site.searchNothing': '一致するものはありません。',
  'site.searchNoMore': 'これ以上の結果はありません。',
  'site.searchNearMisses': 'その言葉をそのまま含むものはありません。近いタイトルを表示しています。',
  'site.searchShow': '作品',
  'site.searchWhere': '{show}・シーズン{season} 第{episode}話',
  'site.searchFanScore': 'ファンスコア{score}',
  'site.searchAverage': '平均{average}',
  'site.searchPages': '検索結果のページ',
  'site.howTitle': 'エピソードの順位の決め方',
  'site.howDescription': 'Epirankがファンの投票からエピソードを順位付けする仕組み：ファンスコア、並び順、同点の扱い。',
  'site.howLede': 'ファンは各エピソードを{min}〜{max}で評価します。評価は1人1エピソードにつき1つで、評価し直すと置き換わります。',
  'site.howFanScore': 'ファンスコア',
  'site.howFanScoreText':
    '<strong>ファンスコア</strong>は、投票した人数を考慮して調整した平均評価です。どのエピソードも最初は作品全体の平均で{count, plural, other {#票}}の追加票があるものとして計算するため、ごく少数のファンの満点が、何百人もが高く評価したエピソードを上回ることはありません。票が集まるにつれて、エピソード自身の平均が反映されていきます。',
  'site.howFewVotes':
    '投票が{count, plural, other {#票}}未満のエピソードには<strong>票数が少ない</strong>の印が付きます。そのファンスコアは、まだ作品の平均に大きく左右されています。',
  'site.howSortOrders': '並び順',
  'site.howOrderScoreText': '標準の並び順です。ファンスコアの高い順。',
  'site.howOrderAverage': '平均',
  'site.howOrderAverageText': '評価の単純平均（小数点以下2桁）の高い順。',
  'site.howOrderVotes': '投票数',
  'site.howOrderVotesText': '評価の数の多い順。',
  'site.howTies':
    '同点はどの並び順でも同じ方法で決めるため、ページの順序が偶然入れ替わることはありません。票数の多い順、次に平均の高い順、次にシーズンとエピソードの早い順です。',
  'site.howMovement': '順位の変動',
  'site.howMovementText':
    '順位の横の▲と▼は、1週間前と比べてファンスコアのランキングで何位動いたかを示します。「new」はその時点で順位がなかったエピソードです。まだ誰も評価していないエピソードは「未評価」として別に並びます。',
  'site.voteProofTitle': '評価の確認',
  'site.voteProofSave': '評価「{rating}」を保存する',
  'site.voteProofBack': '評価せずに戻る',
  'site.apiMachineReadable':
    '機械可読版：{link}（OpenAPI 3.1{licence, select, none {} other {、{licence}ライセンス}}）。読み取りの応答はキャッシュでき（ETag、Cache-Control）、どのサイトからも読み取れます（CORS）。',
  'site.apiEnglishNote': '以下の説明はAPI自体のもので、英語で書かれています。',
  'site.apiCredentials': '認証情報',
  'site.apiOperation': 'オペレーションID：{id}。認証情報：{credentials}',
  'site.apiNoCredentials': '不要です。',
  'site.apiSomeCredentials': '{names}。',
  'site.apiOptionalCredentials': '{names}（クライアントが持っている場合。上の「認証情報」を参照）。',
  'site.apiOr': '、または',
  'site.apiParameters': 'パラメーター',
  'site.apiParameter': 'パラメーター',
  'site.apiIn': '場所',
  'site.apiValue': '値',
  'site.apiMeaning': '意味',
  'site.apiRequired': '（必須）',
  'site.apiDefault': '既定値{value}',
  'site.apiOneOf': '{values}のいずれか',
  'site.apiMaxLength': '最大{count}文字',
  'site.apiBody': '本文：JSON、{example}。',
  'site.apiAnswers': '応答',
  'site.manifestDescription': 'ファンが好きな作品の全エピソードをランキングします。',
  'site.pagerPrevious': '前のページ',
  'site.pagerNext': '次のページ',
  'site.pagerPage': '{page}ページ目',
  'site.pagerPageOf': '{page}／{count}ページ',
  'site.apiDocsDescription': 'Epirank APIの全オペレーションと、そのパラメーター、認証情報、応答の一覧。',

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
} satisfies Messages;
