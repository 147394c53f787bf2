/**
 * The site's one random secret: COOKIE_SECRET when the operator sets it, else one made on first
 * start and kept in the database's settings, so every instance sharing the database shares it.
 * It signs voter cookies, and other keys are derived from it with a label each (the proof of work's
 * HMAC keys), so no request path ever has to create a secret of its own.
 */
import { randomBytes } from 'node:crypto';

/** What this needs of the settings repository (src/db/settings.repository.ts). */
export interface SecretSettings {
  getOrCreate(key: string, create: () => string): Promise<string>;
}

export function siteSecret(configured: string | null, settings: SecretSettings): Promise<string> {
  if (configured !== null) return Promise.resolve(configured);
  return settings.getOrCreate('cookie_secret', () => randomBytes(32).toString('base64url'));
}
