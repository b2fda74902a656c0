import { grouped } from '../term/bytes.js';
import { letter, type Picked, type Question, type Revisit, type Topic } from './generate.js';
import type { Kind } from './topics.js';

export interface AnswerVerdict {
  /** 'invalid': neither a number (count questions) nor one of the choices. */
  status: 'right' | 'wrong' | 'invalid' | 'blank';
  right: boolean;
  misconception: string | null;
  revisit: Revisit;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * What the learner's line means: a whole number for a count question; a choice
 * letter or the choice's text (any case) otherwise. Undefined when it is neither.
 */
export function parseAnswer(q: Pick<Question, 'choices'>, input: string): Picked | undefined {
  const text = norm(input);
  // A whole file's count runs to millions: typed as printed (67,108,866) or plain.
  if (!q.choices.length) return /^(\d{1,16}|\d{1,3}([,\uff0c]\d{3})+)$/.test(text) ? { number: Number(text.replace(/[,\uff0c]/g, '')) } : undefined;
  const byLetter = q.choices.findIndex((_, i) => letter(i) === text || `${letter(i)})` === text);
  if (byLetter >= 0) return { choice: byLetter };
  const byText = q.choices.findIndex((c) => norm(c) === text);
  if (byText >= 0) return { choice: byText };
  // A choice's place in the list, counted from 1, as a learner used to numbered menus types it: 3 is c.
  // Not where a choice is itself a number: there "2" means that choice, or nothing.
  if (q.choices.some((c) => /^\d+$/.test(norm(c)))) return undefined;
  const byNumber = /^\d{1,2}$/.test(text) ? Number(text) - 1 : -1;
  return byNumber >= 0 && byNumber < q.choices.length ? { choice: byNumber } : undefined;
}

export function judge(q: Question, input: string): AnswerVerdict {
  if (!input.trim()) return { status: 'blank', right: false, misconception: null, revisit: q.revisit };
  const picked = parseAnswer(q, input);
  if (!picked) return { status: 'invalid', right: false, misconception: null, revisit: q.revisit };
  const right = 'number' in picked ? String(picked.number) === q.answer : letter(picked.choice) === q.answer;
  const d = q.diagnose(picked);
  return { status: right ? 'right' : 'wrong', right, misconception: right ? null : d.misconception, revisit: d.revisit };
}

/** The right answer as the learner sees it: "b) the DMA controller", or the number, grouped (the JSON key keeps it plain). */
export function answerText(q: Question): string {
  if (!q.choices.length) return grouped(Number(q.answer));
  const i = q.answer.charCodeAt(0) - 97;
  return `${q.answer}) ${q.choices[i]}`;
}

/** A command, the same in every language, that runs as printed: `zcopy learn sendfile --step 6`, at the first step cited. */
export function revisitText(r: Revisit): string {
  if ('command' in r) return r.command;
  return `zcopy learn ${r.scenario}${r.flags ? ` ${r.flags}` : ''}${r.steps.length ? ` --step ${r.steps[0]}` : ''}`;
}

export interface Answered {
  question: Question;
  verdict: AnswerVerdict;
}

/** The topics of a session's wrong answers, most wrong first (ties: first met first). */
export function weakestOf(answers: Answered[], limit = 3): (Topic & { wrong: number })[] {
  const tally = new Map<string, Topic & { wrong: number }>();
  for (const { question: q, verdict } of answers) {
    if (verdict.right) continue;
    const key = `${q.scenario}\u0000${q.kind}`;
    const t = tally.get(key) ?? { scenario: q.scenario, kind: q.kind as Kind, wrong: 0 };
    t.wrong++;
    tally.set(key, t);
  }
  return [...tally.values()].sort((a, b) => b.wrong - a.wrong).slice(0, limit);
}
