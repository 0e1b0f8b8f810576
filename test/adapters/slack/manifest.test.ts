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
      'link_shared',
      'message.channels',
      'message.groups',
      'message.im',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
  });

  it('turns on the agent DM: the agent view with a description, the Messages tab, app_home_opened', () => {
    expect(manifest.features.agent_view.agent_description).toMatch(/\S/);
    expect(manifest.features.agent_view.agent_description.length).toBeLessThanOrEqual(200);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
  });

  it('unfurls links on the domain of the example CASES_URL, to be edited to match', () => {
    expect(manifest.features.unfurl_domains).toEqual(['git.example.com']);
    const text = readFileSync(
      path.resolve(import.meta.dirname, '../../../manifests/slack/manifest.yaml'),
      'utf8',
    );
    expect(text).toMatch(
      /replace git\.example\.com under `unfurl_domains` with the host of your CASES_URL/,
    );
  });

  it('says, beside each scope and feature, why it is there', () => {
    const text = readFileSync(
      path.resolve(import.meta.dirname, '../../../manifests/slack/manifest.yaml'),
      'utf8',
    );
    const lines = text.split('\n');
    for (const scope of manifest.oauth_config.scopes.bot as string[]) {
      const at = lines.findIndex((l) => l.trim() === `- ${scope}`);
      // The comment is on the line above, or above a run of scopes that share it.
      const above = lines.slice(0, at).reverse();
      const comment = above.find((l) => !/^\s*- /.test(l));
      expect(comment?.trim().startsWith('#'), scope).toBe(true);
    }
    expect(lines[lines.findIndex((l) => l.trim() === 'agent_view:') - 1]?.trim()).toMatch(/^#/);
  });

  it('asks for the least scopes the features need', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        'app_mentions:read',
        'assistant:write',
        'channels:read',
        'chat:write',
        'commands',
        'groups:read',
        'im:history',
        'links:read',
        'links:write',
        'users:read',
        // Channel messages: answering without a mention, follow-ups, and drafting a thread.
        'channels:history',
        'groups:history',
        // "Draft a case from this thread" in a group DM, and the draft DM'd as a file.
        'mpim:history',
        'im:write',
        'files:write',
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

  it('offers "Draft a case from this thread" as a message shortcut', () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: 'casebot_draft_case' }),
    ]);
  });
});
