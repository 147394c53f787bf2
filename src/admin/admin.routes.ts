import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { User } from '../accounts/accounts.repository.js';
import { FormError } from '../accounts/accounts.service.js';
import type { Role } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { requireSameOriginForm } from '../http/cross-origin.js';
import { sendPage } from '../http/send-page.js';
import { basename } from 'node:path';
import { CatalogFormatError } from '../importers/catalog-format.js';
import { describeImport } from '../importers/import-report.js';
import { parseCatalogText, type ImportFormat } from '../importers/read-catalog.js';
import {
  adminPath,
  AdminHomePage,
  AuditPage,
  EditEpisodePage,
  EditShowPage,
  EpisodeModerationPage,
  ImportPage,
  ModerationPage,
  NewShowPage,
} from '../web/pages/admin.pages.js';

const Text = Type.String({ maxLength: 20000 });
const ShowBody = Type.Object({
  slug: Type.Optional(Type.String({ maxLength: 200 })),
  title: Text,
  synopsis: Type.Optional(Text),
  network: Type.Optional(Text),
  status: Type.Optional(Text),
});
const EpisodeBody = Type.Object({
  number: Type.Optional(Type.String({ maxLength: 20 })),
  title: Type.Optional(Text),
  airDate: Type.Optional(Text),
  synopsis: Type.Optional(Text),
  directors: Type.Optional(Text),
  watchLinks: Type.Optional(Text),
});
const Slug = Type.String({ minLength: 1, maxLength: 100 });
const Number_ = Type.Integer({ minimum: 1, maximum: 100000 });

const EDITORS: Role[] = ['admin', 'editor'];

/**
 * Who may use the admin side: a visitor who is not signed in is sent to sign in; a signed-in fan
 * gets 403 and nothing is done. Checked before the handler runs, so a refused request never acts.
 */
function guard(roles: Role[]) {
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
  const { adminCatalog, audit, catalog, moderation } = app.services;
  const publicUrl = app.config.publicUrl;
  const editors = { preValidation: guard(EDITORS) };
  const editorForms = {
    onRequest: async (request: FastifyRequest) => requireSameOriginForm(request, publicUrl),
    preValidation: guard(EDITORS),
  };
  const page = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  async function showWithEpisodes(slug: string) {
    const show = await catalog.findShowBySlug(slug);
    if (!show) throw new NotFoundError(`There is no show called “${slug}”.`);
    const seasons = await catalog.listSeasons(show.id);
    return { show, seasons: await Promise.all(seasons.map(async (s) => ({ ...s, episodes: await catalog.episodesOfSeason(s.id) }))) };
  }

  app.get('/admin', editors, async (request, reply) =>
    sendPage(page(reply), AdminHomePage({ shows: await catalog.listShows(), canAudit: request.user?.role === 'admin' })),
  );

  app.get('/admin/audit', { preValidation: guard(['admin']) }, async (_request, reply) =>
    sendPage(page(reply), AuditPage({ entries: await audit.list(200) })),
  );

  app.get('/admin/shows/new', editors, async (_request, reply) => sendPage(page(reply), NewShowPage({})));

  app.post('/admin/shows/new', { ...editorForms, schema: { body: ShowBody } }, async (request, reply) => {
    const values = { slug: request.body.slug ?? '', title: request.body.title, synopsis: request.body.synopsis ?? '', network: request.body.network ?? '', status: request.body.status ?? '' };
    try {
      const show = await adminCatalog.createShow(actorOf(request), values);
      return reply.redirect(adminPath.show(show.slug), 303);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(page(reply).code(400), NewShowPage({ values, errors: error.fields }));
    }
  });

  app.get('/admin/shows/:show', { ...editors, schema: { params: Type.Object({ show: Slug }) } }, async (request, reply) =>
    sendPage(page(reply), EditShowPage(await showWithEpisodes(request.params.show))),
  );

  app.post('/admin/shows/:show', { ...editorForms, schema: { params: Type.Object({ show: Slug }), body: ShowBody } }, async (request, reply) => {
    const values = { title: request.body.title, synopsis: request.body.synopsis ?? '', network: request.body.network ?? '', status: request.body.status ?? '' };
    try {
      await adminCatalog.updateShow(actorOf(request), request.params.show, values);
      return sendPage(page(reply), EditShowPage({ ...(await showWithEpisodes(request.params.show)), saved: true }));
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const data = await showWithEpisodes(request.params.show);
      return sendPage(page(reply).code(400), EditShowPage({ ...data, values: { ...values, slug: request.params.show }, errors: error.fields }));
    }
  });

  app.post('/admin/shows/:show/delete', { ...editorForms, schema: { params: Type.Object({ show: Slug }) } }, async (request, reply) => {
    await adminCatalog.deleteShow(actorOf(request), request.params.show);
    return reply.redirect(adminPath.home, 303);
  });

  app.post(
    '/admin/shows/:show/seasons',
    { ...editorForms, schema: { params: Type.Object({ show: Slug }), body: Type.Object({ season: Type.String({ maxLength: 20 }) }) } },
    async (request, reply) => {
      try {
        await adminCatalog.addSeason(actorOf(request), request.params.show, request.body.season);
        return reply.redirect(adminPath.show(request.params.show), 303);
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        return sendPage(page(reply).code(400), EditShowPage({ ...(await showWithEpisodes(request.params.show)), errors: error.fields }));
      }
    },
  );

  const SeasonParams = Type.Object({ show: Slug, season: Number_ });
  const EpisodeParams = Type.Object({ show: Slug, season: Number_, episode: Number_ });

  app.get('/admin/shows/:show/seasons/:season/episodes/new', { ...editors, schema: { params: SeasonParams } }, async (request, reply) => {
    const { show } = await showWithEpisodes(request.params.show);
    return sendPage(page(reply), EditEpisodePage({ show, season: request.params.season, episode: null, values: {} }));
  });

  app.get('/admin/shows/:show/seasons/:season/episodes/:episode', { ...editors, schema: { params: EpisodeParams } }, async (request, reply) => {
    const { show, seasons } = await showWithEpisodes(request.params.show);
    const episode = seasons.find((s) => s.number === request.params.season)?.episodes.find((e) => e.number === request.params.episode);
    if (!episode) throw new NotFoundError(`${show.title} has no season ${request.params.season} episode ${request.params.episode}.`);
    const values = {
      title: episode.title ?? '',
      airDate: episode.airDate ?? '',
      synopsis: episode.synopsis ?? '',
      directors: episode.directors.join('\n'),
      watchLinks: episode.watchLinks.map((l) => `${l.provider} = ${l.url}`).join('\n'),
    };
    return sendPage(page(reply), EditEpisodePage({ show, season: request.params.season, episode: episode.number, values }));
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
    };
    try {
      await adminCatalog.saveEpisode(actorOf(request), params.show, params.season, isNew ? null : params.episode!, values);
      return reply.redirect(adminPath.show(params.show), 303);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const { show } = await showWithEpisodes(params.show);
      return sendPage(
        page(reply).code(400),
        EditEpisodePage({ show, season: params.season, episode: isNew ? null : params.episode!, values, errors: error.fields }),
      );
    }
  };

  app.post('/admin/shows/:show/seasons/:season/delete', { ...editorForms, schema: { params: SeasonParams } }, async (request, reply) => {
    await adminCatalog.deleteSeason(actorOf(request), request.params.show, request.params.season);
    return reply.redirect(adminPath.show(request.params.show), 303);
  });

  app.post('/admin/shows/:show/seasons/:season/episodes/new', { ...editorForms, schema: { params: SeasonParams, body: EpisodeBody } }, saveEpisode(true));
  app.post('/admin/shows/:show/seasons/:season/episodes/:episode', { ...editorForms, schema: { params: EpisodeParams, body: EpisodeBody } }, saveEpisode(false));

  // Catalogue import by upload: the CLI's importer behind a form.
  app.get('/admin/import', editors, async (_request, reply) => sendPage(page(reply), ImportPage({})));

  app.post('/admin/import', { onRequest: editorForms.onRequest, preValidation: guard(EDITORS) }, async (request, reply) => {
    let text = '';
    let source = 'upload';
    let format: ImportFormat | undefined;
    let dryRun = false;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        source = basename(part.filename || 'upload');
        text = (await part.toBuffer()).toString('utf8');
      } else if (part.fieldname === 'format' && ['json', 'csv', 'tvmaze'].includes(String(part.value))) {
        format = part.value as ImportFormat;
      } else if (part.fieldname === 'dryRun') {
        dryRun = part.value === '1';
      }
    }
    try {
      if (!text) throw new CatalogFormatError(source, ['choose a file to import']);
      const file = parseCatalogText(text, source, format);
      const summary = await adminCatalog.importFile(actorOf(request), file, source, dryRun);
      return sendPage(page(reply), ImportPage({ summary: describeImport(summary) }));
    } catch (error) {
      if (!(error instanceof CatalogFormatError)) throw error;
      return sendPage(page(reply).code(400), ImportPage({ source: error.source, problems: error.problems }));
    }
  });

  // Moderation: admins only.
  const admins = { preValidation: guard(['admin']) };
  const adminForms = { onRequest: editorForms.onRequest, preValidation: guard(['admin']) };

  async function moderationPage(reply: FastifyReply, extra: { errors?: Record<string, string>; message?: string } = {}, status = 200) {
    const flags = (await moderation.flagged()).map((f) => ({
      ...f,
      link: f.address && `/admin/moderation/shows/${encodeURIComponent(f.address.show)}/seasons/${f.address.season}/episodes/${f.address.episode}`,
    }));
    return sendPage(page(reply).code(status), ModerationPage({ flags, blocks: await moderation.listBlocks(), ...extra }));
  }

  app.get('/admin/moderation', admins, async (_request, reply) => moderationPage(reply));

  app.get('/admin/moderation/shows/:show/seasons/:season/episodes/:episode', { ...admins, schema: { params: EpisodeParams } }, async (request, reply) => {
    const { show, season, episode } = request.params;
    return sendPage(page(reply), EpisodeModerationPage({ report: await moderation.episodeReport(show, season, episode) }));
  });

  app.post(
    '/admin/moderation/remove-voter',
    { ...adminForms, schema: { body: Type.Object({ voterId: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      try {
        const removed = await moderation.removeVoterRatings(actorOf(request), request.body.voterId.trim());
        return moderationPage(reply, { message: `Removed ${removed} rating${removed === 1 ? '' : 's'} of ${request.body.voterId.trim()}.` });
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        return moderationPage(reply, { errors: error.fields }, 400);
      }
    },
  );

  app.post(
    '/admin/moderation/blocks',
    { ...adminForms, schema: { body: Type.Object({ kind: Type.String({ maxLength: 10 }), value: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      try {
        await moderation.block(actorOf(request), request.body.kind, request.body.value);
        return reply.redirect('/admin/moderation', 303);
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        return moderationPage(reply, { errors: error.fields }, 400);
      }
    },
  );

  app.post('/admin/moderation/blocks/:id/delete', { ...adminForms, schema: { params: Type.Object({ id: Number_ }) } }, async (request, reply) => {
    await moderation.unblock(actorOf(request), request.params.id);
    return reply.redirect('/admin/moderation', 303);
  });

  app.post('/admin/shows/:show/seasons/:season/episodes/:episode/delete', { ...editorForms, schema: { params: EpisodeParams } }, async (request, reply) => {
    const { show, season, episode } = request.params;
    await adminCatalog.deleteEpisode(actorOf(request), show, season, episode);
    return reply.redirect(adminPath.show(show), 303);
  });
}
