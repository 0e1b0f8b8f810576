import autocannon from 'autocannon';
import type { SignedRequest } from './slack-request.js';

export interface LoadResult {
  /** Mean requests per second over the run. */
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly requests: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly non2xx: number;
  /** Responses whose body is an answer card (Block Kit in the ack). */
  readonly cardsInAck: number;
}

export interface LoadOptions {
  readonly connections: number;
  readonly durationSeconds: number;
}

/**
 * Signed slash commands under autocannon, cycling through `requests` (pre-signed: the load
 * generator spends its CPU on sending, not on hashing). Keep-alive connections, no pipelining.
 */
export async function runLoad(
  baseUrl: string,
  requests: readonly SignedRequest[],
  options: LoadOptions,
): Promise<LoadResult> {
  let cardsInAck = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    pipelining: 1,
    timeout: 10,
    requests: requests.map((r) => ({
      method: r.method,
      path: r.path,
      headers: r.headers,
      body: r.body,
      onResponse: (_status: number, body: string) => {
        if (body.includes('"blocks"')) cardsInAck++;
      },
    })),
  });
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.average,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cardsInAck,
  };
}
