import type { ChalkInstance } from 'chalk';
import { displayWidth, fitWidth, padEnd } from '../term/text.js';

export interface MenuItem<T> {
  value: T;
  label: string;
  hint?: string;
  /** A heading printed above this item when it differs from the previous item's. */
  group?: string;
  /** A short mark after the label, e.g. ✓ for a finished lesson. */
  mark?: string;
}

/**
 * The menu as lines: title, items under their group headings, the cursor on
 * one, scrolled so the cursor stays in view within `rows - 1` lines.
 */
export function renderMenu<T>(title: string, items: MenuItem<T>[], cursor: number, footer: string, size: { cols: number; rows: number }, paint: ChalkInstance): string[] {
  const width = Math.min(size.cols, 100);
  const labelWidth = Math.max(...items.map((i) => displayWidth(i.label)));
  const body: { line: string; item?: number }[] = [];
  items.forEach((item, i) => {
    if (item.group !== undefined && item.group !== items[i - 1]?.group) {
      if (body.length) body.push({ line: '' });
      body.push({ line: paint.underline(` ${item.group}`) });
    }
    const here = i === cursor;
    const text = `${here ? '›' : ' '} ${padEnd(item.label, labelWidth)}  ${item.mark ?? ' '}  ${item.hint ?? ''}`;
    body.push({ line: here ? paint.inverse(text) : text, item: i });
  });
  const room = Math.max(3, size.rows - 1 - 3);
  const at = body.findIndex((b) => b.item === cursor);
  const start = Math.min(Math.max(0, at - Math.floor(room / 2)), Math.max(0, body.length - room));
  const visible = body.slice(start, start + room).map((b) => b.line);
  return [paint.bold(` ${title}`), '', ...visible, paint.dim(` ${footer}`)].map((l) => fitWidth(l, width));
}
