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
  'site.episodes': '{count, plural, one {# episodio} other {# episodios}}',
  'site.shows': '{count, plural, one {# serie} other {# series}}',
  'site.showStatus': '{status, select, Running {En emisión} Ended {Finalizada} other {{status}}}',
  'site.episodeFallback': 'Episodio {number}',
  'site.pageSuffix': '{title}: página {page}',
  'site.pageOfSuffix': '{title}: página {page} de {count}',
  'site.noShowsYet': 'Todavía no hay series.',
  'site.filter': 'Filtrar',
  'site.filterNetwork': 'Cadena',
  'site.filterAny': 'Cualquiera',
  'site.filterCut':
    'La lista ofrece {kind, select, network {las primeras {count} cadenas} status {los primeros {count} estados} other {los primeros {count} años}}; escribe cualquier otro valor.',
  'site.homeTitle': 'Los mejores episodios de series, según los fans',
  'site.homeDescription': 'Los fans valoran cada episodio del {min} al {max}; Epirank ordena cada temporada de mejor a peor.',
  'site.homeLede': 'Todos los episodios de una serie, de mejor a peor según quienes los vieron.',
  'site.homeRate': 'Valora lo que has visto',
  'site.homeYourRatings': 'Tus valoraciones',
  'site.homeSignUp': 'Crear cuenta',
  'site.homeMostRated': 'Series más valoradas',
  'site.homeRecent': 'Valoradas recientemente',
  'site.homeBrowseAll': 'Ver {count, plural, one {la # serie} other {las # series}}',
  'site.homeSettingUp': '¿Administras este sitio? Importa tu propio catálogo en la <link>página de importación</link> o con {command} (formato: {doc}).',
  'site.homeEmptyHelp':
    '¿Administras este sitio? Carga la serie de demostración con {demo} o importa tu propio catálogo con {command} (el formato se describe en {doc}).',
  'site.homeHowHeading': 'Valora lo que has visto',
  'site.homeHowText':
    'Abre una serie, elige una temporada y valora cualquier episodio del {min} al {max}: no hace falta cuenta. La clasificación cambia con cada voto.',
  'site.homeHowAccount': '<signUp>Crea una cuenta</signUp> para conservar tus valoraciones en todos tus dispositivos, o <signIn>inicia sesión</signIn>.',
  'site.homeNoVotes': 'Todavía no hay votos.',
  'site.homeBestEpisode': 'Mejor episodio: {title}',
  'site.homeBestNumbers': '(temporada {season}, media {average}, {count, plural, one {# voto} other {# votos}})',
  'site.featuredEyebrow': 'La serie más valorada',
  'site.featuredBest': 'Mejores episodios por puntuación de fans',
  'site.featuredNoVotes': 'Ningún episodio tiene votos todavía: sé el primero en valorar uno.',
  'site.featuredWhere': 'Temporada {season}, episodio {episode}',
  'site.featuredSeeAll': 'Ver la clasificación de {count, plural, one {# episodio} other {los # episodios}}',
  'site.featuredSeasons': 'Temporadas de {title}',
  'site.featuredSeason': 'Temporada {number}',
  'site.featuredSeasonAverage': 'media {average}',
  'site.featuredSeasonNoVotes': 'sin votos todavía',
  'site.featuredMoreSeasons': 'y {count, plural, one {# temporada más} other {# temporadas más}}',
  'site.leadersHeading': 'Los mejores episodios de todas las series',
  'site.leadersWhere': '{show} · temporada {season}, episodio {episode}',
  'site.leadersSeeAll': 'Ver la lista completa',
  'site.placeFanScore': 'puntuación de fans',
  'site.showsTabTitle': 'A–Z',
  'site.showsTabVotes': 'Más votadas',
  'site.showsTabUpdated': 'Actualizadas recientemente',
  'site.showsHeadingTitle': 'Todas las series, de la A a la Z',
  'site.showsHeadingVotes': 'Todas las series, las más votadas primero',
  'site.showsHeadingUpdated': 'Todas las series, las actualizadas más recientemente primero',
  'site.showsScoped': '{heading} {scope}',
  'site.showsScopeYear': 'estrenadas en {year}',
  'site.showsScopeNetwork': 'en {network}',
  'site.showsScopeStatus': '({status})',
  'site.showsScopeSeparator': ' ',
  'site.showsDescription': '{count, plural, one {La # serie} other {Las # series}} de Epirank, cada una con todos sus episodios clasificados por los fans.',
  'site.showsNoMatch': 'Ninguna serie coincide con estos filtros.',
  'site.showsCountAll': '{count, plural, one {# serie} other {# series}}; todas en esta página.',
  'site.showsCountRange': '{count, plural, one {# serie} other {# series}}; de la {first} a la {last} en esta página.',
  'site.showsOrders': 'Orden',
  'site.showsStatus': 'Estado',
  'site.showsFirstAired': 'Año de estreno',
  'site.showsPages': 'Páginas de la lista de series',
  'site.topTabBest': 'Mejores',
  'site.topTabVotes': 'Más votados',
  'site.topTabDivisive': 'Más polémicos',
  'site.topHeadingBest': 'Los mejores episodios',
  'site.topHeadingVotes': 'Los episodios más votados',
  'site.topHeadingDivisive': 'Los episodios más polémicos',
  'site.topScoped': '{heading} {scope}',
  'site.topScopeYear': 'emitidos en {year}',
  'site.topScopeNetwork': 'en {network}',
  'site.topScopeSeparator': ', ',
  'site.topExplainBest':
    'Episodios con al menos {count, plural, one {# voto} other {# votos}}, por puntuación de fans: la media de cada episodio se acerca a la de su serie, así que unos pocos votos no bastan para encabezar la lista.',
  'site.topExplainVotes': 'Episodios con al menos {count, plural, one {# voto} other {# votos}}, según cuántos votos tienen.',
  'site.topExplainDivisive':
    'Episodios con al menos {count, plural, one {# voto} other {# votos}} que dividen a los fans: al menos un {share, number, ::percent} de valoraciones del 1 al 3 y al menos otras tantas del 8 al 10; primero los más igualados.',
  'site.topComputing': 'Las listas se están calculando por primera vez.',
  'site.topAsOf': 'Puntuaciones a fecha de {time}.',
  'site.topLists': 'Listas',
  'site.topYear': 'Año',
  'site.topEmpty': 'Todavía no hay ningún episodio en esta lista.',
  'site.topWhere': 'temporada {season}, episodio {episode}',
  'site.topNumbers': 'puntuación de fans {fanScore} · media {average} · {count, plural, one {# voto} other {# votos}}',
  'site.topDivisiveness': ' · al menos un {share, number, ::percent} en cada extremo',
  'site.topCount': '{count, plural, one {# episodio} other {# episodios}} en esta página.',
  'site.topPages': 'Páginas de la lista',
  'site.searchHeading': 'Buscar',
  'site.searchResultsFor': 'Resultados de «{text}»',
  'site.searchDescription': 'Busca series y episodios de Epirank por título, sinopsis o dirección, y mira cómo los clasifican los fans.',
  'site.searchLabel': 'Buscar series y episodios',
  'site.searchButton': 'Buscar',
  'site.searchHint': 'Escribe una palabra de un título, de una sinopsis o del nombre de quien dirige.',
  'site.searchNothing': 'No hay coincidencias.',
  'site.searchNoMore': 'No hay más resultados.',
  'site.searchNearMisses': 'Nada contiene exactamente esas palabras; estos títulos se acercan.',
  'site.searchShow': 'Serie',
  'site.searchWhere': '{show}, temporada {season}, episodio {episode}',
  'site.searchFanScore': 'puntuación de fans {score}',
  'site.searchAverage': 'media {average}',
  'site.searchPages': 'Páginas de resultados',
  'site.howTitle': 'Cómo se clasifican los episodios',
  'site.howDescription': 'Cómo clasifica Epirank los episodios a partir de los votos de los fans: la puntuación de fans, los órdenes y los empates.',
  'site.howLede': 'Los fans valoran cada episodio del {min} al {max}. Una valoración por fan y episodio: si vuelves a valorar, sustituye a la anterior.',
  'site.howFanScore': 'Puntuación de fans',
  'site.howFanScoreText':
    'La <strong>puntuación de fans</strong> es la valoración media, ajustada según cuántas personas votaron: cada episodio empieza como si tuviera {count, plural, one {# voto extra} other {# votos extra}} con la media general de la serie, así que una nota perfecta de un puñado de fans no puede superar a un episodio que cientos valoraron alto. A medida que llegan votos, manda la media propia del episodio.',
  'site.howFewVotes':
    'Un episodio con menos de {count, plural, one {# voto} other {# votos}} lleva la marca <strong>Pocos votos</strong>: la media de la serie aún pesa mucho en su puntuación de fans.',
  'site.howSortOrders': 'Órdenes',
  'site.howOrderScoreText': 'El orden por defecto: primero la puntuación de fans más alta.',
  'site.howOrderAverage': 'Media',
  'site.howOrderAverageText': 'La media simple de las valoraciones, con dos decimales, de mayor a menor.',
  'site.howOrderVotes': 'Más votos',
  'site.howOrderVotesText': 'El número de valoraciones, de más a menos.',
  'site.howTies':
    'Los empates se resuelven igual en todos los órdenes, así que una página nunca se reordena por azar: primero más votos, luego la media más alta, luego la temporada y el episodio anteriores.',
  'site.howMovement': 'Movimiento',
  'site.howMovementText':
    'Junto a una posición, ▲ y ▼ indican cuántos puestos se movió un episodio en la clasificación por puntuación de fans desde hace una semana; «new» marca un episodio que entonces no estaba clasificado. Los episodios que nadie ha valorado aún se muestran aparte, en «Sin valorar».',
  'site.voteProofTitle': 'Confirma tu valoración',
  'site.voteProofSave': 'Guardar mi valoración de {rating}',
  'site.voteProofBack': 'Volver sin valorar',
  'site.apiMachineReadable':
    'Para máquinas: {link} (OpenAPI 3.1{licence, select, none {} other {, licencia {licence}}}). Las lecturas pueden guardarse en caché (ETag, Cache-Control) y leerse desde cualquier sitio (CORS).',
  'site.apiEnglishNote': 'Las descripciones de abajo son las de la propia API, en inglés.',
  'site.apiCredentials': 'Credenciales',
  'site.apiOperation': 'Id. de operación: {id}. Credenciales: {credentials}',
  'site.apiNoCredentials': 'no hacen falta.',
  'site.apiSomeCredentials': '{names}.',
  'site.apiOptionalCredentials': '{names}, cuando el cliente tenga una (consulta Credenciales arriba).',
  'site.apiOr': ' o ',
  'site.apiParameters': 'Parámetros',
  'site.apiParameter': 'Parámetro',
  'site.apiIn': 'En',
  'site.apiValue': 'Valor',
  'site.apiMeaning': 'Significado',
  'site.apiRequired': ' (obligatorio)',
  'site.apiDefault': 'por defecto {value}',
  'site.apiOneOf': 'uno de {values}',
  'site.apiMaxLength': 'hasta {count} caracteres',
  'site.apiBody': 'Cuerpo: JSON, {example}.',
  'site.apiAnswers': 'Respuestas',
  'site.manifestDescription': 'Los fans clasifican cada episodio de sus series.',
  'site.pagerPrevious': 'Página anterior',
  'site.pagerNext': 'Página siguiente',
  'site.pagerPage': 'Página {page}',
  'site.pagerPageOf': 'Página {page} de {count}',
  'site.apiDocsDescription': 'Todas las operaciones de la API de Epirank, con sus parámetros, credenciales y respuestas.',

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
