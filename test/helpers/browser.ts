import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../src/config.js';
import { seedDemo, useTestApp } from './app.js';

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. A missing browser fails the run. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where browser tests leave their screenshots for people to look at. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../tmp/screenshots/', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Root in a sandboxed CI has no user namespaces; this machine's closed network refuses
    // Chromium's background connections, so they are switched off rather than left to fail.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // No --user-data-dir: Playwright gives every launch a fresh temporary profile itself.
    ],
  });
}

/**
 * The demo catalogue served on a real port, with a Chromium to browse it, for one test file.
 * `base` is the server's address, e.g. http://127.0.0.1:41234.
 */
export function useDemoSiteInChromium(config: Partial<Config> = {}) {
  const context = useTestApp({ seed: seedDemo, config });
  let browser: Browser | undefined;
  let base = '';
  beforeAll(async () => {
    base = await context.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get app() {
      return context.app;
    },
    get database() {
      return context.database;
    },
    get base() {
      return base;
    },
    get browser() {
      if (!browser) throw new Error('the browser is only available inside tests');
      return browser;
    },
  };
}
