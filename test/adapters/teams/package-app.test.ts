import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildAppPackage, MANIFEST_DIR, pngSize } from '../../../src/adapters/teams/app-package.js';

const APP_ID = '4c7b9e2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c';

/** RGBA pixels of an 8-bit RGBA, non-interlaced PNG with filter 0 rows (what we commit). */
function rgbaPixels(file: string): Set<string> {
  const buf = readFileSync(file);
  const idat: Buffer[] = [];
  for (let i = 8; i < buf.length; ) {
    const len = buf.readUInt32BE(i);
    if (buf.toString('ascii', i + 4, i + 8) === 'IDAT') idat.push(buf.subarray(i + 8, i + 8 + len));
    i += 12 + len;
  }
  const { width, height } = pngSize(buf)!;
  const raw = inflateSync(Buffer.concat(idat));
  const seen = new Set<string>();
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    for (let x = 0; x < width; x++) {
      const o = y * (width * 4 + 1) + 1 + x * 4;
      seen.add([...raw.subarray(o, o + 4)].join(','));
    }
  }
  return seen;
}

describe('Teams app package', () => {
  it('zips manifest.json, color.png and outline.png at the root with the app id filled in', () => {
    const { zip } = buildAppPackage({ MICROSOFT_APP_ID: APP_ID });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]).toMatchObject({
      botId: APP_ID,
      scopes: ['personal', 'team', 'groupChat'],
    });
    const commands = manifest.bots[0].commandLists[0].commands.map(
      (c: { title: string }) => c.title,
    );
    expect(commands).toEqual(expect.arrayContaining(['help', 'list', 'tip']));
    expect(manifest.composeExtensions[0]).toMatchObject({
      botId: APP_ID,
      commands: [
        { id: 'searchCases', type: 'query', parameters: [{ name: 'query' }] },
        // "Draft a case from this message": a message action whose dialog casebot fills.
        { id: 'draftCase', type: 'action', context: ['message'], fetchTask: true },
      ],
    });
    expect(JSON.stringify(manifest)).not.toContain('{{');
    expect(manifest.validDomains.length).toBeGreaterThan(0);
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
  });

  it('says clearly what is missing when MICROSOFT_APP_ID is unset or not a GUID', () => {
    expect(() => buildAppPackage({})).toThrow(/MICROSOFT_APP_ID is not set/);
    expect(() => buildAppPackage({ MICROSOFT_APP_ID: 'casebot' })).toThrow(
      /must be the bot's Microsoft App ID \(a GUID\)/,
    );
  });

  it('ships a 192×192 colour icon and a 32×32 outline that is white on transparent only', () => {
    expect(pngSize(readFileSync(path.join(MANIFEST_DIR, 'color.png')))).toEqual({
      width: 192,
      height: 192,
    });
    expect(pngSize(readFileSync(path.join(MANIFEST_DIR, 'outline.png')))).toEqual({
      width: 32,
      height: 32,
    });
    const outline = rgbaPixels(path.join(MANIFEST_DIR, 'outline.png'));
    for (const px of outline) {
      const [r, g, b, a] = px.split(',').map(Number);
      expect(a === 0 || (r === 255 && g === 255 && b === 255), px).toBe(true);
    }
    expect(outline.has('255,255,255,255')).toBe(true);
    expect(outline.has('0,0,0,0')).toBe(true);
  });
});
