import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createEmbeddingsClient,
  EmbeddingsError,
  embeddingsEndpoint,
} from '../../src/embeddings/client.js';
import { type EmbeddingsStandIn, startEmbeddingsStandIn } from '../helpers/fake-embeddings.js';

let service: EmbeddingsStandIn;
beforeEach(async () => {
  service = await startEmbeddingsStandIn();
});
afterEach(() => service.close());

const signal = () => AbortSignal.timeout(5_000);

describe('embeddings endpoint', () => {
  it.each([
    ['https://api.openai.com/v1', 'https://api.openai.com/v1/embeddings', false],
    ['http://localhost:11434/v1/', 'http://localhost:11434/v1/embeddings', false],
    ['http://vllm:8000/v1/embeddings', 'http://vllm:8000/v1/embeddings', false],
    [
      'https://acme.openai.azure.com/openai/deployments/emb?api-version=2024-02-01',
      'https://acme.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-02-01',
      true,
    ],
    [
      'https://acme.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-02-01',
      'https://acme.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-02-01',
      true,
    ],
  ])('%s → %s', (configured, url, azure) => {
    expect(embeddingsEndpoint(configured)).toEqual({ url, azure });
  });
});

describe('embeddings client', () => {
  it('sends the model and all texts in one request, with the key as a bearer token', async () => {
    const client = createEmbeddingsClient({
      url: `${service.url}/v1`,
      model: 'text-embedding-3-small',
      apiKey: 'sk-test',
    });
    const vectors = await client.embed(['flash sale', '金融'], signal());
    expect(vectors.map((v) => [...v])).toEqual([
      [1, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
    ]);
    const [req] = service.received;
    expect(req).toMatchObject({
      method: 'POST',
      path: '/v1/embeddings',
      body: { model: 'text-embedding-3-small', input: ['flash sale', '金融'] },
    });
    expect(req!.headers.authorization).toBe('Bearer sk-test');
    expect(req!.headers['api-key']).toBeUndefined();
  });

  it('sends the key as api-key to an Azure OpenAI deployment, keeping its api-version', async () => {
    const client = createEmbeddingsClient({
      url: `${service.url}/openai/deployments/emb?api-version=2024-02-01`,
      model: 'text-embedding-3-small',
      apiKey: 'azure-key',
    });
    await client.embed(['edge node'], signal());
    const [req] = service.received;
    expect(req!.path).toBe('/openai/deployments/emb/embeddings');
    expect(req!.headers['api-key']).toBe('azure-key');
    expect(req!.headers.authorization).toBeUndefined();
  });

  it('sends no credentials when there is no key (Ollama)', async () => {
    const client = createEmbeddingsClient({ url: `${service.url}/v1`, model: 'nomic-embed-text' });
    await client.embed(['gpu'], signal());
    expect(service.received[0]!.headers.authorization).toBeUndefined();
    expect(service.received[0]!.headers['api-key']).toBeUndefined();
  });

  it.each([
    ['error', 'http_error'],
    ['malformed', 'malformed'],
  ] as const)('fails with a coded error when the service answers %s', async (behaviour, reason) => {
    service.behaviour = behaviour;
    const client = createEmbeddingsClient({ url: `${service.url}/v1`, model: 'm' });
    const failure = await client.embed(['gpu'], signal()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EmbeddingsError);
    expect(failure).toMatchObject({ code: 'embeddings_failed', reason });
  });

  it('fails with a timeout when aborted while the service says nothing', async () => {
    service.behaviour = 'hang';
    const client = createEmbeddingsClient({ url: `${service.url}/v1`, model: 'm' });
    const controller = new AbortController();
    const pending = client.embed(['gpu'], controller.signal).catch((e: unknown) => e);
    controller.abort();
    expect(await pending).toMatchObject({ code: 'embeddings_failed', reason: 'timeout' });
  });
});
