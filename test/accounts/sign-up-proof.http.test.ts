/**
 * Sign-up with the proof of work on (issue 24, item 5): the form carries a challenge and says that
 * it needs JavaScript; a sign-up without a solution, with a wrong one or with one already used is
 * refused with a clear message (400) and a fresh challenge, and creates nothing; a solved one goes
 * through, and a guessable password is still refused with its reason.
 */
import { describe, expect, it } from 'vitest';
import { tIn } from '../../src/i18n/translate.js';
import { inEnglish } from '../../src/shared/errors.js';
import { PROOF_MESSAGES } from '../../src/shared/proof-of-work.js';
import { useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';
import { challengeInPage, solvedProof } from '../helpers/proof-of-work.js';

const context = useTestApp({ config: { proofOfWorkDifficulty: 1_000 } });
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };

let addresses = 0;
function signUp(fields: Record<string, string>) {
  return context.app.inject({
    method: 'POST',
    url: '/account/sign-up',
    payload: new URLSearchParams(fields).toString(),
    headers: FORM,
    remoteAddress: `198.51.100.${++addresses}`,
  });
}

async function freshProof(): Promise<string> {
  return solvedProof(challengeInPage((await context.app.inject({ url: '/account/sign-up' })).body));
}

const accountCount = async () =>
  (
    await context.database.handle.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

const fan = (n: number) => ({ email: `fan${n}@example.org`, displayName: `Fan ${n}`, password: 'long enough password' });

describe('sign-up with a proof of work', () => {
  it('draws the challenge into the form, and says without JavaScript that the step needs it', async () => {
    const response = await context.app.inject({ url: '/account/sign-up' });
    const page = parsePage(response.body);
    expect(page('form .proof-of-work input[type=hidden][name=proofOfWork]').length).toBe(1);
    expect(challengeInPage(response.body).parameters.algorithm).toBe('SHA-256');
    expect(page('form .proof-of-work noscript').text()).toContain('This step needs JavaScript');
    expect(response.headers['cache-control']).toContain('no-store');
  });

  it('says in Japanese why a Japanese sign-up without a solution was refused', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/account/sign-up',
      payload: new URLSearchParams(fan(90)).toString(),
      headers: { ...FORM, 'accept-language': 'ja' },
      remoteAddress: '203.0.113.90',
    });
    expect(response.statusCode).toBe(400);
    const said = parsePage(response.body)('.form-error[role=alert]').text();
    expect(said).toBe(tIn('ja', 'errors.proofMissing'));
    expect(said).toContain('ブラウザで短い計算を終える必要があります');
  });

  it('refuses a sign-up without a solution, or with a wrong one, and creates nothing', async () => {
    const before = await accountCount();
    const missing = await signUp(fan(1));
    expect(missing.statusCode).toBe(400);
    expect(parsePage(missing.body)('.form-error[role=alert]').text()).toBe(inEnglish(PROOF_MESSAGES.missing));
    // The form comes back filled in, with a new challenge to solve.
    expect(parsePage(missing.body)('input[name=email]').attr('value')).toBe('fan1@example.org');
    expect(challengeInPage(missing.body).signature).toMatch(/^[0-9a-f]{64}$/);
    const proof = JSON.parse(Buffer.from(await freshProof(), 'base64').toString('utf8'));
    proof.solution.derivedKey = 'ab'.repeat(32);
    const wrong = await signUp({ ...fan(1), proofOfWork: Buffer.from(JSON.stringify(proof)).toString('base64') });
    expect(wrong.statusCode).toBe(400);
    expect(parsePage(wrong.body)('.form-error[role=alert]').text()).toBe(inEnglish(PROOF_MESSAGES.invalid));
    const junk = await signUp({ ...fan(1), proofOfWork: 'not a proof' });
    expect(junk.statusCode).toBe(400);
    expect(await accountCount()).toBe(before);
  });

  it('signs up with a solved challenge, and refuses the same solution a second time', async () => {
    const proofOfWork = await freshProof();
    const first = await signUp({ ...fan(2), proofOfWork });
    expect(first.statusCode, first.body).toBe(303);
    expect(first.headers.location).toBe('/account/sign-in?done=sign-up');
    const replayed = await signUp({ ...fan(3), proofOfWork });
    expect(replayed.statusCode).toBe(400);
    expect(parsePage(replayed.body)('.form-error[role=alert]').text()).toBe(inEnglish(PROOF_MESSAGES.spent));
    const created = await context.database.handle.db
      .selectFrom('users')
      .select('email')
      .where('email', 'in', ['fan2@example.org', 'fan3@example.org'])
      .execute();
    expect(created.map((row) => row.email)).toEqual(['fan2@example.org']);
  });

  it('refuses a guessable password with its reason, whatever the proof', async () => {
    for (const [password, reason] of [
      [' '.repeat(10), 'it repeats one character'],
      ['aaaaaaaaaa', 'it repeats one character'],
      ['1234567890', 'it is one of the hundred most used passwords'],
      ['password123', 'it is a commonly used password'],
    ] as const) {
      const response = await signUp({ ...fan(4), password, proofOfWork: await freshProof() });
      expect(response.statusCode).toBe(400);
      expect(parsePage(response.body)('#field-password-error').text()).toBe(
        `This password is too easy to guess: ${reason}. Try a few words that do not belong together, or a longer mix of characters.`,
      );
    }
    expect(await context.database.handle.db.selectFrom('users').select('id').where('email', '=', 'fan4@example.org').execute()).toEqual([]);
  });
});
