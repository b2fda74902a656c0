import { SCREENS } from '../../i18n/screens.js';
import { displayWidth, fitWidth } from '../../term/text.js';
import { lastTop, scrollBy } from '../fit.js';
import type { Keypress } from '../keypress.js';
import { TEXT_KEYS, actionOf, footerOf } from '../keys.js';
import type { Size } from '../size.js';
import type { KeyResult } from '../use-keys.js';
import { withHelp, type Helped } from './help.js';
import type { AppDeps, RouteOf, ScreenEffect, ScreenModule, TextSource } from './route.js';

export interface TextState {
  /** The first line shown. */
  top: number;
  source: TextSource;
}

/** The width a presenter lays its text out in: the command line's (at most 100 columns), never wider than the screen. */
export function textWidth(size: Size): number {
  return Math.min(size.cols, 100);
}

/**
 * Cuts a line into pieces of at most `width` columns. Presenters wrap their
 * prose; only a table wider than a small screen gets here, and its colour is
 * dropped, as a cut line's is (fitWidth).
 */
export function fold(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const out: string[] = [];
  let piece = '';
  for (const ch of line.replace(/\u001b\[[0-9;]*m/g, '')) {
    if (displayWidth(piece + ch) > width) {
      out.push(piece);
      piece = '';
    }
    piece += ch;
  }
  return [...out, piece];
}

/** The page's lines as the screen shows them: the presenter's, folded to the screen's width. */
export function pageLines(source: TextSource, size: Size): string[] {
  return source(textWidth(size)).flatMap((l) => fold(l, size.cols));
}

/** Lines of text on a screen: all but the footer, and a line spare, as every frame leaves one. */
const room = (size: Size) => Math.max(1, size.rows - 2);

/** The lines kept above a window that starts at `top` (TextSource's `pinned`), where the page's lines are the source's as they are (none folded). */
function pinnedAt(source: TextSource, size: Size, top: number): { lines: string[]; from: number } {
  const width = textWidth(size);
  if (!source.pinned || source(width).length !== pageLines(source, size).length) return { lines: [], from: top };
  return source.pinned(width, top);
}

/** The line after the last one in sight when the window starts at `top`, under what is kept above it there. */
function endOf(s: TextState, size: Size, top: number): number {
  const kept = pinnedAt(s.source, size, top);
  return kept.from + room(size) - kept.lines.length;
}

/** How far a page scrolls: until its last line is in sight under what is kept above it there. */
function lastOf(s: TextState, size: Size, total: number): number {
  let top = lastTop(total, room(size));
  while (top < total - 1 && endOf(s, size, top) < total) top++;
  return top;
}

/**
 * A page on, or back: to the first line not yet in sight, or to the furthest start whose window
 * still reaches the first line in sight. What is kept above a window (a table's head) takes rows
 * of it, so a page is the lines shown under it, and no line goes by unseen.
 */
function pageFrom(s: TextState, size: Size, last: number, direction: 1 | -1): number {
  const top = Math.min(s.top, last);
  if (direction === 1) return Math.min(last, Math.max(top + 1, endOf(s, size, top)));
  const first = pinnedAt(s.source, size, top).from;
  let back = top;
  while (back > 0 && endOf(s, size, back - 1) >= first) back--;
  return back;
}

/** The furthest a page scrolls at `size`: where its last line is in sight. */
export function lastTopOf(s: TextState, size: Size): number {
  return lastOf(s, size, pageLines(s.source, size).length);
}

/** What one keypress does to a page of text. Pure. */
export function textKey(s: TextState, key: Keypress, size: Size): KeyResult<TextState, ScreenEffect> {
  const last = lastOf(s, size, pageLines(s.source, size).length);
  const by = (lines: number) => ({ state: { ...s, top: scrollBy(s.top, lines, last) } });
  switch (actionOf(TEXT_KEYS, key)) {
    case 'down':
      return by(1);
    case 'up':
      return by(-1);
    case 'pageDown':
      return { state: { ...s, top: pageFrom(s, size, last, 1) } };
    case 'pageUp':
      return { state: { ...s, top: pageFrom(s, size, last, -1) } };
    case 'first':
      return { state: { ...s, top: 0 } };
    case 'last':
      return { state: { ...s, top: last } };
    case 'back':
      return { state: s, effects: [{ kind: 'back' }] };
    case 'quit':
      return { state: s, effects: [{ kind: 'quit' }] };
    default:
      return { state: s };
  }
}

/**
 * The page from `top`, and a footer: the keys that fit (`footer`, given the columns they have; by
 * default a page's, q before the jumps a narrow screen can spare), and which lines these are.
 */
export function textFrame(s: TextState, { lang, paint, size }: Pick<AppDeps, 'lang' | 'paint' | 'size'>, footer?: (width: number) => string): string[] {
  const lines = pageLines(s.source, size);
  const top = Math.max(0, Math.min(s.top, lastOf(s, size, lines.length)));
  const kept = pinnedAt(s.source, size, top);
  const shown = [...kept.lines, ...lines.slice(kept.from, kept.from + room(size) - kept.lines.length)];
  const count = shown.length - kept.lines.length;
  const where = lines.length > count ? SCREENS[lang].lines(kept.from + 1, kept.from + count, lines.length) : '';
  const spare = size.cols - displayWidth(where) - 4;
  const keys = footer ? footer(spare) : footerOf(TEXT_KEYS, ['down', 'up', 'pageDown', 'help', 'back', 'first', 'last', 'quit'], lang, spare);
  return [...shown, fitWidth(paint.dim(where ? `${keys}   ${where}` : keys), size.cols)];
}

/** Every key measures the page, so it is laid out again only when the width changes. */
function lastWidth(source: TextSource): TextSource {
  let at: { width: number; lines: string[] } | null = null;
  const lines = (width: number) => (at?.width === width ? at : (at = { width, lines: source(width) })).lines;
  return source.pinned ? Object.assign(lines, { pinned: source.pinned }) : lines;
}

/** A screen that scrolls the lines of `source`, the presenter its command prints with. */
function textScreen<N extends 'explain' | 'compare' | 'glossary' | 'progress'>(
  source: (route: RouteOf<N>, deps: AppDeps) => TextSource,
  topOf: (route: RouteOf<N>, deps: AppDeps) => number = () => 0,
): ScreenModule<N, TextState & Helped> {
  const screen: ScreenModule<N, TextState> = {
    enter: (route, deps) => ({ top: topOf(route, deps), source: lastWidth(source(route, deps)) }),
    key: (s, key, _route, deps) => textKey(s, key, deps.size),
    frame: (s, _route, deps) => textFrame(s, deps),
  };
  return withHelp(screen, () => TEXT_KEYS);
}

export const EXPLAIN = textScreen<'explain'>((route, deps) => deps.explain(route.id));
export const COMPARE = textScreen<'compare'>((_route, deps) => deps.compare());
// Opened from its index, the glossary starts at the term picked, the others a scroll away.
export const GLOSSARY = textScreen<'glossary'>(
  (_route, deps) => deps.glossary(),
  (route, deps) => (route.term ? deps.terms.lineOf(route.term, textWidth(deps.size)) : 0),
);
export const PROGRESS = textScreen<'progress'>((_route, deps) => deps.progress());
