/**
 * Who may enter the admin side, in one place: the routes guard with these roles, and the site
 * header and account page ask `mayUseAdmin` before offering the way in. The admin side's
 * addresses are in src/shared/paths.ts with every other URL.
 */
import type { Role } from '../db/schema.js';

/** Who edits the catalogue and imports files. */
export const EDITOR_ROLES: readonly Role[] = ['admin', 'editor'];
/** Who also moderates votes and reads the audit log. */
export const ADMIN_ROLES: readonly Role[] = ['admin'];

/** Whether an account may open the admin side at all (its link is shown only to these). */
export function mayUseAdmin(role: Role | null | undefined): boolean {
  return role !== null && role !== undefined && EDITOR_ROLES.includes(role);
}
