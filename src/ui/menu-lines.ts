import type { ChalkInstance } from 'chalk';
import { SCREENS } from '../i18n/screens.js';
import type { Lang } from '../i18n/lang.js';
import { displayWidth, fitWidth, padEnd } from '../term/text.js';
import { scrollWindow } from './fit.js';
import { frameWidth } from './skeleton.js';

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
 * one, scrolled so the cursor stays in view within `rows - 1` lines. Where items
 * are out of sight, a line above or below the list says how many.
 */
export function renderMenu<T>(title: string, items: MenuItem<T>[], cursor: number, footer: string, size: { cols: number; rows: number }, paint: ChalkInstance, lang: Lang = 'en', note = ''): string[] {
  const width = frameWidth(size);
  // The note shares the footer's line where both fit whole; else it has a line of its own, above the keys.
  const together = !note || displayWidth(` ${footer}   ${note}`) <= width;
  const bottom = together ? [paint.dim(` ${note ? `${footer}   ${note}` : footer}`)] : [paint.dim(` ${note}`), paint.dim(` ${footer}`)];
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
  // Title, the line under it (blank, or the mark above), the mark below, the footer.
  const room = Math.max(3, size.rows - 1 - 3 - bottom.length);
  // The cursor in the middle of the window, where the list allows.
  const { shown, top } = scrollWindow(body, room, body.findIndex((b) => b.item === cursor) - Math.floor(room / 2));
  const count = (part: typeof body) => part.filter((b) => b.item !== undefined).length;
  const above = count(body.slice(0, top));
  const below = count(body.slice(top + room));
  const mark = (n: number, text: (n: number) => string) => (n ? paint.dim(`   ${text(n)}`) : '');
  return [paint.bold(` ${title}`), mark(above, SCREENS[lang].above), ...shown.map((b) => b.line), mark(below, SCREENS[lang].below), ...bottom].map((l) =>
    fitWidth(l, width),
  );
}
