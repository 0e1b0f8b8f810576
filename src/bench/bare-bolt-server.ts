import { App, LogLevel } from '@slack/bolt';

/**
 * The baseline: a bare Bolt app with its own HTTP receiver that verifies Slack's signature and
 * acks `/case` with a fixed text. Nothing else. Reads PORT and SLACK_SIGNING_SECRET (the bench
 * sets both) and prints `{"port": N}` on stdout once it listens.
 */
const port = Number(process.env.PORT ?? 0);
const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? 'bench-signing-secret',
  authorize: async () => ({ botToken: 'xoxb-bench', botUserId: 'U0BOT', botId: 'B0BOT' }),
  logLevel: LogLevel.ERROR,
});
app.command('/case', async ({ ack }) => {
  await ack('fixed text');
});

const server = await app.start({ port, host: '127.0.0.1' });
const address = server.address();
const bound = typeof address === 'object' && address ? address.port : port;
process.stdout.write(`${JSON.stringify({ port: bound })}\n`);
process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
