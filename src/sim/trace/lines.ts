/**
 * Text lines across chunk boundaries, with 1-based line numbers, for the text trace formats. A line longer than
 * MAX_LINE_CHARS is refused as soon as it is seen, so an unterminated line (a binary file read as text) costs
 * bounded memory.
 */
import { RingSimError } from '../../core/errors.js';

/** Longest line a text trace may hold (characters): far beyond any real trace's line. */
export const MAX_LINE_CHARS = 1 << 20;

function tooLong(name: string, number: number): never {
  throw new RingSimError(name, undefined, `line ${number} is longer than ${MAX_LINE_CHARS.toLocaleString('en-US')} characters (the limit for a text trace line)`, 'check --format: a binary trace read as text has no line breaks');
}

export async function* textLines(chunks: AsyncIterable<Uint8Array>, name = 'trace'): AsyncGenerator<{ line: string; number: number }> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let number = 0;
  for await (const chunk of chunks) {
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
