/**
 * Previews waiting for the fan's confirmation, kept in this process's memory under a random id.
 *
 * Why keep the preview rather than ask for the file again: the confirmation then writes exactly
 * the rows the fan saw, needs no second upload (a file input cannot be refilled by the page), and
 * the 64 KB form limit stays as it is. What is kept is small (episode ids and ratings, not the
 * file). The cost is that, with several app instances, the confirmation must reach the instance
 * that made the preview; elsewhere, or after PREVIEW_MINUTES, the page asks for the file again, as
 * the admin's catalogue import does (editing/pending-imports.ts). Each id belongs to the voter who
 * uploaded, and one voter has one preview at a time.
 */
import { randomBytes } from 'node:crypto';
import { MAX_PENDING_PREVIEWS, PREVIEW_MINUTES } from './limits.js';

interface Entry<T> {
  voterId: string;
  expiresAt: number;
  value: T;
}

export class PendingPreviews<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Keeps `value` for `voterId`, replacing that voter's earlier preview, and returns its id. */
  keep(voterId: string, value: T): string {
    this.dropExpired();
    for (const [id, entry] of this.entries) if (entry.voterId === voterId) this.entries.delete(id);
    // Maps keep insertion order: the first entry is the oldest.
    while (this.entries.size >= MAX_PENDING_PREVIEWS) this.entries.delete(this.entries.keys().next().value!);
    const id = randomBytes(18).toString('base64url');
    this.entries.set(id, { voterId, value, expiresAt: this.clock() + PREVIEW_MINUTES * 60_000 });
    return id;
  }

  /** The preview under `id` if it is still kept and belongs to `voterId`. */
  find(voterId: string, id: string): T | undefined {
    this.dropExpired();
    const entry = this.entries.get(id);
    return entry && entry.voterId === voterId ? entry.value : undefined;
  }

  /** Forgets a preview once it has been imported. */
  take(id: string): void {
    this.entries.delete(id);
  }

  private dropExpired(): void {
    const now = this.clock();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
  }
}
