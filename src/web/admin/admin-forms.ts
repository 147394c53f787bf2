/**
 * What the catalogue and moderation routes share: who acts (for the audit log), the no-store
 * answer, the delete confirmation and the paging parameters of admin lists.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { User } from '../../accounts/accounts.repository.js';
import { CONFIRM_DELETE } from '../ui/confirm-delete.js';
import { cacheControl } from '../../http/cache-policy.js';

/** The signed-in account acting, as the audit log records it (the area's guard has checked there is one). */
export const actorOf = (request: FastifyRequest) => {
  const user = request.user as User;
  return { id: user.id, email: user.email };
};

/** An admin page is about one account and changes with every edit: never stored. */
export const adminPage = (reply: FastifyReply, status = 200) => reply.header('cache-control', cacheControl.noStore).code(status);

export const ConfirmBody = Type.Object({ [CONFIRM_DELETE.name]: Type.Optional(Type.String({ maxLength: 20 })) });
export const isConfirmed = (body: Record<string, string | undefined>) => body[CONFIRM_DELETE.name] === CONFIRM_DELETE.value;
// Paged lists (see admin-paging.ts): `?page=` for lists in a fixed order, `?before=`/`?after=` an
// entry's id (or a vote's cursor) for lists ordered by time.
export const EntryId = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
