#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { loadDemoCatalog } from './catalog/demo/demo.js';
import { CatalogRepository } from './catalog/catalog.repository.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { startServer } from './server.js';

const HELP = `Usage: epirank <command>

Commands:
  serve      Migrate the database if needed and start the web server
  migrate    Bring the database schema up to date, then exit
  demo       Load the demo catalogue (Kaleido Star) into a database with no shows
  help       Show this help

Settings come from environment variables (see the README): PORT, HOST, DATABASE_URL,
LOG_LEVEL, RANK_PRIOR_VOTES, PUBLIC_URL, DEMO_DATA, TRUST_PROXY.
`;

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} });
  const command = positionals[0] ?? 'help';
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await startServer(config);
      return -1; // keep running until a signal
    case 'migrate': {
      const database = openDatabase(config.databaseUrl);
      try {
        const { applied } = await migrateToLatest(database.db, database.dialect);
        console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'demo': {
      const database = openDatabase(config.databaseUrl);
      try {
        await migrateToLatest(database.db, database.dialect);
        if ((await new CatalogRepository(database.db).countShows()) > 0) {
          console.error('The database already has shows; the demo catalogue is only loaded into an empty one.');
          return 1;
        }
        const summary = await loadDemoCatalog(database.db);
        console.log(`Loaded ${summary.shows} show, ${summary.seasons} season, ${summary.episodes} episodes.`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
    else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${error.message}\n\n${HELP}`);
    } else console.error(error);
    process.exitCode = 1;
  },
);
