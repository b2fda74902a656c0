import type { Facts, KindContext } from '../facts.js';
import { choiceQuestion, type Spec } from '../question.js';
import { shuffle } from '../rng.js';
import { FEWER_MISTAKES, Q, QUIZ_COUNTERS, type QuizCounter } from '../strings.js';

function fewerSpec(a: Facts, b: Facts, counter: QuizCounter): Spec {
  const [ia, ib] = [a.lesson.id, b.lesson.id];
  return {
    kind: 'fewer',
    scenario: ia,
    build: (rng, lang) => {
      const [na, nb] = [a.end.counts[counter], b.end.counts[counter]];
      const lower = na < nb ? ia : ib;
      const d = Math.abs(na - nb);
      const d2 = d > 1 && rng() < 0.5 ? d - 1 : d + 1;
      const options: [string, number][] = shuffle(rng, [
        [ia, d],
        [ib, d],
        [ia, d2],
        [ib, d2],
      ]);
      const [first, second] = rng() < 0.5 ? [ia, ib] : [ib, ia];
      const right = options.findIndex(([s, n]) => s === lower && n === d);
      return choiceQuestion(
        {
          id: `fewer:${counter}:${ia}:${ib}`,
          kind: 'fewer',
          scenario: ia,
          counter,
          prompt: Q.fewerPrompt[lang](counter, first, second),
          explanation: Q.fewerExplain[lang](counter, ia, na, ib, nb),
          lang,
          revisit: { command: `zcopy compare ${ia} ${ib}` },
        },
        options.map(([s, n]) => Q.fewerChoice[lang](s, n)),
        right,
        (choice) => ({
          misconception: options[choice][0] !== lower ? FEWER_MISTAKES.wrongSide[lang](lower) : FEWER_MISTAKES.wrongBy[lang](d),
        }),
      );
    },
  };
}

/** Every counter where this lesson and another of the same job differ; a pair of two chosen lessons is asked once. */
export function fewerSpecs(f: Facts, { all, chosenIds }: KindContext): Spec[] {
  const specs: Spec[] = [];
  for (const g of all) {
    if (g.lesson.id === f.lesson.id || g.lesson.job !== f.lesson.job) continue;
    // Under the first of the two in catalogue order.
    if (chosenIds.has(g.lesson.id) && all.indexOf(g) < all.findIndex((x) => x.lesson.id === f.lesson.id)) continue;
    for (const c of QUIZ_COUNTERS) if (f.end.counts[c] !== g.end.counts[c]) specs.push(fewerSpec(f, g, c));
  }
  return specs;
}
