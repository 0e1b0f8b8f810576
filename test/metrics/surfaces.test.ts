import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { slackSurface } from '../../src/adapters/slack/surface.js';
import { teamsSurface } from '../../src/adapters/teams/surface.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const json = (file: string) => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));

describe('surfaces', () => {
  it.each([
    ['slack/app-mention.json', 'mention'],
    ['slack/message-im.json', 'dm'],
    ['slack/block-actions.json', 'button'],
    ['slack/app-home-opened.json', 'home'],
    ['slack/link-shared.json', 'unfurl'],
    ['slack/url-verification.json', 'other'],
  ])('Slack %s is %s', (file, surface) => {
    expect(slackSurface(json(file))).toBe(surface);
  });

  it('Slack slash command is command, anything unknown is other', () => {
    const form = readFileSync(path.join(FIXTURES, 'slack/slash-command.txt'), 'utf8');
    expect(slackSurface(Object.fromEntries(new URLSearchParams(form)))).toBe('command');
    expect(slackSurface({ type: 'event_callback', event: { type: 'C0123 anything' } })).toBe(
      'other',
    );
    expect(slackSurface(null)).toBe('other');
  });

  it.each([
    ['teams/personal-message.json', 'dm'],
    ['teams/channel-mention.json', 'mention'],
    ['teams/submit-feedback.json', 'button'],
    ['teams/compose-extension-query.json', 'extension'],
    ['teams/query-link.json', 'unfurl'],
    ['teams/card-action.json', 'button'],
    ['teams/members-added.json', 'welcome'],
    ['teams/message-reaction.json', 'other'],
  ])('Teams %s is %s', (file, surface) => {
    expect(teamsSurface(json(file))).toBe(surface);
  });
});
