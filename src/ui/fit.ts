/**
 * Fitting lines into the rows a screen has: a window that scrolls over more
 * lines than fit, and a cut that keeps the last line (the keys). Every screen
 * that scrolls (the lesson's text, the builder's text and palette, the menus,
 * the pages of text) moves its window with these, so none can scroll past its
 * end or show a window that starts before its first line.
 */

/** The first line of the last full window of `room` lines onto `total`: how far a window can scroll. */
export function lastTop(total: number, room: number): number {
  return Math.max(0, total - room);
}

/**
 * A window's first line moved `by` lines (negative: up), never before the first
 * line nor past `maxTop`. It moves from where the window is shown: after a
 * resize, `top` may be past the new `maxTop`.
 */
export function scrollBy(top: number, by: number, maxTop: number): number {
  return Math.max(0, Math.min(Math.min(top, maxTop) + by, maxTop));
}

export interface Window<T> {
  /** The lines in sight. */
  shown: T[];
  /** The first of them, once kept within the lines. */
  top: number;
  /** How far the window can scroll: 0 when every line fits. */
  maxTop: number;
  /** Lines are out of sight above the window, or below it. */
  above: boolean;
  below: boolean;
}

/**
 * The window of `room` lines from `top`. A `top` past the end (a shorter
 * text, a taller screen since) shows the last full window instead.
 */
export function scrollWindow<T>(lines: readonly T[], room: number, top: number): Window<T> {
  const maxTop = lastTop(lines.length, room);
  const at = scrollBy(top, 0, maxTop);
  return { shown: lines.slice(at, at + room), top: at, maxTop, above: at > 0, below: at < maxTop };
}

/** Keeps a frame within `max` lines: the middle gives way to an ellipsis, the last line (the keys) stays. */
export function fitLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  if (max < 3) return lines.slice(0, Math.max(1, max));
  return [...lines.slice(0, max - 2), '…', lines.at(-1)!];
}
