/**
 * `epirank recount`: compares every stored tally with a recount of its votes, and repairs those
 * that differ.
 */
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import type { Store } from '../db/store.js';
import { emptyHistogram } from './rating-scale.js';
import type { TallyRecountRepository, VoteAggregate } from './tally-recount.repository.js';

export interface TallyMismatch {
  episodeId: number;
  episode: string;
  stored: VoteAggregate;
  recounted: VoteAggregate;
}

const EMPTY = (episodeId: number): VoteAggregate => ({
  episodeId,
  count: 0,
  sum: 0,
  sumOfSquares: 0,
  histogram: emptyHistogram(),
});

const same = (a: VoteAggregate, b: VoteAggregate) =>
  a.count === b.count && a.sum === b.sum && a.sumOfSquares === b.sumOfSquares && a.histogram.every((value, i) => value === b.histogram[i]);

/** What the audit reads, and repairs in one transaction. */
export interface TallyAuditRepositories {
  recount: TallyRecountRepository;
  catalog: CatalogRepository;
}

/**
 * Compares each episode's stored tally with a recount of its votes (baseline tallies are imported
 * facts, not votes, and are left as they are), and repairs the ones that differ.
 */
export class TallyAudit {
  constructor(private readonly store: Store<TallyAuditRepositories>) {}

  async check(): Promise<TallyMismatch[]> {
    const { recount } = this.store.read;
    const [stored, recounted] = await Promise.all([recount.storedAggregates(), recount.aggregatesFromVotes()]);
    const storedById = new Map(stored.map((a) => [a.episodeId, a]));
    const recountedById = new Map(recounted.map((a) => [a.episodeId, a]));
    const ids = [...new Set([...storedById.keys(), ...recountedById.keys()])].sort((a, b) => a - b);
    const differing = ids.filter((id) => !same(storedById.get(id) ?? EMPTY(id), recountedById.get(id) ?? EMPTY(id)));
    const names = await this.store.read.catalog.describeEpisodes(differing);
    return differing.map((id) => ({
      episodeId: id,
      episode: names.get(id) ?? `episode id ${id}`,
      stored: storedById.get(id) ?? EMPTY(id),
      recounted: recountedById.get(id) ?? EMPTY(id),
    }));
  }

  /**
   * Rewrites every mismatched tally from its votes, in one transaction that also re-reads the
   * votes, so a vote committed meanwhile cannot be lost or counted twice (each recount takes its
   * tally's lock); returns what was wrong.
   */
  async fix(): Promise<TallyMismatch[]> {
    const mismatches = await this.check();
    if (mismatches.length > 0) await this.store.transact((tx) => tx.recount.recountEpisodes(mismatches.map((m) => m.episodeId)));
    return mismatches;
  }
}
