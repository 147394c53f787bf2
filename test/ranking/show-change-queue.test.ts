/**
 * The batching both refreshers share: changes during the delay join one batch, handed over once,
 * and nothing is accepted after stop.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShowChangeQueue } from '../../src/ranking/show-change-queue.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('ShowChangeQueue', () => {
  it('hands over every show changed during the delay in one batch, once', () => {
    vi.useFakeTimers();
    const batches: number[][] = [];
    const queue: ShowChangeQueue = new ShowChangeQueue(1000, () => batches.push(queue.take()));
    queue.add(3);
    vi.advanceTimersByTime(600);
    queue.add(1);
    queue.add(3);
    vi.advanceTimersByTime(399);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([[3, 1]]);
    vi.advanceTimersByTime(5000);
    expect(batches).toEqual([[3, 1]]);
    // A change after the batch starts a new delay.
    queue.add(2);
    vi.advanceTimersByTime(1000);
    expect(batches).toEqual([[3, 1], [2]]);
  });

  it('gives the batch at once when asked, cancelling the pending delay', () => {
    vi.useFakeTimers();
    let due = 0;
    const queue = new ShowChangeQueue(1000, () => due++);
    queue.add(7);
    expect(queue.take()).toEqual([7]);
    vi.advanceTimersByTime(2000);
    expect(due).toBe(0);
    expect(queue.take()).toEqual([]);
  });

  it('drops what waits and accepts nothing after stop', () => {
    vi.useFakeTimers();
    let due = 0;
    const queue = new ShowChangeQueue(1000, () => due++);
    queue.add(1);
    queue.stop();
    queue.add(2);
    vi.advanceTimersByTime(2000);
    expect(due).toBe(0);
    expect(queue.take()).toEqual([]);
  });
});
