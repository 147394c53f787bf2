/**
 * Headless Chromium for the browser tests (slow tier): one launch with the flags every browser run
 * here shares (scripts/chromium.ts), and the demo site served to it for a test file.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../src/config.js';
import { CHROMIUM_FLAGS, requireChromium } from '../../scripts/chromium.js';
import { seedDemo, useTestApp } from './app.js';
import type { TestDatabase } from './database.js';

/** Where browser tests leave their screenshots for people to look at. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../tmp/screenshots/', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  const executablePath = requireChromium();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // No --user-data-dir: Playwright gives every launch a fresh temporary profile itself.
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}

/**
 * The demo catalogue served on a real port, with a Chromium to browse it, for one test file.
 * `base` is the server's address, e.g. http://127.0.0.1:41234. `seed` may load more than the demo.
 */
export function useDemoSiteInChromium(config: Partial<Config> = {}, seed: (database: TestDatabase) => Promise<void> = seedDemo) {
  const context = useTestApp({ seed, config });
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
