/**
 * Rate limits: the `Limit` every caller awaits, and `RateLimiter`, a token bucket per key held in
 * this process's memory: each key may spend `perMinute` tokens at once, and earns them back at
 * `perMinute` a minute. With several app instances and REDIS_URL set, src/cluster/shared-limits.ts
 * counts in Redis instead and falls back to a `RateLimiter` while Redis is away.
 */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A per-minute limit as its callers see it. Asynchronous because a shared limit asks Redis; the
 * in-memory one answers at once.
 */
export interface Limit {
  /** Spends one attempt for this key, or says how long to wait. */
  take(key: string): Promise<RateDecision>;
  /** Gives back an attempt that turned out not to count. */
  refund(key: string): Promise<void>;
}

/** The seconds a refused caller is told to wait, from the milliseconds until an attempt frees up. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** A `RateLimiter` behind the `Limit` interface: this process's own counts. */
export function localLimit(limiter: RateLimiter): Limit {
  return {
    take: async (key) => limiter.take(key),
    refund: async (key) => limiter.refund(key),
  };
}

/** Builds one limit; services ask for each limit they enforce by name, budget and key mapping. */
export type LimitFactory = (name: string, perMinute: number, keyOf?: (key: string) => string) => Limit;

/** Limits counted in this process alone: the default, and what one instance without Redis uses. */
export const localLimits =
  (clock: () => number = Date.now): LimitFactory =>
  (_name, perMinute, keyOf) =>
    localLimit(new RateLimiter(perMinute, clock, keyOf));

interface Bucket {
  tokens: number;
  updatedAt: number;
}

// Above this many tracked keys, buckets that have refilled completely are dropped.
const SWEEP_THRESHOLD = 50_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
    /** Maps what callers pass to what is counted, e.g. a client address to its network. */
    private readonly keyOf: (key: string) => string = (key) => key,
  ) {}

  /** Spends one token for this key, or says how long to wait for one. */
  take(key: string): RateDecision {
    if (this.perMinute <= 0) return { allowed: true };
    key = this.keyOf(key);
    const now = this.clock();
    const bucket = this.refilled(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      if (this.buckets.size > SWEEP_THRESHOLD) this.sweep(now);
      return { allowed: true };
    }
    this.buckets.set(key, bucket);
    const msPerToken = 60_000 / this.perMinute;
    return { allowed: false, retryAfterSeconds: retryAfterSeconds((1 - bucket.tokens) * msPerToken) };
  }

  /**
   * Gives back a token taken for an attempt that turned out not to count (a correct password, or
   * an attempt another limit refused), so only the attempts that matter use up the budget.
   */
  refund(key: string): void {
    if (this.perMinute <= 0) return;
    key = this.keyOf(key);
    const bucket = this.buckets.get(key);
    if (!bucket) return;
    const refilled = this.refilled(bucket, this.clock());
    this.buckets.set(key, { ...refilled, tokens: Math.min(this.perMinute, refilled.tokens + 1) });
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.perMinute, updatedAt: now };
    const earned = ((now - bucket.updatedAt) * this.perMinute) / 60_000;
    return { tokens: Math.min(this.perMinute, bucket.tokens + earned), updatedAt: now };
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, now).tokens >= this.perMinute) this.buckets.delete(key);
    }
  }
}
