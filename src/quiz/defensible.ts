import { PUNCTUATION } from '../i18n/punctuation.js';
import type { Question } from './question.js';

/* What every question must be, whatever its kind: the generator skips one that is not, and the tests draw thousands to show none is. */

/** The learner-visible texts of a question. */
const textsOf = (q: Question) => [q.prompt, q.explanation, ...q.choices];

/**
 * What is wrong with a question as asked: not exactly one answer, a choice
 * given twice, an empty block list, a missing text, or a text that is not
 * written as its language is (PUNCTUATION's `flaws`). Empty when nothing is.
 */
export function flawsOf(q: Question): string[] {
  const out: string[] = [];
  if (!q.prompt.trim()) out.push('no prompt');
  if (!q.explanation.trim()) out.push('no explanation');
  if (q.choices.length) {
    const i = q.answer.length === 1 ? q.answer.charCodeAt(0) - 97 : -1;
    if (!(i >= 0 && i < q.choices.length)) out.push(`the answer "${q.answer}" is not one of the ${q.choices.length} choices`);
    if (q.choices.length < 3) out.push(`only ${q.choices.length} choices`);
    if (q.choices.some((c) => !c.trim())) out.push('an empty choice');
    const seen = new Set<string>();
    for (const c of q.choices) {
      if (seen.has(c)) out.push(`the choice "${c}" is given twice`);
      seen.add(c);
    }
  } else if (!/^\d+$/.test(q.answer)) {
    out.push(`the count answer "${q.answer}" is not a whole number`);
  }
  for (const t of textsOf(q)) {
    if (/\[\s*\]/.test(t)) out.push(`an empty block list in "${t}"`);
    out.push(...PUNCTUATION[q.lang].flaws(t));
  }
  return out;
}
