import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const manifest = parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../manifests/slack/manifest.yaml'), 'utf8'),
);

describe('manifests/slack/manifest.yaml', () => {
  it('declares /case, the bot events, interactivity and the Home tab', () => {
    const command = manifest.features.slash_commands[0];
    expect(command.command).toBe('/case');
    expect(command.usage_hint).toBeTruthy();
    expect(command.url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'message.channels',
      'message.groups',
      'message.im',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
  });

  it('asks for the least scopes the features need', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        'app_mentions:read',
        'channels:history',
        'channels:read',
        'groups:history',
        'chat:write',
        'commands',
        'groups:read',
        'im:history',
        'users:read',
      ].sort(),
    );
  });

  it('says why it asks for each scope and event that reads channel messages', () => {
    const text = readFileSync(
      path.resolve(import.meta.dirname, '../../../manifests/slack/manifest.yaml'),
      'utf8',
    );
    for (const name of [
      'channels:history',
      'groups:history',
      'message.channels',
      'message.groups',
    ]) {
      const line = text.split('\n').findIndex((l) => l.trim() === `- ${name}`);
      expect(line, name).toBeGreaterThan(0);
      // A comment right above it, or above the scope pair it belongs to.
      const above = text
        .split('\n')
        .slice(Math.max(0, line - 5), line)
        .join('\n');
      expect(above, name).toMatch(/#.*(auto|without a mention|follow-ups)/);
    }
  });
});
