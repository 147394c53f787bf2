/**
 * Solving a proof-of-work challenge as a client does (src/shared/proof-of-work.ts): altcha-lib's
 * own solver, and the payload a browser sends back (base64 of the challenge and its solution).
 */
import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

export async function solvedProof(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('no solution found');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** The challenge a form carries in its `data-challenge` attribute. */
export function challengeInPage(html: string): Challenge {
  const match = /data-challenge="([^"]*)"/.exec(html);
  if (!match) throw new Error('the page carries no challenge');
  return JSON.parse(match[1]!.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'));
}
