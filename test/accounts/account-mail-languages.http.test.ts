/**
 * Mails in the language of the request that caused them (src/mail/messages.ts), through real SMTP to
 * a mail server started here: a sign-up sent with `Accept-Language: ja` gets its verification mail
 * in Japanese, whose link works; a password reset asked for in Spanish gets its link in Spanish, and
 * the notice mailed after the new password is committed is Spanish too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../src/shared/paths.js';
import { useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';
import { linkTo, mailingSite, startMailServer, type TestMailServer } from '../helpers/mail-server.js';

const SITE = 'https://episodes.example.org';
const HOST = 'episodes.example.org';
let mail: TestMailServer;
beforeAll(async () => {
  mail = await startMailServer();
});
afterAll(async () => mail.close());

const context = useTestApp({ config: mailingSite(SITE, () => mail) });
const PASSWORD = 'long enough password';
let networks = 0;

/** A same-origin form post from its own network, in a language the browser asks for. */
function post(url: string, fields: Record<string, string>, language: string, cookie = '') {
  return context.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      'accept-language': language,
      ...(cookie ? { cookie } : {}),
    },
    remoteAddress: `203.0.113.${++networks}`,
  });
}
const get = (url: string, language: string, cookie = '') =>
  context.app.inject({ url, headers: { 'accept-language': language, ...(cookie ? { cookie } : {}) } });
const sessionOf = (response: { cookies: Array<{ name: string; value: string }> }) => {
  const cookie = response.cookies.find((c) => c.name === '__Host-epirank_session');
  return cookie ? `__Host-epirank_session=${cookie.value}` : null;
};

describe('mails in the language of the request', () => {
  it('mails a Japanese sign-up its verification link in Japanese, and the link works', async () => {
    const answer = await post(routes.account.signUp, { email: 'kaleido@example.org', displayName: 'そら', password: PASSWORD }, 'ja,en;q=0.5');
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('<html lang="ja"');
    expect(parsePage(answer.body)('[role=status]').text().trim()).toBe(
      'kaleido@example.orgにメッセージを送りました。メール内のリンクを開いて完了してください。',
    );

    const received = await mail.nextTo('kaleido@example.org');
    expect(received.subject).toBe(`${HOST}のメールアドレスの確認`);
    expect(received.text).toContain(`どなたか（おそらくあなた）が、このメールアドレスで${HOST}のアカウントを作成しました。`);
    expect(received.text).toContain('アドレスを確認してログイン:');
    expect(received.text).toContain('リンクは24時間以内に一度だけ使えます。');
    expect(received.text).not.toMatch(/Someone|The link works/);
    expect(received.html).toContain('<html lang="ja">');

    const link = linkTo(received, routes.account.verifyEmail);
    expect(link.origin).toBe(SITE);
    const opened = await get(`${link.pathname}${link.search}`, 'ja');
    expect(opened.statusCode).toBe(200);
    expect(parsePage(opened.body)('main button[type=submit]').text().trim()).toBe('確認してログイン');
    const used = await post(routes.account.verifyEmail, { token: link.searchParams.get('token')! }, 'ja');
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toBe(routes.account.home);
    const account = parsePage((await get(routes.account.home, 'ja', sessionOf(used)!)).body);
    expect(account('.address-verification dd').text()).toBe('確認済み');
  });

  it('mails a Spanish password reset in Spanish, and the notice after the change too', async () => {
    // An account made in English: the reset's language is that of the request that asked for it.
    await post(routes.account.signUp, { email: 'olvido@example.org', displayName: 'Layla', password: PASSWORD }, 'en');
    const verification = await mail.nextTo('olvido@example.org');
    expect(verification.subject).toBe(`Confirm your address on ${HOST}`);
    await post(routes.account.verifyEmail, { token: linkTo(verification, routes.account.verifyEmail).searchParams.get('token')! }, 'en');

    const asked = await post(routes.account.forgotPassword, { email: 'olvido@example.org' }, 'es-MX,es;q=0.9');
    expect(asked.statusCode).toBe(200);
    expect(parsePage(asked.body)('[role=status]').text().trim()).toContain('Si hay una cuenta con la dirección olvido@example.org, le enviamos un enlace.');

    const received = await mail.nextTo('olvido@example.org');
    expect(received.subject).toBe(`Restablece tu contraseña en ${HOST}`);
    expect(received.text).toContain(`Alguien, probablemente tú, pidió restablecer la contraseña de tu cuenta en ${HOST}.`);
    expect(received.text).toContain('Elegir una contraseña nueva:');
    expect(received.text).toContain('El enlace funciona una vez, durante 1 hora.');
    expect(received.html).toContain('<html lang="es">');

    const token = linkTo(received, routes.account.resetPassword).searchParams.get('token')!;
    const tooShort = await post(routes.account.resetPassword, { token, password: 'corta' }, 'es');
    expect(tooShort.statusCode).toBe(400);
    expect(parsePage(tooShort.body)('#field-password-error').text()).toBe('Usa al menos 10 caracteres.');
    const done = await post(routes.account.resetPassword, { token, password: 'una contraseña nueva y larga' }, 'es');
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${routes.account.signIn}?done=reset`);
    const signIn = parsePage((await get(done.headers.location as string, 'es')).body);
    expect(signIn('.form-saved').text().trim()).toBe('Tu contraseña se cambió y se cerró la sesión en todos los dispositivos: inicia sesión con la nueva.');

    // Composed after the transaction committed, still in the language of the request that reset it.
    const notice = await mail.nextTo('olvido@example.org');
    expect(notice.subject).toBe(`Tu contraseña en ${HOST} se cambió`);
    expect(notice.text).toContain('Restablecer tu contraseña:');
  });

  it('tells a used link in the language of whoever follows it', async () => {
    await post(routes.account.signUp, { email: 'twice@example.org', displayName: 'Twice', password: PASSWORD }, 'en');
    const token = linkTo(await mail.nextTo('twice@example.org'), routes.account.verifyEmail).searchParams.get('token')!;
    expect((await post(routes.account.verifyEmail, { token }, 'en')).statusCode).toBe(303);
    const again = await get(`${routes.account.verifyEmail}?token=${token}`, 'ja');
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('このリンクは使用済みです。リンクは一度しか使えません。ログインして、アカウントページから新しいリンクを依頼してください。');
  });
});
