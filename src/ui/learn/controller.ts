import { Chalk } from 'chalk';
import type { Mover } from '../../model/index.js';
import type { Keypress } from '../keypress.js';
import { LESSON_KEYS, MODE_KEYS, MOVER_KEYS, actionOf } from '../keys.js';
import type { Step } from '../use-keys.js';
import { layoutFrame, type ScreenState, type Size, type Verdict } from './frame.js';
import type { LearnView, StepView } from './view.js';

/** Judges a prediction; passed in, so the screen does not decide what is right. */
export type Judge = (said: { mover: Mover; switches: boolean }, step: StepView) => Verdict;

/** How the learner leaves: q or Esc leaves this screen, Ctrl-C leaves zcopy. */
export type Leaving = 'screen' | 'all';

/** What the lesson asks of the world: to be left, or to be recorded as finished. */
export type LearnEffect = { kind: 'leave'; leaving: Leaving } | { kind: 'finished' };

export interface LearnContext {
  view: LearnView;
  judge: Judge;
  /** The screen's size: how far the narration scrolls depends on it. */
  size: Size;
}

// Widths do not depend on colour, so the scroll limit is measured without it.
const measure = new Chalk({ level: 0 });

const leave = (ui: ScreenState, leaving: Leaving): Step<ScreenState, LearnEffect> => ({ state: ui, effects: [{ kind: 'leave', leaving }] });

/** Moves to `position`, the narration scrolled back to its top; reaching the end the first time finishes the lesson. */
function goTo(ui: ScreenState, position: number, view: LearnView, extra: Partial<ScreenState> = {}): Step<ScreenState, LearnEffect> {
  const end = position === view.steps.length && !ui.reachedEnd;
  const state = { ...ui, ...extra, position, scroll: position === ui.position ? ui.scroll : 0, reachedEnd: ui.reachedEnd || end };
  return { state, effects: end ? [{ kind: 'finished' }] : [] };
}

/** What one keypress does to the learn screen. Pure, so it is tested without a terminal. */
export function learnKey(ui: ScreenState, key: Keypress, { view, judge, size }: LearnContext): Step<ScreenState, LearnEffect> {
  if (key === 'ctrl-c') return leave(ui, 'all');
  // Any key closes the help, and does nothing else.
  if (ui.help) return { state: { ...ui, help: false } };

  if (ui.asking) {
    const { step, mover } = ui.asking;
    const action = mover === undefined ? actionOf(MOVER_KEYS, key) : actionOf(MODE_KEYS, key);
    if (action === 'back') return { state: { ...ui, asking: null } };
    if (action === 'predict') return { state: { ...ui, predict: false, asking: null } };
    if (action === 'cpu' || action === 'dma' || action === 'none') return { state: { ...ui, asking: { step, mover: action } } };
    if ((action === 'yes' || action === 'no') && mover !== undefined) {
      const verdict = judge({ mover, switches: action === 'yes' }, view.steps[step - 1]);
      return goTo(ui, step, view, { asking: null, verdicts: { ...ui.verdicts, [step]: verdict } });
    }
    return { state: ui };
  }

  const last = view.steps.length;
  switch (actionOf(LESSON_KEYS, key)) {
    case 'back':
      return leave(ui, 'screen');
    case 'quit':
      return leave(ui, 'all');
    case 'help':
      return { state: { ...ui, help: true } };
    case 'predict':
      return { state: { ...ui, predict: !ui.predict } };
    case 'previous':
      return goTo(ui, Math.max(0, ui.position - 1), view);
    case 'first':
      return goTo(ui, 0, view);
    case 'last':
      return goTo(ui, last, view);
    case 'more': {
      const { maxScroll } = layoutFrame(view, ui, size, measure);
      return { state: { ...ui, scroll: Math.min(maxScroll, ui.scroll + 1) } };
    }
    case 'less': {
      // After a resize the scroll may be past the new limit: count from where the text is shown.
      const { maxScroll } = layoutFrame(view, ui, size, measure);
      return { state: { ...ui, scroll: Math.max(0, Math.min(ui.scroll, maxScroll) - 1) } };
    }
    case 'next': {
      if (ui.position >= last) return { state: ui };
      const target = ui.position + 1;
      if (ui.predict && view.steps[target - 1].predictable && !ui.verdicts[target]) return { state: { ...ui, asking: { step: target } } };
      return goTo(ui, target, view);
    }
    default:
      return { state: ui };
  }
}
