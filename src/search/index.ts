export { buildIndex } from './engine.js';
export { detectLang } from './lang.js';
export { normalize } from './normalize.js';
export { detectSection, type SectionIntent } from './section.js';
export { tokenize } from './tokenize.js';
export type { SearchIndex, SearchMatch, SearchResult } from './types.js';
