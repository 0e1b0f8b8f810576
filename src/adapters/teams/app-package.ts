import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { CasebotError } from '../../errors.js';

/** manifests/teams, from src/adapters/teams or dist/adapters/teams alike. */
export const MANIFEST_DIR = fileURLToPath(new URL('../../../manifests/teams/', import.meta.url));

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ICONS = { 'color.png': 192, 'outline.png': 32 } as const;

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const buf = Buffer.from(bytes);
  if (
    buf.length < 24 ||
    buf.readUInt32BE(0) !== 0x89504e47 ||
    buf.toString('ascii', 12, 16) !== 'IHDR'
  ) {
    return null;
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * Fills `{{NAME}}` placeholders from `env`. Every placeholder must have a value; the app id must
 * be the GUID of the Azure Bot's Microsoft App ID.
 */
export function fillManifest(
  template: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const names = [...new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!))];
  const problems: string[] = [];
  for (const name of names) {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is not set`);
    else if (name === 'MICROSOFT_APP_ID' && !GUID.test(value)) {
      problems.push(`MICROSOFT_APP_ID must be the bot's Microsoft App ID (a GUID), got "${value}"`);
    }
  }
  if (problems.length > 0) {
    throw new CasebotError(
      'config_invalid',
      `Cannot package the Teams app:\n${problems.map((p) => `  ${p}`).join('\n')}\n` +
        'Set MICROSOFT_APP_ID to the Microsoft App ID of your Azure Bot (see docs/teams-setup.md).',
    );
  }
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    JSON.stringify(env[name]!.trim()).slice(1, -1),
  );
}

/**
 * Links to case files unfurl as their card: the messaging extension's link handler takes the host
 * of CASES_URL. Without CASES_URL nothing unfurls, so the handler is left out.
 */
function withCaseLinks(manifest: Record<string, unknown>, casesUrl: string | undefined) {
  const extensions = manifest.composeExtensions as Record<string, unknown>[] | undefined;
  const url = casesUrl?.trim();
  let host: string | null = null;
  if (url) {
    try {
      host = new URL(url).hostname;
    } catch {
      throw new CasebotError('config_invalid', `CASES_URL must be a URL, got "${url}"`);
    }
  }
  for (const extension of extensions ?? []) {
    if (host) extension.messageHandlers = [{ type: 'link', value: { domains: [host] } }];
    else delete extension.messageHandlers;
  }
  return manifest;
}

/**
 * The zip Teams accepts for "Upload a custom app": manifest.json, color.png and outline.png at
 * the root, the app id filled in, and the host of CASES_URL as the domain whose links unfurl.
 */
export function buildAppPackage(
  env: Readonly<Record<string, string | undefined>>,
  manifestDir = MANIFEST_DIR,
): { zip: Uint8Array; manifest: Record<string, unknown> } {
  const filled = fillManifest(readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8'), env);
  const manifest = withCaseLinks(JSON.parse(filled) as Record<string, unknown>, env.CASES_URL);
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  const files: Record<string, Uint8Array> = { 'manifest.json': Buffer.from(text, 'utf8') };
  for (const [name, size] of Object.entries(ICONS)) {
    const bytes = readFileSync(path.join(manifestDir, name));
    const dims = pngSize(bytes);
    if (!dims || dims.width !== size || dims.height !== size) {
      throw new CasebotError('config_invalid', `${name} must be a ${size}×${size} PNG`);
    }
    files[name] = bytes;
  }
  return { zip: zipSync(files, { level: 9 }), manifest };
}
