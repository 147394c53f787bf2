/**
 * The proof of work (src/shared/proof-of-work.ts) against a real database: a challenge solved with
 * altcha-lib's solver is accepted once, on any instance sharing the database, within its lifetime;
 * a wrong, tampered, foreign or missing solution is refused. The clock is injected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpentChallengesRepository } from '../../src/db/spent-challenges.repository.js';
import { CHALLENGE_MINUTES, ProofOfWork } from '../../src/shared/proof-of-work.js';
import { freshDatabase, type TestDatabase } from '../helpers/database.js';
import { solvedProof } from '../helpers/proof-of-work.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.drop();
});

const START = Date.parse('2026-11-20T12:00:00.000Z');
let now = START;
const clock = () => new Date(now);
const secret = async () => 'a secret the instances share';

/** An instance's proof of work on the test database; several share it as app instances do. */
const instance = (difficulty = 2_000, key = secret) => new ProofOfWork(difficulty, key, new SpentChallengesRepository(database.handle.db), clock);

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));

describe('the proof of work', () => {
  it('accepts a solved challenge once, on every instance', async () => {
    now = START;
    const [one, two] = [instance(), instance()];
    const payload = await solvedProof(await one.challenge());
    expect(await two.redeem(payload)).toBeNull();
    expect(await one.redeem(payload)).toBe('spent');
    expect(await two.redeem(payload)).toBe('spent');
    // A second challenge is a second, separate proof.
    expect(await one.redeem(await solvedProof(await one.challenge()))).toBeNull();
  });

  it('refuses a solution sent after the challenge expired, and forgets spent challenges once they have', async () => {
    now = START;
    const pow = instance();
    const late = await solvedProof(await pow.challenge());
    const spent = await solvedProof(await pow.challenge());
    expect(await pow.redeem(spent)).toBeNull();
    now = START + CHALLENGE_MINUTES * 60_000 - 1_000;
    expect(await pow.redeem(spent)).toBe('spent');
    now = START + CHALLENGE_MINUTES * 60_000;
    expect(await pow.redeem(late)).toBe('expired');
    // The next solution spent clears the rows of expired challenges.
    expect(await pow.redeem(await solvedProof(await pow.challenge()))).toBeNull();
    const rows = await database.handle.db.selectFrom('spent_challenges').select('expires_at').execute();
    expect(rows.every((row) => Date.parse(row.expires_at) > now)).toBe(true);
  });

  // The derived key is the proof (only the right counter gives it); its HMAC, signed into the
  // challenge, is checked, so the counter sent beside it is not what is verified.
  it('refuses a wrong key, tampered parameters and another site’s challenge', async () => {
    now = START;
    const pow = instance();
    const good = decode(await solvedProof(await pow.challenge()));
    const wrongKey = { ...good, solution: { ...good.solution, derivedKey: '00'.repeat(32) } };
    const longer = { ...good, challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, data: { expires: '2099-01-01T00:00:00.000Z' } } } };
    for (const forged of [wrongKey, longer]) expect(await pow.redeem(encode(forged))).toBe('invalid');
    const elsewhere = instance(2_000, async () => 'another site’s secret');
    expect(await pow.redeem(await solvedProof(await elsewhere.challenge()))).toBe('invalid');
    // None of them spent the real challenge.
    expect(await pow.redeem(encode(good))).toBeNull();
  });

  it('calls an absent solution missing and anything not shaped like one invalid', async () => {
    const pow = instance();
    expect(await pow.redeem(undefined)).toBe('missing');
    expect(await pow.redeem('  ')).toBe('missing');
    for (const junk of ['not base64 at all!', encode('a string'), encode({ challenge: {}, solution: {} }), encode(null), 'x'.repeat(5_000)]) {
      expect(await pow.redeem(junk)).toBe('invalid');
    }
  });

  it('asks for about POW_DIFFICULTY / 2 tries on average, and nothing when POW_DIFFICULTY is 0', async () => {
    const counters: number[] = [];
    for (let i = 0; i < 20; i++) counters.push(decode(await solvedProof(await instance(1_000).challenge())).solution.counter);
    expect(Math.max(...counters)).toBeLessThanOrEqual(1_000);
    expect(counters.some((counter) => counter > 100)).toBe(true);
    expect(instance(0).enabled).toBe(false);
    expect(instance(1).enabled).toBe(true);
  });
});
