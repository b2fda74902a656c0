import { NEXT_MISTAKE, Q } from '../strings.js';
import { does, type Facts } from '../facts.js';
import { choiceQuestion, learnAt, type Spec } from '../question.js';
import { shuffle } from '../rng.js';

/** Steps whose description differs from step n's (compared in English, so every language draws alike). */
function otherSteps(f: Facts, n: number): number[] {
  const text = does(f, n, 'en');
  const seen = new Set([text]);
  const out: number[] = [];
  for (let k = 1; k <= f.lesson.steps.length; k++) {
    const t = does(f, k, 'en');
    if (!seen.has(t)) out.push(k);
    seen.add(t);
  }
  return out;
}

function nextSpec(f: Facts, k: number): Spec {
  const id = f.lesson.id;
  const n = k + 1;
  return {
    kind: 'next',
    scenario: id,
    build: (rng, lang) => {
      // Step k is in the prompt: it is never a choice, so no wrong choice is true of the prompt.
      const others = shuffle(rng, otherSteps(f, n).filter((s) => does(f, s, 'en') !== does(f, k, 'en'))).slice(0, 3);
      const steps = shuffle(rng, [n, ...others]);
      return choiceQuestion(
        {
          id: `next:${id}:${k}`,
          kind: 'next',
          scenario: id,
          counter: null,
          prompt: Q.nextPrompt[lang](Q.stepHead[lang](id, k, does(f, k, lang))),
          explanation: Q.nextExplain[lang](n, does(f, n, lang), f.lesson.steps[n - 1].text[lang]),
          lang,
          revisit: learnAt(id, n),
        },
        steps.map((s) => does(f, s, lang)),
        steps.indexOf(n),
        (choice) => ({ misconception: NEXT_MISTAKE[lang](steps[choice]) }),
      );
    },
  };
}

/** Steps followed by one that reads differently, with three more of other text to make the wrong choices. */
export const nextSpecs = (f: Facts): Spec[] =>
  Array.from({ length: f.lesson.steps.length - 1 }, (_, i) => i + 1)
    .filter((k) => does(f, k, 'en') !== does(f, k + 1, 'en'))
    .filter((k) => otherSteps(f, k + 1).filter((s) => does(f, s, 'en') !== does(f, k, 'en')).length >= 3)
    .map((k) => nextSpec(f, k));
