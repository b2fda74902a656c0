import { describeStep, teaseStep } from '../../i18n/describe.js';
import type { Lang } from '../../i18n/lang.js';
import type { Lesson } from '../../lessons/index.js';
import { knobFlags, traceOf, type EventType, type Location, type Mover, type State } from '../../model/index.js';
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

/** What the lesson screen shows besides the lesson: all optional, so a test or a bench asks for only what it reads. */
export interface LearnViewOptions {
  /** The lesson after this one on the recommended path; none for a what-if or a lesson of the learner's own. */
  nextId?: string | null;
  saved?: string[];
  /** With `--size`: the whole file's summary step. */
  scale?: ScaleView | null;
  whatIf?: string;
}

export function learnView(lesson: Lesson, lang: Lang, { nextId = null, saved = [], scale = null, whatIf }: LearnViewOptions = {}): LearnView {
  const trace = traceOf(lesson);
  const steps = trace.steps.map((t, i): StepView => {
    const s = lesson.steps[i];
    return {
      state: t.after,
      before: t.before,
      event: t.event.type,
      does: describeStep(t.before, t.after, t.event, lang),
      tease: teaseStep(t.before, t.after, t.event, lang),
      narration: s.text[lang],
      mover: t.mover,
      switchesMode: t.switchesMode,
      predictable: t.after.transfer !== null || t.switchesMode || UNCOUNTED_TRAPS.includes(t.event.type),
      ...(scale && t.phase === 'transfer' ? { repeats: { chunks: scale.chunks, rounds: scale.callsPerChunk } } : {}),
    };
  });
  // The loop shown once, then what it adds up to: the machine as the last chunk leaves it, and the totals.
  if (scale) {
    const { end } = trace;
    steps.push({ state: end, before: end, event: trace.steps.at(-1)!.event.type, does: scale.title, tease: scale.title, narration: '', mover: 'none', switchesMode: false, predictable: false, summary: scale.lines });
  }
  return {
    id: lesson.id,
    title: lesson.title[lang],
    since: lesson.since,
    lang,
    initial: trace.initial,
    steps,
    places: trace.places,
    usesPageTable: trace.usesPageTable,
    extraCounters: (['interrupts', 'pageFaults', 'descriptorCopies'] as const).filter((k) => trace.end.counts[k] > 0),
    nextId,
    saved,
    ...(whatIf ? { whatIf } : {}),
    ...(lesson.knobs && knobFlags(lesson.knobs) ? { variant: knobFlags(lesson.knobs) } : {}),
  };
}
