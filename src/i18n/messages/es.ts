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
  // Show, season and episode pages (src/web/site/pages, src/web/ui/components)
  'ranking.home': 'Inicio',
  'ranking.breadcrumbLabel': 'Ruta de navegación',
  'ranking.seasonNumber': 'Temporada {season}',
  'ranking.episodeNumber': 'Episodio {episode}',
  'ranking.episodeCode': 'T{season}E{episode}',
  'ranking.episodePlace': 'T{season} E{episode}',
  'ranking.seasonSubject': '{show}, temporada {season}',
  'ranking.showPageTitle': '{show}: todos los episodios, clasificados{page, plural, =1 {} other { (página #)}}',
  'ranking.showRankingHeading': 'Todos los episodios de {show}, clasificados',
  'ranking.seasonsHeading': 'Temporadas',
  'ranking.noSeasons': 'Todavía no hay temporadas.',
  'ranking.columnSeason': 'Temporada',
  'ranking.columnEpisodes': 'Episodios',
  'ranking.columnRated': 'Valorados',
  'ranking.columnVotes': 'Votos',
  'ranking.columnAverage': 'Media',
  'ranking.seasonHidden': 'Oculto',
  'ranking.allSeasons': 'Todas las temporadas',
  'ranking.seasonHeading': 'Los mejores episodios de {show}, temporada {season}{page, plural, =1 {} other { (página #)}}',
  'ranking.seasonDescription': 'Todos los episodios de {show}, temporada {season}, clasificados según los votos de los fans. {synopsis}',
  'ranking.seasonLede': 'Los episodios valorados de {show}, temporada {season}, del mejor al peor según los votos de los fans.',
  'ranking.seasonAverageHidden': 'Media de la temporada oculta',
  'ranking.noVotesYet': 'Todavía no hay votos',
  'ranking.seasonAverage': 'Media de la temporada: <mean>{average}</mean> con <votes>{count, plural, one {# voto} other {# votos}}</votes>',
  'ranking.seasonRanked': 'Temporada {season}, clasificada',
  'ranking.previousEpisode': 'Anterior: {episode}',
  'ranking.nextEpisode': 'Siguiente: {episode}',
  'ranking.placeAndTitle': '{place} · {title}',
  'ranking.neighboursLabel': 'Episodios anterior y siguiente',
  'ranking.episodePageTitle': '{title} ({show} {place})',
  'ranking.episodeDescription': 'Valoraciones de los fans de {title}, un episodio de {show}.',
  'ranking.rankInSeason': 'Posición en la temporada {season}',
  'ranking.rankInShow': 'Posición en {show}',
  'ranking.rankOf': 'n.º {rank} de {of}',
  'ranking.notYetRated': 'Sin valorar todavía',
  'ranking.heldForReview':
    '{count, plural, one {# valoración de este episodio está pendiente de revisión y todavía no cuenta.} other {# valoraciones de este episodio están pendientes de revisión y todavía no cuentan.}}',
  'ranking.maskedEpisodePlace': 'Temporada {season}, episodio {episode}',
  'ranking.maskedEpisodeTitle': '{show}: {place}',
  'ranking.maskedEpisodeDescription': '{place} de {show}, oculto para evitar spoilers.',
  'ranking.asOfDay': 'Clasificación a {day}.',
  'ranking.asOfNotCounted': 'Aquí no cuentan los votos emitidos desde entonces.',
  'ranking.asOfLive': 'Ver la clasificación de hoy',
  'ranking.episodeMeta': 'Temporada {season} · Episodio {episode}',
  'ranking.episodeMetaAired': 'Temporada {season} · Episodio {episode} · Emitido el <time>{date}</time>',
  'ranking.directors': '{count, plural, one {Dirección: {names}} other {Dirección: {names}}}',
  'ranking.nameSeparator': ', ',
  'ranking.watchNow': 'Ver ahora:',
  'ranking.averageRating': 'Valoración media',
  'ranking.fanScoreValue': 'Puntuación de fans <value>{score}</value>',
  'ranking.fewVotes': 'Pocos votos',
  'ranking.fewVotesTitle': 'Menos de {count, plural, one {# voto} other {# votos}}: la media de la serie aún pesa mucho',
  'ranking.rank': 'Posición',
  'ranking.filterAny': 'Cualquiera',
  'ranking.filterCut': 'La lista solo muestra {count, number} {things}; puedes escribir cualquier otro valor.',
  'ranking.flaggedScore': 'Media {score}; sin el periodo marcado (del {start} al {end}, {count, plural, one {# voto} other {# votos}}) <kept>{without}</kept>',
  'ranking.flaggedScoreWindowStated': 'Media {score}; sin el periodo marcado <kept>{without}</kept>',
  'ranking.flaggedNone': 'ninguna',
  'ranking.flaggedNoVotesLeft': 'no quedan votos',
  'ranking.histogramHeading': 'Cómo lo valoraron los fans',
  'ranking.histogramEmpty': 'Todavía nadie lo ha valorado en Epirank.',
  'ranking.histogramCaption': 'Valoraciones de los <shown>{count, plural, one {# voto} other {# votos}}</shown> emitidos en Epirank',
  'ranking.histogramCaptionOutOf':
    'Valoraciones de los <shown>{count, plural, one {# voto} other {# votos}}</shown> emitidos en Epirank, de <all>{total, number}</all> en total',
  'ranking.histogramRating': 'Valoración',
  'ranking.histogramShare': 'Proporción',
  'ranking.histogramBaseline':
    'La media también cuenta {count, plural, one {# voto importado} other {# votos importados}} de otros sitios, cuyas valoraciones individuales no se conocen.',
  'ranking.movementNew': 'nuevo',
  'ranking.movementNewSince': 'Nuevo en la clasificación desde el {day}',
  'ranking.movementUp': '{places, plural, one {Sube # puesto desde el {day}} other {Sube # puestos desde el {day}}}',
  'ranking.movementDown': '{places, plural, one {Baja # puesto desde el {day}} other {Baja # puestos desde el {day}}}',
  'ranking.pagerPastEnd': 'No existe la página {page}: hay {count} en {pages, plural, one {# página} other {# páginas}}.',
  'ranking.pagerGoTo': 'Ir a la página {page}',
  'ranking.pagerPosition': 'Página {page} de {pages} ({count})',
  'ranking.pagerFirst': 'Primera',
  'ranking.pagerPrevious': 'Anterior',
  'ranking.pagerNext': 'Siguiente',
  'ranking.pagerLast': 'Última',
  'ranking.pagerNewest': 'Lo más reciente',
  'ranking.pagerNewer': 'Más recientes',
  'ranking.pagerOlder': 'Más antiguos',
  'ranking.pagerPreviousPage': 'Página anterior',
  'ranking.pagerNextPage': 'Página siguiente',
  'ranking.pagerPage': 'Página {page}',
  'ranking.pagerPageOf': 'Página {page} de {pages}',
  'ranking.pagerRange': 'Episodios {first, number}–{last, number} de {total, number}',
  'ranking.pagesLabel': 'Páginas de la clasificación',
  'ranking.proofOfWorkStatus': 'Para frenar los registros y votos automáticos, tu navegador hace un cálculo breve antes de enviar el formulario.',
  'ranking.proofOfWorkNoScript': 'Este paso necesita JavaScript: actívalo para este sitio o usa un navegador que lo tenga, y vuelve a cargar la página.',
  'ranking.rankHistoryHeading': 'Posición a lo largo del tiempo',
  'ranking.rankHistoryTitle': 'Posición en la temporada {season} a lo largo del tiempo',
  'ranking.rankHistoryDescription':
    'Posición en la temporada {season} durante {days, plural, one {# día} other {# días}}, del {first} al {last}; mejor {best}, última {latest}.',
  'ranking.rankHistoryUnrated': 'sin valorar',
  'ranking.rankHistoryNumbers': 'Los números',
  'ranking.rankHistoryCaption': 'Posición en la temporada {season} por día (1 es la mejor)',
  'ranking.rankHistoryDay': 'Día',
  'ranking.rankHistoryNotRated': 'sin valorar',
  'ranking.sortFanScore': 'Puntuación de fans',
  'ranking.sortAverage': 'Media',
  'ranking.sortVotes': 'Más votados',
  'ranking.sortLabel': 'Ordenar episodios',
  'ranking.sortBy': 'Ordenar por:',
  'ranking.howRanked': 'Cómo se clasifica',
  'ranking.noEpisodeVotes': 'Ningún episodio tiene votos todavía.',
  'ranking.aboutShow': 'Sobre la serie',
  'ranking.lastUpdated': 'Última actualización',
  'ranking.network': 'Cadena',
  'ranking.status': 'Estado',
  'ranking.statusValue': '{status, select, Running {En emisión} Ended {Finalizada} other {{status}}}',
  'ranking.horizonFormLabel': 'Spoilers: el último episodio que has visto',
  'ranking.horizonSubmit': 'Ocultar spoilers a partir de aquí',
  'ranking.watchedUpTo': 'Visto hasta',
  'ranking.chooseEpisode': 'Elige un episodio',
  'ranking.watchedUpToSeason': 'Visto hasta la temporada',
  'ranking.horizonSeasonOption': 'Temporada {season} ({count, plural, one {# episodio} other {# episodios}})',
  'ranking.horizonEpisode': 'episodio',
  'ranking.spoilersHiddenAfter': 'Spoilers ocultos después de {place}',
  'ranking.showEverything': 'Mostrar todo',
  'ranking.maskedPlaceInList': '{show}, temporada {season}, episodio {episode}',
  'ranking.spoilerSettings': 'Ajustes de spoilers',
  'ranking.maskedText': 'Oculto: después de {place}',
  'ranking.horizonNoSeason': '{show} no tiene temporada {season}: elige un episodio que exista.',
  'ranking.horizonNoEpisode':
    'La temporada {season} de {show} tiene {count, plural, one {un episodio} other {# episodios}}, así que no hay episodio {episode}: elige un episodio que exista.',
  'ranking.uptoInvalid': '«upto» indica el último episodio visto, como 2x5 o S2E5 (temporada 2, episodio 5); «{upto}» no es ninguno de los dos.',
  'ranking.uptoNotRepeatable': 'Esta dirección no se puede repetir con tus ajustes de spoilers; abre la página desde un enlace del sitio.',
  'ranking.horizonChooseFromList': 'Elige de la lista el último episodio que has visto, o elige mostrar todo.',
  'ranking.horizonGiveNumbers': 'Indica la temporada y el episodio hasta el que has visto, o elige mostrar todo.',
  'ranking.rate': 'Valorar',
  'ranking.rateTitle': 'Valorar {title}',
  'ranking.yourRatingIs': 'Tu valoración: {rating}',
  'ranking.changeRating': 'Tu valoración: {rating}, cambia tu valoración de {title}',
  'ranking.chooseRating': 'Elige una valoración del {min} al {max}.',
  'ranking.youRatedIt': 'Le diste un {rating}.',
  'ranking.youRatedItHeld': 'Le diste un {rating}. {held}',
  'ranking.heldRating':
    'Tu valoración se ha guardado. Hace poco llegaron varias valoraciones de este episodio desde tu red, así que la tuya contará cuando la revise un moderador.',
  'ranking.yourRatingLegend': 'Tu valoración<hidden> de {title}</hidden>',
  'ranking.removeRating': 'Quitar mi valoración',
  'ranking.shareLabel': 'Compartir esta página',
  'ranking.share': 'Compartir:',
  'ranking.copyLink': 'Copiar enlace',
  'ranking.email': 'Correo',
  'ranking.showsPastEnd': 'La lista de series tiene {pages, plural, one {# página} other {# páginas}}; no hay página {page}.',

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
