/**
 * Shows whose stored figures a committed change made stale, collected for a refresher that works
 * after commit and off the request path: the first change starts a short delay, every change
 * during it joins the same batch, and the batch is handed over once the delay ends (or when a
 * test asks for it at once). The best-episode refresher and the top-episodes refresher both
 * batch this way.
 */
export class ShowChangeQueue {
  private readonly waiting = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly delayMs: number,
    /** Called when a batch is due; it takes the batch with `take()`. */
    private readonly due: () => void,
  ) {}

  /** A change to this show committed. */
  add(showId: number): void {
    if (this.stopped) return;
    this.waiting.add(showId);
    if (this.timer === null) {
      this.timer = setTimeout(this.due, this.delayMs);
      // A pending refresh never keeps the process alive.
      this.timer.unref();
    }
  }

  /** The shows changed since the last batch, in the order they first changed; the delay is reset. */
  take(): number[] {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const shows = [...this.waiting];
    this.waiting.clear();
    return shows;
  }

  /** Drops what is waiting and accepts nothing more (the app is closing). */
  stop(): void {
    this.stopped = true;
    this.take();
  }
}
