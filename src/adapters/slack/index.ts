export { createSlackAdapter, type SlackAdapter, type SlackAdapterDeps } from './adapter.js';
export { createSlackTipSender } from './tip-sender.js';
