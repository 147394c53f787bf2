// Compares the reference facts kept in test/fixtures/reference/ with the reference page itself in
// ../shared/seed/, so the fixture the tests read cannot drift from the page it was taken from.
// `npm run check:reference`; .ci/run runs it. `--write` rewrites the fixture from the page.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseReferencePage, REFERENCE_FIXTURE, referenceEntries } from '../test/helpers/reference-page.js';

const page = fileURLToPath(new URL('../../shared/seed/best-episodes-kaleido-star-season-1.txt', import.meta.url));
if (!existsSync(page)) {
  console.error(`The reference page is not at ${page}: check the repository out beside the project's shared/ folder.`);
  process.exit(1);
}
const fromPage = parseReferencePage(readFileSync(page, 'utf8'));
if (fromPage.length === 0) {
  console.error(`No ranked entries could be read from ${page}.`);
  process.exit(1);
}
if (process.argv.includes('--write')) {
  writeFileSync(REFERENCE_FIXTURE, `${JSON.stringify(fromPage, null, 2)}\n`);
  console.log(`Wrote ${fromPage.length} entries to ${REFERENCE_FIXTURE}.`);
} else if (!isDeepStrictEqual(fromPage, referenceEntries())) {
  console.error(`${REFERENCE_FIXTURE} differs from ${page}. Rewrite it with: npm run check:reference -- --write`);
  process.exit(1);
} else {
  console.log(`The reference fixture matches the page: ${fromPage.length} entries.`);
}
