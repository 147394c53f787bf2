/**
 * The mailer against a real SMTP server started here (test/helpers/mail-server.ts): it
 * authenticates with SMTP_URL's user and password over smtp:// and smtps://, sends text and HTML
 * from MAIL_FROM, and a server that is down or refuses the password costs a logged error, never a
 * thrown one. Also SMTP_URL's and MAIL_FROM's start-up errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createMailer } from '../../src/mail/mailer.js';
import { mailMessages } from '../../src/mail/messages.js';
import { startMailServer, type TestMailServer } from '../helpers/mail-server.js';
import { freePort } from '../helpers/process.js';

const message = mailMessages.passwordReset(
  'fan@example.org',
  'https://episodes.example.org',
  'https://episodes.example.org/account/reset-password?token=abc',
  '1 hour',
);

function collectingLog() {
  const errors: Array<{ details: object; message: string }> = [];
  return { errors, log: { error: (details: object, text: string) => errors.push({ details, message: text }) } };
}

describe('the mailer', () => {
  let plain: TestMailServer;
  let tls: TestMailServer;
  beforeAll(async () => {
    [plain, tls] = await Promise.all([startMailServer(), startMailServer({ smtps: true })]);
  });
  afterAll(async () => Promise.all([plain.close(), tls.close()]));

  it.each([
    ['smtp://', () => plain],
    ['smtps://', () => tls],
  ])('sends text and HTML through %s with the URL’s user and password', async (_scheme, server) => {
    const { errors, log } = collectingLog();
    const mailer = createMailer({ smtpUrl: server().url, mailFrom: 'Epirank <no-reply@episodes.example.org>' }, log);
    mailer.send(message, 'password reset');
    const received = await server().nextTo('fan@example.org');
    await mailer.close();
    expect(errors).toEqual([]);
    expect(received.from).toBe('"Epirank" <no-reply@episodes.example.org>');
    expect(received.subject).toBe('Reset your password on episodes.example.org');
    expect(received.text).toContain('Choose a new password:\nhttps://episodes.example.org/account/reset-password?token=abc');
    expect(received.html).toContain('<a href="https://episodes.example.org/account/reset-password?token=abc">Choose a new password</a>');
  });

  it('logs, without throwing, when the password is wrong or the server is down', async () => {
    const { errors, log } = collectingLog();
    const wrong = new URL(plain.url);
    wrong.password = 'not-the-password';
    const refused = createMailer({ smtpUrl: wrong.href, mailFrom: 'no-reply@episodes.example.org' }, log);
    const down = createMailer({ smtpUrl: `smtp://u:p@127.0.0.1:${await freePort()}`, mailFrom: 'no-reply@episodes.example.org' }, log);
    expect(() => refused.send(message, 'password reset')).not.toThrow();
    expect(() => down.send(message, 'sign-up')).not.toThrow();
    await Promise.all([refused.close(), down.close()]);
    expect(errors.map((e) => [e.message, (e.details as { purpose: string }).purpose]).sort()).toEqual([
      ['mail not sent', 'password reset'],
      ['mail not sent', 'sign-up'],
    ]);
    expect(plain.received.filter((m) => m.to.includes('fan@example.org'))).toHaveLength(1); // only the first test's
  });
});

describe('SMTP_URL and MAIL_FROM', () => {
  const site = { PUBLIC_URL: 'https://episodes.example.org' };

  it('reads them, MAIL_FROM defaulting to no-reply at PUBLIC_URL’s host', () => {
    expect(loadConfig({ ...site, SMTP_URL: 'smtps://me:secret@mail.example.org:465' })).toMatchObject({
      smtpUrl: 'smtps://me:secret@mail.example.org:465',
      mailFrom: 'Epirank <no-reply@episodes.example.org>',
    });
    expect(loadConfig({ ...site, SMTP_URL: 'smtp://mail:587', MAIL_FROM: 'Fans <fans@example.org>' }).mailFrom).toBe('Fans <fans@example.org>');
  });

  it.each([
    [{ ...site, SMTP_URL: 'mail.example.org:587' }, 'SMTP_URL must be an smtp:// or smtps:// URL'],
    [{ ...site, SMTP_URL: 'https://me:secret@mail.example.org' }, 'SMTP_URL must be an smtp:// or smtps:// URL'],
    [{ SMTP_URL: 'smtp://me:secret@mail.example.org' }, 'SMTP_URL needs PUBLIC_URL'],
    [{ ...site, SMTP_URL: 'smtp://mail:587', MAIL_FROM: 'not an address' }, 'MAIL_FROM must be an address'],
    [{ ...site, MAIL_FROM: 'fans@example.org' }, 'MAIL_FROM is set but SMTP_URL is not'],
  ])('stops start-up with a clear message for %j', (env, text) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(text);
    // The password in SMTP_URL never appears in the message.
    expect(() => loadConfig(env)).not.toThrow('secret');
  });
});
