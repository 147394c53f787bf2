/**
 * Long work in slices, so that one import or export does not stop every other request. On
 * better-sqlite3 each query runs synchronously and awaiting it only queues a microtask, so an
 * import of thousands of episodes never gave the event loop a turn: a big upload (a dry run too)
 * held every other request for seconds. Callers report work as they go; after a slice of rows or
 * of milliseconds, whichever comes first, the pacer waits one turn of the event loop.
 */
export interface SliceLimits {
  /** Rows (episodes, ratings) done before yielding, at most. */
  rows: number;
  /** Milliseconds of work before yielding, at most. */
  ms: number;
}

// 10 ms keeps the longest stall well under the ~20 ms a request may wait; the row bound makes
// yielding happen even on a clock that does not move (and lets tests count it).
export const DEFAULT_SLICE: SliceLimits = { rows: 1000, ms: 10 };

export class Pacer {
  private rows = 0;
  private sliceStart: number;
  /** How many times the work has yielded so far. */
  yields = 0;

  constructor(
    private readonly limits: SliceLimits = DEFAULT_SLICE,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.sliceStart = now();
  }

  /** Counts `rows` of work done, and yields to the event loop when the slice is used up. */
  async done(rows = 1): Promise<void> {
    this.rows += rows;
    if (this.rows < this.limits.rows && this.now() - this.sliceStart < this.limits.ms) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.yields++;
    this.rows = 0;
    this.sliceStart = this.now();
  }
}
