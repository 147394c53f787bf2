/**
 * Español — the Spanish interface. Written for Epirank, not word for word from English: keep it
 * natural. Same keys and placeholders as src/i18n/messages/en.ts (test/i18n/catalogue.test.ts checks).
 */
import type { Messages } from './en.js';

export const es = {
  // ——— common ———
  // (keys common.*)
  'common.votes': '{count, plural, one {# voto} other {# votos}}',

  // ——— layout ———
  // (keys layout.*)
  'layout.skip': 'Ir al contenido',
  'layout.tagline': 'los fans clasifican cada episodio',
  'layout.searchLabel': 'Buscar series y episodios',
  'layout.searchPlaceholder': 'Buscar',
  'layout.searchButton': 'Buscar',
  'layout.menu': 'Menú',
  'layout.browse': 'Explorar',
  'layout.shows': 'Series',
  'layout.top': 'Mejores episodios',
  'layout.yourRatings': 'Tus valoraciones',
  'layout.signIn': 'Iniciar sesión',
  'layout.yourAccount': 'Tu cuenta',
  'layout.account': 'Cuenta',
  'layout.admin': 'Administración',
  'layout.moderationBadge': 'Moderación ({count, number}{atLeast, select, true {+} other {}})',
  'layout.footer': 'Epirank clasifica los episodios según los votos de los fans. Las puntuaciones cambian con cada voto.',
  'layout.api': 'API',
  'layout.feedTitle': '{title}: cambios de posición',
  'layout.language': 'Idioma',
  'layout.languageMenu': 'Elegir idioma',

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
  'titles.menu': 'Títulos',
  'titles.others': 'Otros títulos',
  'titles.listed': 'Como aparecen',
  'titles.original': 'Títulos originales',
  'titles.romaji': 'Rōmaji',
  'titles.language': 'Títulos en mi idioma',
  'titles.adminLabel': 'Otros títulos',
  'titles.adminHint':
    'Uno por línea: la etiqueta de idioma, dos puntos y el título (ja: カレイドスター, ja-Latn: Kareido Sutā, en: Kaleido Star). Un asterisco tras el idioma marca el título original: ja*: カレイドスター.',

  // ——— watch ———
  // (keys watch.*)

  // ——— client ———
  // (keys client.*)
} satisfies Messages;
