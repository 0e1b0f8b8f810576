import { z } from 'zod';
import { CasebotError } from '../errors.js';
import type { EmbeddingsFallback } from '../metrics/metrics.js';

/** Why an embeddings call gave nothing (the `reason` label of the fall-back counter). */
export type EmbeddingsFailure = Exclude<EmbeddingsFallback, 'not_ready'>;

export class EmbeddingsError extends CasebotError {
  readonly reason: EmbeddingsFailure;

  constructor(reason: EmbeddingsFailure, message: string, options?: { cause?: unknown }) {
    super('embeddings_failed', message, options);
    this.name = 'EmbeddingsError';
    this.reason = reason;
  }
}

/** Turns texts into vectors, one per text, in order. */
export interface EmbeddingsClient {
  embed(texts: readonly string[], signal: AbortSignal): Promise<Float32Array[]>;
}

export interface EmbeddingsEndpoint {
  /** Where `POST` goes. */
  readonly url: string;
  /** Azure OpenAI: the key goes in an `api-key` header instead of `Authorization: Bearer`. */
  readonly azure: boolean;
}

/**
 * The request URL for a configured EMBEDDINGS_URL. An API base (`https://api.openai.com/v1`,
 * Ollama's `http://localhost:11434/v1`, vLLM's `…/v1`) gets `/embeddings` appended. An Azure
 * OpenAI deployment URL (`…/openai/deployments/NAME?api-version=…`, with or without
 * `/embeddings`) keeps its query and authenticates with `api-key`.
 */
export function embeddingsEndpoint(configured: string): EmbeddingsEndpoint {
  const url = new URL(configured);
  const azure = url.searchParams.has('api-version') || /\/openai\/deployments\//.test(url.pathname);
  const path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith('/embeddings')) url.pathname = `${path}/embeddings`;
  return { url: url.toString(), azure };
}

const responseSchema = z.object({
  data: z
    .array(
      z.object({
        index: z.number().int().min(0).optional(),
        embedding: z.array(z.number().finite()).min(1),
      }),
    )
    .min(1),
});

export interface ClientOptions {
  readonly url: string;
  readonly model: string;
  readonly apiKey?: string;
  /** Injected in tests; global `fetch` otherwise. */
  readonly fetch?: typeof fetch;
}

/** An OpenAI-compatible `POST /embeddings` client (OpenAI, Azure OpenAI, Ollama, vLLM …). */
export function createEmbeddingsClient(options: ClientOptions): EmbeddingsClient {
  const endpoint = embeddingsEndpoint(options.url);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.apiKey) {
    if (endpoint.azure) headers['api-key'] = options.apiKey;
    else headers.authorization = `Bearer ${options.apiKey}`;
  }
  const doFetch = options.fetch ?? fetch;

  return {
    async embed(texts, signal) {
      let response: Response;
      let text: string;
      try {
        response = await doFetch(endpoint.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ model: options.model, input: texts }),
          signal,
        });
        text = await response.text();
      } catch (error) {
        if (signal.aborted) throw new EmbeddingsError('timeout', 'embeddings request timed out');
        throw new EmbeddingsError('network', 'embeddings service unreachable', { cause: error });
      }
      if (!response.ok) {
        throw new EmbeddingsError('http_error', `embeddings service answered ${response.status}`);
      }
      return parseVectors(text, texts.length);
    },
  };
}

/** The vectors of an embeddings response, in input order; `malformed` unless all are there. */
export function parseVectors(text: string, expected: number): Float32Array[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new EmbeddingsError('malformed', 'embeddings response is not JSON', { cause: error });
  }
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) {
    throw new EmbeddingsError('malformed', 'embeddings response has no data[].embedding', {
      cause: parsed.error,
    });
  }
  const data = parsed.data.data;
  const ordered = data.every((d) => d.index !== undefined)
    ? [...data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
    : data;
  const size = ordered[0]?.embedding.length;
  if (ordered.length !== expected || ordered.some((d) => d.embedding.length !== size)) {
    throw new EmbeddingsError(
      'malformed',
      `embeddings response has ${ordered.length} vectors of mixed or wrong sizes for ${expected} texts`,
    );
  }
  return ordered.map((d) => Float32Array.from(d.embedding));
}

/** Any failure as an EmbeddingsError (something unexpected counts as `network`). */
export function asFailure(error: unknown): EmbeddingsError {
  if (error instanceof EmbeddingsError) return error;
  return new EmbeddingsError('network', String((error as Error)?.message ?? error), {
    cause: error,
  });
}
