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
  'errors.notFoundTitle': 'No encontrado',
  'errors.invalidRequestTitle': 'Solicitud no válida',
  'errors.unauthorizedTitle': 'No autorizado',
  'errors.forbiddenTitle': 'Prohibido',
  'errors.tooManyRequestsTitle': 'Demasiadas solicitudes',
  'errors.serviceUnavailableTitle': 'Servicio no disponible',
  'errors.methodNotAllowedTitle': 'Método no permitido',
  'errors.requestTooLargeTitle': 'Solicitud demasiado grande',
  'errors.unsupportedMediaTypeTitle': 'Tipo de contenido no admitido',
  'errors.internalErrorTitle': 'Error interno',
  'errors.internalErrorDetail': 'Algo ha fallado por nuestra parte. Ya lo hemos registrado; vuelve a intentarlo.',
  'errors.noPageHere': 'No hay ninguna página en esta dirección.',
  'errors.heading400': 'Esa solicitud no tenía sentido',
  'errors.heading403': 'No puedes hacer eso',
  'errors.heading404': 'Página no encontrada',
  'errors.heading405': 'Esa acción no está permitida aquí',
  'errors.heading413': 'Esa solicitud era demasiado grande',
  'errors.heading429': 'Demasiadas solicitudes',
  'errors.heading500': 'Algo ha fallado por nuestra parte',
  'errors.heading503': 'Epirank no está disponible por un momento',
  'errors.status': 'Código de error {status}',
  'errors.homeLink': 'Ir a la página de inicio',
  'errors.ratingRule': 'Una valoración debe ser un número entero del {min, number} al {max, number}.',
  'errors.unknownSort': 'Orden «{given}» desconocido. Usa uno de estos: score, average, votes.',
  'errors.mustBeOneOf': '«{field}» debe ser uno de estos valores: {allowed}.',
  'errors.mustBeType':
    '«{field}» debe ser {type, select, integer {un número entero} number {un número} string {un texto} boolean {un valor booleano} object {un objeto} array {una lista} null {nulo} other {{type}}}.',
  'errors.mustCompare':
    '«{field}» debe ser {comparison, select, atMost {como máximo} atLeast {como mínimo} below {menor que} above {mayor que} other {}} {limit}.',
  'errors.tooLong': '«{field}» no puede tener más de {limit} caracteres.',
  'errors.tooShort': '«{field}» no puede tener menos de {limit} caracteres.',
  'errors.mustMatchPattern': '«{field}» debe seguir el patrón «{pattern}».',
  'errors.mustMatchFormat': '«{field}» debe tener el formato «{format}».',
  'errors.missingProperty': 'A «{field}» le falta la propiedad obligatoria «{property}».',
  'errors.additionalProperties': '«{field}» no puede tener propiedades adicionales.',
  'errors.fieldProblem': '«{field}»: {problem}.',
  'errors.fieldInvalid': '«{field}» no es válido.',
  'errors.databaseUnavailable':
    'La base de datos no está disponible en este momento, así que tu solicitud no se ha completado. Vuelve a intentarlo en unos segundos.',
  'errors.roleRequiredDetail':
    'Esta parte de Epirank es para {needed, select, admin {administradores} other {editores y administradores}}. Has iniciado sesión como {have, select, admin {administrador} editor {editor} other {fan}}.',
  'errors.roleRequiredHeading': 'Tienes que ser {needed, select, admin {administrador} other {editor}} para {acting, select, true {hacer} other {ver}} esto',
  'errors.noShow': 'No hay ninguna serie llamada «{slug}».',
  'errors.noSeason': '{show} no tiene temporada {season}.',
  'errors.noEpisodeInSeason': 'La temporada {season} de {show} no tiene episodio {episode}.',
  'errors.episodeGone': 'Ese episodio ya no existe.',
  'errors.noRankingPage': 'Esta clasificación tiene {pageCount, plural, one {una página} other {# páginas}}; no existe la página {page}.',
  'errors.topListsEnd': 'Las listas terminan en la página {last}.',
  'errors.noListPage': 'Esta lista no tiene página {page}.',
  'errors.asOfFormat': 'as_of debe ser una fecha con el formato AAAA-MM-DD; se recibió «{asOf}».',
  'errors.asOfFuture': '{asOf} está en el futuro: todavía no hay clasificación de ese día.',
  'errors.noSnapshot': 'No se registró ninguna clasificación el {asOf} ni antes.',
  'errors.noEpisodeToVote': 'No existe el episodio {episode} de la temporada {season} de «{show}».',
  'errors.accountsOnlyVoting': 'En este sitio solo pueden votar los fans con sesión iniciada. Inicia sesión o crea una cuenta en {signIn}.',
  'errors.votesBlocked': 'Aquí no se aceptan votos de este votante o red. Si crees que es un error, contacta con los moderadores del sitio.',
  'errors.votingTooFast':
    'Estás votando más rápido de lo que Epirank permite. Vuelve a intentarlo dentro de {seconds, plural, one {# segundo} other {# segundos}}.',
  'errors.foreignForm': 'Este formulario solo se puede enviar desde las páginas de Epirank. Recarga la página y vuelve a intentarlo.',
  'errors.crossOriginVote': 'Las solicitudes de otros sitios no pueden cambiar votos.',
  'errors.badApiToken': 'Ese token de la API no es válido: está mal formado, es desconocido o se ha revocado. Crea uno nuevo en {tokens}.',
  'errors.apiTokenNeeded': 'Hace falta un token personal de la API: envía `{header}` (créalo en {tokens}).',
  'errors.tooManySignIns': 'Demasiados intentos fallidos de inicio de sesión desde tu red.',
  'errors.tooManySignUps': 'Se han creado demasiadas cuentas desde tu red hace poco.',
  'errors.tooManyPasswordChanges': 'Demasiados cambios de contraseña.',
  'errors.tooManyMailedLinks': 'Demasiadas solicitudes de enlaces por correo.',
  'errors.tryAgainIn': '{reason} Vuelve a intentarlo dentro de {seconds, plural, one {# segundo} other {# segundos}}.',
  'errors.linkUnusableTitle': 'Este enlace no funciona',
  'errors.linkUnknown': 'Este enlace no lo hemos enviado nosotros, o se copió incompleto. {again}',
  'errors.linkUsed': 'Este enlace ya se usó: cada enlace funciona una sola vez. {again}',
  'errors.linkExpired': 'Este enlace ha caducado. {again}',
  'errors.linkAccountGone': 'La cuenta a la que se envió este enlace ya no existe.',
  'errors.askAgainReset': 'Pide un enlace nuevo desde la página de inicio de sesión («¿Has olvidado tu contraseña?»).',
  'errors.askAgainEmailChange': 'Vuelve a pedir el cambio desde la página de tu cuenta.',
  'errors.askAgainVerify': 'Inicia sesión y pide un enlace nuevo desde la página de tu cuenta.',
  'errors.addressTakenTitle': 'Esa dirección ya tiene una cuenta',
  'errors.addressTaken': '{address} pasó a otra cuenta después de enviarse este enlace, así que tu dirección no cambia.',
  'errors.wrongCurrentPassword': 'Esa no es tu contraseña actual.',
  'errors.alreadyYourAddress': 'Esa ya es tu dirección.',
  'errors.chooseDismissOrResolve': 'Elige descartar o resolver.',
  'errors.flagClosed': 'Ese aviso ya no está abierto.',
  'errors.chooseRemoveOrHold': 'Elige quitar o retener las valoraciones.',
  'errors.chooseReleaseOrDiscard': 'Elige publicar o descartar las valoraciones retenidas.',
  'errors.selectionTooLarge': 'Esta selección abarca más de {limit, number} valoraciones: acótala (un episodio, un periodo más corto) y actúa por partes.',
  'errors.eraseOwnAccount': 'Esta es tu propia cuenta: elimínala desde la página de tu cuenta.',

  // ——— titles ———
  // (keys titles.*)

  // ——— watch ———
  // (keys watch.*)

  // ——— client ———
  // (keys client.*)
  'client.linkCopied': 'Enlace copiado',
  'client.copyFailed': 'No se pudo copiar: usa la barra de direcciones',
  'client.powCannotSolve': 'Este paso necesita una conexión segura (HTTPS) y un navegador actual, y esta página no los tiene.',
  'client.powWorking': 'Haciendo un breve cálculo antispam…',
  'client.powProgress': 'Haciendo un breve cálculo antispam… ({tries, plural, one {# intento} other {# intentos}})',
  'client.powNoAnswer': 'El cálculo antispam no encontró respuesta. Recarga la página.',
  'client.powDone': 'Cálculo antispam terminado: ya puedes enviar el formulario.',
  'client.powFinishing': 'Terminando el cálculo antispam; el formulario se enviará en cuanto acabe…',
  'client.votes': '{count, plural, one {# voto} other {# votos}}',
  'client.rate': 'Valorar',
  'client.rateLabel': 'Valorar {title}',
  'client.yourRating': 'Tu valoración: {rating}',
  'client.changeRatingLabel': 'Tu valoración: {rating}; cambiar tu valoración de {title}',
  'client.ratingRemoved': 'Se ha quitado tu valoración.',
  'client.saved': 'Guardado: le has dado un {rating}.',
  'client.savedHeld': 'Guardado: le has dado un {rating}. {message}',
  'client.youRated': 'Le has dado un {rating}.',
  'client.heldMarker': '(pendiente de revisión)',
  'client.fewVotes': 'Pocos votos',
  'client.rankOf': 'N.º {rank} de {of}',
  'client.notYetRated': 'Aún sin valorar',
  'client.saving': 'Guardando…',
  'client.calculating': '{detail} Calculando…',
  'client.voteNotSaved': 'No se pudo guardar tu voto. Vuelve a intentarlo.',
  'client.voteNotSent': 'No se pudo enviar tu voto. Comprueba tu conexión y vuelve a intentarlo.',
  'client.legendOf': 'de {title}',
  'client.suggestions': 'Sugerencias',
  'client.suggestionEpisode': '{title} ({show} T{season}E{episode})',
  'client.noSuggestions': 'No hay sugerencias.',
  'client.suggestionCount': '{count, plural, one {# sugerencia.} other {# sugerencias.}}',
} satisfies Messages;
