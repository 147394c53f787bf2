/**
 * Routes for bulk moderation and held ratings (admins): thin handlers that parse the form, call
 * BulkModerationService and render. A GET previews; only the confirmation form's POST (carrying
 * the count its preview showed) acts. Registered by ./moderation.routes.ts, behind its guard (admins).
 */
import { t } from '../../../i18n/translate.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { User } from '../../../accounts/accounts.repository.js';
import { FormError, says } from '../../../shared/errors.js';
import { sendPage } from '../../ui/send-page.js';
import { offeredShows } from '../../ui/components/show-picker.js';
import { BulkModerationPage } from './bulk-moderation.pages.js';
import { ConfirmHeldPage, HeldRatingsPage } from './held-ratings.pages.js';
import { routes } from '../../../shared/paths.js';
import { CONFIRM_DELETE } from '../../ui/confirm-delete.js';
import { actorOf, adminPage } from '../admin-forms.js';
import { HELD_ACTIONS, type HeldAction, type HeldFilterInput, type SelectionInput } from '../../../moderation/bulk-moderation.service.js';
import { MAX_PAGE_NUMBER } from '../../../shared/paging.js';
import { LIMITS } from '../../../catalog/catalog-rules.js';

// Every field is free text here: the service checks it and says what is wrong beside it.
const Text = Type.Optional(Type.String({ maxLength: 100 }));
const SelectionFields = { show: Text, showSlug: Text, season: Text, episode: Text, address: Text, from: Text, to: Text };
// A network filter takes any network a show may store.
const HeldFields = { show: Text, showSlug: Text, season: Text, episode: Text, network: Type.Optional(Type.String({ maxLength: LIMITS.network })) };
const Confirmation = { action: Text, expected: Text, [CONFIRM_DELETE.name]: Text };
const EntryId = Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }));
// A repeated checkbox arrives as a list, a single one as a string.
const HeldIds = Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Array(Type.String({ maxLength: 20 }), { maxItems: MAX_PAGE_NUMBER })]));

const selectionOf = (fields: Record<string, unknown>): SelectionInput => ({
  show: fields.show as string | undefined,
  showSlug: fields.showSlug as string | undefined,
  season: fields.season as string | undefined,
  episode: fields.episode as string | undefined,
  address: fields.address as string | undefined,
  from: fields.from as string | undefined,
  to: fields.to as string | undefined,
});
const heldFilterOf = (fields: Record<string, unknown>): HeldFilterInput => ({
  show: (fields.show as string | undefined) ?? '',
  showSlug: (fields.showSlug as string | undefined) ?? '',
  season: (fields.season as string | undefined) ?? '',
  episode: (fields.episode as string | undefined) ?? '',
  network: (fields.network as string | undefined) ?? '',
});

/** Why a confirmation was not acted on, in the reader's language. */
const changed = () => t('admin.bulkChanged');

/** Called by ./moderation.routes.ts on its own instance, so these routes are behind its guard. */
export async function bulkModerationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { bulkModeration } = app.services;
  const viewer = (request: FastifyRequest) => request.user as User;

  async function preview(request: FastifyRequest, reply: FastifyReply, input: SelectionInput) {
    try {
      // The form comes back as checked: the show by its title, its slug in the hidden field.
      const checked = await bulkModeration.preview(input);
      return sendPage(adminPage(reply), BulkModerationPage({ user: viewer(request), input: checked.input, preview: checked }));
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(adminPage(reply, 400), BulkModerationPage({ user: viewer(request), input, errors: error.fields, showMatches: offeredShows(error) }));
    }
  }

  // Without `preview` (a prefilled link from an episode) the form is only filled in.
  app.get(routes.admin.bulkModeration, { schema: { querystring: Type.Object({ ...SelectionFields, preview: Text }) } }, async (request, reply) => {
    const input = selectionOf(request.query);
    if (!request.query.preview) return sendPage(adminPage(reply), BulkModerationPage({ user: viewer(request), input: await bulkModeration.named(input) }));
    return preview(request, reply, input);
  });

  app.post(routes.admin.bulkModeration, { schema: { body: Type.Object({ ...SelectionFields, ...Confirmation }) } }, async (request, reply) => {
    const input = selectionOf(request.body);
    // Like a deletion, only the confirmation form acts; anything else is shown the preview.
    if (request.body[CONFIRM_DELETE.name] !== CONFIRM_DELETE.value) return preview(request, reply, input);
    try {
      const result = await bulkModeration.apply(actorOf(request), input, request.body.action ?? '', request.body.expected);
      if (!result.done) {
        return sendPage(adminPage(reply, 409), BulkModerationPage({ user: viewer(request), input, preview: result.preview, notice: changed() }));
      }
      const message = t('admin.bulkDone', { action: request.body.action === 'hold' ? 'hold' : 'remove', count: result.count, description: result.description });
      return sendPage(adminPage(reply), BulkModerationPage({ user: viewer(request), input, message }));
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(adminPage(reply, 400), BulkModerationPage({ user: viewer(request), input, errors: error.fields, showMatches: offeredShows(error) }));
    }
  });

  async function heldList(
    request: FastifyRequest,
    reply: FastifyReply,
    input: HeldFilterInput,
    extra: { cursor?: { before?: number | undefined; after?: number | undefined }; message?: string } = {},
  ) {
    try {
      const found = await bulkModeration.heldPage(input, extra.cursor ?? {});
      return sendPage(
        adminPage(reply),
        HeldRatingsPage({ user: viewer(request), input: found.input, description: found.description, page: found.page, message: extra.message }),
      );
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(adminPage(reply, 400), HeldRatingsPage({ user: viewer(request), input, errors: error.fields, showMatches: offeredShows(error) }));
    }
  }

  app.get(routes.admin.heldRatings, { schema: { querystring: Type.Object({ ...HeldFields, before: EntryId, after: EntryId }) } }, async (request, reply) =>
    heldList(request, reply, heldFilterOf(request.query), { cursor: { before: request.query.before, after: request.query.after } }),
  );

  app.post(
    routes.admin.heldRatings,
    { schema: { body: Type.Object({ ...HeldFields, ...Confirmation, checked: Text, ids: HeldIds }) } },
    async (request, reply) => {
      const body = request.body;
      const input = heldFilterOf(body);
      // Rows come from the checked form (possibly none checked, which is an error), or the whole filter.
      const ids = body.checked ? (body.ids === undefined ? [] : ([] as string[]).concat(body.ids)) : undefined;
      const action = body.action ?? '';
      try {
        if (!(HELD_ACTIONS as readonly string[]).includes(action)) throw new FormError({ action: says('errors.chooseReleaseOrDiscard') });
        if (body[CONFIRM_DELETE.name] !== CONFIRM_DELETE.value) {
          return sendPage(
            adminPage(reply),
            ConfirmHeldPage({ user: viewer(request), action: action as HeldAction, preview: await bulkModeration.previewHeld(input, ids) }),
          );
        }
        const result = await bulkModeration.applyHeld(actorOf(request), input, ids, action, body.expected);
        if (!result.done) {
          return sendPage(
            adminPage(reply, 409),
            ConfirmHeldPage({ user: viewer(request), action: action as HeldAction, preview: result.preview, notice: changed() }),
          );
        }
        return heldList(request, reply, input, { message: t('admin.heldDone', { action, count: result.count, description: result.description }) });
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        return sendPage(adminPage(reply, 400), HeldRatingsPage({ user: viewer(request), input, errors: error.fields, showMatches: offeredShows(error) }));
      }
    },
  );
}
