/**
 * What a password must be, the one home of the rule (issue 24: ten spaces, `aaaaaaaaaa` and
 * `1234567890` all signed up). Every place a password is set (sign-up, `epirank create-admin`, a
 * password change, a reset) asks `passwordProblem`.
 *
 * Beside the length limits, zxcvbn-ts estimates how many guesses a cracker would need, from
 * @zxcvbn-ts/language-common's list of common passwords and its keyboard layouts (repeats,
 * sequences, keyboard rows, dates and l33t spellings count as the few guesses they are). A password
 * scoring below MIN_STRENGTH is refused with the estimator's warning put into words.
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
 * zxcvbn's warnings in words (the core package has only keys; its English package is not one of
 * ours). A warning not listed gets the general sentence.
 */
const WARNINGS: Record<string, string> = {
  straightRow: 'it is a row of keys on the keyboard',
  keyPattern: 'it is a short pattern of keys on the keyboard',
  simpleRepeat: 'it repeats one character',
  extendedRepeat: 'it repeats a few characters over and over',
  sequences: 'it is a sequence like abc or 123',
  recentYears: 'it is a recent year',
  dates: 'it is a date',
  topTen: 'it is one of the ten most used passwords',
  topHundred: 'it is one of the hundred most used passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is a commonly used password with small changes',
  userInputs: 'it contains your e-mail address or name',
};

const GENERAL = 'a password cracker would find it quickly';

/** How to do better, said once for every refusal. */
const ADVICE = 'Try a few words that do not belong together, or a longer mix of characters.';

/**
 * What is wrong with `password`, or null when it may be used. `context` holds what an attacker
 * would try first for this account (its e-mail address and display name).
 */
export function passwordProblem(password: string, context: readonly string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const result = estimate(password, context);
  if (result.score >= MIN_STRENGTH) return null;
  const warning = (result.feedback.warning && WARNINGS[result.feedback.warning]) || GENERAL;
  return `This password is too easy to guess: ${warning}. ${ADVICE}`;
}
