export * from './core.js';
export * from './grammar.js';
export * from './lang.js';
export * from './messages.js';
export * from './model.js';
