import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openStore } from '../store/open-store.js';
import { type CliIo, EXIT, out } from './io.js';

/** `casebot stats [--json]`: subscriptions, tips posted, feedback per case, the casebook's gaps. */
export async function statsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean', default: false } },
  });
  const config = loadConfig(io.env);
  const store = openStore(config.store, createLogger({ level: 'warn' }));
  await store.init();
  try {
    const stats = await store.stats(10);
    if (values.json) {
      out(io, JSON.stringify(stats));
      return EXIT.ok;
    }
    out(
      io,
      `Subscriptions: ${stats.subscriptions.active} active, ${stats.subscriptions.retired} retired`,
    );
    out(io, `Tips posted:   ${stats.tipsPosted}`);
    out(io, 'Feedback per case (👍 / 👎):');
    if (stats.feedback.length === 0) out(io, '  none yet');
    for (const f of stats.feedback)
      out(io, `  ${f.caseId.padEnd(14)} ${f.helpful} / ${f.notHelpful}`);
    out(io, 'Questions that found no case (most frequent first):');
    if (stats.misses.length === 0) out(io, '  none yet');
    for (const m of stats.misses) out(io, `  ${String(m.count).padStart(4)}  ${m.query}`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
