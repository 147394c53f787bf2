/** The stuffing check's schedule: every period, a failed run logged and tried again, nothing after stop. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlagsRepository } from '../../src/moderation/flags.repository.js';
import { StuffingDetector } from '../../src/moderation/stuffing-detector.js';
import type { CatalogRepository } from '../../src/catalog/catalog.repository.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A repository with no votes and no flags whose first read fails, as a database that went away for a moment. */
function flakyFlags() {
  const seen: string[] = [];
  let calls = 0;
  const flags = {
    async episodesVotedBetween(from: string, to: string) {
      seen.push(`${from}..${to}`);
      if (++calls === 1) throw new Error('connection lost');
      return [];
    },
    async openFlags() {
      return [];
    },
  } as unknown as FlagsRepository;
  return { flags, seen };
}

describe('the stuffing check’s schedule', () => {
  it('runs every period, logs a failed run and covers its time in the next one, and stops with the app', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(Date.UTC(2026, 10, 1, 12));
    const { flags, seen } = flakyFlags();
    const errors: string[] = [];
    const detector = new StuffingDetector(flags, {} as CatalogRepository, { periodSeconds: 60, webhookUrl: null, publicUrl: null });
    detector.start({ error: (_details, message) => errors.push(message) });

    await vi.advanceTimersByTimeAsync(59_000);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toEqual(['stuffing check failed; retrying next period']);
    await vi.advanceTimersByTimeAsync(60_000);
    // The second run looks back as far as the failed first one would have: nothing is skipped.
    expect(seen).toEqual(['2026-11-01T11:01:00.000Z..2026-11-01T12:01:00.000Z', '2026-11-01T11:02:00.000Z..2026-11-01T12:02:00.000Z']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(seen).toHaveLength(3);
    expect(seen[2]).toBe('2026-11-01T12:02:00.000Z..2026-11-01T12:03:00.000Z');

    await detector.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(seen).toHaveLength(3);
    expect(errors).toHaveLength(1);
  });

  it('does nothing with a period of 0', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { flags, seen } = flakyFlags();
    new StuffingDetector(flags, {} as CatalogRepository, { periodSeconds: 0, webhookUrl: null, publicUrl: null }).start({ error: () => undefined });
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(seen).toEqual([]);
  });
});
