/**
 * The mailed flows end to end: `epirank serve` as a process with SMTP_URL pointing at a real SMTP
 * server started here (with AUTH), walked over real HTTP: sign-up, the verification link, signed
 * in; then "forgot your password?", the reset link, and the new password signing in.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { emptyDatabase } from '../helpers/database.js';
import { linkTo, startMailServer } from '../helpers/mail-server.js';
import { freePort, startEpirank } from '../helpers/process.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('mail through a spawned server', () => {
  it('signs up, verifies, signs in; then resets a forgotten password', async () => {
    const mail = await startMailServer();
    cleanups.push(mail.close);
    const database = await emptyDatabase();
    cleanups.push(database.drop);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = await startEpirank({
      DATABASE_URL: database.url,
      PORT: String(port),
      DEMO_DATA: 'false',
      PUBLIC_URL: base,
      SMTP_URL: mail.url,
      POW_DIFFICULTY: '0',
    });
    // The proof of work is off here: it has its own browser test (proof-of-work.test.ts), and this one signs up by hand.
    cleanups.push(async () => void server.child.kill('SIGKILL'));

    const form = (path: string, fields: Record<string, string>, cookie = '') =>
      fetch(`${base}${path}`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams(fields),
        headers: { origin: base, ...(cookie ? { cookie } : {}) },
      });
    const sessionOf = (response: Response) =>
      response.headers
        .getSetCookie()
        .find((c) => c.startsWith('epirank_session='))
        ?.split(';')[0] ?? null;
    const email = 'walker@example.org';

    const signUp = await form('/account/sign-up', { email, displayName: 'Walker', password: 'first long password' });
    expect(signUp.status).toBe(200);
    expect(await signUp.text()).toContain(`We sent a message to ${email}.`);
    const verify = linkTo(await mail.nextTo(email), '/account/verify-email');
    expect(verify.origin).toBe(base);
    expect((await fetch(verify)).status).toBe(200);
    const verified = await form('/account/verify-email', { token: verify.searchParams.get('token')! });
    expect(verified.status).toBe(303);
    const session = sessionOf(verified)!;
    const account = await (await fetch(`${base}/account`, { headers: { cookie: session } })).text();
    expect(account).toContain(email);
    expect(account).toContain('Verified');

    expect((await form('/account/forgot-password', { email })).status).toBe(200);
    const reset = linkTo(await mail.nextTo(email), '/account/reset-password');
    expect((await fetch(reset)).status).toBe(200);
    const saved = await form('/account/reset-password', { token: reset.searchParams.get('token')!, password: 'second long password' });
    expect([saved.status, saved.headers.get('location')]).toEqual([303, '/account/sign-in?done=reset']);
    expect((await fetch(`${base}/account`, { headers: { cookie: session }, redirect: 'manual' })).status).toBe(303);
    expect((await mail.nextTo(email)).subject).toBe(`Your password on 127.0.0.1:${port} was changed`);
    const signedIn = await form('/account/sign-in', { email, password: 'second long password' });
    expect(signedIn.status).toBe(303);
    expect(sessionOf(signedIn)).not.toBeNull();
    expect((await form('/account/sign-in', { email, password: 'first long password' })).status).toBe(400);
  });
});
