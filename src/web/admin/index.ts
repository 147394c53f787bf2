/**
 * The admin side, everything under /admin: one guard for the whole area, registered here once,
 * then its two parts. Catalogue editing (./catalogue/) is for editors and admins; moderation
 * (./moderation/) declares once that all of its routes are for admins, which the same guard reads.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EDITOR_ROLES } from '../../accounts/admin-roles.js';
import { requireSameOriginForm } from '../../http/cross-origin.js';
import { requireRole } from './admin-guard.js';
import { catalogueRoutes } from './catalogue/catalogue.routes.js';
import { moderationRoutes } from './moderation/moderation.routes.js';

/** Registered with `app.register`, so its hooks reach the admin routes and nothing else. */
export async function adminArea(app: FastifyInstance): Promise<void> {
  // Every admin form is a POST from one of our pages: another site's form is refused before
  // anything else runs, as on the rest of the site.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.method === 'POST') requireSameOriginForm(request, app.config.publicUrl);
  });
  app.addHook('preValidation', requireRole(EDITOR_ROLES));
  await app.register(catalogueRoutes);
  await app.register(moderationRoutes);
}
