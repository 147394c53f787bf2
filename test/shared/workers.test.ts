/** The workers' registry: all start in order, all stop in reverse, and a failing one is logged, not fatal. */
import { describe, expect, it } from 'vitest';
import { Workers } from '../../src/shared/workers.js';

function recordingLog() {
  const errors: string[] = [];
  return { errors, log: { error: (_: object, message: string) => void errors.push(message), warn: () => undefined } };
}

describe('Workers', () => {
  it('starts every worker in order and stops them in reverse, past one that fails either way', async () => {
    const calls: string[] = [];
    const workers = new Workers();
    workers.add({ name: 'a', start: () => void calls.push('start a'), stop: () => void calls.push('stop a') });
    workers.add({
      name: 'broken',
      start: async () => Promise.reject(new Error('no')),
      stop: () => {
        throw new Error('no');
      },
    });
    workers.add({ name: 'stop-only', stop: async () => void calls.push('stop stop-only') });
    workers.add({ name: 'c', start: async () => void calls.push('start c'), stop: () => void calls.push('stop c') });
    const { errors, log } = recordingLog();

    await workers.startAll(log);
    await workers.stopAll(log);

    expect(calls).toEqual(['start a', 'start c', 'stop c', 'stop stop-only', 'stop a']);
    expect(errors).toEqual(['broken failed to start', 'broken failed to stop']);
    expect(workers.names()).toEqual(['a', 'broken', 'stop-only', 'c']);
  });
});
