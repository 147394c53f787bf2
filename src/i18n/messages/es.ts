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
  // Sign in and sign up (src/web/account/account.pages.tsx)
  'account.signIn': 'Iniciar sesión',
  'account.signUp': 'Crear una cuenta',
  'account.signUpButton': 'Crear cuenta',
  'account.emailLabel': 'Correo electrónico',
  'account.passwordLabel': 'Contraseña',
  'account.newPasswordHint': 'Al menos {min, number} caracteres y difícil de adivinar: unas cuantas palabras sin relación entre sí funcionan bien.',
  'account.newHere': '¿Eres nuevo? <link>Crea una cuenta</link>. Tus valoraciones hasta ahora pueden unirse a ella: te lo preguntamos al iniciar sesión.',
  'account.signUpLede':
    'Una cuenta guarda tus valoraciones en todos tus dispositivos. Las que hiciste en este pueden unirse a ella: te lo preguntamos al iniciar sesión.',
  'account.displayNameLabel': 'Nombre visible',
  'account.displayNameHint': 'Lo ven los moderadores del sitio, no los demás fans.',
  'account.haveOne': '¿Ya tienes una? <link>Inicia sesión</link>.',
  'account.signedUpNotice': 'Tu cuenta está lista: inicia sesión.',
  'account.resetNotice': 'Tu contraseña se cambió y se cerró la sesión en todos los dispositivos: inicia sesión con la nueva.',
  // The account page
  'account.yourAccount': 'Tu cuenta',
  'account.name': 'Nombre',
  'account.email': 'Correo',
  'account.role': 'Rol',
  'account.roleName': '{role, select, admin {administrador} editor {editor} other {fan}}',
  'account.ratingsLine': '<link>Tus valoraciones</link>: todos los episodios que valoraste, para ordenarlos, descargarlos o borrarlos.',
  'account.tokensLine': '<link>Tokens de API</link>: deja que tus propios scripts lean y cambien tus valoraciones.',
  'account.adminLineAdmin': '<link>Abre la administración</link> para editar el catálogo, moderar votos y leer el registro de auditoría.',
  'account.adminLineEditor': '<link>Abre la administración</link> para editar el catálogo e importar archivos.',
  'account.signOut': 'Cerrar sesión',
  'account.changePassword': 'Cambiar tu contraseña',
  'account.noPassword': 'Tu cuenta no tiene contraseña: inicias sesión con {provider}.',
  'account.passwordChanged': 'Tu contraseña se cambió. Se cerró la sesión en los demás dispositivos.',
  'account.currentPassword': 'Contraseña actual',
  'account.newPassword': 'Contraseña nueva',
  'account.changePasswordButton': 'Cambiar contraseña',
  'account.deleteHeading': 'Borrar tu cuenta',
  'account.deleteLine': '<link>Borrar esta cuenta y sus valoraciones</link> (antes te pedimos confirmación).',
  // Mailed links' pages and the account page's address parts (src/web/account/mail.pages.tsx, mail.routes.ts)
  'account.forgotPassword': '¿Olvidaste tu contraseña?',
  'account.resetUnavailable':
    'Este sitio no puede restablecer contraseñas porque no envía correos. Si olvidas tu contraseña, pide ayuda a quien administra el sitio.',
  'account.address': 'Dirección',
  'account.addressVerified': 'Verificada',
  'account.addressNotVerified': 'Dirección sin verificar.',
  'account.resendLink': 'Reenviar el enlace',
  'account.linkResent': 'Enviado: búscalo en tu correo.',
  'account.changeAddress': 'Cambiar tu correo electrónico',
  'account.changeSentTo': 'Enviamos un enlace a {email}. Tu dirección cambia cuando lo abras.',
  'account.newEmailLabel': 'Correo electrónico nuevo',
  'account.sendConfirmation': 'Enviar un enlace de confirmación',
  'account.checkMail': 'Revisa tu correo',
  'account.checkMailSent': 'Enviamos un mensaje a {email}. Abre el enlace que contiene para terminar.',
  'account.checkMailNothing': '¿No ha llegado nada en unos minutos? Mira en la carpeta de spam o vuelve a registrarte para enviar otro.',
  'account.forgotSent': 'Si hay una cuenta con la dirección {email}, le enviamos un enlace. El enlace funciona una vez, durante poco tiempo.',
  'account.forgotLede': 'Escribe la dirección de tu cuenta y te enviaremos un enlace para elegir una contraseña nueva.',
  'account.sendLink': 'Enviar el enlace',
  'account.remembered': '¿Ya la recuerdas? <link>Inicia sesión</link>.',
  'account.chooseNewPassword': 'Elige una contraseña nueva',
  'account.chooseNewPasswordLede': 'Al guardarla se cierra la sesión en todos los dispositivos conectados a tu cuenta.',
  'account.resetPasswordHint': 'Al menos {min, number} caracteres.',
  'account.saveNewPassword': 'Guardar la contraseña nueva',
  'account.addressChanged': 'Tu dirección se cambió',
  'account.addressChangedTo': 'Tu cuenta ahora usa {email}.',
  'account.goToAccount': '<link>Ir a tu cuenta</link>.',
  'account.noMail': 'Este sitio no envía correos, así que no tiene enlaces por correo: pide ayuda con tu cuenta a quien administra el sitio.',
  'account.verifyTitle': 'Confirma tu dirección',
  'account.verifyText': 'Solo falta un paso: confirma la dirección para terminar tu cuenta e iniciar sesión.',
  'account.verifyButton': 'Confirmar e iniciar sesión',
  'account.confirmTitle': 'Confirma tu dirección nueva',
  'account.confirmText': 'Confirma para pasar tu cuenta a esta dirección.',
  'account.confirmButton': 'Usar esta dirección',
  // Mailed links that do not work (src/accounts/mailed-links.ts and the services that check them)
  'account.linkUnusable': 'Este enlace no funciona',
  'account.linkUnknown': 'Este enlace no es uno de los que enviamos, o se copió incompleto. {again}',
  'account.linkUsed': 'Este enlace ya se usó: cada enlace funciona una sola vez. {again}',
  'account.linkExpired': 'Este enlace ha caducado. {again}',
  'account.linkAccountGone': 'La cuenta para la que se envió este enlace ya no existe.',
  'account.askAgainVerify': 'Inicia sesión y pide un enlace nuevo en la página de tu cuenta.',
  'account.askAgainReset': 'Pide un enlace nuevo desde la página de inicio de sesión («¿Olvidaste tu contraseña?»).',
  'account.askAgainChange': 'Vuelve a pedir el cambio en la página de tu cuenta.',
  // What a form says is wrong (src/accounts/*.service.ts, password-rules.ts)
  'account.signInFailed': 'Ese correo electrónico y esa contraseña no coinciden con ninguna cuenta.',
  'account.noPasswordSso': 'Esta cuenta no tiene contraseña: inicias sesión con el inicio de sesión único.',
  'account.wrongPassword': 'Esa no es tu contraseña actual.',
  'account.emailTaken': 'Ya existe una cuenta con ese correo electrónico.',
  'account.displayNameProblem': 'Escribe un nombre visible de {min, number} a {max, number} caracteres.',
  'account.emailProblem': 'Escribe un correo electrónico como nombre@example.org.',
  'account.alreadyYourAddress': 'Esa ya es tu dirección.',
  'account.addressTaken': 'Esa dirección ya tiene una cuenta',
  'account.passwordTooShort': 'Usa al menos {min, number} caracteres.',
  'account.passwordTooLong': 'Usa como máximo {max, number} caracteres.',
  'account.passwordTooEasy':
    'Esta contraseña es demasiado fácil de adivinar: {warning, select, straightRow {es una fila de teclas del teclado} keyPattern {es un patrón corto de teclas del teclado} simpleRepeat {repite un solo carácter} extendedRepeat {repite unos pocos caracteres una y otra vez} sequences {es una secuencia como abc o 123} recentYears {es un año reciente} dates {es una fecha} topTen {es una de las diez contraseñas más usadas} topHundred {es una de las cien contraseñas más usadas} common {es una contraseña muy usada} similarToCommon {es una contraseña muy usada con pequeños cambios} userInputs {contiene tu correo electrónico o tu nombre} other {un programa para descifrar contraseñas la encontraría enseguida}}. Prueba con unas cuantas palabras que no tengan relación entre sí, o con una mezcla de caracteres más larga.',
  'account.lastAdmin':
    'Eres el único administrador, así que esta cuenta no se puede borrar: primero haz administradora a otra cuenta (epirank create-admin) y luego borra esta.',
  // Single sign-on (src/web/account/sso.pages.tsx, sso.routes.ts)
  'account.ssoSignIn': 'Iniciar sesión con {provider}',
  'account.ssoOnly':
    'En este sitio no se puede iniciar sesión ni registrarse con contraseña: todo el mundo inicia sesión con {provider}. La primera vez que lo haces se crea tu cuenta.',
  'account.ssoOr': '¿Creaste tu cuenta con {provider}? Usa el botón de arriba. O usa tu correo electrónico y tu contraseña:',
  'account.sso': 'Inicio de sesión único',
  'account.ssoLinked': 'Vinculada: puedes iniciar sesión con {provider}.',
  'account.ssoLinkText': 'Vincula tu cuenta de {provider} para iniciar sesión con ella a partir de ahora.',
  'account.ssoLinkButton': 'Vincular {provider}',
  'account.ssoErrorStatus': 'Código de error: {status}',
  'account.ssoToSignIn': 'Ir a la página de inicio de sesión',
  'account.toHome': 'Ir a la página principal',
  'account.ssoNotSetUp': 'El inicio de sesión único no está configurado en este sitio.',
  'account.ssoPasswordsOff': 'En este sitio no se puede iniciar sesión ni registrarse con contraseña: inicia sesión con {provider}.',
  // The fan's ratings (src/web/account/my-ratings.page.tsx)
  'account.sortNewest': 'Más recientes primero',
  'account.sortShow': 'Por serie',
  'account.sortRating': 'Por mi valoración',
  'account.sortDisagree': 'Donde más discrepo',
  'account.ratingsTitle': 'Tus valoraciones',
  'account.disagreeTitle': 'Donde más discrepas de los demás fans',
  'account.disagreeLede': 'Tus valoraciones, primero las más alejadas de la media de los fans.',
  'account.ratingsLede': 'Todos los episodios que valoraste, con la media de los fans junto a tu valoración.',
  'account.ratingsLedeAnonymous':
    'Los episodios valorados desde este navegador. Crea una cuenta o inicia sesión para conservarlos en todos tus dispositivos: te preguntaremos si quieres añadirlos.',
  'account.order': 'Orden',
  'account.showFilter': 'Serie',
  'account.everyShow': 'Todas las series',
  'account.filter': 'Filtrar',
  'account.noSuchPage': 'No hay página {page, number}. <link>Ir a la página {last, number}</link>.',
  'account.noneOfShow': 'No has valorado ningún episodio de {show}.',
  'account.noneOfThatShow': 'No has valorado ningún episodio de esa serie.',
  'account.noneYet': 'Todavía no has valorado ningún episodio. <link>Busca una serie</link> y pulsa un número del 1 al 10 junto a un episodio.',
  'account.ratingsPages': 'Páginas de tus valoraciones',
  'account.takeThem': 'Llévatelas contigo',
  'account.downloads': 'Descarga todas tus valoraciones en <csv>CSV</csv> (columnas show, season, episode, title, rating, rated_at) o en <json>JSON</json>.',
  'account.importLine': '¿Valoraste episodios en otro sitio? <link>Importa valoraciones</link> de IMDb, Trakt o TV Time.',
  'account.deleteAllLink': 'Borrar todas mis valoraciones',
  'account.columnShow': 'Serie',
  'account.columnEpisode': 'Episodio',
  'account.columnYourRating': 'Tu valoración',
  'account.columnAverage': 'Media de los fans',
  'account.columnRated': 'Valorado',
  'account.changeYourRating': 'Cambiar tu valoración',
  'account.episodeCode': 'T{season}E{episode}',
  'account.held': '(pendiente de revisión)',
  'account.changeRating': 'Cambiar<hidden> tu valoración de {show} {code}</hidden>',
  'account.removedRating': 'Se quitó tu valoración de {episode}.',
  'account.savedRating': 'Guardado: tu valoración de {episode} es {rating, number}.',
  'account.deleteRatingsTitle': 'Borrar todas tus valoraciones',
  'account.deleteRatingsQuestion': '¿Borrar todas tus valoraciones?',
  'account.noRatingsToDelete': 'No tienes valoraciones que borrar. <link>Volver a tus valoraciones</link>',
  'account.deleteRatingsText':
    'Esto borra {count, plural, one {tu valoración} other {tus # valoraciones}} para siempre, y las cifras de cada episodio se vuelven a calcular sin ellas. Tu cuenta se mantiene. Quizá quieras <link>descargarlas</link> antes.',
  'account.deleteRatingsButton': 'Borrar {count, plural, one {# valoración} other {# valoraciones}}',
  'account.keepThem': 'Conservarlas',
  'account.deleteAccountQuestion': '¿Borrar tu cuenta?',
  'account.deleteAccountText':
    'Esto borra para siempre la cuenta {email} y sus {count, plural, one {# valoración} other {# valoraciones}}, y cierra tu sesión en todas partes. Las cifras de cada episodio se vuelven a calcular sin tus valoraciones. Quizá quieras <link>descargar tus valoraciones</link> antes.',
  'account.deleteAccountButton': 'Borrar mi cuenta',
  'account.keepIt': 'Conservarla',
  'account.accountDeleted': 'Cuenta borrada',
  'account.accountDeletedHeading': 'Tu cuenta se borró',
  'account.accountDeletedText':
    'La cuenta y sus {count, plural, one {# valoración} other {# valoraciones}} ya no existen, y se cerró la sesión en todos los dispositivos donde estaba abierta.',
  'account.backToSite': 'Volver a Epirank',
  // Ratings from before signing in (src/web/account/join-ratings.page.tsx)
  'account.joinTitle': 'Valoraciones de antes de iniciar sesión',
  'account.joinLede':
    'Este navegador valoró {count, plural, one {# episodio} other {# episodios}} sin sesión iniciada. Añádelas a tu cuenta solo si las hiciste tú: puede haberlas hecho otra persona que use este navegador, o un sitio que dejó aquí su cookie.',
  'account.joinPages': 'Páginas de estas valoraciones',
  'account.joinNewer': 'Si tú y este navegador valorasteis el mismo episodio, se conserva la valoración más reciente.',
  'account.joinButton': 'Añadirlas a mi cuenta',
  'account.leaveButton': 'Dejarlas',
  'account.leaveHint': 'Si las dejas, siguen siendo valoraciones anónimas, cuentan como antes y ya no están ligadas a este navegador.',
  // Bringing ratings from another site (src/web/account/ratings-import.page.tsx, ratings-import.routes.ts)
  'account.importTitle': 'Trae tus valoraciones',
  'account.importHeading': 'Trae tus valoraciones de otro sitio',
  'account.importLede':
    'Sube las valoraciones que exportaste de IMDb, Trakt o TV Time. Verás con qué episodios coinciden antes de guardar nada, y luego podrás importarlas todas a la vez o ninguna.',
  'account.importFile': 'Archivo de valoraciones',
  'account.importFileHint':
    'Un archivo CSV o JSON de hasta {megabytes, number} MB y {rows, number} episodios valorados. El sitio del que procede se deduce del archivo.',
  'account.importPreviewButton': 'Previsualizar la importación',
  'account.importWhichFiles': 'Qué archivos',
  'account.importSourceName':
    '{source, select, imdb {exportación de valoraciones de IMDb} trakt {ratings-episodes.json de Trakt} other {exportación de datos de TV Time}}',
  'account.importScale':
    '{source, select, tvtime {de 1 a {stars, number} estrellas, cada una vale {points, number} puntos: {stars, number} estrellas → {max, number}, 1 estrella → {points, number}} other {de {min, number} a {max, number}, la misma escala que Epirank: se conservan tal cual}}',
  'account.importSourceLine': '<strong>{name}</strong>: valoraciones {scale}.',
  'account.importMatching':
    'Las filas se emparejan por el id de IMDb, TheTVDB o TMDB del episodio si el archivo lo tiene, y si no, por el título de la serie con los números de temporada y episodio. La previsualización te espera {minutes, plural, one {# minuto} other {# minutos}}.',
  'account.importCheckTitle': 'Revisa tu importación',
  'account.importCheckHeading': 'Revisa antes de importar',
  'account.importFileIs':
    '<name>{file}</name> es {source, select, imdb {una exportación de valoraciones de IMDb} trakt {un ratings-episodes.json de Trakt} other {una exportación de datos de TV Time}}. Todavía no se ha guardado nada.',
  'account.importMatched':
    '<n>{count, number}</n> {count, plural, one {valoración coincide con un episodio} other {valoraciones coinciden con episodios}} de aquí',
  'account.importConflicting': '<n>{count, number}</n> {count, plural, one {difiere} other {difieren}} de tu valoración de aquí',
  'account.importUnmatched': '<n>{count, number}</n> sin episodio',
  'account.importSkipped':
    '<n>{count, number}</n> {count, plural, one {fila no es una valoración de un episodio (películas, series completas) y se omite} other {filas no son valoraciones de episodios (películas, series completas) y se omiten}}',
  'account.importScaleLine': 'Valoraciones: {scale}.',
  'account.importConflicts': 'Donde ya valoraste un episodio de otra forma',
  'account.importKeepMine': 'Conservar mi valoración de aquí',
  'account.importTakeFile': 'Usar la valoración del archivo',
  'account.importAllOrNone': 'Se guardan todas juntas, o ninguna si algo falla. Cuentan como cualquier valoración que des aquí.',
  'account.importButton': 'Importar {count, plural, one {# valoración} other {# valoraciones}}',
  'account.importNothing': 'No hay nada en este archivo que se pueda importar.',
  'account.importAnother': 'Elegir otro archivo',
  'account.importDiffer': 'Difieren de tu valoración',
  'account.importMatch': 'Coinciden con un episodio',
  'account.importNoEpisode': 'Sin episodio',
  'account.importCaption': '{caption} ({total, number})',
  'account.importCaptionCapped': '{caption} (las primeras {shown, number} de {total, number})',
  'account.importInFile': 'En el archivo',
  'account.importFileRating': 'Valoración del archivo',
  'account.importWhy': 'Motivo',
  'account.importEpisodeHere': 'Episodio aquí',
  'account.importYourRating': 'Tu valoración aquí',
  'account.importEpisode': '{show} {code}',
  'account.importEpisodeTitled': '{show} {code} «{title}»',
  'account.importResend': 'Vuelve a elegir el archivo y envía el formulario otra vez.',
  'account.importNotMultipart': 'El archivo de valoraciones debe enviarse como multipart/form-data. {again}',
  'account.importNotText': '{file} contiene caracteres NUL: no es un archivo de texto.',
  'account.importTheFile': 'el archivo',
  'account.importNoFile': 'Elige un archivo de valoraciones para subir. {again}',
  'account.importTooManyFiles': 'El formulario admite un solo archivo de valoraciones; este envío tiene más. {again}',
  'account.importIncomplete': 'El envío no es un formulario multipart completo ({reason}). {again}',
  'account.importNoPreview': 'No hay ninguna previsualización que importar: vuelve a elegir el archivo en /account/ratings/import.',
  // Personal API tokens (src/web/account/api-tokens.page.tsx, api-tokens.routes.ts, src/accounts/api-tokens.service.ts)
  'account.tokens': 'Tokens de API',
  'account.tokensLede':
    'Un token personal permite que un script tuyo lea y cambie tus valoraciones a través de la <link>API JSON</link>, en tu nombre: envíalo como <code>Authorization: Bearer …</code>. Trátalo como una contraseña; revócalo aquí cuando el script ya no lo necesite.',
  'account.tokenCreated': 'Tu token nuevo «{name}»',
  'account.tokenCopy': '<strong>Cópialo ahora.</strong> Solo se muestra esta vez: Epirank guarda solo una huella y no puede volver a mostrarlo.',
  'account.tokenRevoked': 'El token se revocó: a partir de ahora se rechazan las peticiones que lo envíen.',
  'account.yourTokens': 'Tus tokens',
  'account.noTokens': 'No tienes tokens de API.',
  'account.yourApiTokens': 'Tus tokens de API',
  'account.tokenName': 'Nombre',
  'account.tokenCreatedAt': 'Creado',
  'account.tokenLastUsed': 'Último uso',
  'account.tokenNever': 'Nunca',
  'account.revoke': 'Revocar',
  'account.revokeToken': 'Revocar {name}',
  'account.createToken': 'Crear un token',
  'account.tokensFull': 'Tienes {max, number} tokens, el máximo por cuenta. Revoca uno que ya no uses para crear otro.',
  'account.tokenNameHint': 'Qué lo usa, para saber cuál revocar más adelante (de {min, number} a {max, number} caracteres).',
  'account.createTokenButton': 'Crear token',
  'account.backToAccount': 'Volver a tu cuenta',
  'account.tooManyTokens': 'Una cuenta puede tener {max, number} tokens. Primero revoca uno que ya no uses.',
  'account.tokenNameProblem': 'Ponle al token un nombre de {min, number} a {max, number} caracteres.',
  'account.noSuchToken': 'No tienes ningún token de API con ese número: puede que ya se haya revocado.',

  // ——— mail ———
  // (keys mail.*)
  // Every mail the site sends (src/mail/messages.ts); {site} is the site's host
  'mail.lifetimeHours': '{count, plural, one {# hora} other {# horas}}',
  'mail.lifetimeMinutes': '{count, plural, one {# minuto} other {# minutos}}',
  'mail.verifySubject': 'Confirma tu dirección en {site}',
  'mail.verifyIntro': 'Alguien, probablemente tú, creó una cuenta en {site} con esta dirección.',
  'mail.verifyLink': 'Confirmar la dirección e iniciar sesión',
  'mail.verifyOutro':
    'El enlace funciona una vez, durante {lifetime}. Si no fuiste tú, puedes ignorar este mensaje. Sin él no se ha creado nada que se pueda usar.',
  'mail.attemptSubject': 'Alguien intentó crear una cuenta en {site}',
  'mail.attemptIntro': 'Alguien, quizá tú, intentó crear una cuenta en {site} con esta dirección, que ya tiene una. No se creó ninguna cuenta nueva.',
  'mail.attemptSignIn': 'Inicia sesión en tu cuenta',
  'mail.attemptReset': '¿Olvidaste tu contraseña? Elige una nueva',
  'mail.notYou': 'Si no fuiste tú, puedes ignorar este mensaje.',
  'mail.resetSubject': 'Restablece tu contraseña en {site}',
  'mail.resetIntro': 'Alguien, probablemente tú, pidió restablecer la contraseña de tu cuenta en {site}.',
  'mail.resetLink': 'Elegir una contraseña nueva',
  'mail.resetOutro': 'El enlace funciona una vez, durante {lifetime}. Si no fuiste tú, puedes ignorar este mensaje. Tu contraseña sigue igual.',
  'mail.passwordChangedSubject': 'Tu contraseña en {site} se cambió',
  'mail.passwordChangedIntro': 'La contraseña de tu cuenta en {site} se acaba de cambiar, y se cerró la sesión en tus demás dispositivos.',
  'mail.passwordChangedWarning': 'Si no fuiste tú, otra persona conoce tu contraseña o puede leer tu correo: elige una contraseña nueva ahora.',
  'mail.resetYourPassword': 'Restablecer tu contraseña',
  'mail.confirmSubject': 'Confirma tu dirección nueva en {site}',
  'mail.confirmIntro': 'Alguien, probablemente tú, pidió pasar una cuenta de {site} a esta dirección.',
  'mail.confirmLink': 'Confirmar la dirección nueva',
  'mail.confirmOutro': 'El enlace funciona una vez, durante {lifetime}. Si no fuiste tú, puedes ignorar este mensaje. Sin él no cambia nada.',
  'mail.takenSubject': 'Una cuenta de {site} no pudo pasar a esta dirección',
  'mail.takenIntro': 'Alguien pidió pasar una cuenta de {site} a esta dirección, pero esta dirección ya tiene su propia cuenta, así que no cambió nada.',
  'mail.takenSignIn': 'Iniciar sesión en la cuenta de esta dirección',
  'mail.takenReset': '¿Olvidaste su contraseña? Elige una nueva',
  'mail.changeRequestedSubject': 'Se pidió cambiar tu dirección en {site}',
  'mail.changeRequestedIntro':
    'Alguien con la sesión iniciada en tu cuenta de {site} pidió pasarla a {email}. Solo se pasa cuando se abre el enlace enviado allí.',
  'mail.changeRequestedWarning': 'Si no fuiste tú, alguien conoce tu contraseña: inicia sesión y cámbiala ahora.',
  'mail.addressChangedSubject': 'Tu dirección en {site} se cambió',
  'mail.addressChangedIntro': 'Tu cuenta de {site} ahora usa la dirección {email}; a partir de ahora, el correo sobre ella llega allí.',
  'mail.addressChangedWarning':
    'Si no fuiste tú, pide ayuda a quien administra el sitio, o restablece la contraseña desde la dirección nueva si puedes leerla.',

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
