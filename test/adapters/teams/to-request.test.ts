import { describe, expect, it } from 'vitest';
import { questionText, toBotRequest } from '../../../src/adapters/teams/to-request.js';
import { fixture } from './harness.js';

const BOT = { id: '28:bot', name: 'casebot' };
const mention = (id: string, name: string) => ({
  type: 'mention',
  text: `<at>${name}</at>`,
  mentioned: { id, name },
});

describe('questionText and toBotRequest', () => {
  it('removes casebot’s mention, keeps other people’s names, decodes entities', () => {
    const activity = {
      text: 'hi <at>Alice</at> &amp; <at>casebot</at>&nbsp;compare ecommerce finance',
      recipient: BOT,
      entities: [mention('29:alice', 'Alice'), mention(BOT.id, 'casebot')],
    };
    expect(questionText(activity)).toBe('hi Alice & compare ecommerce finance');
  });

  it('strips the mention by name when the entity has no text', () => {
    const activity = {
      text: '<at>casebot</at> list',
      recipient: BOT,
      entities: [{ type: 'mention', mentioned: { id: BOT.id, name: 'casebot' } }],
    };
    expect(questionText(activity)).toBe('list');
  });

  it('ignores channel messages without casebot’s mention, answers personal ones', () => {
    const channel = fixture('channel-mention');
    expect(toBotRequest({ ...channel, entities: [] }, 'r1')).toBeNull();
    expect(toBotRequest(channel, 'r1')).toMatchObject({
      id: 'r1',
      platform: 'teams',
      text: 'how do we survive flash sale traffic spikes? cc Alice Chen',
      user: { id: '29:1Xq0mPYkzKq9Wd3vB8Ufz4cN2T7eR5sYhGJ6iL0oA', timeZone: 'Asia/Shanghai' },
      conversation: {
        id: '19:9a1f0c3e8d7b4c2a9e6f5d4c3b2a1f0e@thread.tacv2',
        workspaceId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        kind: 'channel',
      },
    });
    expect(toBotRequest(fixture('personal-message'), 'r2')).toMatchObject({
      conversation: { kind: 'personal' },
    });
  });

  it('ignores group chat messages without casebot’s mention too', () => {
    const personal = fixture('personal-message');
    const conversation = { ...(personal.conversation as object), conversationType: 'groupChat' };
    const group: Record<string, unknown> = { ...personal, conversation };
    expect(toBotRequest(group, 'r1')).toBeNull();
    const mentioned: Record<string, unknown> = {
      ...group,
      text: '<at>casebot</at> list',
      recipient: BOT,
      entities: [mention(BOT.id, 'casebot')],
    };
    expect(toBotRequest(mentioned, 'r2')).toMatchObject({ text: 'list' });
  });

  it('uses the Teams locale only when the text has no language of its own', () => {
    const personal = fixture('personal-message');
    expect(toBotRequest({ ...personal, text: '?' }, 'r')?.lang).toBe('zh');
    expect(toBotRequest({ ...personal, text: 'list' }, 'r')?.lang).toBeUndefined();
    // Locales are case-insensitive (BCP 47): 'ZH-TW' is Chinese.
    expect(toBotRequest({ ...personal, text: '?', locale: 'ZH-TW' }, 'r')?.lang).toBe('zh');
    expect(toBotRequest({ ...personal, text: '?', locale: 'en-GB' }, 'r')?.lang).toBe('en');
  });

  it('turns a card click into an action and ignores values that are not ours', () => {
    const click = fixture('submit-feedback');
    expect(toBotRequest(click, 'r')).toMatchObject({
      text: '',
      lang: 'en',
      action: { kind: 'feedback', caseId: 'ecommerce', helpful: true },
    });
    expect(toBotRequest({ ...click, value: { foo: 1 } }, 'r')).toBeNull();
  });
});
