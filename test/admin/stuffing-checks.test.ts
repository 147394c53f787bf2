/** The stuffing checks' decisions from counts alone: thresholds, baselines and the binomial test's edges. */
import { describe, expect, it } from 'vitest';
import {
  BASELINE_MS,
  extremeVerdict,
  HOUR_MS,
  MIN_EXTREME_VOTES,
  Z_THRESHOLD,
  RATE_SCALES,
  rateVerdict,
  rateWindows,
} from '../../src/moderation/stuffing-checks.js';
import { flagReasonText, reasonText, storedReason } from '../../src/moderation/flag-reason.js';

const [burst, day, week] = RATE_SCALES as [(typeof RATE_SCALES)[number], (typeof RATE_SCALES)[number], (typeof RATE_SCALES)[number]];
const BASELINE_HOURS = BASELINE_MS / HOUR_MS;

describe('rate checks', () => {
  it('flags a burst from its minimum against a quiet baseline, and not one vote below it', () => {
    expect(rateVerdict(burst, 10, 0).above).toBe(true);
    expect(rateVerdict(burst, 9, 0).above).toBe(false);
  });

  it('needs the rate factor times the usual hourly rate once the baseline is busier than the floor', () => {
    // 4 an hour usually: a burst needs 20 in the hour.
    expect(rateVerdict(burst, 19, 4 * BASELINE_HOURS).above).toBe(false);
    expect(rateVerdict(burst, 20, 4 * BASELINE_HOURS).above).toBe(true);
    expect(reasonText(rateVerdict(burst, 20, 4 * BASELINE_HOURS).reason)).toBe('20 votes in the last hour, against 4.0 an hour in the 28 days before');
  });

  it('flags 9 votes an hour over a day or a week, which the burst check never sees', () => {
    expect(rateVerdict(burst, 9, 0).above).toBe(false);
    expect(rateVerdict(day, 9 * 24, 0).above).toBe(true);
    expect(rateVerdict(week, 9 * 24 * 7, 0).above).toBe(true);
  });

  it('leaves an episode alone at its usual 2 votes an hour on every scale', () => {
    const usual = 2 * BASELINE_HOURS;
    expect(rateVerdict(burst, 2, usual).above).toBe(false);
    expect(rateVerdict(day, 48, usual).above).toBe(false);
    expect(rateVerdict(week, 336, usual).above).toBe(false);
  });

  it('measures the baseline before a new window, and before an open flag’s start however long it lasts', () => {
    const now = Date.UTC(2026, 10, 3, 12);
    expect(rateWindows(burst, now, null)).toEqual({
      measureStart: now - HOUR_MS,
      windowStart: now - HOUR_MS,
      baselineStart: now - HOUR_MS - BASELINE_MS,
      baselineEnd: now - HOUR_MS,
    });
    const raised = now - 47 * HOUR_MS;
    expect(rateWindows(burst, now, raised)).toEqual({
      measureStart: now - HOUR_MS,
      windowStart: raised,
      baselineStart: raised - BASELINE_MS,
      baselineEnd: raised,
    });
    // A week-long stretch reaching back before the flag's start: the baseline stops where it begins.
    expect(rateWindows(week, now, raised).baselineEnd).toBe(now - 7 * 24 * HOUR_MS);
  });
});

describe('the extreme-ratings check', () => {
  it('flags a window of only 1s and 10s on a show that rarely gives them', () => {
    const verdict = extremeVerdict({ votes: 12, extremes: 12 }, { votes: 21, extremes: 1 }, 'Kaleido Star');
    expect(verdict.above).toBe(true);
    // Smoothed: (1 + 1) / (21 + 2) = 9 %.
    expect(reasonText(verdict.reason)).toBe('100 % of its 12 votes are 1s or 10s, against 9 % across the rest of Kaleido Star');
  });

  it('needs the minimum number of votes', () => {
    expect(extremeVerdict({ votes: MIN_EXTREME_VOTES - 1, extremes: MIN_EXTREME_VOTES - 1 }, { votes: 1000, extremes: 10 }, 'S').above).toBe(false);
    expect(extremeVerdict({ votes: MIN_EXTREME_VOTES, extremes: MIN_EXTREME_VOTES }, { votes: 1000, extremes: 10 }, 'S').above).toBe(true);
  });

  it('still has a spread when every vote of the show, or none, was extreme', () => {
    // All extreme: the smoothed share stays below 1, so the test is defined, and nothing is above it.
    const allExtreme = extremeVerdict({ votes: 50, extremes: 50 }, { votes: 200, extremes: 200 }, 'S');
    expect(allExtreme.above).toBe(false);
    expect(reasonText(allExtreme.reason)).toContain('against 100 %');
    // None extreme and no other votes at all: the smoothed share is one half.
    expect(extremeVerdict({ votes: 30, extremes: 30 }, { votes: 0, extremes: 0 }, 'S').above).toBe(true);
    expect(extremeVerdict({ votes: 30, extremes: 15 }, { votes: 0, extremes: 0 }, 'S').above).toBe(false);
    expect(extremeVerdict({ votes: 0, extremes: 0 }, { votes: 0, extremes: 0 }, 'S').above).toBe(false);
  });

  it('needs both the margin and the z-score: a big share a little above a high usual share is not enough', () => {
    // 60 % against a usual 45 %: 15 points, under the 20-point margin, however many votes.
    expect(extremeVerdict({ votes: 10_000, extremes: 6000 }, { votes: 10_000, extremes: 4500 }, 'S').above).toBe(false);
    // 70 % of 10 against 48 %: over the margin, but a z of about 1.4.
    expect(extremeVerdict({ votes: 10, extremes: 7 }, { votes: 98, extremes: 47 }, 'S').above).toBe(false);
  });

  it('flags a z-score of exactly the threshold and not a share one vote lower, once the margin is met', () => {
    // No other votes: the usual share is one half, and over 36 votes one standard error is 1/12.
    // 27 of 36 (75 %) is 25 points above it, z = 3; 26 of 36 (72 %) is still 22 points above, z = 2.67.
    expect(Z_THRESHOLD).toBe(3);
    expect(extremeVerdict({ votes: 36, extremes: 27 }, { votes: 0, extremes: 0 }, 'S').above).toBe(true);
    const lower = extremeVerdict({ votes: 36, extremes: 26 }, { votes: 0, extremes: 0 }, 'S');
    expect(lower.above).toBe(false);
    expect(reasonText(lower.reason)).toBe('72 % of its 36 votes are 1s or 10s, against 50 % across the rest of S');
  });

  it('says so when the window has no votes at all', () => {
    // (3 + 1) / (8 + 2) = 40 %.
    const none = extremeVerdict({ votes: 0, extremes: 0 }, { votes: 8, extremes: 3 }, 'S');
    expect(none.above).toBe(false);
    expect(reasonText(none.reason)).toBe('no votes, against 40 % across S');
  });
});

describe('a flag’s reason', () => {
  it('is stored without a language and said in the reader’s', () => {
    const stored = storedReason(rateVerdict(day, 1800, 0).reason);
    expect(JSON.parse(stored)).toEqual({ key: 'admin.flagReasonRate', values: { votes: 1800, window: 'day', usual: 0, days: 28 } });
    expect(flagReasonText(stored, 'en')).toBe('1,800 votes in the last 24 hours, against 0.0 an hour in the 28 days before');
    expect(flagReasonText(stored, 'ja')).toBe('直近24時間に1,800票。その前の28日間は1時間あたり0.0票でした');
    expect(flagReasonText(stored, 'es')).toBe('1800 votos en las últimas 24 horas, frente a 0,0 por hora en los 28 días anteriores');
  });

  it('shows a reason stored before reasons had keys as it was written', () => {
    expect(flagReasonText('12 votes in the last hour, against 0.0 an hour in the 28 days before', 'ja')).toBe(
      '12 votes in the last hour, against 0.0 an hour in the 28 days before',
    );
    expect(flagReasonText('{"key":"layout.api","values":{}}', 'en')).toBe('{"key":"layout.api","values":{}}');
  });
});
