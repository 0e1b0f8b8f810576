import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Tip } from '../../catalog/schema.js';
import type { DigestAnswer } from '../../core/model.js';
import type { ReadBody } from '../../http/types.js';
import type { Subscription } from '../../store/store.js';
import type { TeamsAdapter, TeamsAdapterDeps } from './adapter.js';
import { TEAMS_TIP_CONCURRENCY } from './connector-http.js';
import { refuseNonJson, refuseRemoteClient } from './respond.js';

/**
 * Teams without credentials (local testing with the Emulator or the Agents Playground) loads
 * botbuilder on its first activity, not at start: a server that only ever serves Slack doesn't
 * pay its ~0.5 s of start-up and ~30 MB of memory.
 */
export function createLazyTeamsAdapter(deps: TeamsAdapterDeps): TeamsAdapter {
  let loading: Promise<TeamsAdapter> | null = null;
  let stopped = false;
  const log = deps.logger.child({ platform: 'teams' });
  const real = () => {
    loading ??= import('./adapter.js').then(async ({ createTeamsAdapter }) => {
      const adapter = createTeamsAdapter(deps);
      await adapter.start();
      return adapter;
    });
    return loading;
  };
  return {
    name: 'teams',
    path: '/api/messages',
    async handle(req: IncomingMessage, res: ServerResponse, requestId: string, body: ReadBody) {
      // Another machine gets its 403 without making this one load botbuilder.
      if (refuseRemoteClient(req, res, requestId, log)) return;
      if (refuseNonJson(req, res, requestId, log)) return;
      await (await real()).handle(req, res, requestId, body);
    },
    async start() {},
    async stop() {
      stopped = true;
      if (loading) await (await loading).stop();
    },
    ready: () => !stopped,
    tipSender: {
      concurrency: TEAMS_TIP_CONCURRENCY,
      async ready(sub: Subscription, signal?: AbortSignal) {
        return (await (await real()).tipSender.ready?.(sub, signal)) ?? true;
      },
      async send(sub: Subscription, tip: Tip, signal?: AbortSignal) {
        return (await real()).tipSender.send(sub, tip, signal);
      },
    },
    digestSender: {
      async send(channel: string, report: DigestAnswer) {
        return (await real()).digestSender.send(channel, report);
      },
    },
  };
}
