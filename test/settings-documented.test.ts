/**
 * Every environment variable src/config.ts reads is documented in docs/settings.md, the settings
 * reference an operator is sent to: a new setting cannot ship unexplained. The names are read from
 * the parser's own calls (`(env, 'NAME'`), so the list has no second home to keep in step.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const source = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
const reference = readFileSync(new URL('../docs/settings.md', import.meta.url), 'utf8');
const names = [...new Set([...source.matchAll(/\(env, '([A-Z][A-Z0-9_]+)'/g)].map((match) => match[1]!))].sort();

describe('the settings reference', () => {
  it('finds the settings config.ts reads', () => {
    // A guard against the pattern above silently matching nothing after a refactor of config.ts.
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'PORT', 'SMTP_URL', 'OIDC_ISSUER', 'POW_DIFFICULTY', 'ADDRESS_RETENTION_DAYS']));
  });

  it('documents every one of them', () => {
    expect(names.filter((name) => !reference.includes(`\`${name}\``))).toEqual([]);
  });
});
