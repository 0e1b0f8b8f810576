import { signedAutoOn, signedChannelMessages } from './channel-messages.js';
import { type LoadResult, runLoad } from './load.js';
import { cpuMs, memoryMb, type NodeChild } from './processes.js';
import type { Row } from './report.js';

/** Issue #20: channel messages into an `auto` channel, against the same server's commands. */
const TARGET_RATIO = 0.9;

/** Message events into an `auto` channel (95 % chatter), on the same server after the commands. */
export interface MessageRun {
  readonly load: LoadResult;
  readonly cpuPer1k: number;
  readonly rssMb: number;
}

/** `/case auto on`, a warm-up, then the measured run of channel messages, then memory. */
export async function measureMessages(
  proc: NodeChild,
  baseUrl: string,
  stubUrl: string,
  o: { secret: string; connections: number; warmupSeconds: number; durationSeconds: number },
): Promise<MessageRun> {
  const on = signedAutoOn(o.secret, `${stubUrl}/commands/T0BENCH/1337/auto`);
  const res = await fetch(`${baseUrl}${on.path}`, {
    method: 'POST',
    headers: on.headers,
    body: on.body,
  });
  if (!(await res.text()).includes('in_channel')) throw new Error('bench: /case auto on failed');
  const run = (durationSeconds: number) =>
    runLoad(baseUrl, signedChannelMessages(o.secret), {
      connections: o.connections,
      durationSeconds,
    });
  await run(o.warmupSeconds);
  await new Promise((r) => setTimeout(r, 250));
  const cpuBefore = cpuMs(proc.pid);
  const load = await run(o.durationSeconds);
  const cpu = cpuMs(proc.pid) - cpuBefore;
  return {
    load,
    cpuPer1k: (cpu / Math.max(1, load.requests)) * 1000,
    rssMb: memoryMb(proc.pid).rss,
  };
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
const int = (v: number) => Math.round(v).toLocaleString('en-US');

export function messageRows(commandsRps: number, m: MessageRun): Row[] {
  const ratio = m.load.rps / commandsRps;
  const failures = m.load.errors + m.load.non2xx;
  return [
    {
      metric: 'channel messages/s into an auto channel (95 % chatter)',
      casebot: `${int(m.load.rps)} (${ratio.toFixed(2)} × commands)`,
      bare: '—',
      target: `≥ ${TARGET_RATIO} × casebot's commands/s`,
      met: ratio >= TARGET_RATIO,
    },
    {
      metric: 'channel messages: latency p99; errors + non-2xx',
      casebot: `${ms(m.load.p99Ms)}; ${int(failures)}`,
      bare: '—',
      target: '0 errors',
      met: failures === 0,
    },
    { metric: 'CPU per 1,000 channel messages', casebot: ms(m.cpuPer1k), bare: '—', target: '' },
    {
      metric: 'RSS after the message load',
      casebot: `${m.rssMb.toFixed(0)} MB`,
      bare: '—',
      target: '',
    },
  ];
}
