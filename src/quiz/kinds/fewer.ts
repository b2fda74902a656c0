import { countsIn, hasOnceSteps, type Facts, type KindContext, type Scope } from '../facts.js';
import { choiceQuestion, type Spec } from '../question.js';
import { shuffle } from '../rng.js';
import { QUIZ_COUNTERS, type QuizCounter } from '../topics.js';
import { FEWER_MISTAKES, Q } from '../../i18n/quiz.js';

/** [who, by how many]; null is "the same number". */
type Option = [string, number] | null;

function fewerSpec(a: Facts, b: Facts, counter: QuizCounter, scope: Scope): Spec {
  const [ia, ib] = [a.lesson.id, b.lesson.id];
  const perTransfer = scope === 'perTransfer';
  return {
    kind: 'fewer',
    scenario: ia,
    build: (rng, lang) => {
      const [na, nb] = [countsIn(a, scope)[counter], countsIn(b, scope)[counter]];
      const same = na === nb;
      const lower = na < nb ? ia : ib;
      const d = Math.abs(na - nb);
      // Where they make the same number, the wrong differences are small ones.
      const [d1, d2] = same ? [1, 2] : [d, d > 1 && rng() < 0.5 ? d - 1 : d + 1];
      // "The same" is always offered, and always last: its presence tells nothing.
      const options: Option[] = [
        ...shuffle<Option>(rng, [
          [ia, d1],
          [ib, d1],
          [ia, d2],
          [ib, d2],
        ]),
        null,
      ];
      const [first, second] = rng() < 0.5 ? [ia, ib] : [ib, ia];
      const right = same ? options.length - 1 : options.findIndex((o) => o !== null && o[0] === lower && o[1] === d);
      return choiceQuestion(
        {
          id: `fewer:${counter}:${ia}:${ib}${perTransfer ? ':perTransfer' : ''}`,
          kind: 'fewer',
          scenario: ia,
          counter,
          perTransfer,
          prompt: Q[lang].fewerPrompt(counter, first, second, perTransfer),
          explanation: Q[lang].fewerExplain(counter, ia, na, ib, nb, perTransfer),
          lang,
          revisit: { command: `zcopy compare ${ia} ${ib}` },
        },
        options.map((o) => (o ? Q[lang].fewerChoice(o[0], o[1]) : Q[lang].fewerSame)),
        right,
        (choice) => {
          const o = options[choice];
          if (same) return { misconception: FEWER_MISTAKES[lang].same };
          if (!o) return { misconception: FEWER_MISTAKES[lang].notSame(lower, d) };
          return { misconception: o[0] !== lower ? FEWER_MISTAKES[lang].wrongSide(lower) : FEWER_MISTAKES[lang].wrongBy(d) };
        },
      );
    },
  };
}

/**
 * Every counter where this lesson and another of the same job differ, for one
 * chunk with its set-up or per chunk once set up: asked in both scopes where
 * set-up makes them differ (so "the same" is the answer where it is the truth).
 * A pair of two chosen lessons is asked once.
 */
export function fewerSpecs(f: Facts, { all, chosenIds }: KindContext): Spec[] {
  const specs: Spec[] = [];
  for (const g of all) {
    if (g.lesson.id === f.lesson.id || g.lesson.job !== f.lesson.job) continue;
    // Under the first of the two in catalogue order.
    if (chosenIds.has(g.lesson.id) && all.indexOf(g) < all.findIndex((x) => x.lesson.id === f.lesson.id)) continue;
    for (const c of QUIZ_COUNTERS) {
      const differ = (s: Scope) => countsIn(f, s)[c] !== countsIn(g, s)[c];
      if (!differ('total') && !differ('perTransfer')) continue;
      specs.push(fewerSpec(f, g, c, 'total'));
      const onceCounts = (x: Facts) => hasOnceSteps(x) && countsIn(x, 'perTransfer')[c] !== countsIn(x, 'total')[c];
      if (onceCounts(f) || onceCounts(g)) specs.push(fewerSpec(f, g, c, 'perTransfer'));
    }
  }
  return specs;
}
