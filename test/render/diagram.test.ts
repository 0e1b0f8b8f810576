import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { diagramLinks } from '../../src/render/diagram.js';

const catalog = await loadCatalog('cases');
const sources: [string, string][] = [
  ...catalog.cases.flatMap((c): [string, string][] => [
    [`${c.id} zh`, c.diagram!.zh],
    [`${c.id} en`, c.diagram!.en],
  ]),
  ['overview zh', catalog.overview!.diagram.zh],
  ['overview en', catalog.overview!.diagram.en],
];

const inflate = (b64url: string) => inflateSync(Buffer.from(b64url, 'base64url')).toString('utf8');

describe('diagram links', () => {
  it.each(sources)('%s: mermaid.ink PNG on white decodes to the exact source', (_, source) => {
    const { imageUrl } = diagramLinks(source, {
      renderer: 'mermaid-ink',
      baseUrl: 'https://mermaid.ink',
    });
    const url = new URL(imageUrl!);
    expect(url.origin).toBe('https://mermaid.ink');
    expect(url.searchParams.get('type')).toBe('png');
    expect(url.searchParams.get('bgColor')).toBe('!white');
    const state = /^\/img\/pako:(.+)$/.exec(url.pathname)![1]!;
    expect(JSON.parse(inflate(state)).code).toBe(source);
    expect(imageUrl!.length).toBeLessThanOrEqual(3000);
  });

  it.each(sources)('%s: Kroki PNG decodes to the exact source', (_, source) => {
    const { imageUrl } = diagramLinks(source, {
      renderer: 'kroki',
      baseUrl: 'https://kroki.internal:8000',
    });
    const match = /^https:\/\/kroki\.internal:8000\/mermaid\/png\/([A-Za-z0-9_-]+)$/.exec(
      imageUrl!,
    );
    expect(match).not.toBeNull();
    expect(inflate(match![1]!)).toBe(source);
    expect(imageUrl!.length).toBeLessThanOrEqual(3000);
  });

  it.each(sources)('%s: the mermaid.live edit link decodes to the exact source', (_, source) => {
    const { editUrl } = diagramLinks(source, { renderer: 'none', baseUrl: '' });
    const state = /^https:\/\/mermaid\.live\/edit#pako:(.+)$/.exec(editUrl)![1]!;
    expect(JSON.parse(inflate(state)).code).toBe(source);
  });

  it('gives no image when diagrams are off', () => {
    expect(diagramLinks('graph TB\n A-->B', { renderer: 'none', baseUrl: '' }).imageUrl).toBeNull();
  });
});
