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
