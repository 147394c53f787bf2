/**
 * How fast one network may try passwords, create accounts and change passwords. Every one of
 * these runs scrypt, which costs real CPU and memory: an unthrottled sign-up flood once slowed an
 * ordinary sign-in from 0.25 s to 2.7 s. Budgets are counted per network (an IPv4 address or an
 * IPv6 /64, see src/shared/ip-address.ts, and the wider networks around it, see
 * src/shared/network-levels.ts), never per e-mail address alone: a throttle keyed on the e-mail
 * let anyone, from anywhere, keep its owner locked out with ten bad guesses a minute.
 */
import { says, TooManyRequestsError, type MessageRef } from '../shared/errors.js';
import { networkKey } from '../shared/ip-address.js';
import { DEFAULT_WIDER_NETWORKS, type WiderNetworks } from '../shared/network-levels.js';
import { networkLimit } from '../shared/network-limit.js';
import { localLimits, type Limit, type LimitFactory } from '../shared/rate-limiter.js';

/** Failed sign-ins one network may make per minute, whatever e-mail addresses they name. */
export const SIGN_IN_FAILURES_PER_NETWORK = 10;
/** Failed sign-ins per minute for one e-mail address from one network: enough for typos, too few to guess. */
export const SIGN_IN_FAILURES_PER_EMAIL_AND_NETWORK = 5;
/** Accounts one network may create per minute. */
export const SIGN_UPS_PER_NETWORK = 5;
/** Password changes (right or wrong current password) per minute from one network, and for one account. */
export const PASSWORD_CHANGES_PER_NETWORK = 5;
export const PASSWORD_CHANGES_PER_ACCOUNT = 5;
/**
 * Mailed links asked for without signing in ("forgot your password?", resending a verification)
 * per minute from one network, and for one e-mail address from anywhere: the address's budget keeps
 * a mailbox from being flooded from many networks (see also LIVE_TOKENS_PER_ACCOUNT).
 */
export const MAIL_REQUESTS_PER_NETWORK = 5;
export const MAIL_REQUESTS_PER_ADDRESS = 3;

/** A sign-in attempt holding its budget; a correct password hands the budget back. */
export interface SignInAttempt {
  succeeded(): Promise<void>;
}

export class AccountThrottle {
  private readonly signInPerNetwork: Limit;
  private readonly signInPerEmail: Limit;
  private readonly signUpPerNetwork: Limit;
  private readonly passwordPerNetwork: Limit;
  private readonly passwordPerAccount: Limit;
  private readonly mailPerNetwork: Limit;
  private readonly mailPerAddress: Limit;

  /**
   * `limits` counts in this process by default, or in Redis shared by every instance; each
   * network budget is counted at the base network and at each of `wider` (WIDER_NETWORKS_*).
   */
  constructor(limits: LimitFactory = localLimits(), wider: WiderNetworks = DEFAULT_WIDER_NETWORKS) {
    this.signInPerNetwork = networkLimit(limits, 'sign-in-network', SIGN_IN_FAILURES_PER_NETWORK, wider);
    this.signInPerEmail = limits('sign-in-email', SIGN_IN_FAILURES_PER_EMAIL_AND_NETWORK);
    this.signUpPerNetwork = networkLimit(limits, 'sign-up-network', SIGN_UPS_PER_NETWORK, wider);
    this.passwordPerNetwork = networkLimit(limits, 'password-network', PASSWORD_CHANGES_PER_NETWORK, wider);
    this.passwordPerAccount = limits('password-account', PASSWORD_CHANGES_PER_ACCOUNT);
    this.mailPerNetwork = networkLimit(limits, 'mail-network', MAIL_REQUESTS_PER_NETWORK, wider);
    this.mailPerAddress = limits('mail-address', MAIL_REQUESTS_PER_ADDRESS);
  }

  /**
   * Before a password is checked. Each attempt takes its token up front, so a burst of concurrent
   * guesses cannot all reach scrypt before the first failure is counted; a correct password gives
   * the tokens back, so a network's successful sign-ins never use up its budget.
   */
  async beginSignIn(email: string, address: string): Promise<SignInAttempt> {
    const spent = await this.takeAll(
      [
        [this.signInPerNetwork, address],
        [this.signInPerEmail, `${networkKey(address)} ${email.trim().toLowerCase()}`],
      ],
      says('errors.tooManySignIns'),
    );
    return { succeeded: () => refundAll(spent) };
  }

  async beginSignUp(address: string): Promise<void> {
    await this.takeAll([[this.signUpPerNetwork, address]], says('errors.tooManySignUps'));
  }

  async beginPasswordChange(userId: number, address: string): Promise<void> {
    await this.takeAll(
      [
        [this.passwordPerAccount, String(userId)],
        [this.passwordPerNetwork, address],
      ],
      says('errors.tooManyPasswordChanges'),
    );
  }

  /** Before a mailed link is sent to `email` on a request that proves nothing (the address may have no account). */
  async beginMailRequest(email: string, address: string): Promise<void> {
    await this.takeAll(
      [
        [this.mailPerAddress, email.trim().toLowerCase()],
        [this.mailPerNetwork, address],
      ],
      says('errors.tooManyMailedLinks'),
    );
  }

  /** Takes a token from every limiter, or none: a refused attempt gives back what it took. */
  private async takeAll(checks: Array<[Limit, string]>, reason: MessageRef): Promise<Array<[Limit, string]>> {
    const taken: Array<[Limit, string]> = [];
    for (const [limiter, key] of checks) {
      const decision = await limiter.take(key);
      if (!decision.allowed) {
        await refundAll(taken);
        const seconds = decision.retryAfterSeconds;
        throw new TooManyRequestsError(says('errors.tryAgainIn', { reason, seconds }), seconds);
      }
      taken.push([limiter, key]);
    }
    return taken;
  }
}

async function refundAll(spent: Array<[Limit, string]>): Promise<void> {
  await Promise.all(spent.map(([limiter, key]) => limiter.refund(key)));
}
