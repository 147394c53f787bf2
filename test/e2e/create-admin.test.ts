/**
 * `epirank create-admin` as a subprocess beside an in-process app on the same database: it creates
 * the first admin, who can then sign in, promotes an existing account, and generates a password
 * when none is given. In the slow tier because each command compiles the sources with tsx.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';
import { runEpirank } from '../helpers/process.js';

const context = useTestApp({ seed: seedDemo });

/** Posts a same-origin form and returns the session cookie it sets ("epirank_session=…"). */
async function sessionFrom(url: string, fields: Record<string, string>): Promise<string> {
  const response = await context.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
  });
  const cookie = response.cookies.find((c) => c.name === 'epirank_session');
  if (!cookie) throw new Error(`no session cookie: ${response.statusCode} ${response.body.slice(0, 200)}`);
  return `epirank_session=${cookie.value}`;
}

describe('epirank create-admin', () => {
  it('creates the first admin, or promotes an existing account, on the CLI', async () => {
    const url = context.database.url;
    const made = await runEpirank(['create-admin', '--email', 'Boss@Example.org', '--name', 'Boss'], {
      DATABASE_URL: url,
      EPIRANK_ADMIN_PASSWORD: 'the admin password',
    });
    expect(made.code, made.output).toBe(0);
    expect(made.output).toContain('Created admin boss@example.org.');
    const session = await sessionFrom('/account/sign-in', { email: 'boss@example.org', password: 'the admin password' });
    const account = await context.app.inject({ url: '/account', headers: { cookie: session } });
    expect(parsePage(account.body)('.account-role').text()).toBe('admin');
    // An admin made on the command line counts as having a verified address.
    const boss = await context.database.handle.db
      .selectFrom('users')
      .select('email_verified_at')
      .where('email', '=', 'boss@example.org')
      .executeTakeFirstOrThrow();
    expect(boss.email_verified_at).not.toBeNull();

    const email = 'fan@example.org';
    // Sign-up no longer signs in (issue 24): the account exists after it all the same.
    await context.app.inject({
      method: 'POST',
      url: '/account/sign-up',
      payload: new URLSearchParams({ email, displayName: 'Fan', password: 'long enough password' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    });
    const promoted = await runEpirank(['create-admin', '--email', email], { DATABASE_URL: url });
    expect(promoted.output).toContain('it is now an admin');
    const generated = await runEpirank(['create-admin', '--email', 'second@example.org'], { DATABASE_URL: url });
    expect(generated.output).toMatch(/Password \(shown once, change it after signing in\): [\w-]{24}/);
  });
});
