#!/usr/bin/env node
/**
 * The `epirank` command line: serve, migrate, demo, import, export, backup, create-admin,
 * forget-addresses and recount. Each command that needs the database opens it, brings it up to date and closes it
 * through withDatabase().
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDemoCatalog } from './importers/demo/demo.js';
import { storeOf } from './repositories.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { FormError } from './shared/errors.js';
import { BackupError, backupDatabase } from './db/backup.js';
import { CatalogFormatError } from './importers/catalog-format.js';
import { exportCatalog, serializeCatalog } from './importers/catalog-export.js';
import { COMMAND_LINE, importAudited } from './editing/import-audit.js';
import { describeImport, ImportProgress } from './importers/import-report.js';
import { FetchError, fetchTvmazeShow, readCatalogSource, type ImportFormat } from './importers/read-catalog.js';
import { helpText, isCommand } from './cli-help.js';
import { startServer } from './server.js';
import { describeLoadedCatalogue } from './shared/first-start.js';
import { createServices } from './services.js';
import { parseDay } from './ranking/snapshots/snapshot-day.js';
import type { VoteAggregate } from './votes/tally-recount.repository.js';

function describe(a: VoteAggregate): string {
  return `${a.count} votes, sum ${a.sum}, squares ${a.sumOfSquares}, histogram [${a.histogram.join(' ')}]`;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      check: { type: 'boolean' },
      fix: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      format: { type: 'string' },
      tvmaze: { type: 'string' },
      votes: { type: 'boolean' },
      output: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      date: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'help';
  // Help needs no settings, so it works even where the environment is not set up yet.
  if (command === 'help' || values.help) {
    const topic = command === 'help' ? positionals[1] : command;
    if (topic !== undefined && !isCommand(topic)) throw new UsageError(`there is no command "${topic}"`);
    console.log(helpText(topic));
    return 0;
  }
  if (!isCommand(command)) throw new UsageError(`there is no command "${command}"`);
  const config = loadConfig();
  debugOnFailure = config.logLevel === 'debug' || config.logLevel === 'trace';
  switch (command) {
    case 'serve':
      await startServer(config);
      return -1; // keep running until a signal
    case 'migrate': {
      return withDatabase(config, async (_database, applied) => {
        console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        return 0;
      });
    }
    case 'demo': {
      return withDatabase(config, async (database) => {
        const store = storeOf(database.db);
        if ((await store.read.catalog.countShows()) > 0) {
          console.error('The database already has shows; the demo catalogue is only loaded into an empty one.');
          return 1;
        }
        const summary = await loadDemoCatalog(store);
        console.log(describeLoadedCatalogue({ shows: summary.shows.created, seasons: summary.seasons.created, episodes: summary.episodes.created }));
        return 0;
      });
    }
    case 'recount': {
      return withDatabase(config, async (database) => {
        const { tallyAudit } = createServices(database, config);
        const mismatches = values.fix ? await tallyAudit.fix() : await tallyAudit.check();
        for (const m of mismatches) {
          console.log(`${m.episode}: stored ${describe(m.stored)}, votes say ${describe(m.recounted)}`);
        }
        if (mismatches.length === 0) {
          console.log('Every tally matches its votes.');
          return 0;
        }
        if (values.fix) {
          console.log(`Repaired ${mismatches.length} tall${mismatches.length === 1 ? 'y' : 'ies'}.`);
          return 0;
        }
        console.log(`${mismatches.length} tall${mismatches.length === 1 ? 'y differs' : 'ies differ'}; run "epirank recount --fix" to repair.`);
        return 1;
      });
    }
    case 'import': {
      const format = values.format;
      if (format !== undefined && !['json', 'csv', 'tvmaze'].includes(format)) {
        console.error(`--format must be json, csv or tvmaze, not "${format}".`);
        return 2;
      }
      if (!values.tvmaze && !positionals[1]) {
        console.error('Name a file to import, or --tvmaze ID.');
        return 2;
      }
      const file = values.tvmaze ? await fetchTvmazeShow(values.tvmaze) : readCatalogSource(positionals[1]!, format as ImportFormat | undefined);
      return withDatabase(config, async (database) => {
        const progress = new ImportProgress(process.stderr);
        // Whoever has a shell on the server is its operator: the CLI imports ratings as an admin,
        // and the audit log records it as the command line's, as the admin page's are its admin's.
        const source = values.tvmaze ? `TVmaze show ${values.tvmaze}` : basename(positionals[1]!);
        const summary = await importAudited(storeOf(database.db), file, COMMAND_LINE, source, {
          dryRun: values['dry-run'],
          allowRatings: true,
          onEpisode: (done, total) => progress.update(done, total),
        });
        progress.finish();
        console.log(describeImport(summary));
        return 0;
      });
    }
    case 'export': {
      return withDatabase(config, async (database) => {
        const text = serializeCatalog(await exportCatalog(storeOf(database.db), { votes: values.votes }));
        if (values.output) {
          writeFileSync(values.output, text);
          console.error(`Wrote ${values.output}.`);
        } else process.stdout.write(text);
        return 0;
      });
    }
    case 'backup': {
      if (!positionals[1]) {
        console.error('Name the file to write the backup to.');
        return 2;
      }
      const result = await backupDatabase(config.databaseUrl, positionals[1]);
      console.log(`Backed up to ${result.file} (${result.method}).`);
      return 0;
    }
    case 'snapshot': {
      const day = values.date === undefined ? undefined : parseDay(values.date);
      if (day === null) throw new UsageError(`--date must be a day written YYYY-MM-DD, got "${values.date}"`);
      return withDatabase(config, async (database) => {
        const taken = await createServices(database, config).snapshots.take(day);
        if (!taken) {
          console.log(`The snapshot of ${day ?? 'today'} is already taken (or being taken by a running server).`);
          return 0;
        }
        const shows = (n: number) => `${n} ${n === 1 ? 'show' : 'shows'}`;
        console.log(`Snapshot of ${taken.day}: ${shows(taken.shows)} with votes, ${taken.written} with a changed ranking.`);
        return 0;
      });
    }
    case 'forget-addresses': {
      return withDatabase(config, async (database) => {
        const { forgotten } = await createServices(database, config).addressRetention.forget();
        console.log(`Forgot the addresses of ${forgotten} rating${forgotten === 1 ? '' : 's'} older than ${config.addressRetentionDays} days.`);
        return 0;
      });
    }
    case 'create-admin': {
      const email = values.email;
      if (!email) {
        console.error("Give the admin's e-mail address: epirank create-admin --email you@example.org");
        return 2;
      }
      const generated = !process.env.EPIRANK_ADMIN_PASSWORD;
      const password = process.env.EPIRANK_ADMIN_PASSWORD ?? randomBytes(18).toString('base64url');
      return withDatabase(config, async (database) => {
        const { accounts } = createServices(database, config);
        const { user, created } = await accounts.createAdmin({ email, displayName: values.name ?? 'Admin', password });
        if (!created) {
          console.log(`${user.email} already had an account; it is now an admin. Its password is unchanged.`);
        } else {
          console.log(`Created admin ${user.email}.`);
          if (generated) console.log(`Password (shown once, change it after signing in): ${password}`);
        }
        return 0;
      });
    }
    default:
      throw new UsageError(`there is no command "${command}"`);
  }
}

/**
 * Opens the database, brings its schema up to date, runs one command on it and closes it, whether
 * the command succeeds or fails; answers the command's exit code. `applied` names the migrations
 * this run applied.
 */
async function withDatabase(config: Config, command: (database: DatabaseHandle, applied: readonly string[]) => Promise<number>): Promise<number> {
  const database = openDatabase(config.databaseUrl);
  try {
    const { applied } = await migrateToLatest(database.db, database.dialect);
    return await command(database, applied);
  } finally {
    await database.close();
  }
}

/** A command line that does not say what to do: exit 2, like other Unix tools. */
class UsageError extends Error {
  override name = 'UsageError';
}

/** Set once the settings are read: with LOG_LEVEL=debug an unexpected failure prints its stack. */
let debugOnFailure = false;

/**
 * Every failure ends as one line on standard error (an import's list of problems aside) and a
 * non-zero exit; a stack trace only with LOG_LEVEL=debug, since the operator needs the reason,
 * not the code path.
 */
function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    console.error(`epirank: ${error.message}. Run "epirank help" for usage.`);
    return 2;
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    // Node's message goes on to explain "--" for positionals; the first sentence is the point.
    console.error(`epirank: ${error.message.split('. ')[0]}. Run "epirank help" for usage.`);
    return 2;
  }
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else if (error instanceof CatalogFormatError) {
    console.error(`Nothing was imported. ${error.source}:\n${error.problems.map((p) => `  - ${p}`).join('\n')}`);
  } else if (error instanceof FetchError || error instanceof BackupError) console.error(`epirank: ${error.message}`);
  else if (error instanceof FormError)
    console.error(`epirank: ${error.message}`); // English, whatever DEFAULT_LANGUAGE says
  else if (debugOnFailure) console.error(error);
  else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`epirank: ${message.split('\n')[0]} (run with LOG_LEVEL=debug for details)`);
  }
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportFailure(error);
  },
);
