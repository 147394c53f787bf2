import { describe, expect, it } from 'vitest';
import { SingleFlight } from '../../src/shared/single-flight.js';

describe('SingleFlight', () => {
  it('shares running work per key, keeps keys apart, and starts afresh once the work settles, failed or not', async () => {
    const flight = new SingleFlight<string, number>();
    let started = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const work = async () => {
      started++;
      await gate;
      return started;
    };
    const [a, b, other] = [flight.run('a', work), flight.run('a', work), flight.run('b', work)];
    expect(started).toBe(2);
    release();
    expect(await a).toBe(await b);
    await other;
    await expect(flight.run('a', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await flight.run('a', async () => 7)).toBe(7);
  });
});
