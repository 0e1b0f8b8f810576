import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, slashCommandBody, startHarness, until } from './harness.js';

type Reply = { blocks: { type: string }[] };

/**
 * A self-hosted diagram renderer may be out of Slack's reach, so its answers go through the
 * response_url: when Slack cannot download the image it says so, and the card goes again without
 * it. (Answers with public diagrams are the ack itself; see commands.test.ts.)
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    diagrams: { renderer: 'kroki', baseUrl: 'https://kroki.intranet.example' },
  });
});
afterAll(async () => {
  await h.close();
});

describe('/case with a self-hosted diagram renderer', () => {
  it('resends without the image when Slack cannot download the diagram', async () => {
    h.failNext('response_url', {
      status: 400,
      body: {
        ok: false,
        error: 'invalid_blocks',
        errors: ['downloading image failed [json-pointer:/blocks/12/image_url]'],
      },
    });
    const res = await h.postForm(slashCommandBody({ text: 'edge computing architecture' }));
    expect(res.status).toBe(200);
    await until(() => h.responses.length > 1, 5_000, 'the second reply');
    await h.settled();
    const [first, second] = h.responses as Reply[];
    expect(first!.blocks.some((b) => b.type === 'image')).toBe(true);
    expect(second!.blocks.some((b) => b.type === 'image')).toBe(false);
    expect(JSON.stringify(second)).toContain('https://mermaid.live/edit#pako:');
    expect(h.responses).toHaveLength(2);
  });
});
