import type { Mover } from '../../model/index.js';
import { moverMistake } from '../misconceptions.js';
import { blocksText, does, place, type Facts } from '../facts.js';
import { choiceQuestion, learnAt, type Spec } from '../question.js';
import { Q } from '../../i18n/quiz.js';
import { PUNCTUATION } from '../../i18n/punctuation.js';

const MOVERS: Mover[] = ['cpu', 'dma', 'none'];

function moverSpec(f: Facts, n: number): Spec {
  const id = f.lesson.id;
  return {
    kind: 'mover',
    scenario: id,
    build: (_rng, lang) => {
      const after = f.timeline[n];
      const t = after.transfer!;
      const actual = f.steps[n - 1].mover;
      const event = f.lesson.steps[n - 1].event.type;
      return choiceQuestion(
        {
          id: `mover:${id}:${n}`,
          kind: 'mover',
          scenario: id,
          counter: null,
          prompt: Q[lang].moverPrompt(id, n, blocksText(t.blocks), place(t.from, lang), place(t.to, lang)),
          // Chinese sentences follow one another without a space.
          explanation: PUNCTUATION[lang].sentences([Q[lang].moverExplain(n, does(f, n, lang)), f.lesson.steps[n - 1].text[lang]]),
          lang,
          revisit: learnAt(id, n),
        },
        [...Q[lang].moverChoices],
        MOVERS.indexOf(actual),
        (choice) => ({ misconception: MOVERS[choice] ? moverMistake(MOVERS[choice], actual, event, lang) : null }),
      );
    },
  };
}

/**
 * Steps where payload blocks move, or a reference or mapping to them, and not
 * by a device acting on its own. The place they come from held them before the
 * step: a mapping of a page cache still empty (mmap before the first read) or
 * of a device's registers is not the payload going anywhere.
 */
export const moverSpecs = (f: Facts): Spec[] =>
  f.lesson.steps.flatMap((_, i) => {
    const t = f.timeline[i + 1].transfer;
    const held = new Set(f.timeline[i].places[t?.from ?? 'disk'].map((h) => h.block));
    return t && t.kind !== 'device' && t.blocks.length && t.blocks.every((b) => held.has(b)) ? [moverSpec(f, i + 1)] : [];
  });
