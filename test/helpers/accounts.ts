import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/db/schema.js';
import type { TestDatabase } from './database.js';

let accounts = 0;

/**
 * Signs up a new account through the real form, signs it in (sign-up no longer does, issue 24),
 * gives it `role`, and returns its session cookie ("epirank_session=…"). Each comes from its own
 * address, so sign-in throttling stays out of the way.
 */
export async function signedInAs(app: FastifyInstance, database: TestDatabase, role: Role): Promise<string> {
  const email = `${role}-${++accounts}-${process.pid}@example.org`;
  const form = (url: string, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      remoteAddress: `192.0.2.${accounts % 250}`,
    });
  const signUp = await form('/account/sign-up', { email, displayName: role, password: 'long enough password' });
  if (signUp.statusCode >= 400) throw new Error(`sign-up failed: ${signUp.statusCode} ${signUp.body.slice(0, 200)}`);
  const response = await form('/account/sign-in', { email, password: 'long enough password' });
  const cookie = response.cookies.find((c) => c.name === 'epirank_session');
  if (!cookie) throw new Error(`sign-up failed: ${response.statusCode} ${response.body.slice(0, 200)}`);
  await database.handle.db.updateTable('users').set({ role }).where('email', '=', email).execute();
  return `epirank_session=${cookie.value}`;
}
