/**
 * Lighthouse runs of one page in an already running Chromium, reduced to what the report prints:
 * the four category scores of the median run and, for each category under the target, the titles
 * of the audits that cost it points.
 */
import lighthouse from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface PageScores {
  /** 0 to 1 per category; null when Lighthouse could not score it (a page that failed to load). */
  scores: Record<Category, number | null>;
  /** Per category under the target: "title (score)" of each audit that did not pass. */
  failing: Partial<Record<Category, string[]>>;
  /** Lighthouse's own complaint about the run, e.g. the page answered with an error status. */
  runWarning: string | null;
  /** The simulated mobile load's key timings in ms (layout shift unitless), for reading the scores. */
  metrics: { fcp: number | null; lcp: number | null; tbt: number | null; cls: number | null };
  /** Bytes the page's load transferred, as Lighthouse counted them. */
  transferBytes: number | null;
}

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/**
 * The run with the median performance score of `runs`. Total Blocking Time is measured from the
 * real main thread (then scaled by the simulated 4x CPU slowdown), so on a machine busy with other
 * work one run may lose 20 points the next one does not; the median is what Lighthouse's own docs
 * advise reporting. The other categories do not depend on timing.
 */
export async function auditPage(url: string, chromePort: number, target: number, runs: number): Promise<PageScores> {
  const results: Result[] = [];
  for (let i = 0; i < runs; i++) {
    // Lighthouse's defaults are the mobile run: a Moto G-sized screen, 4x CPU slowdown and a slow
    // 4G connection, simulated from an unthrottled load.
    const result = await lighthouse(url, { port: chromePort, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    results.push(result.lhr);
  }
  results.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
  const lhr = results[Math.floor(results.length / 2)]!;
  const scores = {} as Record<Category, number | null>;
  const failing: PageScores['failing'] = {};
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    const score = category?.score ?? null;
    scores[id] = score;
    if (category && (score === null || score < target)) {
      failing[id] = category.auditRefs
        .filter((ref) => ref.weight > 0 || id === 'performance')
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative')
        .map((audit) => `${audit!.title} (${audit!.score})`);
    }
  }
  const value = (id: string) => lhr.audits[id]?.numericValue ?? null;
  return {
    scores,
    failing,
    runWarning: lhr.runtimeError?.message ?? null,
    metrics: {
      fcp: value('first-contentful-paint'),
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
    },
    transferBytes: value('total-byte-weight'),
  };
}
