import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const manifest = parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../manifests/slack/manifest.yaml'), 'utf8'),
);

describe('manifests/slack/manifest.yaml', () => {
  it('declares /case, the three bot events, interactivity and the Home tab', () => {
    const command = manifest.features.slash_commands[0];
    expect(command.command).toBe('/case');
    expect(command.usage_hint).toBeTruthy();
    expect(command.url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
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
        'channels:read',
        'chat:write',
        'commands',
        'groups:read',
        'im:history',
        'users:read',
        // "Draft a case from this thread": read that thread, DM the draft as a file.
        'channels:history',
        'groups:history',
        'mpim:history',
        'im:write',
        'files:write',
      ].sort(),
    );
  });

  it('offers "Draft a case from this thread" as a message shortcut', () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: 'casebot_draft_case' }),
    ]);
  });
});
