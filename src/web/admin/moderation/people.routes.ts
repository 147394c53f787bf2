/**
 * Data requests (admins only, under moderation's guard): find an account by e-mail, download
 * everything stored about it, or erase it after a confirmation. Every step is a POST, so the
 * person's e-mail address never appears in a URL, a log line or a browser's history.
 */
import { t } from '../../../i18n/translate.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { cacheControl } from '../../../http/cache-policy.js';
import { FormError } from '../../../shared/errors.js';
import { routes } from '../../../shared/paths.js';
import { sendPage } from '../../ui/send-page.js';
import { actorOf, adminPage, ConfirmBody, isConfirmed } from '../admin-forms.js';
import { ConfirmErasePage, PeoplePage } from './people.pages.js';

const EmailBody = Type.Object({ email: Type.String({ maxLength: 254 }), ...ConfirmBody.properties });

export async function peopleRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { dataRequests } = app.services;

  /** Runs a step; a FormError (no such account) shows the page again with the message, 400. */
  async function orFormError(request: FastifyRequest, reply: FastifyReply, email: string, step: () => Promise<unknown>) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return sendPage(adminPage(reply, 400), PeoplePage({ user: request.user, email, errors: error.fields }));
    }
  }

  app.get(routes.admin.people, async (request, reply) => sendPage(adminPage(reply), PeoplePage({ user: request.user })));

  app.post(routes.admin.people, { schema: { body: EmailBody } }, async (request, reply) => {
    const email = request.body.email.trim();
    return orFormError(request, reply, email, async () =>
      sendPage(adminPage(reply), PeoplePage({ user: request.user, email, found: await dataRequests.find(email) })),
    );
  });

  app.post(routes.admin.exportPerson, { schema: { body: EmailBody } }, async (request, reply) => {
    const email = request.body.email.trim();
    return orFormError(request, reply, email, async () => {
      const data = await dataRequests.export(email);
      return reply
        .header('cache-control', cacheControl.noStore)
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="epirank-account-${data.account.id}.json"`)
        .send(JSON.stringify(data, null, 2));
    });
  });

  app.post(routes.admin.erasePerson, { schema: { body: EmailBody } }, async (request, reply) => {
    const email = request.body.email.trim();
    return orFormError(request, reply, email, async () => {
      // Like every deletion on the admin side, erasing asks first, on a page of its own.
      if (!isConfirmed(request.body)) return sendPage(adminPage(reply), ConfirmErasePage({ user: request.user, found: await dataRequests.find(email) }));
      const { ratings } = await dataRequests.erase(actorOf(request), email);
      return sendPage(adminPage(reply), PeoplePage({ user: request.user, message: t('admin.erased', { count: ratings }) }));
    });
  });
}
