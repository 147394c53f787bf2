/**
 * Español — the Spanish interface. Written for Epirank, not word for word from English: keep it
 * natural. Same keys and placeholders as src/i18n/messages/en.ts (test/i18n/catalogue.test.ts checks).
 *
 * Informal «tú» (a fan site), neutral international Spanish, sentence case in headings. The words
 * the interface uses throughout: serie (show), temporada (season), episodio (episode), T1E3
 * (S1E3), voto (vote), valoración / valorar (a fan's rating), puntuación de fans (fan score),
 * media (average), posición / clasificación (rank, ranking), pocos votos (few votes), fecha de
 * emisión (air date), iniciar sesión / crear cuenta (sign in, sign up), administración (admin).
 */
import type { Messages } from './en.js';

export const es = {
  // ——— common ———
  // (keys common.*)
  'common.votes': '{count, plural, one {# voto} other {# votos}}',

  // ——— layout ———
  // (keys layout.*)
  'layout.skip': 'Ir al contenido',
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

  // ——— watch ———
  // (keys watch.*)

  // ——— client ———
  // (keys client.*)
} satisfies Messages;
