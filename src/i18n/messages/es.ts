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
  'admin.home': 'Administración',
  'admin.viewOnSite': 'Ver en el sitio',
  'admin.cancel': 'Cancelar',
  'admin.saved': 'Guardado.',
  'admin.catalogue': 'Catálogo',
  'admin.addShow': 'Añadir una serie',
  'admin.importCatalogue': 'Importar un catálogo',
  'admin.auditLog': 'Registro de auditoría',
  'admin.moderation': 'Moderación',
  'admin.pagesOfShows': 'Páginas de series',
  'admin.fieldSlug': 'Identificador (slug)',
  'admin.fieldSlugHint': 'Forma parte de la dirección de la serie; no se puede cambiar una vez creada.',
  'admin.fieldTitle': 'Título',
  'admin.fieldSynopsis': 'Sinopsis',
  'admin.fieldNetwork': 'Cadena',
  'admin.fieldStatus': 'Estado',
  'admin.fieldStatusHintKnown': 'Uno que ya use el catálogo (el campo los sugiere) u otro cualquiera.',
  'admin.fieldStatusHintNone': 'Por ejemplo, en emisión o finalizada.',
  'admin.addShowButton': 'Añadir serie',
  'admin.saveShowButton': 'Guardar serie',
  'admin.newShowCrumb': 'Nueva serie',
  'admin.editShow': 'Editar {title}',
  'admin.seasonsAndEpisodes': 'Temporadas y episodios',
  'admin.season': 'Temporada {season}',
  'admin.viewSeasonOnSite': 'Ver la temporada {season} en el sitio',
  'admin.pagesOfSeason': 'Páginas de la temporada {season}',
  'admin.addEpisodeTo': 'Añadir un episodio a la temporada {season}',
  'admin.deleteSeasonLink': 'Eliminar la temporada {season}…',
  'admin.newSeasonNumber': 'Número de la nueva temporada',
  'admin.addSeasonButton': 'Añadir temporada',
  'admin.deleteHeading': 'Eliminar',
  'admin.deleteShowWarning': 'Eliminar una serie elimina sus temporadas, sus episodios y todos sus votos. El registro de auditoría guarda cómo era.',
  'admin.deleteShowLink': 'Eliminar {title}…',
  'admin.editEpisode': 'Editar la temporada {season}, episodio {episode}',
  'admin.moderateItsVotes': 'Moderar sus votos',
  'admin.fieldEpisodeNumber': 'Número de episodio',
  'admin.fieldEpisodeTitleHint': 'Déjalo vacío si no se conoce: las páginas muestran «Episodio N».',
  'admin.fieldAirDate': 'Fecha de emisión',
  'admin.fieldAirDateHint': 'AAAA-MM-DD',
  'admin.fieldDirectors': 'Dirección',
  'admin.fieldDirectorsHint': 'Un nombre por línea.',
  'admin.fieldWatchLinks': 'Enlaces para verlo',
  'admin.fieldWatchLinksHint': 'Uno por línea: Servicio = https://…',
  'admin.addEpisodeButton': 'Añadir episodio',
  'admin.saveEpisodeButton': 'Guardar episodio',
  'admin.deleteThisEpisode': 'Eliminar este episodio…',
  'admin.externalIds': 'Identificadores en otros sitios',
  'admin.externalIdsHint': 'Sirven para emparejar valoraciones traídas de esos sitios. Deja vacío el campo si no hay.',
  'admin.externalIdLabel': 'Identificador de {site}',
  'admin.externalIdRuleImdb': '«tt» seguido de 7 a 10 cifras, p. ej., tt0123456',
  'admin.externalIdRuleNumber': 'un número entero positivo escrito en cifras, p. ej., 12345',
  'admin.deleteTarget': 'Eliminar {kind, select, show {{title}} season {la temporada {season}} other {el episodio {episode}}}',
  'admin.deleteQuestion': '¿Eliminar {kind, select, show {{title}} season {la temporada {season}} other {el episodio {episode}}}?',
  'admin.deletesShow':
    'Esto elimina {title} con {seasons, plural, one {# temporada} other {# temporadas}}, {episodes, plural, one {# episodio} other {# episodios}} y {ratings, plural, one {# valoración} other {# valoraciones}}{imported, plural, =0 {} one {, además de # voto importado con el catálogo} other {, además de # votos importados con el catálogo}}.',
  'admin.deletesSeason':
    'Esto elimina la temporada {season} de {title} con {episodes, plural, one {# episodio} other {# episodios}} y {ratings, plural, one {# valoración} other {# valoraciones}}{imported, plural, =0 {} one {, además de # voto importado con el catálogo} other {, además de # votos importados con el catálogo}}.',
  'admin.deletesEpisode':
    'Esto elimina el episodio {episode} de la temporada {season} de {title} con {ratings, plural, one {# valoración} other {# valoraciones}}{imported, plural, =0 {} one {, además de # voto importado con el catálogo} other {, además de # votos importados con el catálogo}}.',
  'admin.cannotUndoDeletion': 'No se puede deshacer aquí. El registro de auditoría guarda lo eliminado.',
  'admin.importIntro':
    'JSON de Epirank, un CSV de episodios o el JSON de una serie de TVmaze (los mismos formatos y reglas que <code>epirank import</code>): todo en una transacción, así que un archivo con un solo registro erróneo no cambia nada; importar dos veces el mismo archivo no cambia nada la segunda vez.',
  'admin.importNothing': 'No se ha importado nada. {source}:',
  'admin.importKept':
    'El servidor guarda <strong>{source}</strong> durante {minutes, plural, one {# minuto} other {# minutos}}, así que puedes importarlo ahora sin volver a elegirlo.',
  'admin.importThisFile': 'Importar este archivo',
  'admin.importAnotherFile': 'O elige otro archivo',
  'admin.importFile': 'Archivo',
  'admin.importFormat': 'Formato',
  'admin.importFormatAuto': 'Deducirlo del archivo',
  'admin.importFormatJson': 'JSON de Epirank',
  'admin.importFormatCsv': 'CSV de episodios',
  'admin.importFormatTvmaze': 'JSON de una serie de TVmaze',
  'admin.importDryRun': 'Simulación: informar de lo que cambiaría sin cambiar nada',
  'admin.importButton': 'Importar',
  'admin.importCrumb': 'Importar',
  'admin.importDryRunSource': 'Simulación',
  'admin.importPendingGone':
    'el archivo de esa simulación ya no se guarda (lo guarda {minutes, plural, one {# minuto} other {# minutos}} el servidor que la hizo); vuelve a elegirlo',
  'admin.uploadNotMultipart': 'El formulario de importación debe enviarse como multipart/form-data. Vuelve a elegir el archivo y envía otra vez el formulario.',
  'admin.uploadNul': '{file} contiene caracteres NUL: no es un archivo de texto.',
  'admin.uploadFieldTooLong': 'El campo «{field}» es demasiado largo. Vuelve a elegir el archivo y envía otra vez el formulario.',
  'admin.uploadUnknownFormat': 'Formato desconocido «{format}»: elige {formats} o deja que se deduzca del archivo.',
  'admin.uploadDryRunValue': 'La casilla de simulación envía «1» o nada, no «{value}». Vuelve a elegir el archivo y envía otra vez el formulario.',
  'admin.uploadTooManyFields': 'El formulario de importación admite un archivo y como mucho {fields, number} campos más; este envío tiene más.',
  'admin.uploadIncomplete': 'El envío no es un formulario multipart completo ({reason}). Vuelve a elegir el archivo y envía otra vez el formulario.',
  'admin.auditAction': 'Acción',
  'admin.auditActionHint': 'Una (flag.dismiss) o una familia (flag).',
  'admin.auditWho': 'Quién',
  'admin.auditWhoHint': 'Un correo electrónico o «command line».',
  'admin.auditFrom': 'Desde (día UTC)',
  'admin.auditTo': 'Hasta (día UTC, incluido)',
  'admin.filter': 'Filtrar',
  'admin.auditEvery': 'Mostrar todas las entradas',
  'admin.auditNoEntries': '{filtered, select, true {Ninguna entrada de esta página coincide con estos filtros.} other {No hay entradas en esta página.}}',
  'admin.auditWhen': 'Cuándo (UTC)',
  'admin.auditWhat': 'Qué',
  'admin.auditChanges': 'Cambios',
  'admin.auditPages': 'Páginas del registro de auditoría',
  'admin.auditNoChange': 'No ha cambiado ningún campo.',
  'admin.auditFullEntry': 'Entrada completa',
  'admin.auditSet': 'establecido en {value}',
  'admin.auditRemovedWas': 'eliminado (era {value})',
  'admin.auditRemovedList': 'eliminado, era: {value}',
  'admin.auditMoreLines': 'y {count, number} más',
  'admin.auditMoreItems': '{items} y {count, number} más',
  'admin.auditNone': 'nada',
  'admin.auditEmpty': 'vacío',
  'admin.auditYesNo': '{value, select, true {sí} other {no}}',
  'admin.auditField':
    '{field, select, slug {identificador} title {título} synopsis {sinopsis} network {cadena} status {estado} number {número} airDate {fecha de emisión} directors {dirección} watchLinks {enlaces para verlo} ids {identificadores} season {temporada} episode {episodio} rating {valoración} kind {tipo} reason {motivo} other {{field}}}',
  'admin.bulkLink': 'Moderación en bloque (por dirección, rango u horario)',
  'admin.heldLink': 'Valoraciones retenidas',
  'admin.peopleLink': 'Solicitudes de datos (exportar o borrar los datos de una persona)',
  'admin.flaggedEpisodes': 'Episodios marcados',
  'admin.flaggedIntro':
    'Se revisa de forma periódica; una marca sigue abierta, con su intervalo creciendo mientras sigan los votos, hasta que la cierre un moderador.',
  'admin.nothingFlagged': 'No se ha marcado nada.',
  'admin.flagKind': '{kind, select, burst {ráfaga} steady {subida sostenida} other {valoraciones extremas}}',
  'admin.flagClosed': '({status, select, dismissed {descartada} other {resuelta}} por {who})',
  'admin.flagWindow': 'Intervalo de {start} a {end}, {votes, plural, one {# voto} other {# votos}}.',
  'admin.flagDismiss': 'Descartar',
  'admin.flagResolved': 'Resuelta',
  'admin.flagPages': 'Páginas de episodios marcados',
  'admin.flagReasonRate':
    '{votes, number} votos en {window, select, hour {la última hora} day {las últimas 24 horas} other {los últimos 7 días}}, frente a {usual, number, ::.0} por hora en los {days, number} días anteriores',
  'admin.flagReasonExtreme': 'el {share, number} % de sus {votes, number} votos son 1 o 10, frente al {usual, number} % en el resto de {show}',
  'admin.flagReasonNoVotes': 'sin votos, frente al {usual, number} % en {show}',
  'admin.removeVoterHeading': 'Quitar las valoraciones de un votante',
  'admin.voterId': 'Identificador del votante',
  'admin.voterIdHint': 'Tal como aparece en la página de moderación de un episodio, p. ej., a:Xy3… o u:12.',
  'admin.removeVoterButton': 'Quitar todas las valoraciones de este votante…',
  'admin.blocks': 'Bloqueos',
  'admin.blockLabel': 'Bloquear',
  'admin.blockKindIp': 'una dirección o un rango',
  'admin.blockKindVoter': 'un votante',
  'admin.blockValue': 'Dirección, rango o identificador del votante',
  'admin.blockValueHint': '203.0.113.7, 203.0.113.0/24, 2001:db8::/32 o a:…',
  'admin.blockButton': 'Bloquear',
  'admin.noBlocks': 'No hay bloqueos.',
  'admin.blocked': 'Bloqueado',
  'admin.blockedBy': 'Por',
  'admin.blockedSince': 'Desde',
  'admin.blockAction': 'Acción',
  'admin.blockedKind': '{kind, select, ip {Direcciones} other {Votante}}',
  'admin.liftBlock': 'Levantar',
  'admin.blocksTotal': '{count, plural, one {# bloqueo} other {# bloqueos}} en total, los más recientes primero.',
  'admin.blockPages': 'Páginas de bloqueos',
  'admin.moderateEpisode': 'Moderar T{season}E{episode} «{title}»',
  'admin.editTheEpisode': 'Editar el episodio',
  'admin.bulkForEpisode': 'Acción en bloque para este episodio',
  'admin.itsHeldRatings': 'Sus valoraciones retenidas',
  'admin.votesCast': '{count, plural, one {# voto emitido en Epirank.} other {# votos emitidos en Epirank.}}',
  'admin.extremeShare': 'Proporción de valoraciones extremas',
  'admin.rating': 'Valoración',
  'admin.thisEpisode': 'Este episodio',
  'admin.theShow': 'La serie',
  'admin.ones': 'Unos',
  'admin.tens': 'Dieces',
  'admin.votesPerHour': 'Votos por hora, últimas 48 horas (UTC)',
  'admin.noRecentVotes': 'No hay votos en las últimas 48 horas.',
  'admin.hour': 'Hora',
  'admin.votes': 'Votos',
  'admin.newestVoters': 'Votantes más recientes',
  'admin.newestVotersIntro': 'En el orden en que llegaron sus valoraciones; las importadas, según cuándo las escribió la importación.',
  'admin.voter': 'Votante',
  'admin.address': 'Dirección',
  'admin.when': 'Cuándo',
  'admin.importedAt': 'importada el {at} (el archivo dice {set})',
  'admin.voterPages': 'Páginas de votantes',
  'admin.removeVoterQuestion': '¿Quitar todas las valoraciones de {voter}?',
  'admin.removeRatingsCrumb': 'Quitar valoraciones',
  'admin.voterHasNone': 'El votante <code>{voter}</code> no tiene valoraciones: no hay nada que quitar.',
  'admin.voterReach':
    'Esto quita {ratings, plural, one {# valoración} other {# valoraciones}} que el votante <code>{voter}</code> ha emitido, en {episodes, plural, one {# episodio} other {# episodios}} de {shows, plural, one {# serie} other {# series}}; los recuentos se actualizan al momento.',
  'admin.cannotUndoRemoval': 'No se puede deshacer aquí. El registro de auditoría guarda cada valoración quitada.',
  'admin.removeTheirRatings': 'Quitar sus valoraciones',
  'admin.removedVoter': 'Se han quitado {count, plural, one {# valoración} other {# valoraciones}} de {voter}.',
  'admin.bulkModeration': 'Moderación en bloque',
  'admin.bulkIntro':
    'Quita o retiene todas las valoraciones contadas de una serie, o de uno de sus episodios, que vengan de una dirección o un rango, que se pusieran en un intervalo de tiempo, o ambas cosas. Las valoraciones retenidas se guardan pero no cuentan hasta que se liberan en la página de <link>valoraciones retenidas</link>. Primero verás una vista previa.',
  'admin.show': 'Serie',
  'admin.episode': 'Episodio',
  'admin.fieldSeason': 'Temporada',
  'admin.bulkSeasonHint': 'Con el episodio, para actuar sobre un solo episodio; deja ambos vacíos para toda la serie.',
  'admin.bulkAddress': 'Dirección o rango',
  'admin.bulkAddressHint': '203.0.113.7, 203.0.113.0/24, 2001:db8:1:2::/64 o 2001:db8::/32.',
  'admin.bulkFrom': 'Puesta desde (UTC)',
  'admin.bulkFromHint': 'Cuándo se puso por última vez cada valoración, en UTC: desde este momento (2026-11-25T14:05)…',
  'admin.bulkTo': 'Puesta antes de (UTC)',
  'admin.bulkToHint': '…hasta este, sin incluirlo.',
  'admin.preview': 'Vista previa',
  'admin.bulkMatched':
    '{count, plural, =0 {Ninguna valoración contada coincide} one {# valoración contada coincide} other {# valoraciones contadas coinciden}}: {description}.',
  'admin.bulkEpisodes': 'Episodios afectados por la selección',
  'admin.matched': 'Coincidencias',
  'admin.average': 'Media',
  'admin.fanScore': 'Puntuación de fans',
  'admin.bulkEitherWay': 'En ambos casos los recuentos se rehacen al momento y el registro de auditoría guarda cada valoración.',
  'admin.bulkHold': 'Retener {count, plural, one {# valoración} other {# valoraciones}}',
  'admin.bulkRemove': 'Quitar {count, plural, one {# valoración} other {# valoraciones}}',
  'admin.bulkChanged':
    'La selección ha cambiado desde la vista previa (han llegado o se han ido valoraciones): no se ha hecho nada. Revisa las nuevas cifras y vuelve a confirmar.',
  'admin.bulkDone':
    '{action, select, hold {Retenidas} other {Quitadas}} {count, plural, one {# valoración} other {# valoraciones}}: {description}. Los recuentos se rehacen.',
  'admin.selection':
    'valoraciones de {scope}{address, select, none {} other { desde {address}}}{from, select, none {} other { puestas desde {from}}}{to, select, none {} other { puestas antes de {to}}}',
  'admin.heldSelection':
    '{checked, select, true {valoraciones retenidas marcadas} other {valoraciones retenidas}} de {scope}{network, select, none {} other { desde {network}}}',
  'admin.allShows': 'todas las series',
  'admin.episodeScope': '{show} T{season}E{episode}',
  'admin.heldRatings': 'Valoraciones retenidas',
  'admin.heldIntro':
    'Valoraciones registradas pero no contadas: por encima del límite de su red o retenidas por un moderador. Liberar una la cuenta (y sustituye cualquier valoración que su votante haya puesto después); descartarla la elimina. Ambas acciones piden confirmación.',
  'admin.heldShowHint': 'Su título o su nombre en la dirección; vacío para todas las series.',
  'admin.heldNetworkHint': 'Una dirección (203.0.113.7) o un /64 de IPv6.',
  'admin.noHeld': 'No hay valoraciones retenidas entre las {description}.',
  'admin.releaseAll': 'Liberar todas: {description}…',
  'admin.discardAll': 'Descartar todas: {description}…',
  'admin.choose': 'Elegir',
  'admin.network': 'Red',
  'admin.reason': 'Motivo',
  'admin.held': 'Retenida',
  'admin.heldRating': 'Valoración retenida {id}',
  'admin.voterKind': '{kind, select, account {cuenta} other {anónimo}}',
  'admin.heldReason': '{reason, select, moderator {retenida por un moderador} other {por encima del límite de su red}}',
  'admin.releaseChecked': 'Liberar las marcadas…',
  'admin.discardChecked': 'Descartar las marcadas…',
  'admin.heldPages': 'Páginas de valoraciones retenidas',
  'admin.heldVerb': '{action, select, release {Liberar} other {Descartar}}',
  'admin.heldQuestion': '¿{action, select, release {Liberar} other {Descartar}} {count, plural, one {# valoración retenida} other {# valoraciones retenidas}}?',
  'admin.heldNothing': 'Nada que {action, select, release {liberar} other {descartar}}: no hay {description}.',
  'admin.heldMatched':
    '{count, plural, one {# valoración retenida} other {# valoraciones retenidas}}: {description}. {action, select, release {Cada una cuenta al momento y sustituye cualquier valoración que su votante haya puesto después; los recuentos se rehacen.} other {Se eliminan; nunca se contaron, así que ningún recuento cambia.}} El registro de auditoría guarda cada una.',
  'admin.heldEpisode': '{episode}: {count, plural, one {# valoración} other {# valoraciones}}',
  'admin.heldButton': '{action, select, release {Liberar} other {Descartar}} {count, plural, one {# valoración} other {# valoraciones}}',
  'admin.heldChooseAction': 'Elige si liberar o descartar las valoraciones retenidas.',
  'admin.heldDone':
    '{action, select, release {Liberadas} other {Descartadas}} {count, plural, one {# valoración retenida} other {# valoraciones retenidas}}: {description}.',
  'admin.dataRequests': 'Solicitudes de datos',
  'admin.peopleIntro':
    'Atiende la solicitud de una persona sobre sus datos: busca su cuenta por correo electrónico, descarga todo lo guardado sobre ella en JSON o bórrala. Las direcciones de cliente más antiguas que el periodo de conservación ya no se guardan para nadie.',
  'admin.email': 'Correo electrónico',
  'admin.findAccount': 'Buscar la cuenta',
  'admin.personSummary':
    '{name} ({role, select, admin {administrador} editor {editor} other {fan}}): {ratings, plural, one {# valoración} other {# valoraciones}}, {held, plural, one {# valoración retenida} other {# valoraciones retenidas}}, {tokens, plural, one {# token de API} other {# tokens de API}}, {identities, plural, one {# inicio de sesión vinculado} other {# inicios de sesión vinculados}}.',
  'admin.downloadData': 'Descargar sus datos (JSON)',
  'admin.eraseAccountLink': 'Borrar esta cuenta…',
  'admin.eraseQuestion': '¿Borrar {email}?',
  'admin.eraseImpact':
    'Esto elimina la cuenta con sus {ratings, plural, one {# valoración} other {# valoraciones}} y {held, plural, one {# valoración retenida} other {# valoraciones retenidas}} (los recuentos se actualizan al momento), sus sesiones, {tokens, plural, one {# token de API} other {# tokens de API}}, {identities, plural, one {# inicio de sesión vinculado} other {# inicios de sesión vinculados}} y enlaces enviados por correo, y sus propias entradas del registro de auditoría; los cambios que hizo en el catálogo se quedan, sin decir ya quién los hizo.',
  'admin.eraseCannotUndo': 'No se puede deshacer. El registro de auditoría anota que se borró una cuenta, quién y cuándo, y nada de lo que contenía.',
  'admin.eraseButton': 'Borrar la cuenta',
  'admin.erased': 'Se han borrado la cuenta y {count, plural, one {su valoración} other {sus # valoraciones}}.',
  'admin.showPickerHint': 'Su título o su nombre en la dirección; las sugerencias aparecen mientras escribes.',
  'admin.showMatches': 'Series entre las que elegir',
  'admin.roleNeeded': 'Tienes que ser {needed, select, admin {administrador} other {editor}} para {acting, select, true {hacer} other {ver}} esto',
  'admin.roleNeededDetail':
    'Esta parte de Epirank es para {needed, select, admin {administradores} other {editores y administradores}}. Has iniciado sesión como {role, select, admin {administrador} editor {editor} other {fan}}.',

  // ——— errors ———
  // (keys errors.*)

  // ——— titles ———
  // (keys titles.*)

  // ——— watch ———
  // (keys watch.*)

  // ——— client ———
  // (keys client.*)
} satisfies Messages;
