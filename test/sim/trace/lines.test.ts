import { describe, expect, it } from 'vitest';
import { textLines } from '../../../src/sim/trace/lines.js';

async function lines(parts: string[]): Promise<string[]> {
  const enc = new TextEncoder();
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (const p of parts) yield enc.encode(p);
  }
  const out: string[] = [];
  for await (const l of textLines(chunks())) out.push(`${l.number}:${l.line}`);
  return out;
}

describe('textLines', () => {
  it('splits across chunks, strips CR, numbers from 1 and keeps a last line without newline', async () => {
    expect(await lines(['a\r\nb', 'c\n', '\nlast'])).toEqual(['1:a', '2:bc', '3:', '4:last']);
  });

  it('decodes a UTF-8 character split between two chunks', async () => {
    const bytes = new TextEncoder().encode('é\n');
    const out: string[] = [];
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield bytes.subarray(0, 1);
      yield bytes.subarray(1);
    }
    for await (const l of textLines(chunks())) out.push(l.line);
    expect(out).toEqual(['é']);
  });
});
