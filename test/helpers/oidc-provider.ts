/**
 * A real OpenID Connect provider for the single sign-on tests: oidc-provider (an OpenID-certified
 * implementation) on an ephemeral loopback port, with one registered client, an in-memory adapter,
 * an account store the test controls (subject, e-mail, whether the provider calls it verified), and
 * a one-step interaction page of our own instead of the library's development pages: the fan posts
 * `login=<subject>` (signed in, and consent to everything asked) or `deny=1` (access_denied). A real
 * browser gets that form as an HTML page (a subject field, "Sign in" and "Deny" buttons); `authorize()`
 * plays the browser at the provider over real HTTP instead, keeping the provider's cookies, and
 * returns the URL the provider sends the browser back to.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Adapter, type AdapterPayload } from 'oidc-provider';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../src/config.js';

/** The test app's address: its callback is the redirect URI registered at the provider. */
export const TEST_SITE = 'http://epirank.test';

/**
 * A provider for the whole test file (or describe block), and the app settings that use it, to hand
 * to useTestApp: its `sso` is filled in once the provider listens, before the app is built (hooks
 * run in the order they are registered, so call this before useTestApp).
 */
export function useTestProvider(options: { name?: string; only?: boolean } = {}) {
  let provider: TestProvider | undefined;
  const config: Partial<Config> = { publicUrl: TEST_SITE };
  beforeAll(async () => {
    provider = await startTestProvider(`${TEST_SITE}/account/sso/callback`);
    const { issuer, clientId, clientSecret } = provider;
    config.sso = { issuer, clientId, clientSecret, name: options.name ?? 'Fanclub ID', only: options.only ?? false };
  });
  afterAll(async () => provider?.close());
  return {
    config,
    get provider(): TestProvider {
      if (!provider) throw new Error('the test provider is only available inside tests');
      return provider;
    },
  };
}

export interface ProviderAccount {
  subject: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces an account the provider knows. */
  addAccount(account: ProviderAccount): void;
  /**
   * Follows the app's redirect to the provider as a browser would: signs in as `subject` (or denies),
   * and returns the redirect back to the app (its redirect URI with code, state and iss, or an error).
   */
  authorize(authorizationUrl: string, as: { subject: string } | { deny: true }): Promise<URL>;
  close(): Promise<void>;
}

/** Starts the provider; `redirectUri` is the test app's callback, registered for the one client. */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const accounts = new Map<string, ProviderAccount>();
  let provider: Provider | undefined;
  const server = createServer((request, response) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(request.url ?? '');
    if (match && request.method === 'POST') return void finishInteraction(provider!, request, response).catch((error) => fail(response, error));
    if (match && request.method === 'GET') return interactionPage(response, match[1]!);
    provider!.callback()(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'epirank-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    adapter: MemoryAdapter,
    jwks: { keys: [{ ...signingKey, kid: 'test', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: false } },
    // Lifetimes stated, so the library does not call out its defaults; every test is over in seconds.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: account.emailVerified ?? false, name: account.name }),
      };
    },
  });
  return {
    issuer,
    clientId,
    clientSecret,
    addAccount: (account) => void accounts.set(account.subject, account),
    authorize: (authorizationUrl, as) => browse(authorizationUrl, as),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The fan's answer on the interaction page: signed in and consenting to everything asked, or refusing. */
async function finishInteraction(provider: Provider, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const form = new URLSearchParams(await readBody(request));
  const details = await provider.interactionDetails(request, response);
  if (form.get('deny')) {
    return provider.interactionFinished(request, response, { error: 'access_denied', error_description: 'The fan said no' });
  }
  const accountId = form.get('login') ?? '';
  const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope));
  await provider.interactionFinished(request, response, { login: { accountId }, consent: { grantId: await grant.save() } });
}

/** The interaction form for a real browser: it posts to the handler above. */
function interactionPage(response: ServerResponse, uid: string): void {
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test provider: sign in</title></head><body>` +
      `<form method="post" action="/interaction/${uid}"><label>Subject <input name="login" required></label>` +
      `<button type="submit">Sign in</button><button type="submit" name="deny" value="1" formnovalidate>Deny</button></form></body></html>`,
  );
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function fail(response: ServerResponse, error: unknown): void {
  response.statusCode = 500;
  response.end(String(error));
}

/** A browser at the provider: follows its redirects by hand, with a cookie jar, until it leaves for the app. */
async function browse(authorizationUrl: string, as: { subject: string } | { deny: true }): Promise<URL> {
  const jar = new Map<string, string>();
  const origin = new URL(authorizationUrl).origin;
  let url = new URL(authorizationUrl);
  let body: string | undefined;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    await response.arrayBuffer();
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} at ${url.pathname} without a redirect`);
    const next = new URL(location, url);
    if (next.origin !== origin) return next;
    if (/^\/interaction\//.test(next.pathname)) {
      // The interaction page: answer it at once, as the fan would.
      body = 'deny' in as ? 'deny=1' : new URLSearchParams({ login: as.subject }).toString();
    } else body = undefined;
    url = next;
  }
  throw new Error('the provider redirected too many times');
}

/** oidc-provider's storage, in memory: one map per model, enough for tests that live seconds. */
class MemoryAdapter implements Adapter {
  private static readonly stores = new Map<string, Map<string, AdapterPayload>>();
  private readonly store: Map<string, AdapterPayload>;

  constructor(name: string) {
    this.store = MemoryAdapter.stores.get(name) ?? new Map();
    MemoryAdapter.stores.set(name, this.store);
  }

  async upsert(id: string, payload: AdapterPayload): Promise<void> {
    this.store.set(id, payload);
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.store.get(id);
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return [...this.store.values()].find((payload) => payload.uid === uid);
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return [...this.store.values()].find((payload) => payload.userCode === userCode);
  }

  async consume(id: string): Promise<void> {
    const payload = this.store.get(id);
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.store.delete(id);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [id, payload] of this.store) if (payload.grantId === grantId) this.store.delete(id);
  }
}
