/**
 * `node --import tsx bench/csv.ts` times the CSV importer's parsing (text to rows, rows to a
 * catalogue) on generated files of 10,000, 100,000 and 200,000 episode rows, each episode in a
 * season of its own: the shape that once made parsing quadratic (100,000 seasons took 28 s).
 * Linear parsing shows as a time per 1,000 rows that stays about the same as the file doubles.
 * Nothing is written to a database; BENCH_CSV_ROWS (comma-separated) picks other sizes.
 */
import { catalogFromCsv, parseCsv } from '../src/importers/csv.js';

const SIZES = (process.env.BENCH_CSV_ROWS ?? '10000,100000,200000').split(',').map(Number);
/** Season numbers stop at 100,000, so a bigger file spreads over more shows. */
const SEASONS_PER_SHOW = 100_000;
const RUNS = 3;

function generate(rows: number): string {
  const lines = ['show,show_title,season,episode,title,air_date,directors,watch_links,baseline_votes,baseline_sum'];
  for (let i = 0; i < rows; i++) {
    const show = Math.floor(i / SEASONS_PER_SHOW) + 1;
    const season = (i % SEASONS_PER_SHOW) + 1;
    const title = i % SEASONS_PER_SHOW === 0 ? `Generated Show ${show}` : '';
    lines.push(
      `generated-${show},${title},${season},1,"Episode ""${season}"", the one with a comma",2020-01-0${1 + (i % 9)},` +
        `Ann Director; Bo Director,Example TV=https://tv.example/${show}/${season},12,90`,
    );
  }
  return lines.join('\n');
}

/** The fastest of a few runs: the machine's other work only ever adds time. */
function time(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

console.log('rows      bytes       split into rows   to a catalogue    per 1,000 rows');
for (const rows of SIZES) {
  const text = generate(rows);
  const split = time(() => parseCsv(text, 'bench.csv'));
  const whole = time(() => catalogFromCsv(text, 'bench.csv'));
  console.log(
    `${String(rows).padEnd(10)}${String(text.length).padEnd(12)}${`${split.toFixed(0)} ms`.padEnd(18)}` +
      `${`${whole.toFixed(0)} ms`.padEnd(18)}${((whole / rows) * 1000).toFixed(2)} ms`,
  );
}
