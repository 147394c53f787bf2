/**
 * Rate limits counted in Redis, so every instance spends from one budget per key: two instances
 * that each allow 30 votes a minute from an address allow 30 between them, not 60.
 *
 * Counting is rate-limiter-flexible's RateLimiterRedis: one atomic Lua script per attempt, a fixed
 * one-minute window per key. That differs slightly from the in-memory token bucket (a key may spend
 * its budget at the end of one window and again at the start of the next), which is the price of
 * one round trip and no read-modify-write race between instances.
 *
 * While Redis cannot answer, each limit counts in this process instead, with the same in-memory
 * token bucket one instance uses without Redis. We catch the failure ourselves rather than hand
 * rate-limiter-flexible an `insuranceLimiter`, so that every decision taken locally is counted
 * exactly (for metrics) and the local counts are the very ones a single instance keeps.
 */
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimiter, retryAfterSeconds, type Limit, type LimitFactory, type RateDecision } from '../shared/rate-limiter.js';
import type { RedisLink } from './redis.js';

/** Every limit counts over one minute: the settings and constants are all "per minute". */
const WINDOW_SECONDS = 60;

/** Redis keys start with this, then the limit's name, so limits never share a counter. */
const KEY_PREFIX = 'epirank:limit';

export class SharedLimits {
  private fallbacks = 0;
  private readonly fallbackListeners: Array<() => void> = [];

  constructor(
    private readonly redis: RedisLink,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Decisions taken locally because Redis could not answer, since start. */
  localDecisions(): number {
    return this.fallbacks;
  }

  /** Told of each decision taken locally (for a metrics counter). */
  onLocalDecision(listener: () => void): void {
    this.fallbackListeners.push(listener);
  }

  /** A `LimitFactory` whose limits count in Redis. */
  readonly factory: LimitFactory = (name, perMinute, keyOf = (key) => key) => {
    if (perMinute <= 0) return { take: async () => ({ allowed: true }), refund: async () => undefined };
    const shared = new RateLimiterRedis({
      storeClient: this.redis.commands,
      keyPrefix: `${KEY_PREFIX}:${name}`,
      points: perMinute,
      duration: WINDOW_SECONDS,
      // Do not even try while the connection is down: answer from the local count at once.
      rejectIfRedisNotReady: true,
    });
    const local = new RateLimiter(perMinute, this.clock);
    return {
      take: async (key: string): Promise<RateDecision> => {
        const counted = keyOf(key);
        try {
          await shared.consume(counted);
          return { allowed: true };
        } catch (outcome) {
          if (outcome instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfterSeconds(outcome.msBeforeNext) };
          this.countFallback();
          return local.take(counted);
        }
      },
      refund: async (key: string): Promise<void> => {
        const counted = keyOf(key);
        try {
          await shared.reward(counted);
        } catch {
          local.refund(counted);
        }
      },
    } satisfies Limit;
  };

  private countFallback(): void {
    this.fallbacks += 1;
    for (const listener of this.fallbackListeners) listener();
  }
}
