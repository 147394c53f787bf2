import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The slow tier: spawned servers, SIGKILL under load, headless Chromium. `npm run test:e2e`.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['test/e2e/**/*.test.{ts,tsx}'],
      exclude: [],
      testTimeout: 120_000,
    },
  }),
);
