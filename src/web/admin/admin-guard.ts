/**
 * Who may use the admin side, checked before any handler runs, so a refused request never acts: a
 * visitor who is not signed in is sent to sign in; a signed-in account without the role gets a 403
 * page that names the role it takes ("You need to be an admin to see this").
 * The admin area (./index.ts) registers the guard once for every route under /admin, for editors
 * and admins; the moderation part declares once that its routes are for admins, and a single route
 * may declare it too (the audit log). The one guard reads the declaration, so a fan is told the
 * role that page really takes, not the area's.
 */
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Role } from '../../db/schema.js';
import { ForbiddenError } from '../../shared/errors.js';
import { t } from '../../i18n/translate.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use this admin route, where narrower than the admin area's editors and admins. */
    adminRoles?: readonly Role[];
  }
}

/** A signed-in account without the role a part of the admin side takes. */
export class RoleRequiredError extends ForbiddenError {
  override name = 'RoleRequiredError';
  override readonly heading: string;

  constructor(needed: Role, have: Role, acting: boolean) {
    // Built during the request the guard refuses, so in the language it is answered in.
    super(t('admin.roleNeededDetail', { needed, role: have }));
    this.heading = t('admin.roleNeeded', { needed, acting: String(acting) });
  }
}

/**
 * The guard, a preValidation hook: after the body is parsed (a refused form still answers in
 * HTML), before the handler. `roles` is the area's; a route's `adminRoles` narrows it.
 */
export function requireRole(roles: readonly Role[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.user) {
      return reply.redirect(`/account/sign-in?return=${encodeURIComponent(request.url)}`, 303);
    }
    const allowed = request.routeOptions.config.adminRoles ?? roles;
    if (!allowed.includes(request.user.role)) {
      // The least of the roles allowed is the one to name: "an editor" where editors and admins may enter.
      const needed: Role = allowed.includes('editor') ? 'editor' : 'admin';
      throw new RoleRequiredError(needed, request.user.role, request.method !== 'GET' && request.method !== 'HEAD');
    }
  };
}

/** An onRoute hook: every route registered after it, in its plugin, is only for `roles`. */
export function onlyFor(roles: readonly Role[]) {
  return (route: RouteOptions) => {
    route.config = { ...route.config, adminRoles: roles };
  };
}
