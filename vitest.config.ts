import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Same classic JSX factory as tsconfig.json: components render through src/web/jsx.ts.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment', development: false } },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Two cores: more workers than that only adds contention on the database and the browser.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
