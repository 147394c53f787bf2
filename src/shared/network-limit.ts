/**
 * A per-minute limit counted at every level of a client's network (network-levels.ts): the base
 * network spends from the limit's own budget, each wider network from its shares' worth of it.
 * A request is refused when any level's budget is spent, so a subscriber who spreads requests over
 * the /64s of its /56, or a server over the addresses of its /24, still meets a limit.
 */
import { networkLevels, type WiderNetworks } from './network-levels.js';
import type { Limit, LimitFactory, RateDecision } from './rate-limiter.js';

/**
 * The limit `name` at `perMinute` for each base network, and at `perMinute` times its shares for
 * each wider network of `wider`. Callers pass the client's address as the key. The base level
 * keeps the limit's own name, so its counts (in Redis too) are the ones it kept before issue 24.
 */
export function networkLimit(limits: LimitFactory, name: string, perMinute: number, wider: WiderNetworks): Limit {
  const levelLimits = new Map<string, Limit>();
  const limitOf = (family: string, prefix: number, shares: number, base: boolean): Limit => {
    const id = base ? 'base' : `${family}/${prefix}`;
    let limit = levelLimits.get(id);
    if (!limit) {
      limit = limits(base ? name : `${name}:${family}/${prefix}`, perMinute * shares);
      levelLimits.set(id, limit);
    }
    return limit;
  };
  const levelsOf = (address: string) =>
    networkLevels(address, wider).map((level, index) => ({
      limit: limitOf(level.from[0] === '6' ? 'ipv6' : 'ipv4', level.prefix, level.shares, index === 0),
      key: level.key,
    }));
  return {
    async take(address: string): Promise<RateDecision> {
      const taken: Array<{ limit: Limit; key: string }> = [];
      for (const level of levelsOf(address)) {
        const decision = await level.limit.take(level.key);
        if (!decision.allowed) {
          // A refused request spends nothing: the levels it got past get their attempt back.
          await Promise.all(taken.map((t) => t.limit.refund(t.key)));
          return decision;
        }
        taken.push(level);
      }
      return { allowed: true };
    },
    async refund(address: string): Promise<void> {
      await Promise.all(levelsOf(address).map((level) => level.limit.refund(level.key)));
    },
  };
}
