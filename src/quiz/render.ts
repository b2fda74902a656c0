import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/lang.js';
import { paragraph } from '../term/layout.js';
import { answerText, revisitText, weakestOf, type Answered, type AnswerVerdict } from './check.js';
import { letter, type Question, type Revisit } from './generate.js';
import { KIND_LABELS, Q, SESSION } from '../i18n/quiz.js';

/** A question as text lines: its heading, the prompt, the choices (or how to answer). */
export function questionLines(q: Question, i: number, n: number, lang: Lang, width: number, paint: ChalkInstance): string[] {
  const out = [paint.bold(SESSION[lang].question(i, n, q.heading, q.kind)), ...paragraph(q.prompt, width)];
  if (q.choices.length) {
    q.choices.forEach((c, k) => {
      const [first, ...rest] = paragraph(c, width, '     ');
      out.push(`  ${letter(k)}) ${first.slice(5)}`, ...rest);
    });
  } else {
    out.push(paint.dim(Q[lang].typeNumber));
  }
  return out;
}

/**
 * The verdict and the explanation; after a wrong answer, the right one first,
 * then the mistake it reveals, and where to look again: as a command, or as
 * `revisit` words the app gives (where a key opens the step).
 */
export function verdictLines(q: Question, v: AnswerVerdict, lang: Lang, width: number, paint: ChalkInstance, revisit?: (r: Revisit) => string | null): string[] {
  // A right guess learns why too.
  if (v.right) return [paint.green(SESSION[lang].right), ...paragraph(q.explanation, width)];
  const head =
    v.status !== 'invalid' ? SESSION[lang].wrong(answerText(q))
    : q.choices.length ? SESSION[lang].invalid(answerText(q))
    : SESSION[lang].notNumber(answerText(q));
  const out = paragraph(head, width).map((l) => paint.red(l));
  if (v.misconception) out.push(...paragraph(v.misconception, width).map((l) => paint.yellow(l)));
  out.push(...paragraph(q.explanation, width));
  const where = revisit?.(v.revisit) ?? SESSION[lang].revisit(revisitText(v.revisit), 'steps' in v.revisit ? v.revisit.steps : []);
  out.push(...paragraph(where, width).map((l) => paint.cyan(l)));
  return out;
}

/** The answer key: every question with its answer and explanation. */
export function revealText(questions: Question[], lang: Lang, width: number, paint: ChalkInstance): string {
  const blocks = questions.map((q, i) => {
    const lines = questionLines(q, i + 1, questions.length, lang, width, paint).filter((l) => !l.includes(Q[lang].typeNumber));
    lines.push(...paragraph(SESSION[lang].answer + answerText(q), width).map((l) => paint.green(l)));
    lines.push(...paragraph(q.explanation, width).map((l) => paint.dim(l)));
    return lines.join('\n');
  });
  return blocks.join('\n\n') + '\n';
}

/** The weakest topics of a session, one line each; empty when nothing was wrong. */
export function weakestLines(answers: Answered[], lang: Lang): string[] {
  const weak = weakestOf(answers);
  if (!weak.length) return [];
  return [SESSION[lang].weakest, ...weak.map((t) => `  ${t.scenario} · ${KIND_LABELS[lang][t.kind]} (${SESSION[lang].wrongCount(t.wrong)})`)];
}

/** The JSON answer key's shape. */
export interface KeyEntry {
  id: string;
  kind: string;
  /** The scenario asked about; for "fits" and "reverse", the answer. */
  scenario: string;
  /** What the question's header shows (the job, where the scenario is the answer). */
  heading: string;
  counter: string | null;
  /** The figures asked or shown are per chunk, once set up, not one chunk's total. */
  perTransfer: boolean;
  /** A what-if variant's knobs, and the whole file's size and chunk, where the question has them. */
  knobs?: { cache: string; nic: string };
  size?: number;
  chunk?: number;
  prompt: string;
  choices: string[];
  answer: string;
  explanation: string;
  /** What choosing each choice reveals (null for the right one, and where a wrong one names no misconception); empty for count questions. */
  misconceptions: (string | null)[];
}

export function keyEntries(questions: Question[]): KeyEntry[] {
  return questions.map(({ id, kind, scenario, heading, counter, perTransfer, knobs, scale, prompt, choices, answer, explanation, diagnose }) => ({
    id,
    kind,
    scenario,
    heading,
    counter,
    perTransfer,
    ...(knobs ? { knobs } : {}),
    ...(scale ? { size: scale.size, chunk: scale.chunk } : {}),
    prompt,
    choices,
    answer,
    explanation,
    misconceptions: choices.map((_, choice) => diagnose({ choice }).misconception),
  }));
}

export type { AnswerVerdict };
