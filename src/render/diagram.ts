import { deflateSync } from 'node:zlib';

/** Where diagram images come from (see DIAGRAM_RENDERER in the config). */
export interface DiagramOptions {
  readonly renderer: 'mermaid-ink' | 'kroki' | 'none';
  /** Base URL without a trailing slash, e.g. https://mermaid.ink or a self-hosted Kroki. */
  readonly baseUrl: string;
}

export interface DiagramLinks {
  /** A PNG on a white background; null when images are off. */
  readonly imageUrl: string | null;
  /** Opens the diagram in the mermaid.live editor. */
  readonly editUrl: string;
}

/** The public service behind each renderer (used when DIAGRAM_RENDERER_URL is unset). */
export const DIAGRAM_DEFAULT_URL = {
  'mermaid-ink': 'https://mermaid.ink',
  kroki: 'https://kroki.io',
  none: '',
} as const;

export const DEFAULT_DIAGRAMS: DiagramOptions = {
  renderer: 'mermaid-ink',
  baseUrl: DIAGRAM_DEFAULT_URL['mermaid-ink'],
};

const MERMAID_LIVE = 'https://mermaid.live/edit';

/** zlib deflate (what pako.deflate produces), then base64url: short enough for Slack's 3,000. */
export function encodeDeflate(text: string): string {
  return deflateSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64url');
}

/** The "pako:" state that mermaid.ink and mermaid.live read. */
function pakoState(code: string, extra: Record<string, unknown> = {}): string {
  return `pako:${encodeDeflate(JSON.stringify({ code, mermaid: { theme: 'default' }, ...extra }))}`;
}

/**
 * Compressing a diagram costs more than rendering the rest of a card, and a casebook has only a
 * handful of diagrams: remember the links (bounded, for casebooks that change on reload).
 */
const MEMO_LIMIT = 256;
const memo = new Map<string, DiagramLinks>();

/** Image and editor links for a mermaid source. Pure: no network. */
export function diagramLinks(source: string, options: DiagramOptions): DiagramLinks {
  const key = `${options.renderer}\u0000${options.baseUrl}\u0000${source}`;
  const known = memo.get(key);
  if (known) return known;
  const links = computeLinks(source, options);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, links);
  return links;
}

function computeLinks(source: string, options: DiagramOptions): DiagramLinks {
  const editUrl = `${MERMAID_LIVE}#${pakoState(source, { autoSync: true, updateDiagram: true })}`;
  switch (options.renderer) {
    case 'none':
      return { imageUrl: null, editUrl };
    case 'kroki':
      // Kroki: /{type}/{format}/{deflate+base64url of the source}.
      return { imageUrl: `${options.baseUrl}/mermaid/png/${encodeDeflate(source)}`, editUrl };
    case 'mermaid-ink':
      // /img/ with type=png (Slack cannot show SVG); bgColor so the diagram survives dark mode.
      return {
        imageUrl: `${options.baseUrl}/img/${pakoState(source)}?type=png&bgColor=!white`,
        editUrl,
      };
  }
}
