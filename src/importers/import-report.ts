/**
 * What an import did, in one short paragraph: in English for the terminal, in the admin's language
 * on the import page (`say` = inWords).
 */
import { inEnglish, says, type Wording } from '../shared/errors.js';
import type { Counts, ImportSummary } from './catalog-import.js';

export function describeImport(summary: ImportSummary, say: (wording: Wording) => string = inEnglish): string {
  const part = (list: string, c: Counts) => says('errors.catalogueCounts', { list, created: c.created, updated: c.updated, unchanged: c.unchanged });
  return [
    says(summary.dryRun ? 'errors.catalogueDryRun' : 'errors.catalogueImported'),
    part('shows', summary.shows),
    part('seasons', summary.seasons),
    part('episodes', summary.episodes),
    says('errors.catalogueRatingsWritten', { count: summary.ratings }),
  ]
    .map(say)
    .join('\n');
}

/**
 * Progress of a long import on the terminal: episodes done, rate and time left, redrawn in
 * place on a terminal and printed every tenth of the way otherwise. Small imports print nothing.
 */
export class ImportProgress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private lastTenth = 0;
  private drawn = false;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly minimumEpisodes = 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  update(done: number, total: number): void {
    if (total < this.minimumEpisodes) return;
    const now = this.clock();
    const tenth = Math.floor((10 * done) / total);
    const due = this.out.isTTY ? now - this.lastDraw >= 200 || done === total : tenth > this.lastTenth || done === total;
    if (!due) return;
    this.lastDraw = now;
    this.lastTenth = tenth;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = done / seconds;
    const left = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    const line = `${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} episodes · ${Math.round(rate).toLocaleString('en-US')}/s · about ${left} s left`;
    this.out.write(this.out.isTTY ? `\r${line}\u001b[K` : `${line}\n`);
    this.drawn = true;
  }

  finish(): void {
    if (this.drawn && this.out.isTTY) this.out.write('\n');
  }
}
