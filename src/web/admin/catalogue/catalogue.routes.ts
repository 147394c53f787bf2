/**
 * Catalogue editing under /admin: the admin home, shows, seasons and episodes (create, edit,
 * delete after a confirmation), the catalogue import and the audit log. The admin area
 * (../index.ts) guards every route here once (editors and admins); the audit log declares it is for admins.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import type { User } from '../../../accounts/accounts.repository.js';
import { FormError, inWords, says } from '../../../shared/errors.js';
import { t } from '../../../i18n/translate.js';
import { externalIdField, type ExternalIdFields, externalIdFieldsFrom, FORM_FIELD_MAX_LENGTH } from '../../../editing/admin-catalog.service.js';
import type { Show } from '../../../catalog/catalog.types.js';
import { EXTERNAL_ID_SOURCES } from '../../../catalog/external-ids.js';
import { sendPage } from '../../ui/send-page.js';
import { CatalogFormatError } from '../../../importers/catalog-format.js';
import { RatingsNotAllowedError } from '../../../importers/catalog-import.js';
import { describeImport } from '../../../importers/import-report.js';
import { parseCatalogTextOffThread } from '../../../importers/parse-off-thread.js';
import type { ImportFormat } from '../../../importers/read-catalog.js';
import { readImportUpload } from '../../ui/import-upload.js';
import { AuditPage } from './audit.pages.js';
import { AdminHomePage, ConfirmDeletePage, EditEpisodePage, EditShowPage, NewShowPage } from './catalog.pages.js';
import { ImportPage } from './import.pages.js';
import { ADMIN_ROLES } from '../../../accounts/admin-roles.js';
import { actorOf, adminPage, ConfirmBody, EntryId, isConfirmed } from '../admin-forms.js';
import { EpisodeParams, PageNumber, PathNumber, SeasonParams, ShowParams } from '../../../http/schemas.js';
import { adminPath, routes } from '../../../shared/paths.js';
import { ADMIN_PAGE_SIZE } from '../../../editing/admin-paging.js';
import { PENDING_IMPORT_MINUTES, PendingImports } from '../../../editing/pending-imports.js';
import { watchLinkCountriesText } from '../../../editing/watch-link-countries.js';

// Field sizes come from the catalogue's rules (see FORM_FIELD_MAX_LENGTH); the service says what is wrong.
const Text = (field: keyof typeof FORM_FIELD_MAX_LENGTH) => Type.String({ maxLength: FORM_FIELD_MAX_LENGTH[field] });
// One field per site (imdbId, tvdbId, …) on the show and episode forms.
const IdFields = Object.fromEntries(EXTERNAL_ID_SOURCES.map((source) => [externalIdField(source), Type.Optional(Text('externalId'))]));
const ShowBody = Type.Object({
  ...IdFields,
  titles: Type.Optional(Text('titles')),
  slug: Type.Optional(Text('slug')),
  title: Text('showTitle'),
  synopsis: Type.Optional(Text('showSynopsis')),
  network: Type.Optional(Text('network')),
  status: Type.Optional(Text('status')),
});
/** A show form's fields as the catalogue service takes them (an absent field is empty); the slug is the new-show form's alone. */
function showFieldsOf(body: Static<typeof ShowBody>) {
  return {
    title: body.title,
    synopsis: body.synopsis ?? '',
    network: body.network ?? '',
    status: body.status ?? '',
    ids: externalIdFieldsFrom(body),
    titles: body.titles,
  };
}
/** An edit form's values from the stored show, its ids and its other titles (as the form writes them). */
function storedShowValues(show: Show, ids: ExternalIdFields, titles: string) {
  return { slug: show.slug, title: show.title, synopsis: show.synopsis, network: show.network ?? '', status: show.status ?? '', ids, titles };
}
const EpisodeBody = Type.Object({
  ...IdFields,
  titles: Type.Optional(Text('titles')),
  number: Type.Optional(Text('number')),
  title: Type.Optional(Text('episodeTitle')),
  airDate: Type.Optional(Text('airDate')),
  synopsis: Type.Optional(Text('episodeSynopsis')),
  directors: Type.Optional(Text('directors')),
  watchLinks: Type.Optional(Text('watchLinks')),
  watchLinkCountries: Type.Optional(Text('watchLinkCountries')),
});

// "?saved=1" after a redirect shows the "Saved" notice; any other value is ignored, never refused.
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) });
const isSaved = (query: { saved?: string }) => query.saved === '1';
const PageQuery = Type.Object({ page: Type.Optional(PageNumber) });
// The audit log's filters, from a GET form: a field left empty arrives as "" and means "any".
const AuditQuery = Type.Object({
  before: Type.Optional(EntryId),
  after: Type.Optional(EntryId),
  action: Type.Optional(Type.String({ pattern: '^([a-z-]+(\\.[a-z-]+)?)?$', maxLength: 64 })),
  actor: Type.Optional(Type.String({ maxLength: 254 })),
  from: Type.Optional(Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' })),
  to: Type.Optional(Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' })),
});

/** Registered with `app.register` by the admin area (../index.ts), behind its guard. */
export async function catalogueRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { adminCatalog, adminLists, filterChoices } = app.services;
  // The show form suggests the statuses shows already have: the /shows filter's own short list.
  const statuses = async () => (await filterChoices.showStatuses()).values;
  const pendingImports = new PendingImports();

  app.get(routes.admin.home, { schema: { querystring: PageQuery } }, async (request, reply) =>
    sendPage(
      adminPage(reply),
      AdminHomePage({ user: request.user, shows: await adminLists.shows(request.query.page ?? 1), canAudit: ADMIN_ROLES.includes(request.user!.role) }),
    ),
  );

  app.get(routes.admin.audit, { config: { adminRoles: ADMIN_ROLES }, schema: { querystring: AuditQuery } }, async (request, reply) => {
    const { before, after, ...given } = request.query;
    const filter = Object.fromEntries(Object.entries(given).map(([name, value]) => [name, value?.trim() || undefined]));
    return sendPage(
      adminPage(reply),
      AuditPage({ user: request.user, filter, entries: await adminLists.auditLog({ before, after }, ADMIN_PAGE_SIZE, filter) }),
    );
  });

  app.get(routes.admin.newShow, async (request, reply) => sendPage(adminPage(reply), NewShowPage({ user: request.user, statuses: await statuses() })));

  app.post(routes.admin.newShow, { schema: { body: ShowBody } }, async (request, reply) => {
    const values = { slug: request.body.slug ?? '', ...showFieldsOf(request.body) };
    try {
      const show = await adminCatalog.createShow(actorOf(request), values);
      return reply.redirect(`${adminPath.show(show.slug)}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(adminPage(reply, 400), NewShowPage({ user: request.user, statuses: await statuses(), values, errors: error.fields }));
    }
  });

  // `?season=2&page=3`: season 2 of the editor lists its third page of episodes.
  const ShowEditorQuery = Type.Object({ ...SavedQuery.properties, season: Type.Optional(PathNumber), page: Type.Optional(PageNumber) });
  app.get(routes.admin.show, { schema: { params: ShowParams, querystring: ShowEditorQuery } }, async (request, reply) => {
    const editor = await adminLists.showEditor(request.params.show, request.query);
    const ids = await adminCatalog.showExternalIds(editor.show.id);
    const values = storedShowValues(editor.show, ids, await adminCatalog.showTitles(editor.show.id));
    return sendPage(adminPage(reply), EditShowPage({ user: request.user, ...editor, statuses: await statuses(), values, saved: isSaved(request.query) }));
  });

  app.post(routes.admin.show, { schema: { params: ShowParams, body: ShowBody } }, async (request, reply) => {
    const values = showFieldsOf(request.body);
    try {
      await adminCatalog.updateShow(actorOf(request), request.params.show, values);
      // Post/redirect/get: reloading the page does not send the form again.
      return reply.redirect(`${adminPath.show(request.params.show)}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const data = await adminLists.showEditor(request.params.show);
      const ids = values.ids ?? (await adminCatalog.showExternalIds(data.show.id));
      const titles = values.titles ?? (await adminCatalog.showTitles(data.show.id));
      return sendPage(
        adminPage(reply, 400),
        EditShowPage({
          user: request.user,
          ...data,
          statuses: await statuses(),
          values: { ...values, ids, titles, slug: request.params.show },
          errors: error.fields,
        }),
      );
    }
  });

  // Deleting asks first: the GET page says what goes with it, and only its form sends the
  // confirmation; a POST without it deletes nothing and lands on that page.
  app.get(routes.admin.deleteShow, { schema: { params: ShowParams } }, async (request, reply) => {
    const { show, impact } = await adminCatalog.deletionImpact(request.params.show);
    const action = adminPath.deleteShow(show.slug);
    return sendPage(adminPage(reply), ConfirmDeletePage({ user: request.user, target: { show }, impact, action, cancel: adminPath.show(show.slug) }));
  });

  app.post(routes.admin.deleteShow, { schema: { params: ShowParams, body: ConfirmBody } }, async (request, reply) => {
    if (!isConfirmed(request.body)) return reply.redirect(adminPath.deleteShow(request.params.show), 303);
    await adminCatalog.deleteShow(actorOf(request), request.params.show);
    return reply.redirect(adminPath.home, 303);
  });

  app.post(
    routes.admin.addSeason,
    { schema: { params: ShowParams, body: Type.Object({ season: Type.String({ maxLength: 20 }) }) } },
    async (request, reply) => {
      try {
        await adminCatalog.addSeason(actorOf(request), request.params.show, request.body.season);
        return reply.redirect(`${adminPath.show(request.params.show)}?saved=1`, 303);
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        const editor = await adminLists.showEditor(request.params.show);
        const ids = await adminCatalog.showExternalIds(editor.show.id);
        const values = storedShowValues(editor.show, ids, await adminCatalog.showTitles(editor.show.id));
        return sendPage(adminPage(reply, 400), EditShowPage({ user: request.user, ...editor, statuses: await statuses(), values, errors: error.fields }));
      }
    },
  );

  app.get(routes.admin.newEpisode, { schema: { params: SeasonParams } }, async (request, reply) => {
    const show = await adminLists.findShow(request.params.show);
    return sendPage(adminPage(reply), EditEpisodePage({ user: request.user, show, season: request.params.season, episode: null, values: {} }));
  });

  app.get(routes.admin.episode, { schema: { params: EpisodeParams, querystring: SavedQuery } }, async (request, reply) => {
    const { show, episode } = await adminLists.episodeForEditor(request.params.show, request.params.season, request.params.episode);
    const values = {
      title: episode.title ?? '',
      airDate: episode.airDate ?? '',
      synopsis: episode.synopsis ?? '',
      directors: episode.directors.join('\n'),
      watchLinks: episode.watchLinks.map((l) => `${l.provider} = ${l.url}`).join('\n'),
      watchLinkCountries: watchLinkCountriesText(episode.watchLinks),
      ids: await adminCatalog.episodeExternalIds(episode.id),
      titles: await adminCatalog.episodeTitles(episode.id),
    };
    return sendPage(
      adminPage(reply),
      EditEpisodePage({
        user: request.user,
        show,
        season: request.params.season,
        episode: episode.number,
        values,
        saved: isSaved(request.query),
        canModerate: ADMIN_ROLES.includes(request.user!.role),
      }),
    );
  });

  const saveEpisode = (isNew: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const params = request.params as { show: string; season: number; episode?: number };
    const body = request.body as Record<string, string | undefined>;
    const values = {
      number: body.number ?? '',
      title: body.title ?? '',
      airDate: body.airDate ?? '',
      synopsis: body.synopsis ?? '',
      directors: body.directors ?? '',
      watchLinks: body.watchLinks ?? '',
      watchLinkCountries: body.watchLinkCountries ?? '',
      ids: externalIdFieldsFrom(body),
      titles: body.titles,
    };
    try {
      const number = await adminCatalog.saveEpisode(actorOf(request), params.show, params.season, isNew ? null : params.episode!, values);
      return reply.redirect(`${adminPath.episode(params.show, params.season, number)}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const show = await adminLists.findShow(params.show);
      return sendPage(
        adminPage(reply, 400),
        EditEpisodePage({ user: request.user, show, season: params.season, episode: isNew ? null : params.episode!, values, errors: error.fields }),
      );
    }
  };

  app.get(routes.admin.deleteSeason, { schema: { params: SeasonParams } }, async (request, reply) => {
    const { show, impact } = await adminCatalog.deletionImpact(request.params.show, request.params.season);
    const action = adminPath.deleteSeason(show.slug, request.params.season);
    const target = { show, season: request.params.season };
    return sendPage(adminPage(reply), ConfirmDeletePage({ user: request.user, target, impact, action, cancel: adminPath.show(show.slug) }));
  });

  app.post(routes.admin.deleteSeason, { schema: { params: SeasonParams, body: ConfirmBody } }, async (request, reply) => {
    if (!isConfirmed(request.body)) return reply.redirect(adminPath.deleteSeason(request.params.show, request.params.season), 303);
    await adminCatalog.deleteSeason(actorOf(request), request.params.show, request.params.season);
    return reply.redirect(adminPath.show(request.params.show), 303);
  });

  app.post(routes.admin.newEpisode, { schema: { params: SeasonParams, body: EpisodeBody } }, saveEpisode(true));
  app.post(routes.admin.episode, { schema: { params: EpisodeParams, body: EpisodeBody } }, saveEpisode(false));

  // Catalogue import by upload: the CLI's importer behind a form.
  app.get(routes.admin.import, async (request, reply) => sendPage(adminPage(reply), ImportPage({ user: request.user })));

  /**
   * Reads, checks and imports (or dry-runs) one file. After a clean dry run the file is kept on the
   * server, so the page can offer to import it without choosing it again.
   */
  async function importText(
    request: FastifyRequest,
    reply: FastifyReply,
    upload: { text: string; source: string; format: ImportFormat | undefined; dryRun: boolean },
  ) {
    const { text, source, format, dryRun } = upload;
    const viewer = request.user as User;
    try {
      if (!text) throw new CatalogFormatError(source, [says('errors.catalogueChooseFile')]);
      const file = await parseCatalogTextOffThread(text, source, format);
      const summary = await adminCatalog.importFile(actorOf(request), file, source, dryRun, viewer.role);
      const pending = dryRun ? { token: pendingImports.keep(viewer.id, { text, source, format }), source, minutes: PENDING_IMPORT_MINUTES } : undefined;
      return sendPage(adminPage(reply), ImportPage({ user: viewer, summary: describeImport(summary, inWords), pending }));
    } catch (error) {
      // An editor's file with individual ratings: refused whole, on the form they can retry from.
      if (error instanceof RatingsNotAllowedError) return sendPage(adminPage(reply, 403), ImportPage({ user: viewer, source, problems: [error.message] }));
      if (!(error instanceof CatalogFormatError)) throw error;
      return sendPage(adminPage(reply, 400), ImportPage({ user: viewer, source: error.source, problems: error.wordings }));
    }
  }

  app.post(routes.admin.import, async (request, reply) => importText(request, reply, await readImportUpload(request)));

  // The real import of a file a dry run kept: the same checks run again on the same text.
  app.post(routes.admin.importPending, { schema: { body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 64 }) }) } }, async (request, reply) => {
    const viewer = request.user as User;
    const kept = pendingImports.find(viewer.id, request.body.token);
    if (!kept) {
      const problems = [t('admin.importPendingGone', { minutes: PENDING_IMPORT_MINUTES })];
      return sendPage(adminPage(reply, 410), ImportPage({ user: viewer, source: t('admin.importDryRunSource'), problems }));
    }
    const response = await importText(request, reply, { ...kept, dryRun: false });
    if (reply.statusCode === 200) pendingImports.take(request.body.token);
    return response;
  });

  app.get(routes.admin.deleteEpisode, { schema: { params: EpisodeParams } }, async (request, reply) => {
    const { season, episode } = request.params;
    const { show, impact } = await adminCatalog.deletionImpact(request.params.show, season, episode);
    const action = adminPath.deleteEpisode(show.slug, season, episode);
    const cancel = adminPath.episode(show.slug, season, episode);
    return sendPage(adminPage(reply), ConfirmDeletePage({ user: request.user, target: { show, season, episode }, impact, action, cancel }));
  });

  app.post(routes.admin.deleteEpisode, { schema: { params: EpisodeParams, body: ConfirmBody } }, async (request, reply) => {
    const { show, season, episode } = request.params;
    if (!isConfirmed(request.body)) return reply.redirect(adminPath.deleteEpisode(show, season, episode), 303);
    await adminCatalog.deleteEpisode(actorOf(request), show, season, episode);
    return reply.redirect(adminPath.show(show), 303);
  });
}
