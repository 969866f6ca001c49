/**
 * Where JSON text stops being JSON: the index of the first character that cannot continue a valid document
 * (text.length when it ends too early), or null when the text is valid. JSON.parse's own messages give no
 * position on some engines; this gives one everywhere. Iterative (an explicit stack), so deep nesting cannot
 * overflow the call stack.
 */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** The index just past a JSON string starting at `i`, or -(index of the fault) - 1. */
function stringEnd(text: string, i: number): number {
  if (text[i] !== '"') return -i - 1;
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -j - 1;
    if (c === 0x5c) {
      const e = text[j + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return -(j + 1) - 1;
        j += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j++;
      else return -(j + 1) - 1;
    }
  }
  return -text.length - 1;
}

export function jsonErrorOffset(text: string): number | null {
  const n = text.length;
  const stack: string[] = [];
  let i = 0;
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  /** Reads `"key" :` at i; false (i at the fault) when it is not there. */
  const key = (): boolean => {
    ws();
    const end = stringEnd(text, i);
    if (end < 0) return ((i = -end - 1), false);
    i = end;
    ws();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  for (;;) {
    // A value starts at i.
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c);
        if (c === '{' && !key()) return i;
        continue;
      }
    } else if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return -end - 1;
      i = end;
    } else {
      const re = c === '-' || (c >= '0' && c <= '9') ? NUMBER : LITERAL;
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) return i;
      i += m[0].length;
    }
    // After a value: close containers, or a comma and the next value.
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? i : null;
      if (text[i] === ',') {
        i++;
        if (top === '{' && !key()) return i;
        break;
      }
      if (text[i] !== (top === '{' ? '}' : ']')) return i;
      i++;
      stack.pop();
    }
  }
}
