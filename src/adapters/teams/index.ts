export {
  botFrameworkAuthentication,
  createTeamsAdapter,
  TEAMS_PATH,
  type TeamsAdapter,
  type TeamsAdapterDeps,
} from './adapter.js';
export { isDevServiceUrl, isLoopbackAddress } from './loopback.js';
export { createTeamsTipSender } from './tip-sender.js';
