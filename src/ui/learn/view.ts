import { describeStep, teaseStep } from '../../i18n/describe.js';
import type { Lang } from '../../i18n/lang.js';
import type { Lesson } from '../../lessons/index.js';
import { LOCATIONS, knobFlags, moverOf, run, type EventType, type Location, type Mover, type State } from '../../model/index.js';
import { UNCOUNTED_TRAPS } from '../../quiz/misconceptions.js';

/** One step as the learn screen shows it: everything read off the model, nothing computed here. */
export interface StepView {
  state: State;
  /** The state before this step, to highlight what changed. */
  before: State;
  event: EventType;
  does: string;
  /** What predict mode shows before the step is revealed: where, not who. */
  tease: string;
  narration: string;
  mover: Mover;
  switchesMode: boolean;
  /** Predict mode asks about steps that move data, switch mode, or look as if they do (interrupts, page faults). */
  predictable: boolean;
  /** With `--size`: how many chunks this step is repeated for (a transfer step's), and how many rounds of it each chunk takes. */
  repeats?: { chunks: number; rounds: number };
  /** The summary step at scale: the whole file's totals, a line each, shown instead of a narration. */
  summary?: string[];
}

export interface LearnView {
  id: string;
  title: string;
  since: string | null;
  lang: Lang;
  initial: State;
  steps: StepView[];
  /** The places this lesson ever uses, so the screen shows no empty furniture. */
  places: Location[];
  usesPageTable: boolean;
  /** Which counters to show beyond the four the articles use. */
  extraCounters: ('interrupts' | 'pageFaults' | 'descriptorCopies')[];
  /** The lesson after this one on the recommended path, for the last step's "what next" and its key. */
  nextId: string | null;
  /** What the lesson saved against its job's baseline, the model's figures as sentences (src/present/savings.ts). */
  saved: string[];
  /** A what-if variant's words (shown at the start): what was turned, and why a knob that changes nothing here changes nothing. */
  whatIf?: string;
  /** A what-if variant's flags (`--cache warm`), for a line that must stay short. */
  variant?: string;
}

/** The whole file, for `learn --size`: how many chunks, and the summary step's heading and lines (src/present's). */
export interface ScaleView {
  chunks: number;
  /** Rounds of the per-chunk steps a chunk takes: more than 1 where a call moves less than a chunk. */
  callsPerChunk: number;
  title: string;
  lines: string[];
}

export function learnView(lesson: Lesson, lang: Lang, nextId: string | null, saved: string[] = [], scale: ScaleView | null = null, whatIf?: string): LearnView {
  const timeline = run(lesson);
  const end = timeline.at(-1)!;
  const steps = lesson.steps.map((s, i): StepView => {
    const before = timeline[i];
    const state = timeline[i + 1];
    const mover = moverOf(state);
    const switchesMode = state.counts.modeSwitches !== before.counts.modeSwitches;
    return {
      state,
      before,
      event: s.event.type,
      does: describeStep(before, state, s.event, lang),
      tease: teaseStep(before, state, s.event, lang),
      narration: s.text[lang],
      mover,
      switchesMode,
      predictable: state.transfer !== null || switchesMode || UNCOUNTED_TRAPS.includes(s.event.type),
      ...(scale && s.phase === 'transfer' ? { repeats: { chunks: scale.chunks, rounds: scale.callsPerChunk } } : {}),
    };
  });
  // The loop shown once, then what it adds up to: the machine as the last chunk leaves it, and the totals.
  if (scale) {
    const last = lesson.steps.at(-1)!;
    steps.push({ state: end, before: end, event: last.event.type, does: scale.title, tease: scale.title, narration: '', mover: 'none', switchesMode: false, predictable: false, summary: scale.lines });
  }
  const used = new Set<Location>(['disk', 'user']);
  for (const s of timeline) for (const l of LOCATIONS) if (s.places[l].length) used.add(l);
  for (const s of timeline) if (s.transfer) used.add(s.transfer.to).add(s.transfer.from);
  return {
    id: lesson.id,
    title: lesson.title[lang],
    since: lesson.since,
    lang,
    initial: timeline[0],
    steps,
    places: LOCATIONS.filter((l) => used.has(l)),
    usesPageTable: timeline.some((s) => s.pageTable.length > 0),
    extraCounters: (['interrupts', 'pageFaults', 'descriptorCopies'] as const).filter((k) => end.counts[k] > 0),
    nextId,
    saved,
    ...(whatIf ? { whatIf } : {}),
    ...(lesson.knobs && knobFlags(lesson.knobs) ? { variant: knobFlags(lesson.knobs) } : {}),
  };
}
