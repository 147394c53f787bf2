/**
 * One piece of work per key at a time: a caller who asks while the work for that key is still
 * running gets the same promise instead of starting it again, and the key is free again once the
 * work settles. Used where a burst of requests would otherwise each build the same page, draw the
 * same image or refresh the same show.
 */
export class SingleFlight<K, V> {
  private readonly running = new Map<K, Promise<V>>();

  run(key: K, work: () => Promise<V>): Promise<V> {
    let pending = this.running.get(key);
    if (!pending) {
      pending = work().finally(() => this.running.delete(key));
      this.running.set(key, pending);
    }
    return pending;
  }
}
