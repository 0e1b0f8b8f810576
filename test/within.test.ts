import { describe, expect, it } from 'vitest';
import { within } from '../src/within.js';

describe('within', () => {
  it('gives the value, the failure, or a timeout for work that never settles', async () => {
    expect(await within(async () => 42, 1_000)).toEqual({ kind: 'done', value: 42 });
    const error = new Error('down');
    expect(await within(() => Promise.reject(error), 1_000)).toEqual({ kind: 'failed', error });
    expect(
      await within(() => {
        throw error;
      }, 1_000),
    ).toEqual({ kind: 'failed', error });
    expect(await within(() => new Promise<never>(() => undefined), 1)).toEqual({
      kind: 'timeout',
    });
  });
});
