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

  // ——— titles ———
  // (keys titles.*)
  'titles.menu': 'タイトル表記',
  'titles.others': '別タイトル',
  'titles.listed': 'サイトの表記',
  'titles.original': '原題',
  'titles.romaji': 'ローマ字',
  'titles.language': '表示言語のタイトル',
  'titles.adminLabel': '別タイトル',
  'titles.adminHint':
    '1行に1つずつ、言語タグ、コロン、タイトルの順に入力します（ja: カレイドスター、ja-Latn: Kareido Sutā、en: Kaleido Star）。原題には言語タグの後に * を付けます：ja*: カレイドスター',

  // ——— watch ———
  // (keys watch.*)

  // ——— client ———
  // (keys client.*)
} satisfies Messages;
