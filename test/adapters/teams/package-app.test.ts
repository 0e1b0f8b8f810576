import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { Ajv } from 'ajv';
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

/**
 * Microsoft's app manifest schema v1.25 (draft-04), as `@microsoft/app-manifest` 1.1.2 ships it
 * (MIT), kept in the fixtures: tests run offline.
 */
function manifestSchemaErrors(manifest: unknown): string[] {
  const schema = JSON.parse(
    readFileSync(
      path.resolve(import.meta.dirname, '../../fixtures/teams/MicrosoftTeams.v1.25.schema.json'),
      'utf8',
    ),
  ) as Record<string, unknown>;
  delete schema.$schema;
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(
    schema,
  );
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

describe('Teams app package', () => {
  it('is valid against the v1.25 manifest schema and asks for channel and chat messages (RSC)', () => {
    const { zip } = buildAppPackage({ MICROSOFT_APP_ID: APP_ID });
    const manifest = JSON.parse(Buffer.from(unzipSync(zip)['manifest.json']!).toString('utf8'));
    expect(manifest.manifestVersion).toBe('1.25');
    expect(manifestSchemaErrors(manifest)).toEqual([]);
    expect(manifestSchemaErrors({ ...manifest, authorization: { permissions: 1 } })).not.toEqual(
      [],
    );
    // Answering without a mention: every message of the teams and group chats it is added to.
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'ChannelMessage.Read.Group', type: 'Application' },
      { name: 'ChatMessage.Read.Chat', type: 'Application' },
    ]);
    expect(manifest.webApplicationInfo.id).toBe(APP_ID);
  });

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

  it('registers the host of CASES_URL for link unfurling, and no link handler without it', () => {
    const withLinks = buildAppPackage({
      MICROSOFT_APP_ID: APP_ID,
      CASES_URL: 'https://github.com/your-org/casebook/blob/main/cases',
    }).manifest as { composeExtensions: { messageHandlers?: unknown }[] };
    expect(withLinks.composeExtensions[0]!.messageHandlers).toEqual([
      { type: 'link', value: { domains: ['github.com'] } },
    ]);
    const without = buildAppPackage({ MICROSOFT_APP_ID: APP_ID }).manifest as {
      composeExtensions: { messageHandlers?: unknown }[];
    };
    expect(without.composeExtensions[0]).not.toHaveProperty('messageHandlers');
    // The file in the zip is the manifest returned.
    const files = unzipSync(
      buildAppPackage({ MICROSOFT_APP_ID: APP_ID, CASES_URL: 'https://git.example.org/c' }).zip,
    );
    expect(JSON.stringify(JSON.parse(Buffer.from(files['manifest.json']!).toString()))).toContain(
      '"domains":["git.example.org"]',
    );
    expect(() => buildAppPackage({ MICROSOFT_APP_ID: APP_ID, CASES_URL: 'not a url' })).toThrow(
      /CASES_URL must be a URL/,
    );
  });

  it('keeps to the v1.25 schema’s shape for what casebot declares', () => {
    const { manifest } = buildAppPackage({
      MICROSOFT_APP_ID: APP_ID,
      CASES_URL: 'https://github.com/x/y',
    }) as unknown as { manifest: Record<string, never> };
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.schema.json',
    );
    expect(manifest.manifestVersion).toBe('1.25');
    const [extension] = manifest.composeExtensions as unknown as {
      messageHandlers: { type: string; value: { domains: string[] } }[];
    }[];
    for (const handler of extension!.messageHandlers) {
      expect(handler.type).toBe('link');
      for (const domain of handler.value.domains) {
        expect(domain.length).toBeLessThanOrEqual(2048);
        expect(domain).toMatch(/^[a-z0-9.-]+$/);
      }
    }
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
