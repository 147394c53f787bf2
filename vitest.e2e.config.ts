import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The slow tier: spawned CLI commands and servers, SIGKILL and restart trials, Redis, HAProxy, headless
// Chromium, the bad-input fuzz. `npm run test:e2e`.
// Built from the base config by hand: mergeConfig would concatenate the base's exclude list
// (which excludes test/e2e/) instead of replacing it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/e2e/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**'],
    // Each file in a fresh process, as before: the modules' import is small beside a spawned server.
    isolate: true,
    testTimeout: 120_000,
  },
});
