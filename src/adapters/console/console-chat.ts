import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Lang } from '../../catalog/schema.js';
import type { Core } from '../../core/core.js';
import { languageOf } from '../../core/lang.js';
import { messages } from '../../core/messages.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics/metrics.js';
import { trackRequest } from '../../metrics/request-track.js';
import type { DiagramOptions } from '../../render/diagram.js';
import { renderText } from '../../render/text.js';

export interface ConsoleChatDeps {
  readonly core: Core;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Colour and a prompt: a person at a terminal. */
  readonly interactive: boolean;
  readonly diagrams: DiagramOptions;
  readonly logger: Logger;
  readonly lang?: Lang;
  readonly metrics?: Metrics;
}

export interface ConsoleChatResult {
  /** Questions answered before the input ended. */
  readonly questions: number;
}

const GREETING = {
  en: 'casebot: ask an architecture question (e.g. “flash sale”), or type `help`. Ctrl-D ends.',
  zh: 'casebot：输入架构问题（例如“秒杀”），或输入 `帮助`。Ctrl-D 结束。',
};

/**
 * The terminal chat (hubot's Shell adapter): one question per line, one answer each,
 * until the input ends. Never throws on a bad question.
 */
export async function runConsoleChat(deps: ConsoleChatDeps): Promise<ConsoleChatResult> {
  const { core, output, interactive } = deps;
  const rl = createInterface({ input: deps.input, terminal: false });
  const write = (s: string) => output.write(`${s}\n`);
  const prompt = () => interactive && output.write('> ');
  let questions = 0;

  if (interactive) write(GREETING[deps.lang ?? 'en']);
  prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === '') {
      prompt();
      continue;
    }
    const id = randomUUID();
    questions++;
    const track = deps.metrics && trackRequest(deps.metrics, 'console', 'dm');
    try {
      const answer = await core.handle({ id, platform: 'console', text, lang: deps.lang });
      track?.answered(answer);
      write(renderText(answer, { color: interactive, diagrams: deps.diagrams }));
    } catch (error) {
      track?.failed();
      deps.logger.error({ err: error, requestId: id }, 'console question failed');
      write(messages.apology(id)[deps.lang ?? languageOf(text) ?? 'en']);
    }
    track?.end();
    write('');
    prompt();
  }
  return { questions };
}
