/**
 * Text lines across chunk boundaries, with 1-based line numbers, for the text trace formats. A line longer than
 * MAX_LINE_CHARS is refused as soon as it is seen, so an unterminated line (a binary file read as text) costs
 * bounded memory.
 */
import { RingSimError } from '../../core/errors.js';

/** Longest line a text trace may hold (characters): far beyond any real trace's line. */
export const MAX_LINE_CHARS = 1 << 20;

function tooLong(name: string, number: number): never {
  throw new RingSimError(
    name,
    undefined,
    `line ${number} is longer than ${MAX_LINE_CHARS.toLocaleString('en-US')} characters (the limit for a text trace line)`,
    'check --format: a binary trace read as text has no line breaks',
  );
}

/** Bytes of the start of a text trace sniffed for binary content. */
export const SNIFF_BYTES = 4096;

/**
 * The offset of the first byte in `head` that no text trace holds (NUL, or a C0 control other than tab, line feed,
 * carriage return, form feed, vertical tab and escape), or -1. A UTF-8 text never has them; a binary trace
 * (oracleGeneral's little-endian ints, cache2k's) has them within its first records.
 */
export function binaryByteAt(head: Uint8Array): number {
  const n = Math.min(head.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) return i;
  }
  return -1;
}

function refuseBinary(name: string, at: number, byte: number): never {
  throw new RingSimError(
    name,
    undefined,
    `is binary, not text (byte ${at} is 0x${byte.toString(16).padStart(2, '0')})`,
    'pass the binary format it is written in, e.g. --format oracleGeneral or --format cache2k',
  );
}

export async function* textLines(chunks: AsyncIterable<Uint8Array>, name = 'trace'): AsyncGenerator<{ line: string; number: number }> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let number = 0;
  let sniffed = 0;
  for await (const chunk of chunks) {
    if (sniffed < SNIFF_BYTES) {
      const at = binaryByteAt(chunk.subarray(0, SNIFF_BYTES - sniffed));
      if (at !== -1) refuseBinary(name, sniffed + at, chunk[at]);
      sniffed += chunk.length;
    }
    const text = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      number++;
      if (nl - start > MAX_LINE_CHARS + 1) tooLong(name, number);
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { line: text.slice(start, end), number };
      start = nl + 1;
    }
    rest = text.slice(start);
    if (rest.length > MAX_LINE_CHARS + 1) tooLong(name, number + 1);
  }
  rest += decoder.decode();
  if (rest !== '') {
    number++;
    yield { line: rest.endsWith('\r') ? rest.slice(0, -1) : rest, number };
  }
}
