/**
 * Tells the site header how much awaits a moderator (open flags and held ratings), for the admins
 * and editors it shows "Moderation (N)" to. The count rides on the signed-in account
 * (request.user), which every page already hands its layout; only signed-in pages carry it, and
 * those never enter the shared page cache, so no visitor's cached page shows it.
 */
import type { FastifyInstance } from 'fastify';
import { mayUseAdmin } from '../accounts/admin-roles.js';

export function registerModerationQueueCount(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const user = request.user;
    if (!user || !mayUseAdmin(user.role)) return;
    // A copy: the session lookup may hand the same account object to other requests.
    request.user = Object.assign({}, user, { moderationQueue: await app.services.moderation.moderationQueue() });
  });
}
