import { parseArgs } from 'node:util';
import { loadCatalog } from '../catalog/load.js';
import type { Lang } from '../catalog/schema.js';
import { loadConfig } from '../config.js';
import { createCore } from '../core/core.js';
import type { Answer } from '../core/model.js';
import { renderAdaptiveCard } from '../render/adaptive-card.js';
import { renderBlockKit } from '../render/blockkit.js';
import { renderText } from '../render/text.js';
import { MemoryStore } from '../store/memory-store.js';
import { type CliIo, EXIT, err, out } from './io.js';

const FORMATS = ['blockkit', 'adaptive', 'text'] as const;
type Format = (typeof FORMATS)[number];

/** An `auto` channel the `--unprompted` message is posted in (it exists only in memory). */
const AUTO_CHANNEL = { id: 'C0RENDER', kind: 'channel' } as const;

/**
 * `casebot render --format blockkit|adaptive|text [--lang zh|en] [--builder-url] [--unprompted] TEXT`
 * With `--unprompted`, TEXT is a message in an `auto` channel: the small unprompted answer is
 * printed, or (exit 1) why casebot would stay silent.
 */
export async function renderCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      lang: { type: 'string' },
      cases: { type: 'string' },
      'builder-url': { type: 'boolean', default: false },
      unprompted: { type: 'boolean', default: false },
    },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    err(io, `--format must be one of ${FORMATS.join(', ')}`);
    return EXIT.usage;
  }
  if (values.lang && values.lang !== 'en' && values.lang !== 'zh') {
    err(io, `--lang must be en or zh, not "${values.lang}"`);
    return EXIT.usage;
  }
  const config = loadConfig({ ...io.env, SLACK_BOT_TOKEN: '', MICROSOFT_APP_ID: '' });
  const catalog = await loadCatalog(values.cases ?? config.casesDir);
  const core = createCore({
    catalog,
    store: new MemoryStore(),
    defaultLocale: config.defaultLocale,
    now: () => new Date(),
  });
  const text = positionals.join(' ');
  let answer: Answer;
  if (values.unprompted) {
    await core.handle({
      id: 'cli',
      platform: 'slack',
      text: 'auto on',
      conversation: AUTO_CHANNEL,
    });
    const now = new Date();
    const considered = await core.consider({
      id: 'cli',
      platform: 'slack',
      text,
      conversation: AUTO_CHANNEL,
      messageId: String(now.getTime() / 1000),
      threadId: null,
      sentAt: now,
      fromBot: false,
      changed: false,
      mentionsBot: false,
    });
    if (considered.kind !== 'answer') {
      const why = considered.kind === 'silent' ? considered.decision : 'ignored';
      err(io, `casebot would not answer this unprompted: ${why}`);
      return EXIT.problems;
    }
    answer = values.lang ? { ...considered.answer, lang: values.lang as Lang } : considered.answer;
  } else {
    answer = await core.handle({
      id: 'cli',
      platform: 'cli',
      text,
      lang: values.lang as Lang | undefined,
    });
  }
  const options = {
    diagrams: config.diagrams,
    ...(config.casesUrl && { casesUrl: config.casesUrl }),
  };
  switch (format) {
    case 'text':
      out(io, renderText(answer, { color: Boolean(io.stdout.isTTY), ...options }));
      break;
    case 'adaptive':
      out(io, JSON.stringify(renderAdaptiveCard(answer, options), null, 2));
      break;
    case 'blockkit': {
      const message = renderBlockKit(answer, options);
      out(io, JSON.stringify(message, null, 2));
      if (values['builder-url']) {
        const state = encodeURIComponent(JSON.stringify({ blocks: message.blocks }));
        err(io, `https://app.slack.com/block-kit-builder#${state}`);
      }
      break;
    }
  }
  return EXIT.ok;
}
