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
  /** Names the item answers to (an id and its aliases): typed whole into the filter, they pick it. By default its label. */
  names?: string[];
  /** More text the filter searches (a title in every language). By default its hint. */
  words?: string[];
}

/** Text as the filter compares it: case and runs of spaces do not count. */
const folded = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/** The names an item answers to. */
const namesOf = <T>(item: MenuItem<T>) => item.names ?? [item.label];

/** The items the filter `typed` keeps, by index, in their order: those with it in a name, the label or the words. */
export function filtered<T>(items: readonly MenuItem<T>[], typed: string | null): number[] {
  const all = items.map((_, i) => i);
  if (!typed) return all;
  const needle = folded(typed);
  return all.filter((i) => [items[i].label, ...namesOf(items[i]), ...(items[i].words ?? [items[i].hint ?? ''])].some((text) => folded(text).includes(needle)));
}

/** The item among `shown` named exactly `typed` (an id or an alias typed whole), if any. */
export function namedExactly<T>(items: readonly MenuItem<T>[], shown: readonly number[], typed: string): number | undefined {
  const needle = folded(typed.trim());
  return shown.find((i) => namesOf(items[i]).some((n) => folded(n) === needle));
}

/**
 * The menu as lines: title, items under their group headings, the cursor on
 * one, scrolled so the cursor stays in view within `rows - 1` lines. Where items
 * are out of sight, a line above or below the list says how many. With a
 * filter (`/`), only the items it keeps, the filter as typed above the keys,
 * and in words when it keeps none.
 */
export function renderMenu<T>(...args: Parameters<typeof layoutMenu<T>>): string[] {
  return layoutMenu(...args).lines;
}

/** The menu's lines, and the items in sight (by index): as many as a page moves by. */
export function layoutMenu<T>(
  title: string,
  items: MenuItem<T>[],
  cursor: number,
  footer: string,
  size: { cols: number; rows: number },
  paint: ChalkInstance,
  lang: Lang = 'en',
  note = '',
  filter: string | null = null,
): { lines: string[]; inSight: number[] } {
  const width = frameWidth(size);
  // The note shares the footer's line where both fit whole; else it has a line of its own, above the keys.
  const together = !note || displayWidth(` ${footer}   ${note}`) <= width;
  const keys = together ? [paint.dim(` ${note ? `${footer}   ${note}` : footer}`)] : [paint.dim(` ${note}`), paint.dim(` ${footer}`)];
  const bottom = filter === null ? keys : [typedLine(filter, width), ...keys];
  const kept = filtered(items, filter);
  // The ids take the width of the longest one the list shows; the titles have the rest of the line.
  const labelWidth = Math.max(0, ...kept.map((i) => displayWidth(items[i].label)));
  // The marks' column only where some item has one (a list of lessons read about, levels none solved, has none).
  const marked = kept.some((i) => (items[i].mark ?? ' ').trim() !== '');
  const body: { line: string; item?: number }[] = [];
  kept.forEach((i, k) => {
    const item = items[i];
    if (item.group !== undefined && item.group !== items[kept[k - 1]]?.group) {
      if (body.length) body.push({ line: '' });
      body.push({ line: paint.underline(` ${item.group}`) });
    }
    const here = i === cursor;
    const mark = marked ? `${padEnd(item.mark ?? '', 1)} ` : '';
    const text = fitWidth(`${here ? '›' : ' '} ${padEnd(item.label, labelWidth)}  ${mark}${item.hint ?? ''}`.trimEnd(), width);
    body.push({ line: here ? paint.inverse(text) : text, item: i });
  });
  if (!kept.length) body.push({ line: paint.dim(`   ${SCREENS[lang].noMatch(filter ?? '')}`) });
  const room = menuRoom(size, bottom.length);
  // The cursor in the middle of the window, where the list allows.
  const { shown, top } = scrollWindow(body, room, body.findIndex((b) => b.item === cursor) - Math.floor(room / 2));
  const count = (part: typeof body) => part.filter((b) => b.item !== undefined).length;
  const above = count(body.slice(0, top));
  const below = count(body.slice(top + room));
  const mark = (n: number, text: (n: number) => string) => (n ? paint.dim(`   ${text(n)}`) : '');
  const lines = [paint.bold(` ${title}`), mark(above, SCREENS[lang].above), ...shown.map((b) => b.line), mark(below, SCREENS[lang].below), ...bottom].map((l) => fitWidth(l, width));
  return { lines, inSight: shown.flatMap((b) => (b.item === undefined ? [] : [b.item])) };
}

/** The lines a menu's list has on a screen of `size`: all but the title, the marks above and below, and `bottom` lines of keys. */
export function menuRoom(size: { rows: number }, bottom: number): number {
  return Math.max(3, size.rows - 1 - 3 - bottom);
}

/** The filter as typed, its end in sight however long it grows: what is typed next goes there. */
function typedLine(filter: string, width: number): string {
  let shown = [...filter];
  while (shown.length && displayWidth(` / …${shown.join('')}█`) > width) shown = shown.slice(1);
  return shown.length < [...filter].length ? ` / …${shown.join('')}█` : ` / ${filter}█`;
}
