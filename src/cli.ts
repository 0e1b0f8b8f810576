#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type CliIo, EXIT, err, out } from './cli/io.js';
import { CasebotError } from './errors.js';

const USAGE = `casebot — cloud-native casebook bot for Slack and Microsoft Teams

Usage:
  casebot serve                       the server (Slack, Teams, /healthz, /readyz); with no
                                      platform credentials also a console chat on stdin/stdout
  casebot chat                        the console chat alone
  casebot search [QUERY] [--json] [--lang zh|en] [--cases DIR]
                                      ranked matches; no QUERY: one query per stdin line (JSON Lines)
  casebot render --format blockkit|adaptive|text [--lang zh|en] [--builder-url] [--unprompted] TEXT
                                      the payload that would be sent for TEXT
  casebot validate [--cases DIR]      check every case file
  casebot tips post-due [--now ISO]   post every tip that is due (safe from several replicas)
  casebot digest [--dry-run] [--now ISO]
                                      the weekly gap report: print it, or post it to DIGEST_CHANNEL
                                      once per week (safe from several replicas and CronJobs)
  casebot stats [--json] [--misses [--since 7d] [--limit N]]
                                      subscriptions, tips posted, feedback; --misses: the
                                      questions that found nothing, with first and last seen
  casebot schema                      the JSON Schema of a case file (for YAML editors)
  casebot new ID [--lang en|zh] [--cases DIR]
                                      a commented skeleton case in the casebook folder
                                      (--cases, else CASES_DIR, else ./cases); never overwrites
  casebot import FILE.md [--out DIR] [--ids ID,…] [--force]
                                      case files from a casebook written like the seed
                                      document (--out, else CASES_DIR, else ./cases)
`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

/**
 * Loaded on demand: `casebot search` never pays for loading Bolt and botbuilder. A Map: the
 * key is what was typed, which may be `constructor`.
 */
const COMMANDS = new Map<string, () => Promise<Command>>(
  Object.entries({
    serve: async () => (await import('./cli/serve-command.js')).serveCommand,
    start: async () => (await import('./cli/serve-command.js')).serveCommand,
    chat: async () => (await import('./cli/chat-command.js')).chatCommand,
    search: async () => (await import('./cli/search-command.js')).searchCommand,
    render: async () => (await import('./cli/render-command.js')).renderCommand,
    validate: async () => (await import('./cli/validate-command.js')).validateCommand,
    tips: async () => (await import('./cli/tips-command.js')).tipsCommand,
    digest: async () => (await import('./cli/digest-command.js')).digestCommand,
    stats: async () => (await import('./cli/stats-command.js')).statsCommand,
    schema: async () => (await import('./cli/schema-command.js')).schemaCommand,
    new: async () => (await import('./cli/new-command.js')).newCommand,
    import: async () => (await import('./cli/import-command.js')).importCommand,
  }),
);

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    out(io, USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = COMMANDS.get(name);
  if (!load) {
    err(io, `casebot: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof CasebotError) {
      err(io, `casebot ${name}: ${error.message}`);
      return EXIT.problems;
    }
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      err(io, `casebot ${name}: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}

/** True when this file is the program node runs, also through npm's `node_modules/.bin` link. */
function isMain(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const io: CliIo = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
