// Copies the non-TypeScript files the server reads at run time (stylesheet, client script, demo
// catalogue) from src/ to dist/, next to the compiled modules that load them.
import { cpSync, mkdirSync } from 'node:fs';

const copies = [
  ['src/web/assets', 'dist/web/assets'],
  ['src/importers/demo/kaleido-star.json', 'dist/importers/demo/kaleido-star.json'],
];
for (const [from, to] of copies) {
  mkdirSync(to.endsWith('.json') ? to.replace(/\/[^/]+$/, '') : to, { recursive: true });
  cpSync(from, to, { recursive: true });
}
