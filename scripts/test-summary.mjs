// Prints one "N passed, N failed" line per database run and a total, from vitest's JSON reports,
// so CI logs end with a plain count. A missing or unreadable report counts as a failure.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const argument of process.argv.slice(2)) {
  const [name, file] = argument.split('=');
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    console.log(`${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
    // The names and first lines of failures again, at the end, where a truncated CI log still shows them.
    for (const file of report.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status !== 'failed') continue;
        const why = String(test.failureMessages?.[0] ?? '')
          .split('\n')
          .slice(0, 3)
          .join(' / ');
        console.log(`  FAILED ${file.name.replace(/^.*?(test\/)/, '$1')} > ${test.fullName}\n    ${why.slice(0, 400)}`);
      }
      if (file.status === 'failed' && (file.assertionResults ?? []).every((test) => test.status !== 'failed')) {
        console.log(`  FAILED ${file.name.replace(/^.*?(test\/)/, '$1')}: ${String(file.message ?? '').slice(0, 400)}`);
      }
    }
  } catch (error) {
    failed += 1;
    console.log(`${name}: no report (${error.message})`);
  }
}
console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
