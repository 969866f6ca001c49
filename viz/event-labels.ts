/**
 * The events' labels above a chart, in rows so that no two intersect however many events there are: a label is
 * written in full where one of `MAX_LABEL_ROWS` rows has room for it, else as its number (as in the events table);
 * when even that finds no room it is left out (the event's dashed line, its tooltip and its table row still name it).
 */

/** A row of labels is this many pixels high (an 11 px label's box, report.css, is about 13 px). */
export const LABEL_ROW = 14;
/** At most this many rows of labels above a chart. */
export const MAX_LABEL_ROWS = 5;
/** Pixels kept between two labels on one row. */
const LABEL_GAP = 6;
/** Pixels between an event's line and its label. */
const LABEL_OFFSET = 3;

/** Where an event's label goes: its row, its text, and its anchor point (`x`; the text starts or ends there). */
export interface LabelPlace {
  row: number;
  text: string;
  anchor: 'start' | 'end';
  x: number;
  /** The label's left and right edges (pixels). */
  left: number;
  right: number;
}

/**
 * Lays out the labels of events whose lines are at `xs` (pixels, in time order). A label starts right of its line,
 * or ends left of it where it would run past `limit` (the chart's right edge). `texts[i]` is the full label and
 * its short form; `width(text)` measures a label in pixels. First every event's short form takes the first row
 * with room, so each event keeps at least its number while any row has room for it; then, in time order, each
 * label is written in full where that fits (on its row, or on another with room).
 */
export function layoutLabels(
  xs: readonly number[],
  texts: ReadonlyArray<readonly [full: string, short: string]>,
  limit: number,
  width: (text: string) => number,
): Array<LabelPlace | null> {
  const places: Array<LabelPlace | null> = [];
  const fits = (c: LabelPlace, except: number): boolean =>
    places.every((p, j) => j === except || !p || p.row !== c.row || p.right + LABEL_GAP <= c.left || c.right + LABEL_GAP <= p.left);
  const at = (x: number, text: string, row: number): LabelPlace => {
    const w = width(text);
    const anchor = x + LABEL_OFFSET + w <= limit ? 'start' : 'end';
    const left = anchor === 'start' ? x + LABEL_OFFSET : x - LABEL_OFFSET - w;
    return { row, text, anchor, x: anchor === 'start' ? left : left + w, left, right: left + w };
  };
  /** Event `i`'s label `text` on its own row if it fits there, else the first row it fits on. */
  const find = (i: number, text: string, own: number | null): LabelPlace | null => {
    const rows = own === null ? [] : [own];
    for (let r = 0; r < MAX_LABEL_ROWS; r++) if (r !== own) rows.push(r);
    for (const row of rows) {
      const c = at(xs[i], text, row);
      if (fits(c, i)) return c;
    }
    return null;
  };
  xs.forEach((_x, i) => places.push(find(i, texts[i][1], null)));
  xs.forEach((_x, i) => {
    const full = find(i, texts[i][0], places[i]?.row ?? null);
    if (full) places[i] = full;
  });
  return places;
}

/** The rows `places` use (at least 3, the space the charts always had above the plot). */
export function labelRows(places: ReadonlyArray<LabelPlace | null>): number {
  return Math.max(3, ...places.map((p) => (p ? p.row + 1 : 0)));
}

/** The baseline of a label on `row` (pixels from the chart's top). */
export function labelBaseline(row: number): number {
  return (row + 1) * LABEL_ROW - 2;
}
