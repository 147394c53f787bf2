/**
 * The password rule (src/accounts/password-rules.ts): the length limits, and guessable passwords
 * (issue 24: ten spaces, `aaaaaaaaaa` and `1234567890` all signed up) refused with a reason.
 */
import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../src/accounts/password-rules.js';

describe('the password rule', () => {
  it.each([
    [' '.repeat(10), 'it repeats one character'],
    ['aaaaaaaaaa', 'it repeats one character'],
    ['1234567890', 'it is one of the hundred most used passwords'],
    ['password123', 'it is a commonly used password'],
    ['qwertyuiop', 'it is one of the hundred most used passwords'],
    ['abcabcabcabc', 'it repeats a few characters over and over'],
  ])('refuses %j, saying why', (password, reason) => {
    expect(passwordProblem(password)).toBe(
      `This password is too easy to guess: ${reason}. Try a few words that do not belong together, or a longer mix of characters.`,
    );
  });

  it('refuses a password made of the account’s own e-mail address', () => {
    expect(passwordProblem('marguerite.fan@example.org')).toBeNull();
    expect(passwordProblem('marguerite.fan@example.org', ['marguerite.fan@example.org', 'Marguerite'])).toMatch(/^This password is too easy to guess: /);
  });

  it('accepts a passphrase and a long random mix', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('long enough password')).toBeNull();
    expect(passwordProblem('x7#Kq!2vR9@pLm4$')).toBeNull();
  });

  it('keeps the length limits, counted on the whole password', () => {
    expect(passwordProblem('x7#Kq!2')).toBe(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
    expect(passwordProblem('correct horse battery staple '.repeat(7))).toBe('Use at most 200 characters.');
    // Only the first 64 characters are estimated: a long password is judged by its start.
    expect(passwordProblem(`correct horse battery staple ${'a'.repeat(150)}`)).toBeNull();
    expect(passwordProblem(`${'a'.repeat(64)}correct horse battery staple`)).toMatch(/^This password is too easy to guess: /);
  });
});
