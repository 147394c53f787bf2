/**
 * What a password must be, the one home of the rule (issue 24: ten spaces, `aaaaaaaaaa` and
 * `1234567890` all signed up). Every place a password is set (sign-up, `epirank create-admin`, a
 * password change, a reset) asks `passwordProblem`.
 *
 * Beside the length limits, zxcvbn-ts estimates how many guesses a cracker would need, from
 * @zxcvbn-ts/language-common's list of common passwords and its keyboard layouts (repeats,
 * sequences, keyboard rows, dates and l33t spellings count as the few guesses they are). A password
 * scoring below MIN_STRENGTH is refused with the estimator's warning put into words, in the language in
 * force (the request's; the command line's is DEFAULT_LANGUAGE's).
 *
 * The estimator runs on the event loop, and its matchers grow faster than linearly with the length
 * (l33t substitutions most of all): with the defaults (256 characters, 100 substitutions) a
 * 200-character `p@$$w0rd` repeated took 280 ms. So it reads only the first ESTIMATED_LENGTH
 * characters (a password whose first 64 are not guessable is strong whatever follows) and tries at
 * most 8 l33t substitutions. Measured on the 2-core development machine while other work ran:
 * random 64-character strings of l33t characters, repeated l33t words, digit runs and dates took
 * about 22 ms each and 50 ms at worst; a typical password takes 1 to 5 ms. The dictionaries are
 * loaded once, on the first check (about 60 ms), not when the module is imported.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { t } from '../i18n/translate.js';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** zxcvbn's scores run 0 to 4; 3 is "safely unguessable" (about 10^8 guesses) for an online attack. */
const MIN_STRENGTH = 3;

/** How many characters the estimator reads (see the module comment for the time it takes). */
const ESTIMATED_LENGTH = 64;

let estimator: ZxcvbnFactory | undefined;

function estimate(password: string, context: readonly string[]): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: ESTIMATED_LENGTH, l33tMaxSubstitutions: 8 });
  return estimator.check(
    password,
    context.filter((input) => input.length > 0),
  );
}

/**
 * What is wrong with a password, in the language in force. zxcvbn's warnings in words: the core package has only keys, and @zxcvbn-ts publishes no Japanese or
 * Spanish package (nor is its English one ours), so the words are our own, one select in the message
 * `account.passwordTooEasy` with a branch per warning key. A warning without a branch gets the general
 * sentence (the select's `other`). Its suggestions are left out: the message gives one piece of advice.
 *
 * What is wrong with `password`, or null when it may be used. `context` holds what an attacker
 * would try first for this account (its e-mail address and display name).
 */
export function passwordProblem(password: string, context: readonly string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return t('account.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH) return t('account.passwordTooLong', { max: MAX_PASSWORD_LENGTH });
  const result = estimate(password, context);
  if (result.score >= MIN_STRENGTH) return null;
  return t('account.passwordTooEasy', { warning: result.feedback.warning ?? 'none' });
}
