/**
 * How fast one network may try passwords, create accounts and change passwords. Every one of
 * these runs scrypt, which costs real CPU and memory: an unthrottled sign-up flood once slowed an
 * ordinary sign-in from 0.25 s to 2.7 s. Budgets are counted per network (an IPv4 address or an
 * IPv6 /64, see src/http/ip-address.ts), never per e-mail address alone: a throttle keyed on the
 * e-mail let anyone, from anywhere, keep its owner locked out with ten bad guesses a minute.
 */
import { TooManyRequestsError } from '../errors.js';
import { networkKey } from '../http/ip-address.js';
import { RateLimiter } from '../votes/rate-limiter.js';

/** Failed sign-ins one network may make per minute, whatever e-mail addresses they name. */
export const SIGN_IN_FAILURES_PER_NETWORK = 10;
/** Failed sign-ins per minute for one e-mail address from one network: enough for typos, too few to guess. */
export const SIGN_IN_FAILURES_PER_EMAIL_AND_NETWORK = 5;
/** Accounts one network may create per minute. */
export const SIGN_UPS_PER_NETWORK = 5;
/** Password changes (right or wrong current password) per minute from one network, and for one account. */
export const PASSWORD_CHANGES_PER_NETWORK = 5;
export const PASSWORD_CHANGES_PER_ACCOUNT = 5;

/** A sign-in attempt holding its budget; a correct password hands the budget back. */
export interface SignInAttempt {
  succeeded(): void;
}

export class AccountThrottle {
  private readonly signInPerNetwork: RateLimiter;
  private readonly signInPerEmail: RateLimiter;
  private readonly signUpPerNetwork: RateLimiter;
  private readonly passwordPerNetwork: RateLimiter;
  private readonly passwordPerAccount: RateLimiter;

  constructor(clock: () => number = Date.now) {
    this.signInPerNetwork = new RateLimiter(SIGN_IN_FAILURES_PER_NETWORK, clock, networkKey);
    this.signInPerEmail = new RateLimiter(SIGN_IN_FAILURES_PER_EMAIL_AND_NETWORK, clock);
    this.signUpPerNetwork = new RateLimiter(SIGN_UPS_PER_NETWORK, clock, networkKey);
    this.passwordPerNetwork = new RateLimiter(PASSWORD_CHANGES_PER_NETWORK, clock, networkKey);
    this.passwordPerAccount = new RateLimiter(PASSWORD_CHANGES_PER_ACCOUNT, clock);
  }

  /**
   * Before a password is checked. Each attempt takes its token up front, so a burst of concurrent
   * guesses cannot all reach scrypt before the first failure is counted; a correct password gives
   * the tokens back, so a network's successful sign-ins never use up its budget.
   */
  beginSignIn(email: string, address: string): SignInAttempt {
    const spent = this.takeAll(
      [
        [this.signInPerNetwork, address],
        [this.signInPerEmail, `${networkKey(address)} ${email.trim().toLowerCase()}`],
      ],
      'Too many failed sign-in attempts from your network.',
    );
    return { succeeded: () => spent.forEach(([limiter, key]) => limiter.refund(key)) };
  }

  beginSignUp(address: string): void {
    this.takeAll([[this.signUpPerNetwork, address]], 'Too many accounts were created from your network just now.');
  }

  beginPasswordChange(userId: number, address: string): void {
    this.takeAll(
      [
        [this.passwordPerAccount, String(userId)],
        [this.passwordPerNetwork, address],
      ],
      'Too many password changes.',
    );
  }

  /** Takes a token from every limiter, or none: a refused attempt gives back what it took. */
  private takeAll(checks: Array<[RateLimiter, string]>, reason: string): Array<[RateLimiter, string]> {
    const taken: Array<[RateLimiter, string]> = [];
    for (const [limiter, key] of checks) {
      const decision = limiter.take(key);
      if (!decision.allowed) {
        taken.forEach(([spent, spentKey]) => spent.refund(spentKey));
        const seconds = decision.retryAfterSeconds;
        throw new TooManyRequestsError(`${reason} Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, seconds);
      }
      taken.push([limiter, key]);
    }
    return taken;
  }
}
