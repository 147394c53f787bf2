import { describe, expect, it } from 'vitest';
import { networkKey } from '../../src/shared/ip-address.js';
import { RateLimiter } from '../../src/shared/rate-limiter.js';

describe('RateLimiter', () => {
  it('allows the per-minute budget at once, then one more every 60/limit seconds', () => {
    let now = 0;
    const limiter = new RateLimiter(30, () => now);
    for (let i = 0; i < 30; i++) expect(limiter.take('voter')).toEqual({ allowed: true });
    expect(limiter.take('voter')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    now += 1999;
    expect(limiter.take('voter').allowed).toBe(false);
    now += 1;
    expect(limiter.take('voter')).toEqual({ allowed: true });
    expect(limiter.take('voter').allowed).toBe(false);
  });

  it('keeps keys apart', () => {
    const limiter = new RateLimiter(1, () => 0);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('refills to the full budget and no further', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    limiter.take('k');
    limiter.take('k');
    now += 10 * 60_000;
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k').allowed).toBe(false);
  });

  it('counts keys by what keyOf makes of them: IPv6 addresses by their /64', () => {
    const limiter = new RateLimiter(2, () => 0, networkKey);
    expect(limiter.take('2001:db8:1:2::1').allowed).toBe(true);
    expect(limiter.take('2001:db8:1:2:ffff:ffff:ffff:ffff').allowed).toBe(true);
    expect(limiter.take('2001:db8:1:2::3').allowed).toBe(false);
    expect(limiter.take('2001:db8:1:3::1').allowed).toBe(true);
    expect(limiter.take('192.0.2.1').allowed).toBe(true);
    expect(limiter.take('192.0.2.2').allowed).toBe(true);
  });

  it('takes back a refunded token, never beyond the full budget', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    limiter.take('k');
    limiter.take('k');
    limiter.refund('k');
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k').allowed).toBe(false);
    now += 10 * 60_000;
    limiter.refund('k');
    limiter.refund('unknown');
    expect([limiter.take('k'), limiter.take('k'), limiter.take('k')].map((d) => d.allowed)).toEqual([true, true, false]);
  });

  it('is off at 0', () => {
    const limiter = new RateLimiter(0, () => 0);
    for (let i = 0; i < 1000; i++) expect(limiter.take('k').allowed).toBe(true);
  });
});
