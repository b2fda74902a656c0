import type { ChalkInstance } from 'chalk';
import { MACHINE } from '../../i18n/machine.js';
import { LEARN, SAVED, UI, VS } from '../../i18n/strings.js';
import { type Counters, type State } from '../../model/index.js';
import { fitWidth, flow, padEnd, wrap } from '../../term/text.js';
import { machineLines } from '../machine.js';
import { MIN_COLS, type Size } from '../size.js';
import { layoutScreen, titleLine, type Layout, type More } from '../skeleton.js';
import { scrollWindow } from '../fit.js';
import type { LearnView } from './view.js';

/** What `learn --vs` compares at each step: what the articles count. */
const COMPARED: readonly (keyof Counters)[] = ['cpuCopies', 'dmaCopies', 'modeSwitches', 'syscalls'];

/** A lesson at a lockstep position: past its last step it stays at its end. */
function at(view: LearnView, position: number): { state: State; before: State; step: number; does: string | null } {
  const n = Math.min(position, view.steps.length);
  if (n === 0) return { state: view.initial, before: view.initial, step: 0, does: null };
  const s = view.steps[n - 1];
  // Once this lesson has ended, nothing more happens in it: no change to mark.
  return { state: s.state, before: n === position ? s.before : s.state, step: n, does: n === position ? s.does : null };
}

const rose = (side: { state: State; before: State }, k: keyof Counters) => side.state.counts[k] - side.before.counts[k];

/** A side's heading: which lesson, and where it is (its own step, or that it has ended). */
function heading(view: LearnView, position: number, width: number, paint: ChalkInstance): string {
  const t = LEARN[view.lang];
  const me = at(view, position);
  const where = me.step === 0 ? t.start : position > view.steps.length ? VS[view.lang].ended(view.steps.length) : t.step(me.step, view.steps.length);
  return paint.bold(fitWidth(`${view.id} · ${where}`, width));
}

/** A side's machine, the learn screen's widget made compact for half a screen. */
function machine(view: LearnView, position: number, width: number, paint: ChalkInstance): string[] {
  const { state, before } = at(view, position);
  return machineLines({ state, before, places: view.places, usesPageTable: view.usesPageTable, compact: true }, view.lang, width, paint);
}

/**
 * A side's counters as one flowed line (or two): a counter this step raised is
 * marked ▲, or ◆ where it rose here and not on the other side, so that what one
 * technique pays and the other does not stands out (in marks, not only colour).
 */
function counters(view: LearnView, position: number, other: LearnView, width: number, paint: ChalkInstance): string[] {
  const me = at(view, position);
  const them = at(other, position);
  const items = COMPARED.map((k) => {
    const up = rose(me, k);
    const only = up > 0 && rose(them, k) === 0;
    const text = `${UI[view.lang].compare.columns[k]} ${me.state.counts[k]}${only ? '◆' : up ? '▲' : ''}`;
    return only ? paint.yellow.bold(text) : up ? paint.bold(text) : text;
  });
  return flow(items, ' ', width);
}

/** A side's words for this step: what it does, then its narration; at the start, where the machine starts; once ended, that nothing happens. */
function narration(view: LearnView, position: number, width: number, paint: ChalkInstance): string[] {
  const me = at(view, position);
  if (me.step === 0) return wrap(LEARN[view.lang].startHint(view.initial.places.pageCache.length > 0), width);
  if (!me.does) return wrap(VS[view.lang].nothing, width).map((l) => paint.dim(l));
  const step = view.steps[me.step - 1];
  return [...wrap(`▶ ${step.does}`, width).map((l) => paint.bold(l)), ...wrap(step.narration, width)];
}

/** `traditional: +2 CPU copies, +2 mode switches` so far, or that the two are level. */
function soFar(a: LearnView, b: LearnView, position: number): string {
  const lang = a.lang;
  const s = SAVED[lang];
  const ca = at(a, position).state.counts;
  const cb = at(b, position).state.counts;
  const items = COMPARED.filter((k) => ca[k] !== cb[k]).map((k) => {
    const d = ca[k] - cb[k];
    return s.change(MACHINE[lang].counterNoun[k][Math.abs(d) === 1 ? 0 : 1], d);
  });
  return items.length ? VS[lang].ahead(a.id, b.id, s.list(items)) : VS[lang].level;
}

/**
 * Two lessons in lockstep, as lines: each side's machine, counters and words
 * for this step, side by side, then how the two stand so far; at most `rows - 1`
 * lines. Where the words do not fit, they scroll (`scroll` lines are out of sight
 * above) and the cut ends in …; `maxScroll` is how far they can.
 */
export function layoutVs(a: LearnView, b: LearnView, position: number, size: Size, paint: ChalkInstance, footer: (more: More, width: number) => string, scroll = 0): Layout {
  const lang = a.lang;
  const halfOf = (width: number) => Math.floor((width - 4) / 2);
  const pair = (left: string[], right: string[], half: number) =>
    Array.from({ length: Math.max(left.length, right.length) }, (_, i) => ` ${padEnd(fitWidth(left[i] ?? '', half), half)} │ ${fitWidth(right[i] ?? '', half)}`);
  const fixed = (width: number) => {
    const half = halfOf(width);
    return [
      ...(a.variant ? [paint.yellow(` ${VS[lang].variant(a.variant)}`)] : []),
      ...pair(machine(a, position, half, paint), machine(b, position, half, paint), half),
      ...pair(counters(a, position, b, half, paint), counters(b, position, a, half, paint), half),
    ];
  };
  let more: More = { above: false, below: false };
  let maxScroll = 0;
  const body = (width: number, room: number) => {
    const half = halfOf(width);
    const words = pair(narration(a, position, half, paint), narration(b, position, half, paint), half);
    const so = wrap(soFar(a, b, position), width - 2).map((l) => ` ${l}`);
    const legend = wrap(VS[lang].legend, width - 2).map((l) => paint.dim(` ${l}`));
    // The words come first; on the smallest screens with the tallest machines, the legend gives way to two lines of them (the help has it too).
    const tail = room - so.length - legend.length >= Math.min(2, words.length) ? [...so, ...legend] : so;
    const roomForWords = Math.max(1, room - tail.length);
    const window = scrollWindow(words, roomForWords, scroll);
    more = { above: window.above, below: window.below };
    maxScroll = window.maxTop;
    return [...window.shown, ...tail].slice(0, room);
  };
  // The title is each side's heading: its lesson and its own step.
  const title = (width: number) => pair([heading(a, position, halfOf(width), paint)], [heading(b, position, halfOf(width), paint)], halfOf(width))[0];
  const { lines } = layoutScreen({ title, fixed, body, footer: (_more, width) => footer(more, width) }, size, paint);
  return { lines: lines.map((l) => l.trimEnd()), maxScroll };
}

/** The frame of two lessons in lockstep at `position`, with a fixed footer (the transcript's). */
export function renderVs(a: LearnView, b: LearnView, position: number, size: Size, paint: ChalkInstance, footer: string): string[] {
  return layoutVs(a, b, position, size, paint, () => footer).lines;
}

/** The piped `learn a --vs b`: every lockstep position, side by side, without keys. */
export function vsTranscript(a: LearnView, b: LearnView, paint: ChalkInstance, cols = 80): string {
  const size = { cols: Math.max(cols, MIN_COLS), rows: 200 };
  const last = Math.max(a.steps.length, b.steps.length);
  const blocks: string[] = [];
  const lang = a.lang;
  // Each position under a line of its own saying which it is: the screen's title is the two sides' headings.
  const title = (p: number) => titleLine(` zcopy · ${a.id} vs ${b.id}`, p === 0 ? LEARN[lang].start : LEARN[lang].step(p, last), size.cols - 1, paint);
  for (let p = 0; p <= last; p++) blocks.push([title(p), ...renderVs(a, b, p, size, paint, '').slice(0, -1)].join('\n').trimEnd());
  return blocks.join('\n\n') + '\n';
}
