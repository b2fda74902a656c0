import { Chalk } from 'chalk';
import { BUILD } from '../../i18n/build.js';
import type { Lang } from '../../i18n/lang.js';
import { scrollBy } from '../fit.js';
import type { Keypress } from '../keypress.js';
import { BUILD_KEYS, CONFIRM_KEYS, PALETTE_KEYS, actionOf } from '../keys.js';
import type { Size } from '../size.js';
import type { KeyResult } from '../use-keys.js';
import { chipRows, layoutBuild, paletteChoices, paletteWidth } from './frame.js';
import type { LessonStep } from '../../lessons/index.js';
import { choose, nextPhase, openPalette, paletteBack, redo, undo, unsaved, type BuildState, type Workbench } from './state.js';

/** What the builder asks of the world: to be left, to open the next level, to record a level solved, to keep a level's path. */
export type BuildEffect =
  | { kind: 'leave'; all: boolean }
  | { kind: 'open'; id: string }
  /** `again`: solved before in this visit, and now with a better score (progress keeps the best, and counts the visit once). */
  | { kind: 'solved'; id: string; score: { modeSwitches: number; steps: number }; again: boolean }
  /** A level's path as it is left, for the level to show again when it reopens in this session. */
  | { kind: 'kept'; id: string; steps: LessonStep[] };

export interface BuildContext {
  bench: Workbench;
  lang: Lang;
  size: Size;
  behind: boolean;
}

// Widths do not depend on colour, so layouts are measured without it.
const measure = new Chalk({ level: 0 });

/** What one keypress does to the builder. Pure, but for the sandbox's write, which the world does and reports. */
export function buildKey(b: BuildState, key: Keypress, ctx: BuildContext): KeyResult<BuildState, BuildEffect> {
  const { bench, lang, size } = ctx;
  if (key === 'ctrl-c') return { state: b, effects: [{ kind: 'leave', all: true }] };
  if (b.help) return { state: { ...b, help: false } };
  // Only y discards: any other key is "no", and does nothing else.
  if (b.confirm) return actionOf(CONFIRM_KEYS, key) === 'yes' ? { state: { ...b, confirm: false }, effects: leaving(b, bench) } : { state: { ...b, confirm: false, note: null } };
  const solvedBefore = b.judged?.solved === true;
  // A level is recorded when a step (added, undone or redone) makes the path meet it: the first time in a visit, then only to beat that.
  const moved = (next: BuildState): KeyResult<BuildState, BuildEffect> => {
    const level = bench.level;
    if (!level || solvedBefore || !next.judged?.solved) return { state: next };
    const score = next.judged.score;
    const best = b.best;
    if (best && score.modeSwitches >= best.modeSwitches && score.steps >= best.steps) return { state: next };
    const kept = best ? { modeSwitches: Math.min(best.modeSwitches, score.modeSwitches), steps: Math.min(best.steps, score.steps) } : score;
    return { state: { ...next, best: kept }, effects: [{ kind: 'solved', id: level.id, score, again: best !== null }] };
  };
  if (b.palette) return moved(paletteKey(b, key, ctx));
  const action = actionOf(BUILD_KEYS, key);
  switch (action) {
    case 'add':
      return { state: openPalette(b, bench) };
    case 'undo':
      return moved(undo(b, bench, lang));
    case 'redo':
      return moved(redo(b, bench, lang));
    case 'phase':
      return { state: nextPhase(b, lang) };
    case 'hint': {
      const hints = bench.level?.hints ?? [];
      if (!hints.length) return { state: b };
      if (b.hints >= hints.length) return { state: { ...b, note: { text: BUILD[lang].noMoreHints, tone: 'info' } } };
      // The new hint is the last line: scroll so that it shows.
      const shown = { ...b, hints: b.hints + 1, note: null };
      return { state: { ...shown, scroll: layoutBuild(shown, bench, ctx.behind, size, measure, lang).maxScroll } };
    }
    case 'write': {
      if (!bench.write) return { state: b };
      const t = BUILD[lang];
      if (!b.steps.length) return { state: { ...b, note: { text: t.emptyPath, tone: 'bad' } } };
      const written = bench.write(b.steps);
      return { state: { ...b, note: { text: written.text, tone: written.ok ? 'good' : 'bad' }, saved: written.ok ? b.steps : b.saved } };
    }
    case 'open':
      if (!solvedBefore || !bench.level?.next) return { state: b };
      return { state: b, effects: [...keeping(b, bench), { kind: 'open', id: bench.level.next }] };
    case 'more':
    case 'less':
      return { state: { ...b, scroll: scrollBy(b.scroll, action === 'more' ? 1 : -1, layoutBuild(b, bench, ctx.behind, size, measure, lang).maxScroll) } };
    case 'help':
      return { state: { ...b, help: true } };
    case 'back':
      if (asksBeforeLeaving(b, ctx)) return { state: { ...b, confirm: true, scroll: 0, note: { text: BUILD[lang].discard(b.steps.length), tone: 'bad' } } };
      return { state: b, effects: leaving(b, bench) };
    default:
      return { state: b };
  }
}

/** A level's path goes with the learner, to be shown again if they come back to it within the session. */
const keeping = (b: BuildState, bench: Workbench): BuildEffect[] => (bench.level ? [{ kind: 'kept', id: bench.level.id, steps: b.steps }] : []);

const leaving = (b: BuildState, bench: Workbench): BuildEffect[] => [...keeping(b, bench), { kind: 'leave', all: false }];

/**
 * Whether leaving would discard steps the learner made: the sandbox's path
 * not written as it stands, or a level's unsolved path where q leaves zcopy (with
 * a screen behind, the session keeps it). Ctrl-C never asks: it is the way out.
 */
export function asksBeforeLeaving(b: BuildState, { bench, behind }: Pick<BuildContext, 'bench' | 'behind'>): boolean {
  if (!unsaved(b)) return false;
  return !bench.level || (!behind && b.judged?.solved !== true);
}

/** Keys in the palette: move among the choices (by one, or a row up and down), take one, or step back. */
function paletteKey(b: BuildState, key: Keypress, { bench, lang, size }: BuildContext): BuildState {
  const p = b.palette!;
  const choices = paletteChoices(p, bench, lang);
  const at = (cursor: number) => ({ ...b, palette: { ...p, cursor }, note: null });
  switch (actionOf(PALETTE_KEYS, key)) {
    case 'left':
      return at((p.cursor - 1 + choices.length) % choices.length);
    case 'right':
      return at((p.cursor + 1) % choices.length);
    case 'up':
    case 'down': {
      const rows = chipRows(choices.map((c) => c.label), paletteWidth(size.cols));
      const row = rows.findIndex((r) => r.includes(p.cursor));
      const to = rows[(row + (key === 'up' || key === 'k' ? -1 : 1) + rows.length) % rows.length];
      // The same column where the row has one, else its last choice.
      return at(to[Math.min(rows[row].indexOf(p.cursor), to.length - 1)]);
    }
    case 'choose':
      return choose(b, bench, lang);
    case 'back':
      return paletteBack(b);
    default:
      return b;
  }
}

export { initialBuild } from './state.js';
