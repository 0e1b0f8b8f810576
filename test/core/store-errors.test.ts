import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { createCore } from '../../src/core/core.js';
import type { BotRequest, NoticeAnswer } from '../../src/core/model.js';
import { CasebotError, type ErrorCode } from '../../src/errors.js';
import { outcomeOf } from '../../src/metrics/outcome.js';
import { buildIndex } from '../../src/search/index.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { memoryLogger } from '../tips/fakes.js';

const catalog = await loadCatalog('cases');
const index = buildIndex(catalog.cases);

/** A store whose writes (and channel reads) fail with `code`, its cause a driver's error. */
function failingStore(code: ErrorCode) {
  const fail = async () => {
    throw new CasebotError(code, `store ${code}`, { cause: new Error('disk I/O error') });
  };
  return Object.assign(new MemoryStore(), {
    subscribe: fail,
    unsubscribe: fail,
    getSubscription: fail,
    recordFeedback: fail,
    recordMiss: fail,
  });
}

function setup(code: ErrorCode) {
  const logger = memoryLogger();
  let now = new Date('2026-11-26T08:00:00Z');
  const core = createCore({
    catalog,
    index,
    store: failingStore(code),
    defaultLocale: 'en',
    now: () => now,
    logger,
  });
  const inChannel = (id: string, text: string, lang?: 'en' | 'zh'): BotRequest => ({
    id,
    platform: 'slack',
    text,
    ...(lang && { lang }),
    user: { id: 'U1' },
    conversation: { id: 'C1', workspaceId: 'T1', kind: 'channel' },
  });
  return {
    core,
    logger,
    inChannel,
    tick(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

describe('a store that fails', () => {
  it('asks the user to try again when a write was not kept, in either language, and logs why', async () => {
    const { core, logger, inChannel } = setup('store_write_failed');
    const en = (await core.handle(inChannel('r-en', 'subscribe 09:00 UTC'))) as NoticeAnswer;
    expect(en).toMatchObject({ kind: 'notice', tone: 'warning', lang: 'en', storeError: true });
    expect(en.text).toMatch(/^I couldn’t save that.*nothing was changed.*try again/);
    const zh = (await core.handle(inChannel('r-zh', '订阅 09:00 UTC'))) as NoticeAnswer;
    expect(zh).toMatchObject({ lang: 'zh', storeError: true });
    expect(zh.text).toMatch(/保存失败.*没有生效.*再试/);
    expect(outcomeOf(en)).toBe('store_error');

    const lines = logger.lines.filter((l) => l.level === 'error');
    expect(lines.map((l) => l.obj)).toEqual([
      expect.objectContaining({ requestId: 'r-en', code: 'store_write_failed' }),
      expect.objectContaining({ requestId: 'r-zh', code: 'store_write_failed' }),
    ]);
    expect((lines[0]?.obj as { err?: Error } | undefined)?.err?.message).toBe('disk I/O error');
  });

  it('says the database cannot be reached for every command that needs it, logged each time', async () => {
    const { core, logger, inChannel } = setup('store_unavailable');
    const feedback: BotRequest = {
      id: 'r-vote',
      platform: 'teams',
      text: '',
      user: { id: 'U1' },
      action: { kind: 'feedback', caseId: 'edge', helpful: true, query: 'iot' },
    };
    const answers = [
      await core.handle(inChannel('r-sub', 'subscribe')),
      await core.handle(inChannel('r-unsub', 'unsubscribe')),
      await core.handle(inChannel('r-list', 'subscriptions')),
      await core.handle(feedback),
    ];
    for (const a of answers) {
      expect(a).toMatchObject({ kind: 'notice', storeError: true });
      expect((a as NoticeAnswer).text).toMatch(/can’t reach my database/);
      expect(outcomeOf(a)).toBe('store_error');
    }
    expect(logger.lines.filter((l) => l.level === 'error').map((l) => l.obj)).toEqual(
      ['r-sub', 'r-unsub', 'r-list', 'r-vote'].map((requestId) =>
        expect.objectContaining({ requestId, code: 'store_unavailable' }),
      ),
    );
  });

  it('still answers a question that found nothing, and logs the unrecorded miss once a minute', async () => {
    const { core, logger, tick } = setup('store_write_failed');
    const ask = async () => {
      const answer = await core.handle({ id: 'r', platform: 'console', text: 'zzqx plorbing' });
      expect(answer.kind).toBe('no-match');
      await new Promise((resolve) => setImmediate(resolve));
    };
    await ask();
    await ask();
    tick(59_000);
    await ask();
    tick(1_000);
    await ask();
    const lines = logger.lines.filter((l) => l.level === 'error');
    expect(lines.map((l) => [l.msg, l.obj])).toEqual([
      [
        'a question that found nothing not recorded',
        expect.objectContaining({ code: 'store_write_failed', alsoFailedSince: 0 }),
      ],
      [
        'a question that found nothing not recorded',
        expect.objectContaining({ code: 'store_write_failed', alsoFailedSince: 2 }),
      ],
    ]);
  });

  it('lets other store errors through to the adapter’s error sink (an apology)', async () => {
    const { core, inChannel } = setup('store_failed');
    await expect(core.handle(inChannel('r', 'subscribe'))).rejects.toMatchObject({
      code: 'store_failed',
    });
  });
});
