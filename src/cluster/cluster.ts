/**
 * What an instance shares with the others when REDIS_URL is set: the Redis connections and the
 * limits counted there. Without REDIS_URL there is no cluster and nothing connects anywhere.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { RedisLink, RedisState } from './redis.js';
import type { SharedLimits } from './shared-limits.js';

export interface Cluster {
  redis: RedisLink;
  limits: SharedLimits;
}

/**
 * Opens (in the background) the connections to REDIS_URL; close them with `redis.close()`. The
 * Redis client and the limiter library are loaded here, on first use: an instance without
 * REDIS_URL never loads them, which keeps about 20 MB of code out of its memory.
 */
export async function joinCluster(redisUrl: string, log: Pick<FastifyBaseLogger, 'info' | 'warn'>): Promise<Cluster> {
  const [{ RedisLink }, { SharedLimits }] = await Promise.all([import('./redis.js'), import('./shared-limits.js')]);
  const redis = new RedisLink(redisUrl, log);
  return { redis, limits: new SharedLimits(redis) };
}

/** How the cluster is doing, for metrics and readiness: null state without REDIS_URL. */
export interface ClusterStatus {
  state(): RedisState | null;
  /** Rate-limit decisions taken locally because Redis could not answer, since start. */
  localDecisions(): number;
}

export function clusterStatus(cluster: Cluster | null): ClusterStatus {
  return {
    state: () => cluster?.redis.state() ?? null,
    localDecisions: () => cluster?.limits.localDecisions() ?? 0,
  };
}
