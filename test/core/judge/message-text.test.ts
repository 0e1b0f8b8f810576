import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, readMessage } from '../../../src/core/judge/message-text.js';

describe('reading a channel message', () => {
  it('keeps what the person wrote and drops Slack markup: mentions, channels, links, emoji codes', () => {
    const m = readMessage(
      'see <#C024BE7LR|ops> and <https://example.com/runbook|the runbook> :eyes: &amp; <https://x.io/a>',
    );
    expect(m.prose).toBe('see   and  the runbook    &');
    expect(m.links).toBe(2);
    expect(m.mentionsSomeone).toBe(false);
    expect(m.pasted).toBe(false);
  });

  it('notices a message addressed to a person or a group (Slack, Teams, a plain @name)', () => {
    expect(readMessage('<@U024BE7LH> how did the bank do failover?').mentionsSomeone).toBe(true);
    expect(readMessage('<!here> flash sale starts in 5').mentionsSomeone).toBe(true);
    expect(readMessage('<at>Li Wei</at> 架构图发一下？').mentionsSomeone).toBe(true);
    expect(readMessage('@wei can you check').mentionsSomeone).toBe(true);
    expect(readMessage('email me at ops@example.com').mentionsSomeone).toBe(false);
  });

  it('reads Teams HTML as text, line breaks kept', () => {
    const m = readMessage('<p>how do banks handle audits?</p><p>asking for a friend&nbsp;😅</p>');
    expect(m.prose).toBe('how do banks handle audits?\nasking for a friend 😅');
  });

  it('sets code blocks, log lines, stack traces and alerts apart from the prose', () => {
    const m = readMessage(
      'this again:\n```\npanic: runtime error: index out of range\n```\n2024-05-01 10:00:01 ERROR gateway timeout',
    );
    expect(m.pasted).toBe(true);
    expect(m.prose).toBe('this again:');
    expect(readMessage('Traceback (most recent call last):\n  File "a.py", line 3').prose).toBe('');
    expect(readMessage('    at Server.handle (/app/server.js:42:13)').pasted).toBe(true);
    expect(readMessage('[FIRING:2] GPUMemoryHigh node=gpu-7').pasted).toBe(true);
    expect(readMessage('【告警】支付网关错误率 8%').pasted).toBe(true);
  });

  it('recognises pasted YAML and kubectl columns, not prose that happens to hold a colon', () => {
    const yaml = readMessage('replicas: 3\nresources:\n  limits:\n    nvidia.com/gpu: 1');
    expect(yaml.pasted).toBe(true);
    expect(yaml.prose).toBe('');
    const kubectl = readMessage(
      'NAME        READY   STATUS    RESTARTS   AGE\nedge-agent  1/1     Running   0          4d',
    );
    expect(kubectl.pasted).toBe(true);
    const prose = readMessage('Question: how do shops survive flash sales?');
    expect(prose.pasted).toBe(false);
    expect(prose.prose).toBe('Question: how do shops survive flash sales?');
  });

  it('leaves quoted lines (someone else’s words) out of the prose', () => {
    expect(readMessage('> how do banks do failover?\nwe covered this yesterday').prose).toBe(
      'we covered this yesterday',
    );
  });

  it('has no prose for emoji, links or reactions alone', () => {
    expect(readMessage('🔥🔥🔥').prose).toBe('');
    expect(readMessage(':tada: :rocket:').prose).toBe('');
    expect(readMessage('https://grafana.internal/d/abc?from=now-1h').prose).toBe('');
  });

  it('notices config keys, flags, files and pod names', () => {
    expect(readMessage('what should maxReplicas be?').identifiers).toBe(true);
    expect(readMessage('is --set replicas=3 enough').identifiers).toBe(true);
    expect(readMessage('I changed values-prod.yaml').identifiers).toBe(true);
    expect(readMessage('checkout-7d9f8c6b5-x2kq keeps restarting').identifiers).toBe(true);
    expect(readMessage('how does eBay survive Black Friday?').identifiers).toBe(false);
  });

  it('does not read a message longer than anyone asks in, and says so', () => {
    const m = readMessage(`how do banks do failover? ${'x'.repeat(MAX_MESSAGE_CHARS)}`);
    expect(m).toMatchObject({ prose: '', tooLong: true });
    const wall = readMessage(`${'we tried many things. '.repeat(70)}any ideas?`);
    expect(wall.tooLong).toBe(true);
  });
});
