/**
 * The OpenAPI document the app serves passes Redocly's linter (redocly.yaml: the recommended rules)
 * with no error and no warning. The linter runs as the command line a developer would type, on
 * the document written to a temporary file, with telemetry and update checks off so it needs no
 * network.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedOpenApiDocument } from '../helpers/openapi.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const redocly = join(root, 'node_modules/@redocly/cli/bin/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'epirank-openapi-lint-'));

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer?: string }>;
}
interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: LintProblem[];
}

/** Runs `redocly lint --format=json` on a document; its exit code is 1 when there are errors, so that is read from the report. */
async function lint(document: unknown, name: string): Promise<LintReport> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(document, null, 2));
  const run = promisify(execFile)(process.execPath, [redocly, 'lint', '--format=json', `--config=${join(root, 'redocly.yaml')}`, file], {
    cwd: root,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    timeout: 60_000,
  });
  const { stdout } = await run.catch((failure: { stdout?: string; stderr?: string }) => {
    if (!failure.stdout) throw new Error(`redocly lint did not run: ${failure.stderr ?? String(failure)}`);
    return { stdout: failure.stdout };
  });
  return JSON.parse(stdout) as LintReport;
}

/** One line per problem, so a failure says what to fix. */
const listed = (report: LintReport) => report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);

let document: Record<string, unknown>;
beforeAll(async () => {
  document = await servedOpenApiDocument();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the OpenAPI document, linted by Redocly', () => {
  it('has no errors and no warnings', async () => {
    const report = await lint(document, 'served');
    expect(listed(report)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('would be reported with a missing operationId, licence or security requirement (the linter really reads it)', async () => {
    const broken = structuredClone(document) as {
      info: Record<string, unknown>;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    delete broken.info.license;
    const listShows = broken.paths['/api/v1/shows']!.get!;
    delete listShows.operationId;
    delete listShows.security;
    const rules = (await lint(broken, 'broken')).problems.map((p) => p.ruleId).sort();
    expect(rules).toEqual(['info-license', 'operation-operationId', 'security-defined']);
  });
});
