/**
 * The one Chromium every browser run here uses (the browser tests, the README's screenshots, the
 * Lighthouse bench): Debian's, unless CHROMIUM_PATH says otherwise, never a downloaded one; and the
 * flags it is started with.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Root in a sandboxed CI has no user namespaces; this machine's closed network refuses Chromium's
 * background connections, so they are switched off rather than left to fail. Headless is each
 * launcher's own option (Playwright's `headless`, chrome-launcher's `--headless` flag).
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Fails with how to get one where there is no Chromium: a missing browser fails the run. */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
  return CHROMIUM_PATH;
}
