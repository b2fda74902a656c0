import type { Knobs, Scale } from '../model/index.js';
import type { Lang } from '../i18n/lang.js';
import type { Rng } from './rng.js';
import type { Kind, QuizCounter } from './topics.js';

/**
 * Where to look again: a lesson's steps (with the what-if flags the question
 * used), or a command. `steps` are every step the answer rests on, ascending (a
 * count that rises at two steps cites both); none: the lesson from its start.
 */
export type Revisit = { scenario: string; steps: number[]; flags?: string } | { command: string };

/** What the learner gave: a choice (0-based) or a number. */
export type Picked = { choice: number } | { number: number };

export interface Question {
  /** Stable across languages and runs: kind, scenario and what is asked. */
  id: string;
  kind: Kind;
  /** The scenario the question is about: for "which fits" and "which technique", the answer (so it is recorded, never shown before answering). */
  scenario: string;
  /** What the question's header shows: the scenario, or the job where the scenario is the answer. */
  heading: string;
  /** The counts key for count and "fewer" questions; null otherwise. */
  counter: QuizCounter | null;
  /** The figures asked or shown are per chunk (the transfer steps alone), not one chunk's total with its set-up. */
  perTransfer: boolean;
  /** A what-if variant's knobs (`--cache warm`), when the question is about one. */
  knobs?: Knobs;
  /** `--size`: the whole file the question counts for. */
  scale?: Scale;
  prompt: string;
  /** Empty for count questions, which take a number. */
  choices: string[];
  /** Exactly what the learner types: a number, or a choice letter. */
  answer: string;
  explanation: string;
  lang: Lang;
  /** Where to look again, by default. */
  revisit: Revisit;
  /** What a wrong answer reveals and where to look again. */
  diagnose: (picked: Picked) => { misconception: string | null; revisit: Revisit };
}

export const letter = (i: number) => String.fromCharCode(97 + i);

/** A question not yet built: built only when drawn, so that drawing order alone consumes the random numbers. */
export interface Spec {
  kind: Kind;
  scenario: string;
  build: (rng: Rng, lang: Lang) => Question;
}

export type QuestionBase = Omit<Question, 'choices' | 'answer' | 'diagnose' | 'heading' | 'perTransfer'> &
  Partial<Pick<Question, 'heading' | 'perTransfer'>>;

/** A multiple-choice question; by default headed by its scenario and about one chunk's totals. */
export function choiceQuestion(
  base: QuestionBase,
  choices: string[],
  right: number,
  diagnose: (choice: number) => { misconception: string | null; revisit?: Revisit },
): Question {
  return {
    heading: base.scenario,
    perTransfer: false,
    ...base,
    choices,
    answer: letter(right),
    diagnose: (picked) => {
      if (!('choice' in picked) || picked.choice === right) return { misconception: null, revisit: base.revisit };
      const d = diagnose(picked.choice);
      return { misconception: d.misconception, revisit: d.revisit ?? base.revisit };
    },
  };
}

/** A lesson's steps to look again at, each once, in order. */
export const learnAt = (scenario: string, steps: number | readonly number[] | null, flags = ''): Revisit => ({
  scenario,
  steps: [...new Set(steps === null ? [] : typeof steps === 'number' ? [steps] : steps)].sort((a, b) => a - b),
  ...(flags ? { flags } : {}),
});
