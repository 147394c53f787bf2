/**
 * How long client addresses are kept (issue 24): a rating's address (`ip`) and network serve the
 * per-network rule, which looks back NETWORK_WINDOW_DAYS, and moderators judging recent votes.
 * After ADDRESS_RETENTION_DAYS (never fewer than the rule's window, src/config.ts) this worker
 * clears the address and replaces the network with a keyed hash of it: a moderator can still tell
 * that old held or counted ratings came from one network, and match a network they name
 * (`networkForms`), but nobody can read the network back or find it by hashing every address
 * without the key, a random secret kept in the database's settings.
 *
 * Each run forgets at most RUN_BATCHES batches of BATCH rows per table, oldest first through the
 * partial indexes of migration 0021, yielding to the event loop between batches: a run's cost is
 * bounded whatever the tables' size, and a backlog (a first start on an old database) is worked
 * off over the following runs. `epirank forget-addresses` runs it to the end at once.
 */
import { createHmac } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { unavailabilityReason } from '../db/availability.js';
import type { AddressRetentionRepository, AddressTable } from './address-retention.repository.js';

/** Rows read and rewritten per statement. */
const BATCH = 500;
/** Batches per table in one scheduled run: 10,000 rows at most. */
const RUN_BATCHES = 20;
/** How often a running server forgets what has aged past the retention. */
export const ADDRESS_CHECK_MS = 10 * 60 * 1000;
/** Where the hashing key is kept (db/settings.repository.ts), generated once and shared by every instance. */
const DAY_MS = 24 * 60 * 60 * 1000;
const TABLES: readonly AddressTable[] = ['votes', 'held_ratings'];

/** A network that is no longer kept: `h:` and 32 hex digits, never an address. */
const HASHED = /^h:[0-9a-f]{32}$/;

/** A fresh random key for `hashedNetwork`. */
/**
 * The key networks are hashed with, derived from the site's secret (src/shared/site-secret.ts) under
 * a label of its own, so no request ever has to create a key, and every instance has the same one.
 */
export function addressHashKey(siteSecret: string): string {
  return createHmac('sha256', siteSecret).update('epirank: the key forgotten networks are hashed with').digest('base64url');
}

/** The keyed hash a network is kept as once its address is forgotten. */
export function hashedNetwork(key: string, network: string): string {
  return `h:${createHmac('sha256', key).update(network).digest('hex').slice(0, 32)}`;
}

/** Whether a stored network is a hash (its address forgotten) rather than the network itself. */
export function isHashedNetwork(network: string | null): boolean {
  return network !== null && HASHED.test(network);
}

/** What a moderation page shows for a rating's address: the address, or that it is no longer kept. */
export function addressShown(ip: string | null, network: string | null): string {
  if (ip !== null) return ip;
  return isHashedNetwork(network) ? 'address no longer kept' : '—';
}

/** What the held ratings page shows for a rating's network. */
export function networkShown(network: string | null): string {
  return isHashedNetwork(network) ? 'address no longer kept' : (network ?? '—');
}

/** Addresses last written before this time are forgotten. */
export function addressCutoff(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
}

export interface RetentionLog {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export class AddressRetention {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  private key: Promise<string> | null = null;

  constructor(
    private readonly repository: AddressRetentionRepository,
    /** The hashing key, read once: addressHashKey of the site's secret. */
    private readonly loadKey: () => Promise<string>,
    private readonly options: { retentionDays: number; checkMs?: number; clock?: () => Date },
  ) {}

  /** Forgets at once, then every ADDRESS_CHECK_MS until stopped; a failed run is logged and the next one tries again. */
  start(log: RetentionLog): void {
    if (this.stopped || this.timer !== null) return;
    const run = () => {
      if (this.running) return;
      this.running = this.forget(RUN_BATCHES)
        .catch((error: unknown) => {
          // An outage is logged by the request path already (src/db/availability.ts): here it only postpones the run.
          const reason = unavailabilityReason(error);
          if (reason === null) log.error({ err: error }, 'forgetting old client addresses failed; retrying next period');
          else log.warn({ reason }, 'forgetting old client addresses postponed: database unavailable');
        })
        .finally(() => {
          this.running = null;
        });
    };
    run();
    this.timer = setInterval(run, this.options.checkMs ?? ADDRESS_CHECK_MS);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in progress, which ends after its current batch. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * Forgets the addresses older than the retention, at most `batches` batches per table (all of
   * them when omitted); answers how many rows were rewritten and whether some are left.
   */
  async forget(batches = Number.POSITIVE_INFINITY): Promise<{ forgotten: number; more: boolean }> {
    const before = addressCutoff((this.options.clock ?? (() => new Date()))(), this.options.retentionDays);
    let forgotten = 0;
    let more = false;
    for (const table of TABLES) {
      for (let batch = 0; ; batch++) {
        if (this.stopped) return { forgotten, more: true };
        if (batch >= batches) {
          more = true;
          break;
        }
        const rows = await this.repository.keptBefore(table, before, BATCH);
        if (rows.length === 0) break;
        forgotten += await this.forgetRows(table, rows);
        if (rows.length < BATCH) break;
        await nextTurn();
      }
    }
    return { forgotten, more };
  }

  /** The forms a network a moderator names may be stored in: as itself while kept, hashed after. */
  async networkForms(network: string): Promise<string[]> {
    return [network, hashedNetwork(await this.hashKey(), network)];
  }

  private async forgetRows(table: AddressTable, rows: ReadonlyArray<{ id: number; network: string | null }>): Promise<number> {
    const key = await this.hashKey();
    const byNetwork = new Map<string | null, number[]>();
    for (const row of rows) {
      const hashed = row.network === null || isHashedNetwork(row.network) ? row.network : hashedNetwork(key, row.network);
      byNetwork.set(hashed, [...(byNetwork.get(hashed) ?? []), row.id]);
    }
    for (const [hashed, ids] of byNetwork) await this.repository.forget(table, ids, hashed);
    return rows.length;
  }

  private hashKey(): Promise<string> {
    this.key ??= this.loadKey().catch((error: unknown) => {
      this.key = null;
      throw error;
    });
    return this.key;
  }
}
