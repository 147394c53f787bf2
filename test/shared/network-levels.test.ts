/**
 * The networks one client is counted in (issue 24): the base network and the wider ones around
 * it, their keys and their ranges of `votes.network_order`; and a limit counted at every level.
 */
import { describe, expect, it } from 'vitest';
import { AccountThrottle, SIGN_UPS_PER_NETWORK } from '../../src/accounts/account-throttle.js';
import { TooManyRequestsError } from '../../src/shared/errors.js';
import { DEFAULT_WIDER_NETWORKS, networkLevels, networkOrder } from '../../src/shared/network-levels.js';
import { networkLimit } from '../../src/shared/network-limit.js';
import { localLimits } from '../../src/shared/rate-limiter.js';

describe('network levels', () => {
  it('counts an IPv6 address in its /64, /56 and /48 with their shares', () => {
    expect(networkLevels('2001:db8:1:2a3::9', DEFAULT_WIDER_NETWORKS)).toEqual([
      { prefix: 64, shares: 1, key: '2001:db8:1:2a3::/64', from: '620010db8000102a3', to: '620010db8000102a3' },
      { prefix: 56, shares: 2, key: '2001:db8:1:200::/56', from: '620010db800010200', to: '620010db8000102ff' },
      { prefix: 48, shares: 4, key: '2001:db8:1::/48', from: '620010db800010000', to: '620010db80001ffff' },
    ]);
  });

  it('counts an IPv4 address, mapped or not, in itself and its /24', () => {
    const levels = [
      { prefix: 32, shares: 1, key: '198.51.100.7', from: '4c6336407', to: '4c6336407' },
      { prefix: 24, shares: 8, key: '198.51.100.0/24', from: '4c6336400', to: '4c63364ff' },
    ];
    expect(networkLevels('198.51.100.7', DEFAULT_WIDER_NETWORKS)).toEqual(levels);
    expect(networkLevels('::ffff:198.51.100.7', DEFAULT_WIDER_NETWORKS)).toEqual(levels);
  });

  it('handles prefixes off a hex digit and keeps the families apart', () => {
    const [, wide] = networkLevels('2001:db8:ffff:ffff::1', { ipv4: [], ipv6: [{ prefix: 50, shares: 3 }] });
    expect(wide).toMatchObject({ key: '2001:db8:ffff:c000::/50', from: '620010db8ffffc000', to: '620010db8ffffffff' });
    expect(networkOrder('10.0.0.1')! < networkOrder('::1')!).toBe(true);
    expect(networkOrder('2001:db8:1:2::/64')).toBe(networkOrder('2001:db8:1:2::99'));
    expect(networkOrder('not an address')).toBeNull();
  });
});

describe('a limit counted at every network level', () => {
  it('refuses a /56 spread over its /64s once the /56 has used its shares, and leaves another /56 alone', async () => {
    const limit = networkLimit(
      localLimits(() => 0),
      'test',
      3,
      DEFAULT_WIDER_NETWORKS,
    );
    const answers = [];
    for (let n = 1; n <= 10; n++) answers.push((await limit.take(`2001:db8:7:${n}::1`)).allowed);
    // A /56 may use two /64s' shares: 6 of the 10.
    expect(answers).toEqual([true, true, true, true, true, true, false, false, false, false]);
    expect((await limit.take('2001:db8:7:100::1')).allowed).toBe(true);
    expect((await limit.take('2001:db8:8::1')).allowed).toBe(true);
  });

  it('refuses a /48 spread over its /56s, and an IPv4 /24 spread over its addresses', async () => {
    const limit = networkLimit(
      localLimits(() => 0),
      'test',
      1,
      DEFAULT_WIDER_NETWORKS,
    );
    const v6 = [];
    for (let n = 1; n <= 6; n++) v6.push((await limit.take(`2001:db8:9:${n}00::1`)).allowed);
    expect(v6).toEqual([true, true, true, true, false, false]);
    const v4 = [];
    for (let n = 1; n <= 10; n++) v4.push((await limit.take(`203.0.113.${n}`)).allowed);
    expect(v4.filter(Boolean)).toHaveLength(8);
    expect((await limit.take('203.0.114.1')).allowed).toBe(true);
  });

  it('gives back what a refused request took from the levels it passed', async () => {
    const limit = networkLimit(
      localLimits(() => 0),
      'test',
      1,
      { ipv4: [{ prefix: 24, shares: 2 }], ipv6: [] },
    );
    expect((await limit.take('192.0.2.1')).allowed).toBe(true);
    expect((await limit.take('192.0.2.2')).allowed).toBe(true);
    // The /24 is spent; 192.0.2.3's own budget was not touched by its refusal.
    expect((await limit.take('192.0.2.3')).allowed).toBe(false);
    await limit.refund('192.0.2.1');
    expect((await limit.take('192.0.2.3')).allowed).toBe(true);
  });

  it('limits sign-ups from the /64s of one home', async () => {
    const throttle = new AccountThrottle(localLimits(() => 0));
    const refused = async (address: string) =>
      throttle.beginSignUp(address).then(
        () => false,
        (error) => error instanceof TooManyRequestsError,
      );
    for (let n = 0; n < 2 * SIGN_UPS_PER_NETWORK; n++) expect(await refused(`2001:db8:50:${n}::1`)).toBe(false);
    expect(await refused('2001:db8:50:ff::1')).toBe(true);
    expect(await refused('2001:db8:51::1')).toBe(false);
  });
});
