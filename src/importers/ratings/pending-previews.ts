/**
 * Previews waiting for the fan's confirmation, kept in this process's memory under a random id.
 *
 * Why keep the preview rather than ask for the file again: the confirmation then writes exactly
 * the rows the fan saw, needs no second upload (a file input cannot be refilled by the page), and
 * the 64 KB form limit stays as it is. What is kept is small (episode ids and ratings, not the
 * file). The cost is that, with several app instances, the confirmation must reach the instance
 * that made the preview; elsewhere, or after PREVIEW_MINUTES, the page asks for the file again, as
 * the admin's catalogue import does (editing/pending-imports.ts). Each id belongs to the voter who
 * uploaded: another voter's confirmation finds nothing. One voter has one preview at a time.
 *
 * Each visitor's previews are theirs alone (issue 24). The bound on all previews together used to
 * drop the oldest preview of anyone, so 70 uploads from seven /64s (each upload without a cookie
 * is a new visitor) made a victim's confirmation answer 404. Now the bound is in bytes
 * (MAX_PENDING_PREVIEW_BYTES, large enough for about a thousand ordinary previews), and when it is
 * reached the previews that go are those of the network holding the most bytes — counted by its
 * /48 or /24, as one subscriber or server holds it — oldest first. A flood from one network
 * therefore evicts its own previews, never those of a fan elsewhere. What remains possible: an
 * attacker with more networks than the bound has room for, each holding more than the victim's
 * network, can still push a preview out; the preview rate limit per network makes that costly.
 */
import { randomBytes } from 'node:crypto';
import { networkLevels } from '../../shared/network-levels.js';
import { MAX_PENDING_PREVIEW_BYTES, PREVIEW_MINUTES } from './limits.js';

interface Entry<T> {
  voterId: string;
  /** The uploader's /48 or /24: whose previews go first when memory runs short. */
  network: string;
  bytes: number;
  expiresAt: number;
  value: T;
}

/** The network whose previews are counted together: an IPv6 /48, an IPv4 /24. */
const OWNER_NETWORKS = { ipv4: [{ prefix: 24, shares: 1 }], ipv6: [{ prefix: 48, shares: 1 }] };

export class PendingPreviews<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private bytes = 0;

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly maxBytes = MAX_PENDING_PREVIEW_BYTES,
  ) {}

  /**
   * Keeps `value` (about `bytes` in memory) for `voterId` uploading from `address`, replacing that
   * voter's earlier preview, and returns its id.
   */
  keep(voterId: string, address: string, bytes: number, value: T): string {
    this.dropExpired();
    for (const [id, entry] of this.entries) if (entry.voterId === voterId) this.drop(id);
    const network = networkLevels(address, OWNER_NETWORKS).at(-1)!.key;
    while (this.entries.size > 0 && this.bytes + bytes > this.maxBytes) this.evictFromLargestNetwork();
    const id = randomBytes(18).toString('base64url');
    this.entries.set(id, { voterId, network, bytes, value, expiresAt: this.clock() + PREVIEW_MINUTES * 60_000 });
    this.bytes += bytes;
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
    this.drop(id);
  }

  /** Bytes the kept previews take, as their keepers estimated them. */
  size(): number {
    return this.bytes;
  }

  /** Drops the oldest preview of the network whose previews take the most bytes. */
  private evictFromLargestNetwork(): void {
    const byNetwork = new Map<string, number>();
    for (const entry of this.entries.values()) byNetwork.set(entry.network, (byNetwork.get(entry.network) ?? 0) + entry.bytes);
    const largest = [...byNetwork].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    // Maps keep insertion order: the first entry of that network is its oldest.
    for (const [id, entry] of this.entries) {
      if (entry.network === largest) {
        this.drop(id);
        return;
      }
    }
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.bytes -= entry.bytes;
  }

  private dropExpired(): void {
    const now = this.clock();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.drop(id);
  }
}
