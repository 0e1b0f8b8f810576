import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/grammar.js';
import { parseSubscribeArgs } from '../../src/core/subscribe-args.js';
import { parseTime } from '../../src/core/time-input.js';

describe('parseCommand', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['help', { kind: 'help' }],
    ['帮助', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['ＨＥＬＰ', { kind: 'help' }],
    ['list', { kind: 'list' }],
    ['列表', { kind: 'list' }],
    ['tip', { kind: 'tip' }],
    ['技巧', { kind: 'tip' }],
    ['unsubscribe', { kind: 'unsubscribe' }],
    ['取消订阅', { kind: 'unsubscribe' }],
    ['subscriptions', { kind: 'subscriptions' }],
    ['订阅列表', { kind: 'subscriptions' }],
  ])('%j → %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it('takes the arguments of compare in both languages, glued or not', () => {
    expect(parseCommand('compare ecommerce finance')).toEqual({
      kind: 'compare',
      args: 'ecommerce finance',
    });
    expect(parseCommand('对比 电商平台 金融系统')).toEqual({
      kind: 'compare',
      args: '电商平台 金融系统',
    });
    expect(parseCommand('对比电商和金融')).toEqual({ kind: 'compare', args: '电商和金融' });
  });

  it('splits subscribe arguments', () => {
    expect(parseCommand('subscribe 09:30 Asia/Shanghai zh')).toEqual({
      kind: 'subscribe',
      args: ['09:30', 'Asia/Shanghai', 'zh'],
    });
    expect(parseCommand('订阅')).toEqual({ kind: 'subscribe', args: [] });
  });

  it('treats a command word followed by more words as a question', () => {
    expect(parseCommand('list of gpu scheduling tricks')).toEqual({
      kind: 'ask',
      text: 'list of gpu scheduling tricks',
    });
    expect(parseCommand('how do you survive a flash sale')).toEqual({
      kind: 'ask',
      text: 'how do you survive a flash sale',
    });
  });
});

describe('subscribe arguments', () => {
  it.each([
    ['9:00', '09:00'],
    ['09:30', '09:30'],
    ['21:05', '21:05'],
    ['9am', '09:00'],
    ['12am', '00:00'],
    ['6pm', '18:00'],
    ['9点', '09:00'],
    ['０９：００', '09:00'],
  ])('time %s → %s', (value, expected) => {
    expect(parseTime(value)).toBe(expected);
  });

  it.each(['25:00', '9:60', '13pm', '0am'])('rejects the time %s', (value) => {
    expect(parseTime(value)).toBeNull();
  });

  it('accepts zones case-insensitively and returns the canonical name', () => {
    expect(parseSubscribeArgs(['asia/shanghai'])).toEqual({ ok: true, timeZone: 'Asia/Shanghai' });
    expect(parseSubscribeArgs(['UTC', '7:15', 'en'])).toEqual({
      ok: true,
      time: '07:15',
      timeZone: 'UTC',
      lang: 'en',
    });
  });

  it('names the bad part', () => {
    expect(parseSubscribeArgs(['25:99'])).toEqual({ ok: false, problem: 'time', value: '25:99' });
    expect(parseSubscribeArgs(['Mars/Olympus'])).toEqual({
      ok: false,
      problem: 'zone',
      value: 'Mars/Olympus',
    });
    expect(parseSubscribeArgs(['tomorrow'])).toEqual({
      ok: false,
      problem: 'arg',
      value: 'tomorrow',
    });
  });
});
