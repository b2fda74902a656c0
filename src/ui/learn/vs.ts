import type { ChalkInstance } from 'chalk';
import { MACHINE } from '../../i18n/machine.js';
import { LEARN, SAVED, VS } from '../../i18n/strings.js';
import { COUNTER_KEYS, type Counters, type State } from '../../model/index.js';
import { displayWidth, fitWidth, padEnd, wrap } from '../../term/text.js';
import { MIN_COLS, type Size } from '../size.js';
import { layoutScreen, titleLine } from '../skeleton.js';
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

/**
 * One side's column: where it is, what its step did, and its counters; a counter
 * this step raised here and not on the other side is marked ◆, so what one
 * technique pays and the other does not stands out.
 */
function column(view: LearnView, position: number, other: LearnView, width: number, paint: ChalkInstance): string[] {
  const t = LEARN[view.lang];
  const v = VS[view.lang];
  const me = at(view, position);
  const them = at(other, position);
  const where = me.step === 0 ? t.start : position > view.steps.length ? v.ended(view.steps.length) : t.step(me.step, view.steps.length);
  const out = [paint.bold(fitWidth(`${view.id} · ${where}`, width))];
  const does = me.does ?? (me.step === 0 ? t.startHint(view.initial.places.pageCache.length > 0) : v.nothing);
  out.push(...wrap(`${me.does ? '▶ ' : ''}${does}`, width).slice(0, 3));
  while (out.length < 4) out.push('');
  const labelWidth = Math.max(...COUNTER_KEYS.map((k) => displayWidth(MACHINE[view.lang].counter[k])));
  for (const k of COMPARED) {
    const up = rose(me, k);
    const only = up > 0 && rose(them, k) === 0;
    const text = `${padEnd(MACHINE[view.lang].counter[k], labelWidth)} ${me.state.counts[k]}${up ? '▲' : ''}${only ? ' ◆' : ''}`;
    out.push(only ? paint.yellow.bold(text) : up ? paint.bold(text) : text);
  }
  return out.map((l) => fitWidth(l, width));
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
 * Two lessons in lockstep, as lines: side by side where two columns of
 * `MIN_COLUMN` fit, else one above the other; at most `rows - 1` lines.
 */
export function renderVs(a: LearnView, b: LearnView, position: number, size: Size, paint: ChalkInstance, footer: string): string[] {
  const lang = a.lang;
  const last = Math.max(a.steps.length, b.steps.length);
  const where = position === 0 ? LEARN[lang].start : LEARN[lang].step(position, last);
  const body = (width: number) => {
    const lines = [a.variant ? paint.yellow(` ${VS[lang].variant(a.variant)}`) : ''];
    const half = Math.floor((width - 4) / 2);
    const left = column(a, position, b, half, paint);
    const right = column(b, position, a, half, paint);
    if (half >= MIN_COLUMN) {
      for (let i = 0; i < Math.max(left.length, right.length); i++) lines.push(` ${padEnd(left[i] ?? '', half)} │ ${right[i] ?? ''}`);
    } else {
      lines.push(...column(a, position, b, width - 2, paint).map((l) => ` ${l}`), '', ...column(b, position, a, width - 2, paint).map((l) => ` ${l}`));
    }
    return [...lines, '', ...wrap(soFar(a, b, position), width - 2).map((l) => ` ${l}`), ...wrap(VS[lang].legend, width - 2).map((l) => paint.dim(` ${l}`))];
  };
  // The title ends a column short of the edge, where the lesson screen's ends in a space.
  const { lines } = layoutScreen({ title: (width) => titleLine(` zcopy · ${a.id} vs ${b.id}`, where, width - 1, paint), body, footer: () => footer }, size, paint);
  return lines.map((l) => l.trimEnd());
}

/** Below this a column cannot hold a counter's label and figure beside its step's words. */
const MIN_COLUMN = 34;

/** The piped `learn a --vs b`: every lockstep position, side by side, without keys. */
export function vsTranscript(a: LearnView, b: LearnView, paint: ChalkInstance, cols = 80): string {
  const size = { cols: Math.max(cols, MIN_COLS), rows: 200 };
  const last = Math.max(a.steps.length, b.steps.length);
  const blocks: string[] = [];
  for (let p = 0; p <= last; p++) blocks.push(renderVs(a, b, p, size, paint, '').slice(0, -1).join('\n').trimEnd());
  return blocks.join('\n\n') + '\n';
}
