/**
 * A token bucket per key: each key may spend `perMinute` tokens at once, and earns them back at
 * `perMinute` a minute. Held in this process's memory, so with several app instances each one
 * enforces the limit separately (the README says so).
 */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

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
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - bucket.tokens) * msPerToken) / 1000)) };
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
