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
  'charts.episodeCode': 'T{season}E{episode}',
  'charts.seasonCode': 'T{season}',
  'charts.heatmapHeading': 'Mapa de calor de valoraciones',
  'charts.heatmapMeasureNav': 'Medida del mapa de calor',
  'charts.measureScore': 'Puntuación de fans',
  'charts.measureAverage': 'Media',
  'charts.heatmapColoursNav': 'Colores del mapa de calor',
  'charts.heatmapColours': 'Colores:',
  'charts.scaleRelative': 'Rango de esta serie',
  'charts.scaleAbsolute': 'Escala completa, {low, number}–{high, number}',
  'charts.noEpisodes': 'Todavía no hay episodios.',
  'charts.heatmapCaption':
    '{measure, select, average {Media} other {Puntuación de fans}} de cada episodio: una fila por temporada, una columna por número de episodio.',
  'charts.seasonColumn': 'Temporada',
  'charts.cellName': '{titled, select, true {{code} {title}} other {{code}}}: {rated, select, true {{score}} other {sin valorar todavía}}',
  'charts.legendIntro': '{measure, select, average {Media} other {Puntuación de fans}} por colores:',
  'charts.legendIntroRelative':
    '{measure, select, average {Media} other {Puntuación de fans}} por colores, según el rango de esta serie (mínimo {low}, máximo {high}):',
  'charts.legendUnrated': '{mark} sin valorar todavía',
  'charts.stepUnder': 'menos de {value}',
  'charts.stepRange': '{from}–{to}',
  'charts.stepAndOver': '{value} o más',
  'charts.trendHeading': 'Episodio a episodio',
  'charts.trendTitle': 'Puntuación de fans de cada episodio de {subject}, por orden de emisión',
  'charts.trendNoVotes': '{total, plural, one {El único episodio aún no tiene votos.} other {Ninguno de los # episodios tiene votos todavía.}}',
  'charts.trendDescription':
    '{rated, number} de {total, number} episodios valorados, con puntuaciones de {low} a {high} y una línea de tendencia por temporada. Los mismos números están en una tabla enlazada bajo el gráfico.',
  'charts.trendMasked': 'Los episodios posteriores a {after} están ocultos.',
  'charts.trendXAxis': 'Episodio, por orden de emisión y temporada',
  'charts.trendYAxis': 'Puntuación de fans',
  'charts.trendTableCaption': 'Puntuación de fans de cada episodio y valor de la línea de tendencia de su temporada en ese episodio',
  'charts.trendEpisode': 'Episodio',
  'charts.trendTitleColumn': 'Título',
  'charts.trendScoreColumn': 'Puntuación de fans',
  'charts.trendColumn': 'Tendencia',
  'charts.trendTableLink': 'Los números del gráfico en una tabla',

  // ——— embeds ———
  // (keys embeds.*)
  'embeds.viewOnSite': 'Ver en Epirank',
  'embeds.heatmapTitle': '{show}: mapa de calor de valoraciones',
  'embeds.seasonTitle': '{show}, temporada {season}: clasificación',
  'embeds.seasonHeading': '{show}, temporada {season}: clasificación de los fans',
  'embeds.noVotes': 'Todavía no hay votos.',
  'embeds.seasonSummary': 'Media de la temporada: {average} con {votes, plural, one {# voto} other {# votos}}.',
  'embeds.rankColumn': 'Posición',
  'embeds.episodeColumn': 'Episodio',
  'embeds.scoreColumn': 'Puntuación de fans',
  'embeds.votesColumn': 'Votos',
  'embeds.more': 'y {count, plural, one {# episodio valorado más} other {# episodios valorados más}}',
  'embeds.shareAltShow': '{show}: los mejores episodios según la puntuación de fans y un mapa de calor con la puntuación de cada episodio.',
  'embeds.shareAltSeason':
    '{show}, temporada {season}: los mejores episodios según la puntuación de fans y un mapa de calor con la puntuación de cada episodio.',
  'embeds.shareShowSubtitle': 'Cada episodio, clasificado por los fans',
  'embeds.shareSeasonSubtitle': 'Temporada {season}, clasificada por los fans',
  'embeds.shareBest': 'Mejores episodios',
  'embeds.shareEvery': 'Todos los episodios',
  'embeds.shareFooter': 'Los fans valoran cada episodio y clasifican cada temporada.',
  'embeds.feedTitle': '{show}: cambios en la clasificación de episodios',
  'embeds.feedEntryTitle': '{show}: clasificación del {day}',
  'embeds.feedEpisode': '{code} «{title}»',
  'embeds.feedNewlyRatedItem': '{episode} en la posición {rank}',
  'embeds.feedMoveItem': '{episode} {direction, select, up {sube} other {baja}} de la posición {from} a la {to}',
  'embeds.feedItemSeparator': '; ',
  'embeds.feedNewlyRated': 'Valorados por primera vez: {items}{more, plural, =0 {} other { y # más}}.',
  'embeds.feedMoved': 'Cambios de posición: {items}{more, plural, =0 {} other { y # más}}.',
  'embeds.episodeNumber': '{number, number}.',

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
