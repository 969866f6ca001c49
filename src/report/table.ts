/**
 * A table for the terminal: headers, rows of cells already formatted with their units, and which columns are
 * right-aligned. Plain data (a report model part); `renderTable` prints it.
 */
export interface TextTable {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  /** Per column: right-align (numbers) or not (names). Missing columns are left-aligned. */
  rightAlign?: readonly boolean[];
}

/** The table as text: a header line, a rule of dashes, then the rows; columns two spaces apart. */
export function renderTable(t: TextTable): string {
  return table(t.headers, t.rows, t.rightAlign);
}

/** `renderTable` with its parts given separately. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], rightAlign: readonly boolean[] = []): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const fmt = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (rightAlign[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  const lines = [fmt(headers), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows) lines.push(fmt(r));
  return lines.join('\n');
}

/** Label/value pairs as aligned lines, without the header and rule of a table. */
export function renderPairs(rows: readonly (readonly [string, string])[]): string {
  return table(['', ''], rows).split('\n').slice(2).join('\n');
}
