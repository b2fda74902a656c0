import { Chalk } from 'chalk';
import type { Mover } from '../../model/index.js';
import type { Keypress } from '../keypress.js';
import { LESSON_KEYS, MODE_KEYS, MOVER_KEYS, PLAYING_KEYS, PLAY_CONTROLS, actionOf } from '../keys.js';
import { playKey, stopped as playStopped } from '../play.js';
import type { KeyResult } from '../use-keys.js';
import { scrollBy } from '../fit.js';
import { layoutLesson, type LessonState, type PredictionVerdict } from './frame.js';
import type { Size } from '../size.js';
import type { LearnView, StepView } from './view.js';

/** Judges a prediction; passed in, so the screen does not decide what is right. */
export type Judge = (said: { mover: Mover; switches: boolean }, step: StepView) => PredictionVerdict;

/** How the learner leaves: q or Esc leaves this screen, Ctrl-C leaves zcopy. */
export type Leaving = 'screen' | 'all';

/** Where the learner stopped, for progress to remember: the step, every step seen, this visit's predictions. */
export interface Stopped {
  kind: 'stopped';
  at: number;
  seen: number[];
  predicted: { right: number; asked: number };
  /** Left where it opened: progress keeps the step it had (opening a lesson and quitting is not going back in it). */
  moved: boolean;
}

/**
 * What the lesson asks of the world: to be left, to open another lesson (the
 * next on the path), to be recorded as finished, or to remember where it was
 * left (always right after a leave or an open).
 */
export type LearnEffect = { kind: 'leave'; leaving: Leaving } | { kind: 'open'; id: string } | { kind: 'quiz' } | { kind: 'finished' } | Stopped;

export interface LearnContext {
  view: LearnView;
  judge: Judge;
  /** The screen's size: how far the narration scrolls depends on it. */
  size: Size;
}

// Widths do not depend on colour, so the scroll limit is measured without it.
const measure = new Chalk({ level: 0 });

function stopped(ui: LessonState): Stopped {
  const asked = Object.values(ui.verdicts);
  // Once finished, the pass is complete: the next visit starts a new one, so finishing again counts again.
  return { kind: 'stopped', at: ui.position, seen: ui.finished ? [] : ui.seen, predicted: { right: asked.filter((v) => v.moverRight && v.modeRight).length, asked: asked.length }, moved: ui.moved };
}

const leave = (ui: LessonState, leaving: Leaving): KeyResult<LessonState, LearnEffect> => ({ state: ui, effects: [{ kind: 'leave', leaving }, stopped(ui)] });

/**
 * Moves to `position`, the narration scrolled back to its top. The lesson is
 * finished the first time every step has been seen, not when the last one is
 * reached: jumping to the end (G) skips what it teaches.
 */
function goTo(ui: LessonState, position: number, view: LearnView, extra: Partial<LessonState> = {}): KeyResult<LessonState, LearnEffect> {
  const seen = position > 0 && !ui.seen.includes(position) ? [...ui.seen, position].sort((a, b) => a - b) : ui.seen;
  const end = !ui.finished && seen.length === view.steps.length;
  const state = { ...ui, ...extra, position, seen, count: '', scroll: position === ui.position ? ui.scroll : 0, finished: ui.finished || end, moved: true };
  return { state, effects: end ? [{ kind: 'finished' }] : [] };
}

/** A count typed before g, G or Enter goes to that step (vi's `5G`); longer ones are typing mistakes. */
const MAX_COUNT_DIGITS = 3;
const COUNTED = ['g', 'G', 'enter'];

/** What one keypress does to the learn screen. Pure, so it is tested without a terminal. */
export function learnKey(ui: LessonState, key: Keypress, { view, judge, size }: LearnContext): KeyResult<LessonState, LearnEffect> {
  if (key === 'ctrl-c') return leave(ui, 'all');
  // Any key closes the help, and does nothing else.
  if (ui.help) return { state: { ...ui, help: false } };
  // Lecture mode's own keys work while it is on, a question in sight too (a prediction pauses it).
  const playing = ui.play ? actionOf(PLAY_CONTROLS, key) : undefined;
  if (playing) return { state: playKey({ ...ui, count: '' }, playing) };

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
  if (/^[0-9]$/.test(key) && (key !== '0' || ui.count !== '')) {
    return { state: { ...ui, count: (ui.count + key).slice(0, MAX_COUNT_DIGITS) } };
  }
  if (ui.count !== '') {
    const n = Number(ui.count);
    if (COUNTED.includes(key)) return goTo(ui, Math.min(n, last), view);
    // Esc takes the count back; any other key drops it and does what it always does.
    if (key === 'esc') return { state: { ...ui, count: '' } };
    return learnKey({ ...ui, count: '' }, key, { view, judge, size });
  }
  // While it plays, Space is not `next` (PLAY_CONTROLS took it).
  const action = ui.play ? actionOf(PLAYING_KEYS, key) : actionOf(LESSON_KEYS, key);
  switch (action) {
    case 'back':
      return leave(ui, 'screen');
    case 'quit':
      return leave(ui, 'all');
    case 'help':
      return { state: { ...ui, help: true } };
    case 'predict':
      return { state: { ...ui, predict: !ui.predict } };
    case 'play':
      // At the end nothing is left to play: it plays again from the start, as a media player does.
      return ui.position >= last ? goTo(playKey(ui, 'play'), 0, view) : { state: playKey(ui, 'play') };
    case 'open':
      // Only the end offers the next lesson: in the middle, n would skip the rest of this one.
      if (ui.position < last || !view.nextId) return { state: ui };
      return { state: ui, effects: [{ kind: 'open', id: view.nextId }, stopped(ui)] };
    case 'quiz':
      // At the end, as `n`: the lesson is left for a quiz on it, and where it was left is remembered.
      if (ui.position < last) return { state: ui };
      return { state: ui, effects: [{ kind: 'quiz' }, stopped(ui)] };
    case 'previous':
      return goTo(ui, Math.max(0, ui.position - 1), view);
    case 'first':
      return goTo(ui, 0, view);
    case 'last':
      return goTo(ui, last, view);
    case 'more':
    case 'less':
      return { state: { ...ui, scroll: scrollBy(ui.scroll, action === 'more' ? 1 : -1, layoutLesson(view, ui, size, measure).maxScroll) } };
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

/**
 * Lecture mode's clock struck: the step has been in sight for its hold (frame.ts's
 * lessonHold), so the lesson moves on as `next` would. A step predict mode asks
 * about is asked, and play pauses there; the last step reached, play stops.
 */
export function learnTick(ui: LessonState, { view }: Pick<LearnContext, 'view'>): KeyResult<LessonState, LearnEffect> {
  const last = view.steps.length;
  if (ui.play !== 'playing' || ui.help || ui.asking || ui.count || ui.position >= last) return { state: ui };
  const target = ui.position + 1;
  if (ui.predict && view.steps[target - 1].predictable && !ui.verdicts[target]) return { state: { ...ui, asking: { step: target }, play: 'paused' } };
  const step = goTo(ui, target, view);
  return target === last ? { ...step, state: playStopped(step.state) } : step;
}
