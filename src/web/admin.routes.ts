/**
 * Every page and form under /admin (bulk moderation aside), behind one guard registered for the
 * whole area.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { User } from '../accounts/accounts.repository.js';
import { FormError, ForbiddenError } from '../shared/errors.js';
import { externalIdField, externalIdFieldsFrom, FORM_FIELD_MAX_LENGTH } from '../admin/admin-catalog.service.js';
import { EXTERNAL_ID_SOURCES } from '../catalog/external-ids.js';
import type { Role } from '../db/schema.js';
import { requireSameOriginForm } from '../http/cross-origin.js';
import { sendPage } from './send-page.js';
import { CatalogFormatError } from '../importers/catalog-format.js';
import { RatingsNotAllowedError } from '../importers/catalog-import.js';
import { describeImport } from '../importers/import-report.js';
import { parseCatalogTextOffThread } from '../importers/parse-off-thread.js';
import type { ImportFormat } from '../importers/read-catalog.js';
import { readImportUpload } from './import-upload.js';
import { bulkModerationRoutes } from './bulk-moderation.routes.js';
import { AuditPage } from './pages/admin/audit.pages.js';
import { AdminHomePage, ConfirmDeletePage, EditEpisodePage, EditShowPage, NewShowPage } from './pages/admin/catalog.pages.js';
import { ImportPage } from './pages/admin/import.pages.js';
import { ConfirmRemoveVoterPage, EpisodeModerationPage, ModerationPage } from './pages/admin/moderation.pages.js';
import { ADMIN_ROLES, EDITOR_ROLES } from '../admin/admin-roles.js';
import { adminPath } from '../shared/paths.js';
import { CONFIRM_DELETE } from './confirm-delete.js';
import { ADMIN_PAGE_SIZE, parseVoteCursor, VOTE_CURSOR_PATTERN } from '../admin/admin-paging.js';
import { PENDING_IMPORT_MINUTES, PendingImports } from '../admin/pending-imports.js';
import { EpisodeParams, PageNumber, PathNumber, SeasonParams, ShowParams } from '../http/url-schemas.js';

// Field sizes come from the catalogue's rules (see FORM_FIELD_MAX_LENGTH); the service says what is wrong.
const Text = (field: keyof typeof FORM_FIELD_MAX_LENGTH) => Type.String({ maxLength: FORM_FIELD_MAX_LENGTH[field] });
// One field per site (imdbId, tvdbId, …) on the show and episode forms.
const IdFields = Object.fromEntries(EXTERNAL_ID_SOURCES.map((source) => [externalIdField(source), Type.Optional(Text('externalId'))]));
const ShowBody = Type.Object({
  ...IdFields,
  slug: Type.Optional(Text('slug')),
  title: Text('showTitle'),
  synopsis: Type.Optional(Text('showSynopsis')),
  network: Type.Optional(Text('network')),
  status: Type.Optional(Text('status')),
});
const EpisodeBody = Type.Object({
  ...IdFields,
  number: Type.Optional(Text('number')),
  title: Type.Optional(Text('episodeTitle')),
  airDate: Type.Optional(Text('airDate')),
  synopsis: Type.Optional(Text('episodeSynopsis')),
  directors: Type.Optional(Text('directors')),
  watchLinks: Type.Optional(Text('watchLinks')),
});

// "?saved=1" after a redirect shows the "Saved" notice; any other value is ignored, never refused.
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) });
const isSaved = (query: { saved?: string }) => query.saved === '1';
const ConfirmBody = Type.Object({ [CONFIRM_DELETE.name]: Type.Optional(Type.String({ maxLength: 20 })) });
const isConfirmed = (body: Record<string, string | undefined>) => body[CONFIRM_DELETE.name] === CONFIRM_DELETE.value;
// Paged lists (shared/paging.ts, admin-paging.ts): `?page=` for lists in a fixed order, `?before=`/`?after=` an
// entry's id (or a vote's cursor) for lists ordered by time.
const EntryId = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const PageQuery = Type.Object({ page: Type.Optional(PageNumber) });
const KeysetQuery = Type.Object({ before: Type.Optional(EntryId), after: Type.Optional(EntryId) });
const VoteCursor = Type.String({ pattern: VOTE_CURSOR_PATTERN, maxLength: 60 });
const ModerationQuery = Type.Object({ page: Type.Optional(PageNumber), blocksBefore: Type.Optional(EntryId), blocksAfter: Type.Optional(EntryId) });

/**
 * Who may use the admin side: a visitor who is not signed in is sent to sign in; a signed-in fan
 * gets 403 and nothing is done. Checked before the handler runs, so a refused request never acts.
 */
function guard(roles: readonly Role[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.user) {
      return reply.redirect(`/account/sign-in?return=${encodeURIComponent(request.url)}`, 303);
    }
    if (!roles.includes(request.user.role)) {
      throw new ForbiddenError(`Only ${roles.join(' and ')} accounts can do this. You are signed in as a ${request.user.role}.`);
    }
  };
}

const actorOf = (request: FastifyRequest) => {
  const user = request.user as User;
  return { id: user.id, email: user.email };
};

/** The operator's side: catalogue editing (admins and editors) and the audit log (admins). */
export async function adminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { adminCatalog, adminLists, moderation } = app.services;
  const publicUrl = app.config.publicUrl;
  const editors = { preValidation: guard(EDITOR_ROLES) };
  const editorForms = {
    onRequest: async (request: FastifyRequest) => requireSameOriginForm(request, publicUrl),
    preValidation: guard(EDITOR_ROLES),
  };
  const pendingImports = new PendingImports();
  const user = (request: FastifyRequest) => request.user;
  const page = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  app.get('/admin', { ...editors, schema: { querystring: PageQuery } }, async (request, reply) =>
    sendPage(
      page(reply),
      AdminHomePage({ user: user(request), shows: await adminLists.shows(request.query.page ?? 1), canAudit: ADMIN_ROLES.includes(request.user!.role) }),
    ),
  );

  app.get(adminPath.audit, { preValidation: guard(ADMIN_ROLES), schema: { querystring: KeysetQuery } }, async (request, reply) =>
    sendPage(page(reply), AuditPage({ user: user(request), entries: await adminLists.auditLog(request.query, ADMIN_PAGE_SIZE) })),
  );

  app.get(adminPath.newShow, editors, async (request, reply) => sendPage(page(reply), NewShowPage({ user: user(request) })));

  app.post('/admin/shows/new', { ...editorForms, schema: { body: ShowBody } }, async (request, reply) => {
    const values = {
      slug: request.body.slug ?? '',
      title: request.body.title,
      synopsis: request.body.synopsis ?? '',
      network: request.body.network ?? '',
      status: request.body.status ?? '',
      ids: externalIdFieldsFrom(request.body),
    };
    try {
      const show = await adminCatalog.createShow(actorOf(request), values);
      return reply.redirect(`${adminPath.show(show.slug)}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(page(reply).code(400), NewShowPage({ user: user(request), values, errors: error.fields }));
    }
  });

  // `?season=2&page=3`: season 2 of the editor lists its third page of episodes.
  const ShowEditorQuery = Type.Object({ ...SavedQuery.properties, season: Type.Optional(PathNumber), page: Type.Optional(PageNumber) });
  app.get('/admin/shows/:show', { ...editors, schema: { params: ShowParams, querystring: ShowEditorQuery } }, async (request, reply) => {
    const editor = await adminLists.showEditor(request.params.show, request.query);
    const ids = await adminCatalog.showExternalIds(editor.show.id);
    return sendPage(page(reply), EditShowPage({ user: user(request), ...editor, ids, saved: isSaved(request.query) }));
  });

  app.post('/admin/shows/:show', { ...editorForms, schema: { params: ShowParams, body: ShowBody } }, async (request, reply) => {
    const values = {
      title: request.body.title,
      synopsis: request.body.synopsis ?? '',
      network: request.body.network ?? '',
      status: request.body.status ?? '',
      ids: externalIdFieldsFrom(request.body),
    };
    try {
      await adminCatalog.updateShow(actorOf(request), request.params.show, values);
      // Post/redirect/get: reloading the page does not send the form again.
      return reply.redirect(`${adminPath.show(request.params.show)}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const data = await adminLists.showEditor(request.params.show);
      const ids = values.ids ?? (await adminCatalog.showExternalIds(data.show.id));
      return sendPage(
        page(reply).code(400),
        EditShowPage({ user: user(request), ...data, values: { ...values, ids, slug: request.params.show }, errors: error.fields }),
      );
    }
  });

  // Deleting asks first: the GET page says what goes with it, and only its form sends the
  // confirmation; a POST without it deletes nothing and lands on that page.
  app.get('/admin/shows/:show/delete', { ...editors, schema: { params: ShowParams } }, async (request, reply) => {
    const { show, impact } = await adminCatalog.deletionImpact(request.params.show);
    const action = adminPath.deleteShow(show.slug);
    return sendPage(page(reply), ConfirmDeletePage({ user: user(request), target: { show }, impact, action, cancel: adminPath.show(show.slug) }));
  });

  app.post('/admin/shows/:show/delete', { ...editorForms, schema: { params: ShowParams, body: ConfirmBody } }, async (request, reply) => {
    if (!isConfirmed(request.body)) return reply.redirect(adminPath.deleteShow(request.params.show), 303);
    await adminCatalog.deleteShow(actorOf(request), request.params.show);
    return reply.redirect(adminPath.home, 303);
  });

  app.post(
    '/admin/shows/:show/seasons',
    { ...editorForms, schema: { params: ShowParams, body: Type.Object({ season: Type.String({ maxLength: 20 }) }) } },
    async (request, reply) => {
      try {
        await adminCatalog.addSeason(actorOf(request), request.params.show, request.body.season);
        return reply.redirect(`${adminPath.show(request.params.show)}?saved=1`, 303);
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        const editor = await adminLists.showEditor(request.params.show);
        const ids = await adminCatalog.showExternalIds(editor.show.id);
        return sendPage(page(reply).code(400), EditShowPage({ user: user(request), ...editor, ids, errors: error.fields }));
      }
    },
  );

  app.get('/admin/shows/:show/seasons/:season/episodes/new', { ...editors, schema: { params: SeasonParams } }, async (request, reply) => {
    const show = await adminLists.findShow(request.params.show);
    return sendPage(page(reply), EditEpisodePage({ user: user(request), show, season: request.params.season, episode: null, values: {} }));
  });

  app.get(
    '/admin/shows/:show/seasons/:season/episodes/:episode',
    { ...editors, schema: { params: EpisodeParams, querystring: SavedQuery } },
    async (request, reply) => {
      const { show, episode } = await adminLists.episodeForEditor(request.params.show, request.params.season, request.params.episode);
      const values = {
        title: episode.title ?? '',
        airDate: episode.airDate ?? '',
        synopsis: episode.synopsis ?? '',
        directors: episode.directors.join('\n'),
        watchLinks: episode.watchLinks.map((l) => `${l.provider} = ${l.url}`).join('\n'),
        ids: await adminCatalog.episodeExternalIds(episode.id),
      };
      return sendPage(
        page(reply),
        EditEpisodePage({
          user: user(request),
          show,
          season: request.params.season,
          episode: episode.number,
          values,
          saved: isSaved(request.query),
          canModerate: ADMIN_ROLES.includes(request.user!.role),
        }),
      );
    },
  );

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
      ids: externalIdFieldsFrom(body),
    };
    try {
      const number = await adminCatalog.saveEpisode(actorOf(request), params.show, params.season, isNew ? null : params.episode!, values);
      return reply.redirect(`${adminPath.episode(params.show, params.season, number)}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const show = await adminLists.findShow(params.show);
      return sendPage(
        page(reply).code(400),
        EditEpisodePage({ user: user(request), show, season: params.season, episode: isNew ? null : params.episode!, values, errors: error.fields }),
      );
    }
  };

  app.get('/admin/shows/:show/seasons/:season/delete', { ...editors, schema: { params: SeasonParams } }, async (request, reply) => {
    const { show, impact } = await adminCatalog.deletionImpact(request.params.show, request.params.season);
    const action = adminPath.deleteSeason(show.slug, request.params.season);
    const target = { show, season: request.params.season };
    return sendPage(page(reply), ConfirmDeletePage({ user: user(request), target, impact, action, cancel: adminPath.show(show.slug) }));
  });

  app.post('/admin/shows/:show/seasons/:season/delete', { ...editorForms, schema: { params: SeasonParams, body: ConfirmBody } }, async (request, reply) => {
    if (!isConfirmed(request.body)) return reply.redirect(adminPath.deleteSeason(request.params.show, request.params.season), 303);
    await adminCatalog.deleteSeason(actorOf(request), request.params.show, request.params.season);
    return reply.redirect(adminPath.show(request.params.show), 303);
  });

  app.post('/admin/shows/:show/seasons/:season/episodes/new', { ...editorForms, schema: { params: SeasonParams, body: EpisodeBody } }, saveEpisode(true));
  app.post(
    '/admin/shows/:show/seasons/:season/episodes/:episode',
    { ...editorForms, schema: { params: EpisodeParams, body: EpisodeBody } },
    saveEpisode(false),
  );

  // Catalogue import by upload: the CLI's importer behind a form.
  app.get(adminPath.import, editors, async (request, reply) => sendPage(page(reply), ImportPage({ user: user(request) })));

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
      if (!text) throw new CatalogFormatError(source, ['choose a file to import']);
      const file = await parseCatalogTextOffThread(text, source, format);
      const summary = await adminCatalog.importFile(actorOf(request), file, source, dryRun, viewer.role);
      const pending = dryRun ? { token: pendingImports.keep(viewer.id, { text, source, format }), source, minutes: PENDING_IMPORT_MINUTES } : undefined;
      return sendPage(page(reply), ImportPage({ user: viewer, summary: describeImport(summary), pending }));
    } catch (error) {
      // An editor's file with individual ratings: refused whole, on the form they can retry from.
      if (error instanceof RatingsNotAllowedError) return sendPage(page(reply).code(403), ImportPage({ user: viewer, source, problems: [error.message] }));
      if (!(error instanceof CatalogFormatError)) throw error;
      return sendPage(page(reply).code(400), ImportPage({ user: viewer, source: error.source, problems: error.problems }));
    }
  }

  app.post(adminPath.import, { onRequest: editorForms.onRequest, preValidation: guard(EDITOR_ROLES) }, async (request, reply) =>
    importText(request, reply, await readImportUpload(request)),
  );

  // The real import of a file a dry run kept: the same checks run again on the same text.
  app.post(
    adminPath.importPending,
    { ...editorForms, schema: { body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 64 }) }) } },
    async (request, reply) => {
      const viewer = request.user as User;
      const kept = pendingImports.find(viewer.id, request.body.token);
      if (!kept) {
        const problems = [
          `the file of that dry run is no longer kept (it is kept ${PENDING_IMPORT_MINUTES} minutes, by the server that ran it); choose it again`,
        ];
        return sendPage(page(reply).code(410), ImportPage({ user: viewer, source: 'Dry run', problems }));
      }
      const response = await importText(request, reply, { ...kept, dryRun: false });
      if (reply.statusCode === 200) pendingImports.take(request.body.token);
      return response;
    },
  );

  // Moderation: admins only.
  const admins = { preValidation: guard(ADMIN_ROLES) };
  const adminForms = { onRequest: editorForms.onRequest, preValidation: guard(ADMIN_ROLES) };
  // Bulk moderation and held ratings live in their own file, behind the same guards.
  await bulkModerationRoutes(fastify, { admins, adminForms });

  async function moderationPage(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: Record<string, string>; message?: string } = {},
    status = 200,
    query: { page?: number; blocksBefore?: number; blocksAfter?: number } = {},
  ) {
    const flagged = await moderation.flagged(query.page ?? 1);
    const items = flagged.items.map((f) => ({
      ...f,
      link: f.address && adminPath.moderateEpisode(f.address.show, f.address.season, f.address.episode),
    }));
    const blocks = await moderation.blocksPage({ before: query.blocksBefore, after: query.blocksAfter });
    return sendPage(page(reply).code(status), ModerationPage({ user: user(request), flags: { ...flagged, items }, blocks, query, ...extra }));
  }

  app.get(adminPath.moderation, { ...admins, schema: { querystring: ModerationQuery } }, async (request, reply) =>
    moderationPage(request, reply, {}, 200, request.query),
  );

  const NewestQuery = Type.Object({ before: Type.Optional(VoteCursor), after: Type.Optional(VoteCursor) });
  app.get(
    '/admin/moderation/shows/:show/seasons/:season/episodes/:episode',
    { ...admins, schema: { params: EpisodeParams, querystring: NewestQuery } },
    async (request, reply) => {
      const { show, season, episode } = request.params;
      const cursor = { before: parseVoteCursor(request.query.before), after: parseVoteCursor(request.query.after) };
      return sendPage(page(reply), EpisodeModerationPage({ user: user(request), report: await moderation.episodeReport(show, season, episode, cursor) }));
    },
  );

  app.post(
    '/admin/moderation/remove-voter',
    { ...adminForms, schema: { body: Type.Object({ voterId: Type.String({ maxLength: 100 }), ...ConfirmBody.properties }) } },
    async (request, reply) => {
      // Like a deletion, removing a voter's ratings asks first, on a page of its own.
      if (!isConfirmed(request.body)) {
        const voterId = request.body.voterId.trim();
        return sendPage(page(reply), ConfirmRemoveVoterPage({ user: user(request), voterId, reach: await moderation.voterReach(voterId) }));
      }
      try {
        const removed = await moderation.removeVoterRatings(actorOf(request), request.body.voterId.trim());
        return moderationPage(request, reply, { message: `Removed ${removed} rating${removed === 1 ? '' : 's'} of ${request.body.voterId.trim()}.` });
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        return moderationPage(request, reply, { errors: error.fields }, 400);
      }
    },
  );

  app.post(
    '/admin/moderation/blocks',
    { ...adminForms, schema: { body: Type.Object({ kind: Type.String({ maxLength: 10 }), value: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      try {
        await moderation.block(actorOf(request), request.body.kind, request.body.value);
        return reply.redirect(adminPath.moderation, 303);
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        return moderationPage(request, reply, { errors: error.fields }, 400);
      }
    },
  );

  app.post('/admin/moderation/blocks/:id/delete', { ...adminForms, schema: { params: Type.Object({ id: PathNumber }) } }, async (request, reply) => {
    await moderation.unblock(actorOf(request), request.params.id);
    return reply.redirect(adminPath.moderation, 303);
  });

  app.post(
    '/admin/moderation/flags/:id/close',
    { ...adminForms, schema: { params: Type.Object({ id: EntryId }), body: Type.Object({ status: Type.String({ maxLength: 20 }) }) } },
    async (request, reply) => {
      try {
        await moderation.closeFlag(actorOf(request), request.params.id, request.body.status);
        return reply.redirect(adminPath.moderation, 303);
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        return moderationPage(request, reply, { errors: error.fields }, 400);
      }
    },
  );

  app.get('/admin/shows/:show/seasons/:season/episodes/:episode/delete', { ...editors, schema: { params: EpisodeParams } }, async (request, reply) => {
    const { season, episode } = request.params;
    const { show, impact } = await adminCatalog.deletionImpact(request.params.show, season, episode);
    const action = adminPath.deleteEpisode(show.slug, season, episode);
    const cancel = adminPath.episode(show.slug, season, episode);
    return sendPage(page(reply), ConfirmDeletePage({ user: user(request), target: { show, season, episode }, impact, action, cancel }));
  });

  app.post(
    '/admin/shows/:show/seasons/:season/episodes/:episode/delete',
    { ...editorForms, schema: { params: EpisodeParams, body: ConfirmBody } },
    async (request, reply) => {
      const { show, season, episode } = request.params;
      if (!isConfirmed(request.body)) return reply.redirect(adminPath.deleteEpisode(show, season, episode), 303);
      await adminCatalog.deleteEpisode(actorOf(request), show, season, episode);
      return reply.redirect(adminPath.show(show), 303);
    },
  );
}
