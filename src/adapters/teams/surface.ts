import type { Activity } from 'botbuilder';
import type { Surface } from '../../metrics/metrics.js';
import { conversationKind, mentionsBot } from './to-request.js';

/** Where a Teams activity came in (a fixed set, whatever the activity says). */
export function teamsSurface(activity: Partial<Activity>): Surface {
  switch (activity.type) {
    case 'message':
      if (activity.value !== undefined && activity.value !== null && !activity.text)
        return 'button';
      if (conversationKind(activity) === 'personal') return 'dm';
      return mentionsBot(activity) ? 'mention' : 'unprompted';
    case 'invoke':
      if (activity.name === 'adaptiveCard/action') return 'button';
      if (activity.name === 'composeExtension/queryLink') return 'unfurl';
      return activity.name === 'composeExtension/query' ||
        activity.name === 'composeExtension/fetchTask'
        ? 'extension'
        : 'other';
    case 'conversationUpdate':
      return 'welcome';
    default:
      return 'other';
  }
}
