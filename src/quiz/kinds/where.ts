import { LANGS } from '../../i18n/lang.js';
import { PUNCTUATION } from '../../i18n/punctuation.js';
import { LOCATIONS, type Location, type State } from '../../model/index.js';
import { blocksText, brief, place, type Facts } from '../facts.js';
import { choiceQuestion, learnAt, type Spec } from '../question.js';
import { pick, shuffle } from '../rng.js';
import { Q, WHERE_DRAINED, WHERE_MISTAKE } from '../../i18n/quiz.js';

const holdsData = (s: State, l: Location) => s.places[l].some((h) => h.as === 'data');
const holdsAny = (s: State, l: Location) => s.places[l].length > 0;

/**
 * The places after step n that may be the answer: they hold payload bytes, are not
 * the disk the payload started on, and are not named by the prompt in either language.
 */
function answers(f: Facts, n: number): Location[] {
  const prompts = LANGS.map((lang) => [lang, brief(f, n, lang)] as const);
  return LOCATIONS.filter(
    (l) => l !== 'disk' && holdsData(f.timeline[n], l) && prompts.every(([lang, text]) => !text.includes(place(l, lang))),
  );
}

function whereSpec(f: Facts, n: number): Spec {
  const id = f.lesson.id;
  return {
    kind: 'where',
    scenario: id,
    build: (rng, lang) => {
      const s = f.timeline[n];
      const withData = LOCATIONS.filter((l) => holdsData(s, l));
      const right = pick(rng, answers(f, n));
      const empty = LOCATIONS.filter((l) => !holdsAny(s, l));
      const places = shuffle(rng, [right, ...shuffle(rng, empty).slice(0, 3)]);
      const held = withData.map((l) => `${place(l, lang)} ${blocksText(s.places[l].filter((h) => h.as === 'data').map((h) => h.block))}`);
      const pointers = LOCATIONS.filter((l) => holdsAny(s, l) && !holdsData(s, l)).map((l) => place(l, lang));
      return choiceQuestion(
        {
          id: `where:${id}:${n}`,
          kind: 'where',
          scenario: id,
          counter: null,
          // The step by its event: "DMA copy: disk -> page cache" would name the answer.
          prompt: Q[lang].wherePrompt(Q[lang].stepHead(id, n, brief(f, n, lang))),
          explanation: Q[lang].whereExplain(n, PUNCTUATION[lang].list(held), PUNCTUATION[lang].list(pointers)),
          lang,
          revisit: learnAt(id, n),
        },
        places.map((l) => place(l, lang)),
        places.indexOf(right),
        (choice) => {
          const l = places[choice];
          // Read off the places, so it follows the model however a device drains (its buffer, the NIC's transmit).
          let last = n - 1;
          while (last > 0 && !holdsData(f.timeline[last], l)) last--;
          if (last === 0) return { misconception: WHERE_MISTAKE[lang](place(l, lang)) };
          // Two steps tell it: the one that emptied the place, and this one.
          return { misconception: WHERE_DRAINED[lang](place(l, lang), last), revisit: learnAt(id, [last + 1, n]) };
        },
      );
    },
  };
}

/** Steps after which the payload is somewhere the prompt does not name, and at least three places hold none of it. */
export const whereSpecs = (f: Facts): Spec[] =>
  f.lesson.steps.flatMap((_, i) => {
    const n = i + 1;
    const s = f.timeline[n];
    return answers(f, n).length && LOCATIONS.filter((l) => !holdsAny(s, l)).length >= 3 ? [whereSpec(f, n)] : [];
  });
