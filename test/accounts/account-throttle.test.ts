import { describe, expect, it } from 'vitest';
import {
  AccountThrottle,
  PASSWORD_CHANGES_PER_ACCOUNT,
  SIGN_IN_FAILURES_PER_EMAIL_AND_NETWORK,
  SIGN_IN_FAILURES_PER_NETWORK,
  SIGN_UPS_PER_NETWORK,
} from '../../src/accounts/account-throttle.js';
import { TooManyRequestsError } from '../../src/shared/errors.js';
import { localLimits } from '../../src/shared/rate-limiter.js';

const refused = async (attempt: () => Promise<unknown>) => {
  try {
    await attempt();
    return false;
  } catch (error) {
    if (error instanceof TooManyRequestsError) return true;
    throw error;
  }
};

describe('AccountThrottle', async () => {
  it('lets the owner sign in from their own address however hard others hammer the e-mail', async () => {
    const throttle = new AccountThrottle(localLimits(() => 0));
    // Failures from many networks, each within its own budget, and one network far past it.
    for (let n = 0; n < 50; n++) await throttle.beginSignIn('owner@example.org', `203.0.113.${n}`);
    for (let i = 0; i < 30; i++) await refused(async () => throttle.beginSignIn('Owner@Example.org', '198.51.100.66'));
    expect(await refused(async () => throttle.beginSignIn('owner@example.org', '198.51.100.66'))).toBe(true);
    expect(await refused(async () => throttle.beginSignIn('owner@example.org', '192.0.2.10'))).toBe(false);
  });

  it('limits failures per e-mail and network, then per network across e-mails', async () => {
    const throttle = new AccountThrottle(localLimits(() => 0));
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL_AND_NETWORK; i++) await throttle.beginSignIn('a@example.org', '192.0.2.1');
    expect(await refused(async () => throttle.beginSignIn(' A@example.org ', '192.0.2.1'))).toBe(true);
    // The refused attempt took nothing from the network: it still has the rest of its budget.
    const rest = SIGN_IN_FAILURES_PER_NETWORK - SIGN_IN_FAILURES_PER_EMAIL_AND_NETWORK;
    for (let i = 0; i < rest; i++) expect(await refused(async () => throttle.beginSignIn(`other${i}@example.org`, '192.0.2.1'))).toBe(false);
    expect(await refused(async () => throttle.beginSignIn('fresh@example.org', '192.0.2.1'))).toBe(true);
  });

  it('counts an IPv6 network as one, whichever of its addresses is used', async () => {
    const throttle = new AccountThrottle(localLimits(() => 0));
    for (let i = 0; i < SIGN_IN_FAILURES_PER_NETWORK; i++) await throttle.beginSignIn(`x${i}@example.org`, `2001:db8:1:2::${i + 1}`);
    expect(await refused(async () => throttle.beginSignIn('y@example.org', '2001:db8:1:2:abcd::1'))).toBe(true);
    expect(await refused(async () => throttle.beginSignIn('y@example.org', '2001:db8:1:3::1'))).toBe(false);
  });

  it('hands the budget back when the password was right', async () => {
    const throttle = new AccountThrottle(localLimits(() => 0));
    for (let i = 0; i < 3 * SIGN_IN_FAILURES_PER_NETWORK; i++) await (await throttle.beginSignIn('fan@example.org', '192.0.2.7')).succeeded();
    expect(await refused(async () => throttle.beginSignIn('fan@example.org', '192.0.2.7'))).toBe(false);
  });

  it('earns attempts back with time', async () => {
    let now = 0;
    const throttle = new AccountThrottle(localLimits(() => now));
    for (let i = 0; i < SIGN_UPS_PER_NETWORK; i++) await throttle.beginSignUp('192.0.2.8');
    expect(await refused(async () => throttle.beginSignUp('192.0.2.8'))).toBe(true);
    expect(await refused(async () => throttle.beginSignUp('192.0.2.9'))).toBe(false);
    now += 60_000 / SIGN_UPS_PER_NETWORK;
    expect(await refused(async () => throttle.beginSignUp('192.0.2.8'))).toBe(false);
  });

  it('limits password changes per account, from any network', async () => {
    const throttle = new AccountThrottle(localLimits(() => 0));
    for (let i = 0; i < PASSWORD_CHANGES_PER_ACCOUNT; i++) await throttle.beginPasswordChange(7, `192.0.2.${i}`);
    expect(await refused(async () => throttle.beginPasswordChange(7, '198.51.100.1'))).toBe(true);
    expect(await refused(async () => throttle.beginPasswordChange(8, '198.51.100.1'))).toBe(false);
  });
});
