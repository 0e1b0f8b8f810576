import type { Surface } from '../../metrics/metrics.js';

/** Where a Slack request came in, from its body's shape (a fixed set, whatever the body says). */
export function slackSurface(body: unknown): Surface {
  const b = (body ?? {}) as {
    command?: unknown;
    type?: unknown;
    event?: { type?: unknown; channel_type?: unknown };
  };
  if (typeof b.command === 'string') return 'command';
  if (b.type === 'block_actions') return 'button';
  if (b.type === 'event_callback') {
    switch (b.event?.type) {
      case 'app_mention':
        return 'mention';
      case 'message':
        return b.event.channel_type === 'im' ? 'dm' : 'unprompted';
      case 'app_home_opened':
        return 'home';
      case 'link_shared':
        return 'unfurl';
    }
  }
  return 'other';
}
