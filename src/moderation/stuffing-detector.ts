/**
 * The scheduled stuffing check: every MODERATION_CHECK_SECONDS the server looks at the episodes
 * voted on since its last run and those with open flags, raises flags (stuffing-checks.ts
 * decides) and keeps open ones current, and tells a webhook about each new one.
 *
 * It used to run when an admin opened the moderation page, so nothing was flagged while nobody
 * looked. Every instance may run it; FlagsRepository.raise keeps one open flag per episode and
 * kind however the runs interleave.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import type { FlagKind } from '../db/schema.js';
import type { Emit } from '../shared/change-feed.js';
import { adminPath } from '../shared/paths.js';
import type { FlagsRepository, StoredFlag } from './flags.repository.js';
import { reasonText, storedReason } from './flag-reason.js';
import { EXTREME_WINDOW_MS, extremeVerdict, HOUR_MS, RATE_SCALES, rateWindows, rateVerdict, type Verdict } from './stuffing-checks.js';

/** Episodes checked per turn of the event loop: each is a handful of indexed reads. */
const EPISODES_PER_TURN = 8;
/** How long the webhook's receiver has to answer before the POST is given up (and logged). */
export const WEBHOOK_TIMEOUT_MS = 5000;

export interface DetectorLog {
  error(details: object, message: string): void;
}

export interface DetectorOptions {
  periodSeconds: number;
  webhookUrl: string | null;
  /** The site's base for the webhook's link; without it the link is a path. */
  publicUrl: string | null;
  clock?: () => Date;
  /** Told when this instance raised a flag (src/shared/change-feed.ts): the header's count of open flags is dropped. */
  emit?: Emit;
}

export class StuffingDetector {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Where the next run starts looking for votes: where the previous one stopped. */
  private lastRunAt: number | null = null;
  private readonly deliveries = new Set<Promise<void>>();
  private log: DetectorLog = { error: () => undefined };
  private stopped = false;

  constructor(
    private readonly flags: FlagsRepository,
    private readonly catalog: CatalogRepository,
    private readonly options: DetectorOptions,
  ) {}

  /** Runs every period until stopped; 0 seconds leaves it off. Failures are logged, and the next period tries again. */
  start(log: DetectorLog): void {
    this.log = log;
    if (this.options.periodSeconds <= 0 || this.stopped) return;
    const schedule = () => {
      this.timer = setTimeout(async () => {
        await this.check().catch((error: unknown) => this.log.error({ err: error }, 'stuffing check failed; retrying next period'));
        if (!this.stopped) schedule();
      }, this.options.periodSeconds * 1000);
      // A pending check never keeps the process alive.
      this.timer.unref();
    };
    schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await this.settled();
  }

  /** Webhook deliveries still in flight; tests wait for them. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.deliveries]);
  }

  /** One run, at `now` (the clock by default); a call while one runs waits for that one instead. */
  check(now: Date = (this.options.clock ?? (() => new Date()))()): Promise<void> {
    this.running ??= this.run(now.getTime()).finally(() => (this.running = null));
    return this.running;
  }

  private async run(now: number): Promise<void> {
    // A first run looks back one burst window: what is happening now is what matters.
    const since = this.lastRunAt ?? now - HOUR_MS;
    const voted = await this.flags.episodesVotedBetween(iso(since), iso(now));
    const open = new Map<number, StoredFlag[]>();
    for (const flag of await this.flags.openFlags()) open.set(flag.episodeId, [...(open.get(flag.episodeId) ?? []), flag]);
    const episodes = [...new Set([...voted, ...open.keys()])].sort((a, b) => a - b);
    for (let i = 0; i < episodes.length; i += EPISODES_PER_TURN) {
      if (this.stopped) return;
      for (const episodeId of episodes.slice(i, i + EPISODES_PER_TURN)) await this.checkEpisode(episodeId, now, open.get(episodeId) ?? []);
      await nextTurn();
    }
    this.lastRunAt = now;
  }

  private async checkEpisode(episodeId: number, now: number, open: StoredFlag[]): Promise<void> {
    const openOf = (kind: FlagKind) => open.find((f) => f.kind === kind) ?? null;
    for (const kind of ['burst', 'steady'] as const) {
      const flag = openOf(kind);
      const since = flag ? Date.parse(flag.windowStart) : null;
      let found: { verdict: Verdict; windowStart: number } | null = null;
      for (const scale of RATE_SCALES.filter((s) => s.kind === kind)) {
        const w = rateWindows(scale, now, since);
        const votes = await this.flags.votesBetween(episodeId, iso(w.measureStart), iso(now));
        if (votes < scale.minVotes) continue;
        const baseline = await this.flags.votesBetween(episodeId, iso(w.baselineStart), iso(w.baselineEnd));
        const verdict = rateVerdict(scale, votes, baseline);
        if (verdict.above) {
          found = { verdict, windowStart: w.windowStart };
          break;
        }
      }
      await this.settle(episodeId, kind, flag, found, now);
    }

    const flag = openOf('extreme');
    const windowStart = flag ? Date.parse(flag.windowStart) : now - EXTREME_WINDOW_MS;
    const window = await this.flags.windowFigures(episodeId, iso(windowStart), iso(now));
    let found: { verdict: Verdict; windowStart: number } | null = null;
    if (window.count > 0) {
      const show = await this.flags.showExtremesOf(episodeId);
      if (show) {
        // The show's share without this window's votes: an attack must not raise what it is compared with.
        const rest = { votes: Math.max(0, show.votes - window.count), extremes: Math.max(0, show.extremes - window.extremes) };
        const verdict = extremeVerdict({ votes: window.count, extremes: window.extremes }, rest, show.title);
        if (verdict.above) found = { verdict, windowStart };
      }
    }
    await this.settle(episodeId, 'extreme', flag, found, now);
  }

  private async settle(episodeId: number, kind: FlagKind, flag: StoredFlag | null, found: { verdict: Verdict; windowStart: number } | null, now: number) {
    if (flag) {
      if (found) await this.flags.extend(flag.id, iso(now), storedReason(found.verdict.reason));
      else await this.flags.markChecked(flag.id, iso(now));
      return;
    }
    if (!found) return;
    const raised = await this.flags.raise({ episodeId, kind, windowStart: iso(found.windowStart), now: iso(now), reason: storedReason(found.verdict.reason) });
    if (raised === null) return;
    this.options.emit?.({ kind: 'flags' });
    if (this.options.webhookUrl) this.deliver(this.options.webhookUrl, episodeId, kind, reasonText(found.verdict.reason), iso(found.windowStart), iso(now));
  }

  /** POSTs the new flag without holding up the check; a failure is only logged. */
  private deliver(url: string, episodeId: number, kind: FlagKind, reason: string, start: string, end: string): void {
    const delivery = (async () => {
      const address = (await this.catalog.episodeAddresses([episodeId])).get(episodeId);
      const link = `${this.options.publicUrl ?? ''}${adminPath.moderation}`;
      const body = {
        episode: address ? { show: address.show, season: address.season, episode: address.episode, label: address.label } : { id: episodeId },
        kind,
        reason,
        window: { start, end },
        link: address ? `${this.options.publicUrl ?? ''}${adminPath.moderateEpisode(address.show, address.season, address.episode)}` : link,
      };
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
    })().catch((error: unknown) => this.log.error({ err: error, episodeId, kind }, 'moderation webhook failed'));
    this.deliveries.add(delivery);
    void delivery.finally(() => this.deliveries.delete(delivery));
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
