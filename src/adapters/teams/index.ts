export {
  botFrameworkAuthentication,
  createTeamsAdapter,
  TEAMS_PATH,
  type TeamsAdapter,
  type TeamsAdapterDeps,
} from './adapter.js';
export { isLoopbackUrl } from './loopback.js';
export { createTeamsTipSender } from './tip-sender.js';
