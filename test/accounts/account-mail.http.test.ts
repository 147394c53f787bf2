/**
 * The mailed flows through the pages, with real SMTP to a mail server started here: the sign-up
 * that does not tell whether an address is taken and its verification link, "forgot your
 * password?" and the reset link (single use, expiring, every session ended, a notice), the notice
 * of a changed password, and moving an account to a new address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { routes } from '../../src/shared/paths.js';
import { browserFor, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';
import { linkTo, mailingSite, startMailServer, type TestMailServer } from '../helpers/mail-server.js';
import { freePort } from '../helpers/process.js';

const SITE = 'https://episodes.example.org';
let mail: TestMailServer;
/** An SMTP_URL where nothing listens. */
let nowhere: string;
beforeAll(async () => {
  mail = await startMailServer();
  nowhere = `smtp://u:p@127.0.0.1:${await freePort()}`;
});
afterAll(async () => mail.close());

const context = useTestApp({ config: mailingSite(SITE, () => mail) });
const browser = browserFor(context);
const PASSWORD = 'long enough password';
let networks = 0;
/** Each call from its own network, so the per-network limits stay out of the way unless tested. */
const post = (url: string, fields: Record<string, string>, cookie = '') => browser.post(url, fields, cookie, `203.0.113.${++networks}`);
// PUBLIC_URL is https, so the session cookie takes the __Host- prefix (src/http/site-cookies.ts).
const sessionOf = (response: { cookies: Array<{ name: string; value: string }> }) => {
  const cookie = response.cookies.find((c) => c.name === '__Host-epirank_session');
  return cookie ? `__Host-epirank_session=${cookie.value}` : null;
};
const users = (email: string) => context.database.handle.db.selectFrom('users').selectAll().where('email', '=', email).execute();
/** Waits for every mail under way, so "nothing was sent" is a fact and not a race. */
const mailSettled = () => context.app.services.mailer.settled();

/** Signs up and follows the verification link: a verified, signed-in account. */
async function verifiedFan(email: string): Promise<string> {
  await post(routes.account.signUp, { email, displayName: 'Fan', password: PASSWORD });
  const link = linkTo(await mail.nextTo(email), routes.account.verifyEmail);
  const answer = await post(routes.account.verifyEmail, { token: link.searchParams.get('token')! });
  return sessionOf(answer)!;
}

describe('sign-up with mail', () => {
  it('answers a new and a taken address alike, and mails each what it needs', async () => {
    const fresh = await post(routes.account.signUp, { email: 'new@example.org', displayName: 'New', password: PASSWORD });
    await verifiedFan('owner@example.org');
    const taken = await post(routes.account.signUp, { email: 'Owner@example.org', displayName: 'Squatter', password: PASSWORD });
    for (const answer of [fresh, taken]) {
      expect(answer.statusCode).toBe(200);
      expect(sessionOf(answer)).toBeNull();
    }
    const said = (answer: typeof fresh) =>
      parsePage(answer.body)('[role=status]')
        .text()
        .replace(/\S+@example\.org/, 'X');
    expect(said(fresh)).toBe('We sent a message to X. Follow the link in it to finish.');
    expect(said(taken)).toBe(said(fresh));

    const toOwner = await mail.nextTo('owner@example.org');
    expect(toOwner.subject).toBe('Someone tried to create an account on episodes.example.org');
    expect(linkTo(toOwner, routes.account.forgotPassword).origin).toBe(SITE);
    expect((await users('owner@example.org')).map((u) => u.display_name)).toEqual(['Fan']);

    const toNew = await mail.nextTo('new@example.org');
    const link = linkTo(toNew, routes.account.verifyEmail);
    expect(link.origin).toBe(SITE);
    expect((await users('new@example.org'))[0]!.email_verified_at).toBeNull();
    // Opening the link uses nothing (a mail scanner may fetch it); the button does.
    const opened = await browser.get(`${link.pathname}${link.search}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['referrer-policy']).toBe('no-referrer');
    const used = await post(routes.account.verifyEmail, { token: link.searchParams.get('token')! });
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toBe('/account');
    const page = parsePage((await browser.get('/account', sessionOf(used)!)).body);
    expect(page('.address-verification dd').text()).toBe('Verified');
    expect((await users('new@example.org'))[0]!.email_verified_at).not.toBeNull();
    const again = await post(routes.account.verifyEmail, { token: link.searchParams.get('token')! });
    expect(again.statusCode).toBe(410);
  });

  it('offers an unverified account a new link on the account page', async () => {
    await post(routes.account.signUp, { email: 'later@example.org', displayName: 'Later', password: PASSWORD });
    await mail.nextTo('later@example.org');
    const session = sessionOf(await post(routes.account.signIn, { email: 'later@example.org', password: PASSWORD }))!;
    const page = parsePage((await browser.get('/account', session)).body);
    expect(page('.address-verification dd').text()).toContain('Address not verified.');
    const resent = await post(routes.account.resendVerification, {}, session);
    expect(resent.statusCode).toBe(200);
    expect(linkTo(await mail.nextTo('later@example.org'), routes.account.verifyEmail).origin).toBe(SITE);
  });
});

describe('password reset', () => {
  it('answers every address alike and mails a single-use link only to an account', async () => {
    const session = await verifiedFan('forgetful@example.org');
    const signIn = parsePage((await browser.get(routes.account.signIn)).body);
    expect(signIn('.password-reset a').attr('href')).toBe(routes.account.forgotPassword);

    const known = await post(routes.account.forgotPassword, { email: 'forgetful@example.org' });
    const unknown = await post(routes.account.forgotPassword, { email: 'nobody@example.org' });
    const said = (answer: typeof known) =>
      parsePage(answer.body)('[role=status]')
        .text()
        .replace(/\S+@example\.org/, 'X');
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(said(unknown)).toBe(said(known));
    expect(said(known)).toContain('If an account has the address X, we sent a link to it.');

    const link = linkTo(await mail.nextTo('forgetful@example.org'), routes.account.resetPassword);
    await mailSettled();
    expect(mail.received.filter((m) => m.to.includes('nobody@example.org'))).toEqual([]);
    const token = link.searchParams.get('token')!;
    const stored = await context.database.handle.db.selectFrom('account_tokens').select(['id', 'purpose']).where('purpose', '=', 'reset-password').execute();
    expect(stored.map((t) => t.id)).not.toContain(token);
    expect(stored[0]!.id).toMatch(/^[0-9a-f]{64}$/);

    expect((await browser.get(`${link.pathname}${link.search}`)).statusCode).toBe(200);
    const tooShort = await post(routes.account.resetPassword, { token, password: 'short' });
    expect(tooShort.statusCode).toBe(400);
    expect(parsePage(tooShort.body)('#field-password-error').text()).toBe('Use at least 10 characters.');
    const done = await post(routes.account.resetPassword, { token, password: 'a brand new password' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account/sign-in?done=reset');

    // Every session ended; the new password works, the old one not; a notice went out.
    expect((await browser.get('/account', session)).statusCode).toBe(303);
    expect(sessionOf(await post(routes.account.signIn, { email: 'forgetful@example.org', password: 'a brand new password' }))).not.toBeNull();
    expect((await post(routes.account.signIn, { email: 'forgetful@example.org', password: PASSWORD })).statusCode).toBe(400);
    expect((await mail.nextTo('forgetful@example.org')).subject).toBe('Your password on episodes.example.org was changed');

    const reused = await post(routes.account.resetPassword, { token, password: 'another new password' });
    expect(reused.statusCode).toBe(410);
    expect(parsePage(reused.body)('.error-detail').text()).toContain('This link was already used');
  });

  it('says clearly that a link is unknown or expired', async () => {
    await verifiedFan('late@example.org');
    await post(routes.account.forgotPassword, { email: 'late@example.org' });
    const token = linkTo(await mail.nextTo('late@example.org'), routes.account.resetPassword).searchParams.get('token')!;
    await context.database.handle.db
      .updateTable('account_tokens')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('purpose', '=', 'reset-password')
      .where('used_at', 'is', null)
      .execute();
    const expired = await browser.get(`${routes.account.resetPassword}?token=${token}`);
    expect(expired.statusCode).toBe(410);
    expect(parsePage(expired.body)('.error-detail').text()).toContain('This link has expired.');
    const unknown = await browser.get(`${routes.account.resetPassword}?token=${'x'.repeat(43)}`);
    expect(unknown.statusCode).toBe(400);
    expect(parsePage(unknown.body)('.error-detail').text()).toContain('This link is not one we sent');
  });

  it('limits requests for one address from many networks', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(routes.account.forgotPassword, { email: 'flooded@example.org' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('notices and a change of address', () => {
  it('mails a notice when the password is changed on the account page', async () => {
    const session = await verifiedFan('changer@example.org');
    const changed = await post(routes.account.password, { current: PASSWORD, password: 'a brand new password' }, session);
    expect(changed.statusCode).toBe(200);
    const notice = await mail.nextTo('changer@example.org');
    expect(notice.subject).toBe('Your password on episodes.example.org was changed');
  });

  it('moves the account when the link sent to the new address is followed, telling the old one', async () => {
    const session = await verifiedFan('old@example.org');
    const wrong = await post(routes.account.changeEmail, { email: 'moved@example.org', current: 'not my password' }, session);
    expect(wrong.statusCode).toBe(400);
    expect(parsePage(wrong.body)('#field-current-error').text()).toBe('That is not your current password.');

    const asked = await post(routes.account.changeEmail, { email: 'Moved@example.org', current: PASSWORD }, session);
    expect(asked.statusCode).toBe(200);
    expect(parsePage(asked.body)('.change-address [role=status]').text()).toBe('We sent a link to moved@example.org. Your address changes when you follow it.');
    expect((await mail.nextTo('old@example.org')).subject).toBe('A change of your address on episodes.example.org was asked for');
    const link = linkTo(await mail.nextTo('moved@example.org'), routes.account.confirmEmail);
    expect(await users('moved@example.org')).toEqual([]);

    expect((await browser.get(`${link.pathname}${link.search}`)).statusCode).toBe(200);
    const confirmed = await post(routes.account.confirmEmail, { token: link.searchParams.get('token')! });
    expect(confirmed.statusCode).toBe(200);
    expect((await users('moved@example.org')).map((u) => u.display_name)).toEqual(['Fan']);
    expect((await mail.nextTo('old@example.org')).subject).toBe('Your address on episodes.example.org was changed');
    expect(sessionOf(await post(routes.account.signIn, { email: 'moved@example.org', password: PASSWORD }))).not.toBeNull();
  });

  it('does not reveal that the new address is taken: its owner is told instead', async () => {
    await verifiedFan('taken@example.org');
    const session = await verifiedFan('mover@example.org');
    const asked = await post(routes.account.changeEmail, { email: 'taken@example.org', current: PASSWORD }, session);
    expect(parsePage(asked.body)('.change-address [role=status]').text()).toBe('We sent a link to taken@example.org. Your address changes when you follow it.');
    const toOwner = await mail.nextTo('taken@example.org');
    expect(toOwner.subject).toBe('An account on episodes.example.org could not move to this address');
    expect(() => linkTo(toOwner, routes.account.confirmEmail)).toThrow();
    expect(await users('mover@example.org')).toHaveLength(1);
  });
});

describe('with the mail server down', () => {
  const down = useTestApp({
    config: {
      publicUrl: SITE,
      mailFrom: 'no-reply@episodes.example.org',
      get smtpUrl() {
        return nowhere;
      },
    } as Partial<Config>,
  });

  it('still signs up and answers a reset request; the account stays', async () => {
    const downBrowser = browserFor(down);
    const signUp = await downBrowser.post(routes.account.signUp, { email: 'patient@example.org', displayName: 'Patient', password: PASSWORD });
    expect(signUp.statusCode).toBe(200);
    expect((await downBrowser.post(routes.account.forgotPassword, { email: 'patient@example.org' })).statusCode).toBe(200);
    await down.app.services.mailer.settled();
    const stored = await down.database.handle.db.selectFrom('users').select('email').where('email', '=', 'patient@example.org').execute();
    expect(stored).toHaveLength(1);
  });
});
