import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EmbeddingsStandIn, startEmbeddingsStandIn } from '../helpers/fake-embeddings.js';
import { runCli } from '../helpers/run-cli.js';
import { tempSqlitePath } from '../store/temp-sqlite.js';

/** `casebot search` with EMBEDDINGS_URL set: the same ranking the bot answers with. */
let service: EmbeddingsStandIn;
let file: ReturnType<typeof tempSqlitePath>;
beforeEach(async () => {
  service = await startEmbeddingsStandIn();
  file = tempSqlitePath();
});
afterEach(async () => {
  await service.close();
  file.remove();
});

const search = (input: string, env: Record<string, string> = {}) =>
  runCli(['search'], {
    input,
    env: {
      EMBEDDINGS_URL: `${service.url}/v1`,
      EMBEDDINGS_MODEL: 'fake-concepts',
      DATABASE_URL: `sqlite:${file.path}`,
      ...env,
    },
  });
const caseIds = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { matches: { caseId: string }[] }).matches.map((m) => m.caseId));

describe('casebot search with semantic search on', () => {
  it('finds by meaning what the words miss, and reuses the stored case vectors next time', async () => {
    const input = 'our storefront melts when the crowds arrive\nwhat should I cook for dinner\n';
    const first = await search(input);
    expect(first.code).toBe(0);
    expect(caseIds(first.stdout)).toEqual([['ecommerce'], []]);
    const second = await search(input);
    expect(caseIds(second.stdout)).toEqual([['ecommerce'], []]);
    // Case texts were embedded once (the first run); every other call is one question.
    expect(service.inputs().filter((i) => i.length > 1)).toHaveLength(1);
  });

  it('answers lexically, saying why on stderr, when the service is down', async () => {
    await service.close();
    const run = await search('flash sale\nour storefront melts when the crowds arrive\n');
    expect(run.code).toBe(0);
    expect(caseIds(run.stdout)).toEqual([['ecommerce'], []]);
    expect(run.stderr).toMatch(
      /^casebot search: case vectors could not be computed.*\(network\)$/m,
    );
  });

  it('answers lexically and ends when the service never answers', async () => {
    service.behaviour = 'hang';
    const run = await search('flash sale\n', { EMBEDDINGS_TIMEOUT_MS: '100' });
    expect(run.code).toBe(0);
    expect(caseIds(run.stdout)).toEqual([['ecommerce']]);
  });
});
