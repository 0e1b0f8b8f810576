import { type Received, type Reply, type StandIn, startStandIn } from './stand-in.js';

/**
 * A deterministic stand-in for an embeddings model: a bag of concepts. Each dimension counts the
 * words of one concept in the text (case-insensitive), so a question shares meaning with a case
 * exactly when they name the same concepts, whatever words the lexical search knows.
 */
const CONCEPTS: readonly (readonly string[])[] = [
  ['e-commerce', 'flash sale', 'storefront', 'crowds', 'shopper', '电商', '秒杀', '顾客', '网站'],
  ['financ', 'trading', 'bank', '金融', '交易'],
  ['iot', 'edge node', '边缘', '物联网'],
  ['inference', 'gpu', '推理', '显卡'],
  ['cook', 'dinner', 'recipe', '晚饭'],
];

export function fakeEmbedding(text: string): number[] {
  const lower = text.toLowerCase();
  return CONCEPTS.map((words) => words.reduce((n, w) => n + (lower.split(w).length - 1), 0));
}

/** What the stand-in does with one embeddings request. */
export type EmbeddingsBehaviour = 'ok' | 'hang' | 'error' | 'malformed';

export interface EmbeddingsStandIn extends StandIn {
  behaviour: EmbeddingsBehaviour;
  /** The `input` arrays the stand-in received, in order. */
  inputs(): string[][];
}

function answer(req: Received, behaviour: EmbeddingsBehaviour): Reply {
  if (behaviour === 'hang') return { hang: true };
  if (behaviour === 'error') return { status: 500, body: { error: { message: 'overloaded' } } };
  if (behaviour === 'malformed') return { raw: '{"data": [{"embedding": "not a vector"' };
  const input = req.body.input as string[];
  return {
    body: {
      object: 'list',
      model: req.body.model,
      data: input.map((text, index) => ({
        object: 'embedding',
        index,
        embedding: fakeEmbedding(text),
      })),
    },
  };
}

/** An OpenAI-compatible `POST /v1/embeddings` on loopback, port 0. */
export async function startEmbeddingsStandIn(): Promise<EmbeddingsStandIn> {
  let behaviour: EmbeddingsBehaviour = 'ok';
  const standIn = await startStandIn((req) => answer(req, behaviour));
  return {
    ...standIn,
    get behaviour() {
      return behaviour;
    },
    set behaviour(next) {
      behaviour = next;
    },
    inputs: () => standIn.received.map((r) => r.body.input as string[]),
  };
}
