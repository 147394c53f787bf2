/**
 * The transaction boundary hands out repositories (decision 0008): src/repositories.ts alone builds
 * them, so none is built on the wrong handle, and no repository opens a transaction of its own, so
 * every write commits where its service says. Read from the source, like the one-home rules
 * (test/shared/rule-homes.test.ts): a new `new XRepository(…)` in a service, or a `transact()` in a
 * repository, fails here with the file's name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.(ts|tsx)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/** Every source file under src/, by its path there, with its text. */
const files = sources(SRC).map((file) => ({ path: relative(SRC, file), text: readFileSync(file, 'utf8') }));

/** The text without comments, so that prose about transact() is not taken for a call. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const BUILDS_A_REPOSITORY = /\bnew \w+Repository\(/;
/** Opening a transaction, or a statement that commits on its own, by any of the ways src/db offers. */
const OPENS_A_TRANSACTION = /\b(transact|inOneStatement|groupCommit|bindTransaction)\(|\bWriteBatcher\b|\.transaction\(\)|sql`\s*begin\b/i;

/** Files that hold a repository: named *.repository.ts, or declaring a class named …Repository. */
const repositoryFiles = () => files.filter((f) => f.path.endsWith('.repository.ts') || /\bclass \w+Repository\b/.test(f.text));

describe('the transaction boundary', () => {
  it('builds repositories in src/repositories.ts alone', () => {
    const builders = files.filter((f) => BUILDS_A_REPOSITORY.test(code(f.text))).map((f) => f.path);
    // The one home must match, or the pattern has stopped finding anything.
    expect(builders).toEqual(['repositories.ts']);
  });

  it('lets no repository open a transaction: each runs on the handle it was bound to', () => {
    const repositories = repositoryFiles();
    // Every repository file is seen, among them the ones that used to open their own.
    expect(repositories.map((f) => f.path)).toEqual(
      expect.arrayContaining(['votes/votes.repository.ts', 'importers/ratings/rating-batch.repository.ts', 'ranking/top-episodes.repository.ts']),
    );
    expect(repositories.filter((f) => OPENS_A_TRANSACTION.test(code(f.text))).map((f) => f.path)).toEqual([]);
  });

  it('recognises the calls it forbids', () => {
    // The patterns themselves, so a typo that made them match nothing would fail here.
    expect(OPENS_A_TRANSACTION.test(code('return transact(this.db, work);'))).toBe(true);
    expect(OPENS_A_TRANSACTION.test(code('await inOneStatement(db, (d) => d);'))).toBe(true);
    expect(OPENS_A_TRANSACTION.test(code('this.batcher ??= new WriteBatcher(this.db);'))).toBe(true);
    expect(OPENS_A_TRANSACTION.test(code('db.transaction().execute(work)'))).toBe(true);
    expect(OPENS_A_TRANSACTION.test(code('/** in the caller’s transact() */ const x = 1;'))).toBe(false);
    expect(BUILDS_A_REPOSITORY.test(code('const c = new CatalogRepository(trx);'))).toBe(true);
  });
});
