/**
 * What looks like vote stuffing, decided from counts alone: the thresholds and the arithmetic of
 * the scheduled checks (stuffing-detector.ts reads the counts and stores the flags). Pure, so every
 * edge is unit-tested without a database.
 *
 * Each rate check compares a window's votes with the episode's usual rate over a baseline that
 * ends where the window starts, never inside it: a baseline that included the window (the old
 * check used the past week) slowly absorbed a long attack until it stopped being flagged.
 */
import type { FlagKind } from '../db/schema.js';
import type { FlagReason } from './flag-reason.js';

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How far back the usual rate is measured, before a window's start. Four weeks smooth out weekly airing patterns. */
export const BASELINE_MS = 28 * DAY_MS;
const BASELINE_HOURS = BASELINE_MS / HOUR_MS;

/**
 * The lowest usual rate a window is compared with, per hour: an episode nobody voted on for a
 * month would otherwise make its first handful of fans look like an attack.
 */
export const MIN_USUAL_PER_HOUR = 1;

export interface RateScale {
  kind: Extract<FlagKind, 'burst' | 'steady'>;
  /** How the window reads in a reason ("the last hour"): the reason message's `window` choice. */
  window: 'hour' | 'day' | 'week';
  windowMs: number;
  /** Fewer votes than this in the window is never flagged, whatever the baseline. */
  minVotes: number;
  /** How many times the usual rate the window must reach. */
  rateFactor: number;
}

/**
 * The three scales. A burst is an hour far above the usual rate. A steady attack hides under the
 * burst's minimum (9 votes an hour never makes 10), so it is looked for over a day (9 an hour is
 * 216, over 150) and a week (1,512, over 500), with smaller factors because a long window
 * averages out ordinary peaks such as an airing night.
 */
export const RATE_SCALES: readonly RateScale[] = [
  { kind: 'burst', window: 'hour', windowMs: HOUR_MS, minVotes: 10, rateFactor: 5 },
  { kind: 'steady', window: 'day', windowMs: DAY_MS, minVotes: 150, rateFactor: 4 },
  { kind: 'steady', window: 'week', windowMs: 7 * DAY_MS, minVotes: 500, rateFactor: 3 },
];

/**
 * The extreme-ratings check: at least MIN_EXTREME_VOTES votes in the window whose share of 1s and
 * 10s is EXTREME_MARGIN above the show's (without the window's votes) and Z_THRESHOLD standard
 * errors away from it, a one-sided binomial test. It looks at the last EXTREME_WINDOW_MS when no
 * flag is open yet.
 */
export const MIN_EXTREME_VOTES = 10;
export const EXTREME_MARGIN = 0.2;
export const Z_THRESHOLD = 3;
export const EXTREME_WINDOW_MS = DAY_MS;

export interface Verdict {
  above: boolean;
  /** Why, as a message a moderator reads in their language (flag-reason.ts). */
  reason: FlagReason;
}

/** A window's votes against the usual hourly rate of the baseline before it. */
export function rateVerdict(scale: RateScale, windowVotes: number, baselineVotes: number): Verdict {
  const usualPerHour = baselineVotes / BASELINE_HOURS;
  const expected = Math.max(usualPerHour, MIN_USUAL_PER_HOUR) * (scale.windowMs / HOUR_MS);
  const above = windowVotes >= scale.minVotes && windowVotes >= scale.rateFactor * expected;
  return {
    above,
    reason: { key: 'admin.flagReasonRate', values: { votes: windowVotes, window: scale.window, usual: usualPerHour, days: BASELINE_HOURS / 24 } },
  };
}

export interface ExtremeCounts {
  votes: number;
  /** Ratings of 1 and of 10 together. */
  extremes: number;
}

/** A share as the reason's whole percent. */
const percent = (x: number) => Math.round(100 * x);

/**
 * A window's share of 1s and 10s against the rest of the show. `show` must already exclude the
 * window's own votes, or an attack would raise the share it is compared with.
 */
export function extremeVerdict(window: ExtremeCounts, show: ExtremeCounts, showTitle: string): Verdict {
  // Smoothed, so a show whose every vote so far was extreme (or none was) still has a spread.
  const usual = (show.extremes + 1) / (show.votes + 2);
  if (window.votes === 0) return { above: false, reason: { key: 'admin.flagReasonNoVotes', values: { usual: percent(usual), show: showTitle } } };
  const share = window.extremes / window.votes;
  const z = (share - usual) / Math.sqrt((usual * (1 - usual)) / window.votes);
  return {
    above: window.votes >= MIN_EXTREME_VOTES && share - usual >= EXTREME_MARGIN && z >= Z_THRESHOLD,
    reason: { key: 'admin.flagReasonExtreme', values: { share: percent(share), votes: window.votes, usual: percent(usual), show: showTitle } },
  };
}

/**
 * Where a check's window and baseline lie. A new flag's window is the scale's last stretch; an
 * open flag keeps its start, and the baseline ends at the earlier of that start and the measured
 * stretch, so the votes being judged are never part of what they are judged against.
 */
export function rateWindows(scale: RateScale, now: number, openSince: number | null) {
  const measureStart = now - scale.windowMs;
  const windowStart = openSince ?? measureStart;
  const baselineEnd = Math.min(windowStart, measureStart);
  return { measureStart, windowStart, baselineStart: baselineEnd - BASELINE_MS, baselineEnd };
}
