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

  // ——— watch ———
  // (keys watch.*)
  'watch.now': 'Ver ahora:',
  'watch.showElsewhere': 'Esta serie en otros sitios:',
  'watch.episodeElsewhere': 'Este episodio en otros sitios:',
  'watch.showingFor': 'Enlaces para {country}',
  'watch.change': 'cambiar',
  'watch.chooseCountry': 'Ver enlaces de otro país',
  'watch.otherCountries': 'Otros países',
  'watch.linkIn': '<link>{provider}</link> ({countries})',
  'watch.unknownCountry': 'Epirank no conoce ningún país «{code}»: usa un código ISO 3166-1 de dos letras, como JP o US.',
  'watch.formLabel': 'Países de los enlaces para ver',
  'watch.formHint':
    'Una línea por cada enlace que solo funciona en algunos países: Proveedor = JP, US (códigos ISO 3166-1). Un enlace sin línea funciona en todas partes.',
  'watch.formLine': 'Escribe cada línea como «Proveedor = JP, US»; «{line}» no lo es.',
  'watch.formNotACountry': '«{code}» no es un país: usa códigos ISO 3166-1 de dos letras, como JP o US.',
  'watch.formNoLink': '«{provider}» no es uno de los enlaces de arriba, o ya tiene una línea.',

  // ——— client ———
  // (keys client.*)
} satisfies Messages;
