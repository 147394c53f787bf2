import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { adminQuery, databaseUrlWithName, dropDatabase, templateDatabaseName, type TestDatabaseTemplate } from './helpers/template.js';

/**
 * Migrates one template database before any test file runs; each test file then gets its own
 * copy (a copied SQLite file, or CREATE DATABASE … TEMPLATE on PostgreSQL), so files never share
 * state and never pay for migrations again. TEST_DATABASE_URL selects PostgreSQL: it names a
 * database the tests may connect to in order to create and drop their own.
 */
export default async function setup(project: TestProject) {
  const postgresUrl = process.env.TEST_DATABASE_URL?.trim();
  let template: TestDatabaseTemplate;
  let teardown: () => Promise<void>;

  if (postgresUrl) {
    const templateName = templateDatabaseName();
    await adminQuery(postgresUrl, `CREATE DATABASE ${templateName}`);
    await migrate(databaseUrlWithName(postgresUrl, templateName));
    template = { dialect: 'postgres', adminUrl: postgresUrl, templateName };
    teardown = () => dropDatabase(postgresUrl, templateName);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'epirank-test-'));
    const path = join(dir, 'template.db');
    await migrate(path);
    template = { dialect: 'sqlite', path, dir };
    teardown = async () => rmSync(dir, { recursive: true, force: true });
  }
  project.provide('databaseTemplate', template);
  return teardown;
}

async function migrate(url: string): Promise<void> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database.db, database.dialect);
  } finally {
    await database.close();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: TestDatabaseTemplate;
  }
}
