import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/lang.js';
import { LEARN } from '../i18n/strings.js';
import { displayWidth, fitWidth, wrap } from '../term/text.js';
import { scrollWindow } from './fit.js';
import { MIN_COLS, MIN_ROWS, type Size } from './size.js';

/**
 * The skeleton of a full screen (the lesson, the builder, two lessons in
 * lockstep): a title line, a body, the keys at the foot. At most `rows - 1`
 * lines (ink clears the terminal to redraw a taller frame) of at most `cols`
 * columns. On a terminal too small for any screen, the session shows
 * tooSmallLines in its place, whichever screen it is on.
 */

/** Lines wider than this are hard to read: a wider terminal leaves the rest of each line blank. */
export const MAX_COLS = 100;

/** The columns a frame is laid out in on a terminal of `size`. */
export function frameWidth(size: Size): number {
  return Math.min(size.cols, MAX_COLS);
}

/**
 * Below MIN_COLS x MIN_ROWS no screen draws itself: the session shows what size
 * it needs instead (tooSmallLines), and takes no key but q and Ctrl-C, since the
 * learner cannot see what any other would do.
 */
export function tooSmall(size: Size): boolean {
  return size.cols < MIN_COLS || size.rows < MIN_ROWS;
}

/** What a terminal too small for the screens of `command` shows, in the lines it has. */
export function tooSmallLines(size: Size, lang: Lang, command: string): string[] {
  return wrap(LEARN[lang].tooSmall(command, MIN_COLS, MIN_ROWS, size.cols, size.rows), Math.max(10, size.cols - 1)).slice(0, Math.max(1, size.rows - 1));
}

/** The keys a session takes while its terminal is too small: q (what it does on the screen beneath) and Ctrl-C. */
export const KEYS_WHILE_TOO_SMALL: readonly string[] = ['q', 'ctrl-c'];

/** A title line: `left` in bold, `right` against the right edge of `width`, at least a space between them. */
export function titleLine(left: string, right: string, width: number, paint: ChalkInstance): string {
  const gap = Math.max(1, width - displayWidth(left) - displayWidth(right));
  return paint.bold(left) + ' '.repeat(gap) + right;
}

/** Whether a scrolled body has lines out of sight, for the footer to offer the keys that show them. */
export interface More {
  above: boolean;
  below: boolean;
}

/** A screen's parts, each laid out in the frame's `width`. */
export interface Parts {
  title: (width: number) => string;
  /** The help, in place of all below the title, in at most `room` lines; absent while the help is closed. */
  help?: ((width: number, room: number) => string[]) | null;
  /** Shown under the title however the body is scrolled: the machine and its counters. */
  fixed?: (width: number) => string[];
  /** Below them, given the `room` it has; where it has more lines, they scroll. */
  body: (width: number, room: number) => string[];
  /** How many of the body's lines are scrolled out of sight above; without it, the body is cut to its room and does not scroll. */
  scroll?: number;
  /** The keys, shown dim on the last line, in `width` columns. */
  footer: (more: More, width: number) => string;
}

export interface Layout {
  lines: string[];
  /** How far the body can scroll: 0 when all of it fits, or when it does not scroll. */
  maxScroll: number;
}

/** The frame of a screen of these parts, and how far its body could scroll. Pure. */
export function layoutScreen(parts: Parts, size: Size, paint: ChalkInstance): Layout {
  const width = frameWidth(size);
  const budget = size.rows - 1;
  const fit = (lines: string[]) => lines.map((l) => fitWidth(l, width));
  const title = parts.title(width);
  if (parts.help) return { lines: fit([title, ...parts.help(width, budget - 1)].slice(0, budget)), maxScroll: 0 };
  const top = [title, ...(parts.fixed?.(width) ?? [])];
  // The footer takes the last line.
  const room = Math.max(1, budget - top.length - 1);
  const body = scrollWindow(parts.body(width, room), room, parts.scroll ?? 0);
  const scrolls = parts.scroll !== undefined;
  const more = scrolls ? { above: body.above, below: body.below } : { above: false, below: false };
  return { lines: fit([...top, ...body.shown, paint.dim(` ${parts.footer(more, width - 1)}`)]), maxScroll: scrolls ? body.maxTop : 0 };
}
