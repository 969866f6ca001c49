// The one table writer and number formatter of RESULTS.md.

/** A number in en-US with `d` decimals: `f(1234.5, 1)` is "1,234.5". */
export const f = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

/**
 * A markdown table's lines: `table(['a', 'b'], 'lr', [['x', '1']])` gives "| a | b |", "|---|---:|", "| x | 1 |".
 * `align` has one letter a column: l (left) or r (right).
 */
export function table(header, align, rows) {
  const rule = [...align].map((a) => (a === 'r' ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `|${rule.join('|')}|`, ...rows.map((cells) => `| ${cells.join(' | ')} |`)];
}

/** A ratio to one decimal, or two where one would round a miss up to the target (1.99, not 2.0). */
export function ratioText(ratio, target) {
  return ratio < target && Number(ratio.toFixed(1)) >= target ? ratio.toFixed(2) : ratio.toFixed(1);
}

/** A ratio cell: "2.4× ✓" when it meets `target`, "1.8× ✗ (target 2×)" when it does not. */
export function ratioCell(ratio, target) {
  return ratio >= target ? `${ratioText(ratio, target)}× ✓` : `${ratioText(ratio, target)}× ✗ (target ${target}×)`;
}
