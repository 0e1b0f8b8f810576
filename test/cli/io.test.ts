import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lines } from '../../src/cli/io.js';

async function collect(chunks: (string | Buffer)[]): Promise<string[]> {
  const found: string[] = [];
  for await (const line of lines(Readable.from(chunks))) found.push(line);
  return found;
}

describe('lines', () => {
  it.each([
    { input: ['a\nb\n'], expected: ['a', 'b'] },
    { input: ['a\r\nb'], expected: ['a', 'b'] },
    { input: ['a\rb\n'], expected: ['a\rb'] },
    { input: ['\n \n\n'], expected: ['', ' ', ''] },
    { input: [''], expected: [] },
    { input: ['a\r', '\nb', '\r', 'c\n'], expected: ['a', 'b\rc'] },
  ])('splits $input into $expected', async ({ input, expected }) => {
    expect(await collect(input)).toEqual(expected);
  });

  it('keeps a character whose bytes arrive in two chunks', async () => {
    const bytes = Buffer.from('秒杀\n');
    expect(await collect([bytes.subarray(0, 2), bytes.subarray(2)])).toEqual(['秒杀']);
  });
});
