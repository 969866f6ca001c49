/** Text lines across chunk boundaries, with 1-based line numbers, for the text trace formats. */
export async function* textLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<{ line: string; number: number }> {
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
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { line: text.slice(start, end), number };
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.decode();
  if (rest !== '') {
    number++;
    yield { line: rest.endsWith('\r') ? rest.slice(0, -1) : rest, number };
  }
}
