/**
 * The limits of a ratings file a fan uploads (issue 16), stated once: the upload reader, the
 * parsers, the preview and docs/importing-ratings.md all read them from here.
 */

/** A ratings export is a few hundred bytes per rating: 4 MB holds the largest row count below with room to spare. */
export const RATINGS_FILE_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Ratings of episodes in one file, at most. One import is one transaction; this bounds how long it
 * holds its locks and how much a pending preview keeps in memory.
 */
export const RATINGS_FILE_MAX_ROWS = 5000;

/** Rows of each kind (matched, conflicting, unmatched) the preview lists; the counts cover them all. */
export const PREVIEW_ROWS_SHOWN = 50;

/** How long a preview waits for its confirmation. */
export const PREVIEW_MINUTES = 30;

/**
 * Memory the previews waiting for confirmation may take in one server process, all visitors
 * together (one preview per visitor; pending-previews.ts says which go first when it is full).
 * A preview keeps its shown rows (about 60 KB at most) and each matched rating (about 160 bytes):
 * a fan's usual few hundred ratings take about 100 KB, so 64 MB holds some 600 of them at once,
 * and even a flood of the largest files (about 0.9 MB each) leaves room for some 70.
 */
export const MAX_PENDING_PREVIEW_BYTES = 64 * 1024 * 1024;

/** What one kept preview is counted as taking: its shown rows, and each rating it would write. */
export const PREVIEW_BASE_BYTES = 60 * 1024;
export const PREVIEW_BYTES_PER_RATING = 160;

/**
 * Previews one network (an IPv4 address, an IPv6 /64) may ask for in a minute; the wider networks
 * around it (src/shared/network-levels.ts) get their shares' worth. A preview costs a parse and a
 * place in MAX_PENDING_PREVIEW_BYTES, and a fan needs a handful at most.
 */
export const PREVIEWS_PER_MINUTE_PER_NETWORK = 10;

/** Problems listed when a file cannot be read; a broken file usually repeats one mistake. */
export const MAX_PROBLEMS_LISTED = 20;
