/**
 * Reading YAML (or JSON) input within limits, the one way manifests and scenarios are read: before the `yaml`
 * package sees the text, a linear scan bounds its document count (every `---` or `...` line counts, whatever
 * separates the documents) and its nesting depth (flow brackets, block indentation levels and compact `- - -`
 * items), so a 100,000-document or 100,000-deep file is refused in milliseconds instead of parsed for minutes.
 * Then the documents are parsed with a cap on alias expansion ("billion laughs").
 */
import { parseAllDocuments } from 'yaml';
import { RingSimError } from './errors.js';

export interface YamlLimits {
  /** Most documents (default 100). */
  maxDocuments?: number;
  /** Deepest nesting (default 64). */
  maxDepth?: number;
  /** Most alias expansions (default 100). */
  maxAliases?: number;
  /** Duplicate keys are errors (default false: the last wins, as kubectl reads them). */
  uniqueKeys?: boolean;
}

export const YAML_MAX_DOCUMENTS = 100;
export const YAML_MAX_DEPTH = 64;
export const YAML_MAX_ALIASES = 100;

/** Lines that start or end a document: `---` and `...` at the start of a line. */
export function countDocumentMarkers(text: string): number {
  let n = 0;
  const re = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  while (re.exec(text) !== null) n++;
  return n;
}

/**
 * An upper bound on the nesting depth of YAML text, in one pass: open flow brackets (outside quotes and comments)
 * plus the block levels (a stack of indentations, plus compact `- ` / `? ` / `key: ` indicators on the line).
 */
export function nestingBound(text: string): number {
  let max = 0;
  let flow = 0;
  const indents: number[] = [];
  let quote = ''; // the open quote character, if inside a quoted scalar
  let i = 0;
  const n = text.length;
  while (i < n) {
    // A line: its indentation first (block context only).
    let col = 0;
    while (i < n && text[i] === ' ') {
      i++;
      col++;
    }
    let compact = 0;
    const lineStart = i;
    if (!quote && flow === 0 && i < n && text[i] !== '\n' && text[i] !== '\r' && text[i] !== '#') {
      while (indents.length && indents[indents.length - 1] >= col) indents.pop();
      indents.push(col);
    }
    let prev = ' ';
    for (; i < n && text[i] !== '\n'; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else quote = '';
        } else if (c === '\\' && quote === '"') i++;
        prev = c;
        continue;
      }
      if (c === '#' && (prev === ' ' || prev === '\t' || i === lineStart)) {
        while (i < n && text[i] !== '\n') i++;
        break;
      }
      if ((c === '"' || c === "'") && (i === lineStart || ' \t[{,:-?'.includes(prev))) quote = c;
      else if (c === '[' || c === '{') flow++;
      else if ((c === ']' || c === '}') && flow > 0) flow--;
      else if ((c === '-' || c === '?' || c === ':') && (text[i + 1] === ' ' || text[i + 1] === '\t')) compact++;
      if (flow + indents.length + compact > max) max = flow + indents.length + compact;
      prev = c;
    }
    i++; // the newline
  }
  return Math.max(max, flow + indents.length);
}

/** The documents of `text` as plain values (empty documents left out), within `limits`; `source` names the file. */
export function parseYamlDocuments(text: string, source: string, limits: YamlLimits = {}): unknown[] {
  const maxDocuments = limits.maxDocuments ?? YAML_MAX_DOCUMENTS;
  const maxDepth = limits.maxDepth ?? YAML_MAX_DEPTH;
  const markers = countDocumentMarkers(text);
  if (markers > 2 * maxDocuments) {
    throw new RingSimError(
      `${source}: documents`,
      markers,
      `more than ${maxDocuments} YAML documents (--- and ... lines counted)`,
      maxDocuments === 1 ? 'give one document' : `give at most ${maxDocuments} documents`,
    );
  }
  const depth = nestingBound(text);
  if (depth > maxDepth) {
    throw new RingSimError(
      `${source}: nesting`,
      depth,
      `YAML nested deeper than ${maxDepth} levels`,
      'write the document flatter; a manifest or scenario needs fewer than 10 levels',
    );
  }
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: limits.uniqueKeys ?? false });
  } catch (e) {
    throw new RingSimError(source, undefined, `not valid YAML (${firstLine(e)})`, 'check the indentation and quoting');
  }
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length > maxDocuments) {
    throw new RingSimError(
      `${source}: documents`,
      list.length,
      `more than ${maxDocuments} YAML document${maxDocuments === 1 ? '' : 's'}`,
      maxDocuments === 1 ? 'give one document' : `give at most ${maxDocuments} documents`,
    );
  }
  const values: unknown[] = [];
  for (const [i, doc] of list.entries()) {
    const where = list.length > 1 ? `${source}: document ${i + 1}` : source;
    const err = doc.errors[0];
    if (err) throw new RingSimError(where, undefined, `not valid YAML (${firstLine(err)})`, 'check the indentation and quoting at the line named');
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliases ?? YAML_MAX_ALIASES });
    } catch (e) {
      throw new RingSimError(where, undefined, `YAML aliases expand too far (${firstLine(e)})`, 'write the values out instead of nesting aliases');
    }
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
