/**
 * The connections to Redis (REDIS_URL) that instances share limits and cache drops through: one for
 * commands (counting, publishing) and one that only listens, because a subscribed Redis connection
 * cannot send other commands.
 *
 * Redis is a help, never a dependency of serving: the command connection keeps no offline queue and
 * retries a command at most once, so a vote never waits on a dead Redis (the caller falls back to
 * local counts at once), and both connections reconnect by themselves with a capped backoff. A
 * lost or refused connection is logged when the state changes, not on every failed command.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';

export type RedisState = 'ready' | 'connecting' | 'down';

/** Longest wait between reconnection attempts: an outage ends for us within this much of Redis's return. */
const MAX_RECONNECT_DELAY_MS = 2_000;
/** A command Redis has not answered by then counts as failed, so a hung Redis costs a vote this much at worst. */
const COMMAND_TIMEOUT_MS = 500;

const reconnectDelay = (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 10), MAX_RECONNECT_DELAY_MS);

export class RedisLink {
  readonly commands: Redis;
  readonly listener: Redis;
  private current: RedisState = 'connecting';
  private readonly readyListeners: Array<(reconnected: boolean) => void> = [];
  private everReady = false;

  constructor(
    url: string,
    private readonly log: Pick<FastifyBaseLogger, 'info' | 'warn'>,
  ) {
    const shared: RedisOptions = { lazyConnect: true, retryStrategy: reconnectDelay, connectionName: 'epirank' };
    this.commands = new Redis(url, { ...shared, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS });
    // The listener's SUBSCRIBE may be queued until it connects; ioredis subscribes again after each reconnect.
    this.listener = new Redis(url, { ...shared, maxRetriesPerRequest: null, autoResubscribe: true });
    for (const connection of [this.commands, this.listener]) {
      connection.on('ready', () => this.update());
      connection.on('close', () => this.update());
      connection.on('end', () => this.update());
      // Without a listener ioredis prints every failed attempt; the state change is logged instead.
      connection.on('error', () => this.update());
    }
  }

  /** 'ready' when both connections are up, 'down' once either was lost or refused, 'connecting' before the first answer. */
  state(): RedisState {
    return this.current;
  }

  /** Called each time both connections are up again; `reconnected` is false the first time. */
  onReady(listener: (reconnected: boolean) => void): void {
    this.readyListeners.push(listener);
  }

  /** Starts connecting in the background; serving never waits for it. */
  start(): void {
    for (const connection of [this.commands, this.listener]) connection.connect().catch(() => this.update());
  }

  async close(): Promise<void> {
    // A connection that is not ready would queue QUIT (or refuse it): drop it instead, and stop reconnecting.
    await Promise.all(
      [this.commands, this.listener].map(async (connection) => {
        if (connection.status !== 'ready') return connection.disconnect();
        await connection.quit().catch(() => connection.disconnect());
      }),
    );
  }

  private update(): void {
    const bothReady = this.commands.status === 'ready' && this.listener.status === 'ready';
    const next: RedisState = bothReady ? 'ready' : this.everReady || this.failedOnce() ? 'down' : 'connecting';
    if (next === this.current) return;
    this.current = next;
    if (next === 'ready') {
      const reconnected = this.everReady;
      this.everReady = true;
      this.log.info({ redis: 'ready' }, reconnected ? 'Redis is back: limits and cache drops are shared again' : 'Connected to Redis');
      for (const listener of this.readyListeners) listener(reconnected);
    } else if (next === 'down') {
      this.log.warn({ redis: 'down' }, 'Redis is unreachable: limits are counted per instance and cache drops stay local until it is back');
    }
  }

  private failedOnce(): boolean {
    const failed = ['reconnecting', 'close', 'end'];
    return failed.includes(this.commands.status) || failed.includes(this.listener.status);
  }
}
