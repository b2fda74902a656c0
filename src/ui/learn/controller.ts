import type { Key } from 'ink';
import type { Mover } from '../../model/index.js';
import { actionOf } from '../keys.js';
import type { ScreenState, Verdict } from './frame.js';
import type { LearnView, StepView } from './view.js';

/** Judges a prediction; passed in, so the screen does not decide what is right. */
export type Judge = (said: { mover: Mover; switches: boolean }, step: StepView) => Verdict;

/** How the learner leaves: q or Esc leaves this screen, Ctrl-C leaves zcopy. */
export type Leaving = 'screen' | 'all';

export interface Outcome {
  ui: ScreenState;
  quit?: Leaving;
}

const MOVER_KEYS: Record<string, Mover> = { c: 'cpu', d: 'dma', n: 'none' };

/** What a keypress does to the learn screen. Pure, so it is tested without a terminal. */
export function onKey(ui: ScreenState, input: string, key: Key, view: LearnView, judge: Judge): Outcome {
  const action = actionOf(input, key);
  if (action === 'interrupt') return { ui, quit: 'all' };
  if (ui.help) return action === 'quit' ? { ui, quit: 'screen' } : { ui: { ...ui, help: false } };

  if (ui.asking) {
    const { step, mover } = ui.asking;
    if (input === 'q' || key.escape) return { ui, quit: 'screen' };
    if (action === 'back') return { ui: { ...ui, asking: null } };
    if (action === 'predict') return { ui: { ...ui, predict: false, asking: null } };
    if (mover === undefined) {
      const chosen = MOVER_KEYS[input.toLowerCase()];
      return chosen ? { ui: { ...ui, asking: { step, mover: chosen } } } : { ui };
    }
    const answer = input.toLowerCase();
    if (answer !== 'y' && answer !== 'n') return { ui };
    const verdict = judge({ mover, switches: answer === 'y' }, view.steps[step - 1]);
    return { ui: { ...ui, asking: null, position: step, verdicts: { ...ui.verdicts, [step]: verdict } } };
  }

  const last = view.steps.length;
  switch (action) {
    case 'quit':
      return { ui, quit: 'screen' };
    case 'help':
      return { ui: { ...ui, help: true } };
    case 'predict':
      return { ui: { ...ui, predict: !ui.predict } };
    case 'back':
      return { ui: { ...ui, position: Math.max(0, ui.position - 1) } };
    case 'first':
      return { ui: { ...ui, position: 0 } };
    case 'last':
      return { ui: { ...ui, position: last } };
    case 'next': {
      if (ui.position >= last) return { ui };
      const target = ui.position + 1;
      if (ui.predict && view.steps[target - 1].predictable && !ui.verdicts[target]) return { ui: { ...ui, asking: { step: target } } };
      return { ui: { ...ui, position: target } };
    }
    default:
      return { ui };
  }
}
