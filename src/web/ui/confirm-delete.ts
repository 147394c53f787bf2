/** The confirmation every delete form on the admin side sends (its pages and routes share it). */

/**
 * The field only a deletion's confirmation page sends. A delete request without it (an old form,
 * a stray click, a script) deletes nothing and is shown that page instead.
 */
export const CONFIRM_DELETE = { name: 'confirm', value: 'delete' } as const;
