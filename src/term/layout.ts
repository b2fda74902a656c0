import { displayWidth, padEnd, padStart, wrap } from './text.js';

/**
 * The text layout every view shares: paragraphs, bullets and aligned columns,
 * laid out in a given width. Views build lines with these and nothing else, so
 * an indent, a bullet or a column gap looks the same in explain, compare, the
 * quiz, the lab and the screens.
 */

/** However deep the indent, text is never wrapped narrower than this. */
export const MIN_TEXT_WIDTH = 20;

/** `text` wrapped to `width`, every line after `indent`. */
export function paragraph(text: string, width: number, indent = ''): string[] {
  return wrap(text, Math.max(MIN_TEXT_WIDTH, width - displayWidth(indent))).map((l) => indent + l);
}

/** `  • text`, its later lines hanging under the text. */
export function bullet(text: string, width: number, indent = '  ', mark = '•'): string[] {
  const hang = indent + ' '.repeat(displayWidth(mark) + 1);
  const [first, ...rest] = paragraph(text, width, hang);
  return [`${indent}${mark} ${first.slice(hang.length)}`, ...rest];
}

export type Align = 'left' | 'right';

/**
 * Rows of cells as aligned lines: each column as wide as its widest cell,
 * columns two spaces apart, the first left-aligned and the rest right-aligned
 * unless `align` says otherwise. Trailing spaces are trimmed.
 */
export function columns(rows: string[][], align: readonly Align[] = [], gap = '  '): string[] {
  const n = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: n }, (_, i) => Math.max(0, ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const side = (i: number): Align => align[i] ?? (i === 0 ? 'left' : 'right');
  return rows.map((r) =>
    widths
      .map((w, i) => (side(i) === 'left' ? padEnd(r[i] ?? '', w) : padStart(r[i] ?? '', w)))
      .join(gap)
      .trimEnd(),
  );
}

/** A value as a command's `--json` prints it: indented, one trailing newline. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
