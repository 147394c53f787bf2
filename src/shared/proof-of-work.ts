/**
 * A self-hosted proof of work (issue 24): before a sign-up, or an anonymous vote from a network
 * past its allowance or limits, the browser spends a moment of computing on a challenge the server
 * signed, so that a script making thousands of accounts or votes pays for each one. No third party
 * is asked: this is ALTCHA's v2 scheme (altcha-lib), run by us.
 *
 * A challenge (ALTCHA's "deterministic mode"): the server picks a counter at random from 1 to
 * POW_DIFFICULTY, derives SHA-256(salt ‖ nonce ‖ counter as 4 bytes big-endian) and publishes the
 * first half of that key as `keyPrefix`, signing the parameters and the key with HMACs. The client
 * tries counters from 0 until its derived key starts with `keyPrefix` (src/web/assets/site.js; on
 * average POW_DIFFICULTY / 2 hashes), and sends back the challenge and `{ counter, derivedKey }`
 * as base64 of their JSON, the payload ALTCHA's widget sends. Checking a solution costs the server
 * two HMACs and one row: verification never re-derives anything.
 *
 * Each challenge expires CHALLENGE_MINUTES after it was made (the expiry is in its signed `data`,
 * read against this service's clock) and each solution is accepted once, on every instance: its
 * signature is written to `spent_challenges` (src/db/spent-challenges.repository.ts) before the
 * work it pays for is done. The HMAC keys are derived, each with a label of its own, from the site's
 * secret (src/shared/site-secret.ts: COOKIE_SECRET or the one kept in the database's settings), the
 * same for every instance and never a constant.
 */
import { createHmac } from 'node:crypto';
import { type Challenge, createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { AppError, answeredAs, FormError, type MessageRef, says, type Wording } from './errors.js';

/** How long a challenge may be solved and its solution used. */
export const CHALLENGE_MINUTES = 5;

/** The key derivation: one SHA-256 per counter tried, which browsers compute with crypto.subtle. */
const ALGORITHM = 'SHA-256';

/** Longer payloads are not ours: a challenge and its solution come to about 700 characters. */
export const MAX_PROOF_LENGTH = 4096;

/** Why a solution was not accepted. */
export type ProofRefusal = 'missing' | 'invalid' | 'expired' | 'spent';

/** What a person is told for each refusal, on the sign-up form and in a vote's answer (in the reader's language when read). */
export const PROOF_MESSAGES: Record<ProofRefusal, MessageRef> = {
  missing: says('errors.proofMissing'),
  invalid: says('errors.proofInvalid'),
  expired: says('errors.proofExpired', { minutes: CHALLENGE_MINUTES }),
  spent: says('errors.proofSpent'),
};

/** Where solved challenges are recorded; `spend` is false for one recorded already. */
export interface SpentChallenges {
  spend(id: string, expiresAt: string, now: string): Promise<boolean>;
}

/** Proofs of work: challenges made and solutions checked, for every caller alike. */
export class ProofOfWork {
  private keys: Promise<{ challenge: string; derivedKey: string }> | undefined;

  constructor(
    /** POW_DIFFICULTY: the largest counter a challenge picks; 0 turns the proof of work off. */
    private readonly difficulty: number,
    /** The site's secret (site-secret.ts), shared by every instance, from which the HMAC keys are derived. */
    private readonly secret: () => Promise<string>,
    private readonly spentChallenges: SpentChallenges,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** False when POW_DIFFICULTY is 0: nobody is asked for a proof of work. */
  get enabled(): boolean {
    return this.difficulty > 0;
  }

  /** A fresh signed challenge, to send to the client as JSON. */
  async challenge(): Promise<Challenge> {
    const keys = await this.hmacKeys();
    const expires = new Date(this.clock().getTime() + CHALLENGE_MINUTES * 60_000).toISOString();
    return createChallenge({
      algorithm: ALGORITHM,
      cost: 1,
      counter: randomInt(Math.max(1, this.difficulty)),
      deriveKey,
      data: { expires },
      hmacSignatureSecret: keys.challenge,
      hmacKeySignatureSecret: keys.derivedKey,
    });
  }

  /**
   * Checks a client's payload (base64 of `{ challenge, solution }` JSON) and spends its challenge:
   * null when it is accepted, else why not. A payload is accepted once.
   */
  async redeem(payload: string | undefined): Promise<ProofRefusal | null> {
    if (payload === undefined || payload.trim() === '') return 'missing';
    const solved = parsePayload(payload);
    if (!solved) return 'invalid';
    const keys = await this.hmacKeys();
    const verified = await verifySolution({
      challenge: solved.challenge,
      solution: solved.solution,
      deriveKey,
      hmacSignatureSecret: keys.challenge,
      hmacKeySignatureSecret: keys.derivedKey,
    }).catch(() => null);
    if (!verified?.verified || !solved.challenge.signature) return 'invalid';
    // Signed by us, so its `data.expires` is the one we wrote.
    const expires = solved.challenge.parameters.data?.expires;
    const now = this.clock().toISOString();
    if (typeof expires !== 'string' || expires <= now) return 'expired';
    return (await this.spentChallenges.spend(solved.challenge.signature, expires, now)) ? null : 'spent';
  }

  /** For a form: nothing when the proof of work is off or `payload` is accepted, else a FormError saying why. */
  async requireSolved(payload: string | undefined): Promise<void> {
    if (!this.enabled) return;
    const refusal = await this.redeem(payload);
    if (refusal) throw new FormError({ form: PROOF_MESSAGES[refusal] });
  }

  private hmacKeys(): Promise<{ challenge: string; derivedKey: string }> {
    this.keys ??= this.secret().then((secret) => ({
      challenge: createHmac('sha256', secret).update('epirank proof of work: challenge').digest('hex'),
      derivedKey: createHmac('sha256', secret).update('epirank proof of work: derived key').digest('hex'),
    }));
    return this.keys;
  }
}

/** The challenge and solution inside a payload, or null for anything not shaped like them. */
function parsePayload(payload: string): { challenge: Challenge; solution: { counter: number; derivedKey: string } } | null {
  if (payload.length > MAX_PROOF_LENGTH) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  const { challenge, solution } = (parsed ?? {}) as { challenge?: Partial<Challenge>; solution?: { counter?: unknown; derivedKey?: unknown } };
  const parameters = challenge?.parameters;
  if (!parameters || typeof parameters !== 'object' || typeof challenge.signature !== 'string') return null;
  if (typeof solution?.counter !== 'number' || typeof solution.derivedKey !== 'string') return null;
  return { challenge: challenge as Challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
}

/**
 * A vote (or other request) that needs a proof of work first: the answer carries a fresh
 * `challenge`, and the same request sent again with its solution goes through.
 */
export class ProofOfWorkRequiredError extends answeredAs(AppError, 403, 'proof-of-work-required', says('errors.proofOfWorkRequiredTitle')) {
  override name = 'ProofOfWorkRequiredError';
  constructor(
    detail: Wording,
    readonly challenge: Challenge,
  ) {
    super(detail);
  }

  override get extensions(): Record<string, unknown> {
    return { challenge: this.challenge };
  }
}
