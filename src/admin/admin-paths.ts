/**
 * The admin side's addresses and who may enter it, in one place: the routes register these paths,
 * the pages link to them, and the site header and account page ask `mayUseAdmin` before offering
 * the way in.
 */
import type { Role } from '../db/schema.js';

const show = (slug: string) => `/admin/shows/${encodeURIComponent(slug)}`;
const season = (slug: string, number: number) => `${show(slug)}/seasons/${number}`;
const episode = (slug: string, seasonNumber: number, number: number) => `${season(slug, seasonNumber)}/episodes/${number}`;

export const adminPath = {
  home: '/admin',
  newShow: '/admin/shows/new',
  show,
  deleteShow: (slug: string) => `${show(slug)}/delete`,
  addSeason: (slug: string) => `${show(slug)}/seasons`,
  deleteSeason: (slug: string, number: number) => `${season(slug, number)}/delete`,
  newEpisode: (slug: string, seasonNumber: number) => `${season(slug, seasonNumber)}/episodes/new`,
  episode,
  deleteEpisode: (slug: string, seasonNumber: number, number: number) => `${episode(slug, seasonNumber, number)}/delete`,
  import: '/admin/import',
  /** Imports the file a dry run kept on the server. */
  importPending: '/admin/import/pending',
  audit: '/admin/audit',
  moderation: '/admin/moderation',
  moderateEpisode: (slug: string, seasonNumber: number, number: number) =>
    `/admin/moderation/shows/${encodeURIComponent(slug)}/seasons/${seasonNumber}/episodes/${number}`,
  removeVoter: '/admin/moderation/remove-voter',
  blocks: '/admin/moderation/blocks',
  liftBlock: (id: number) => `/admin/moderation/blocks/${id}/delete`,
  /** Removing or holding ratings by address, range or time window. */
  bulkModeration: '/admin/moderation/bulk',
  /** The bulk form with one episode filled in (no preview until an address or window is added). */
  bulkForEpisode: (slug: string, seasonNumber: number, number: number) =>
    `/admin/moderation/bulk?show=${encodeURIComponent(slug)}&season=${seasonNumber}&episode=${number}`,
  heldRatings: '/admin/moderation/held',
  /** Closes a stored flag as dismissed or resolved. */
  closeFlag: (id: number) => `/admin/moderation/flags/${id}/close`,
};

/** Who edits the catalogue and imports files. */
export const EDITOR_ROLES: readonly Role[] = ['admin', 'editor'];
/** Who also moderates votes and reads the audit log. */
export const ADMIN_ROLES: readonly Role[] = ['admin'];

/** Whether an account may open the admin side at all (its link is shown only to these). */
export function mayUseAdmin(role: Role | null | undefined): boolean {
  return role !== null && role !== undefined && EDITOR_ROLES.includes(role);
}

/**
 * The field only a deletion's confirmation page sends. A delete request without it (an old form,
 * a stray click, a script) deletes nothing and is shown that page instead.
 */
export const CONFIRM_DELETE = { name: 'confirm', value: 'delete' } as const;
