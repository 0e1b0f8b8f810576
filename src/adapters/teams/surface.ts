import type { Activity } from 'botbuilder';
import type { Surface } from '../../metrics/metrics.js';
import { conversationKind } from './to-request.js';

/** Where a Teams activity came in (a fixed set, whatever the activity says). */
export function teamsSurface(activity: Partial<Activity>): Surface {
  switch (activity.type) {
    case 'message':
      if (activity.value !== undefined && activity.value !== null && !activity.text)
        return 'button';
      return conversationKind(activity) === 'personal' ? 'dm' : 'mention';
    case 'invoke':
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
