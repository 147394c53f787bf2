/**
 * What `epirank help`, `epirank --help` and `epirank <command> --help` print: one entry per
 * command, from which both the overview and each command's own help are built.
 */

interface CommandHelp {
  /** The command line, as typed. */
  usage: string;
  /** One line for the overview. */
  summary: string;
  /** More detail for the command's own help: options and what it prints. */
  details?: string;
}

const COMMANDS: Record<string, CommandHelp> = {
  serve: { usage: 'epirank serve', summary: 'Migrate the database if needed and start the web server.' },
  migrate: { usage: 'epirank migrate', summary: 'Bring the database schema up to date, then exit.' },
  demo: { usage: 'epirank demo', summary: 'Load the demo catalogue (Kaleido Star) into a database with no shows.' },
  recount: {
    usage: 'epirank recount [--check | --fix]',
    summary: "Compare every episode's stored tally with a recount of its votes.",
    details: `  --check  list the tallies that differ and exit 1 if there are any (the default)
  --fix    rewrite the tallies that differ from the votes (safe while the site runs)`,
  },
  import: {
    usage: 'epirank import FILE [--dry-run] [--format json|csv|tvmaze]\n       epirank import --tvmaze ID [--dry-run]',
    summary: 'Import a catalogue file (Epirank JSON, CSV, TVmaze JSON) or a show from TVmaze.',
    details: `  --dry-run                 report what would change, change nothing
  --format json|csv|tvmaze  when the file's name and content do not say
  --tvmaze ID               fetch the show and its episodes from api.tvmaze.com
One transaction: a file with one bad record changes nothing, and the message names the record.`,
  },
  export: {
    usage: 'epirank export [--votes] [--output FILE]',
    summary: 'Write everything as Epirank JSON (to standard output by default).',
    details: `  --votes        include every individual rating
  --output FILE  write to FILE instead of standard output`,
  },
  backup: {
    usage: 'epirank backup FILE',
    summary: 'Copy the database to FILE while the site runs.',
    details: `SQLite: one self-contained file, integrity-checked (no -wal or -shm beside it).
PostgreSQL: pg_dump's custom format, for pg_restore. FILE must not exist yet; its folder must.`,
  },
  'create-admin': {
    usage: 'epirank create-admin --email EMAIL [--name NAME]',
    summary: 'Create an admin account, or make an existing account admin.',
    details: `The password is EPIRANK_ADMIN_PASSWORD when set; otherwise a strong one is generated and
printed once.`,
  },
  snapshot: {
    usage: 'epirank snapshot [--date YYYY-MM-DD]',
    summary: "Record every show's ranking for today (or --date), for ?as_of= and rank history.",
    details: `A running server takes one by itself each day (SNAPSHOT_CHECK_SECONDS); a day already taken is
left as it is. Days are taken in order: --date may not be before the latest day taken. Snapshots
older than SNAPSHOT_RETENTION_DAYS are deleted.`,
  },
  'forget-addresses': {
    usage: 'epirank forget-addresses',
    summary: 'Forget client addresses older than ADDRESS_RETENTION_DAYS now, all of them.',
    details: `A running server does this by itself every 10 minutes, a bounded batch at a time; this runs
to the end at once (after lowering ADDRESS_RETENTION_DAYS, say). Networks are kept as keyed hashes.`,
  },
  help: { usage: 'epirank help [COMMAND]', summary: "Show this help, or one command's (also: epirank COMMAND --help)." },
};

export function isCommand(name: string): boolean {
  return Object.hasOwn(COMMANDS, name);
}

/** The overview of every command, or one command's help when `command` names one. */
export function helpText(command?: string): string {
  const one = command !== undefined && isCommand(command) ? COMMANDS[command]! : undefined;
  if (one) return [`Usage: ${one.usage}`, '', one.summary, ...(one.details ? ['', one.details] : [])].join('\n') + '\n';
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 2;
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}${entry.summary}`);
  return `Usage: epirank <command> [options]

Commands:
${lines.join('\n')}

Run "epirank <command> --help" for a command's options. Settings come from environment
variables (see the README's settings table), e.g. DATABASE_URL and LOG_LEVEL.
`;
}
