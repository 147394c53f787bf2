import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Same classic JSX factory as tsconfig.json: components render through src/web/jsx.ts.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment', development: false } },
  test: {
    // `npm test`, the fast tier: type-check, unit, database and in-process HTTP tests; it starts no
    // process and no browser, and stays under 120 s on two cores. Whatever starts a process (the CLI,
    // a server, Redis, HAProxy, Chromium) or sends thousands of requests (the bad-input fuzz) belongs
    // in test/e2e/, the slow tier with its own config (docs/decisions/0007-test-tiers.md).
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', '**/node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Test files share each worker's loaded modules instead of importing the app afresh: that import
    // cost 1.5 s of CPU a file, more than half of the tier's CPU time (292 s isolated, 106 s shared,
    // measured on a busy machine). Files keep their own state all the same: each builds its own app
    // on its own database copy, and no test mocks a module; spies and fake timers are restored after
    // use. The slow tier keeps isolation (vitest.e2e.config.ts).
    isolate: false,
    // Two cores: more workers than that only adds contention on the database and the browser.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // `npm run coverage`: the same tests measured with V8's own counters. A summary on the terminal
    // and lcov in coverage/ for editors and review tools; no thresholds, so it never fails a run.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      reporter: ['text-summary', 'lcov'],
      reportsDirectory: 'coverage',
    },
  },
});
