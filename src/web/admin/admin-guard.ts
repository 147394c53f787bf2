/**
 * Who may use the admin side, checked before any handler runs, so a refused request never acts: a
 * visitor who is not signed in is sent to sign in; a signed-in account without the role gets 403.
 * The admin area (./index.ts) registers it once for every route under /admin; the moderation
 * area narrows it once to admins, and a single route may narrow it further (the audit log).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../db/schema.js';
import { ForbiddenError } from '../../shared/errors.js';

/** A preValidation hook: after the body is parsed (a refused form still answers in HTML), before the handler. */
export function requireRole(roles: readonly Role[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.user) {
      return reply.redirect(`/account/sign-in?return=${encodeURIComponent(request.url)}`, 303);
    }
    if (!roles.includes(request.user.role)) {
      throw new ForbiddenError(`Only ${roles.join(' and ')} accounts can do this. You are signed in as a ${request.user.role}.`);
    }
  };
}
