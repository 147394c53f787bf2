/**
 * The one in-memory cache of computed answers: a bounded number of entries, each reused for
 * `ttlMs`, with requests for a key that is being computed sharing that computation (single flight).
 * What each cache holds is the caller's business; when it must be dropped is the cache bus's
 * (src/cluster/cache-bus.ts), which calls `forget` or `clear` on every instance, so `ttlMs` only
 * bounds how stale an answer may be when a drop was lost.
 *
 * A failed computation is never kept, and neither is one that was running when its key was
 * forgotten: it is handed to its callers, but the next request computes again, after the change.
 */

export interface MemoOptions<V> {
  /** How long an answer is reused; 0 computes on every request and keeps nothing. */
  ttlMs: number;
  /** The most keys kept at once; the one stored longest ago is dropped first. */
  maxEntries?: number;
  /** Milliseconds on a monotonic clock; injected by tests. */
  clock?: () => number;
  /** Which answers are worth keeping (an episode not found is looked up again next time). */
  keep?: (value: V) => boolean;
}

interface Entry<V> {
  value: Promise<V>;
  at: number;
}

export class Memo<K, V> {
  /** Map order is storage order: the oldest entry is first. */
  private readonly entries = new Map<K, Entry<V>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly clock: () => number;
  private readonly keep: (value: V) => boolean;

  constructor(options: MemoOptions<V>) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 1000;
    this.clock = options.clock ?? (() => performance.now());
    this.keep = options.keep ?? (() => true);
  }

  /** The answer for `key`, computed at most `ttlMs` ago, or being computed now for another caller. */
  get(key: K, compute: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return started(compute);
    const now = this.clock();
    const known = this.entries.get(key);
    if (known && now - known.at < this.ttlMs) return known.value;
    const entry: Entry<V> = { value: started(compute), at: now };
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, entry);
    const drop = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    entry.value.then((value) => {
      if (!this.keep(value)) drop();
    }, drop);
    return entry.value;
  }

  /** This key's answer changed: the next request computes it again. */
  forget(key: K): void {
    this.entries.delete(key);
  }

  /** Everything changed: every key is computed again. */
  clear(): void {
    this.entries.clear();
  }

  /** How many keys are kept (or being computed) now. */
  get size(): number {
    return this.entries.size;
  }
}

/** The computation's promise, a synchronous throw included. */
function started<V>(compute: () => Promise<V>): Promise<V> {
  try {
    return compute();
  } catch (error) {
    return Promise.reject(error);
  }
}
