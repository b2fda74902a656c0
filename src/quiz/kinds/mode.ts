import { UI } from '../../i18n/strings.js';
import type { State } from '../../model/index.js';
import { modeMistake } from '../misconceptions.js';
import { brief, type Facts } from '../facts.js';
import { choiceQuestion, learnAt, type Spec } from '../question.js';
import { Q } from '../strings.js';

/** The mode choices, in their fixed order: [mode, switched]. */
const MODES: [State['cpu']['mode'], boolean][] = [
  ['user', true],
  ['kernel', true],
  ['user', false],
  ['kernel', false],
];

function modeSpec(f: Facts, n: number): Spec {
  const id = f.lesson.id;
  return {
    kind: 'mode',
    scenario: id,
    build: (_rng, lang) => {
      const mode = f.timeline[n].cpu.mode;
      const switched = f.rises.modeSwitches.includes(n);
      const event = f.lesson.steps[n - 1].event.type;
      const modeName = UI.mode[lang][mode];
      return choiceQuestion(
        {
          id: `mode:${id}:${n}`,
          kind: 'mode',
          scenario: id,
          counter: null,
          // The step by its event: "read() returns to user mode" would state the answer.
          prompt: Q.modePrompt[lang](Q.stepHead[lang](id, n, brief(f, n, lang))),
          explanation: Q.modeExplain[lang](n, modeName, switched, f.timeline[n].counts.modeSwitches),
          lang,
          revisit: learnAt(id, n),
        },
        [...Q.modeChoices[lang]],
        MODES.findIndex(([m, s]) => m === mode && s === switched),
        (choice) => {
          const [, s] = MODES[choice];
          return { misconception: modeMistake(s, switched, event, lang) ?? Q.modeOnly[lang](modeName) };
        },
      );
    },
  };
}

export const modeSpecs = (f: Facts): Spec[] => f.lesson.steps.map((_, i) => modeSpec(f, i + 1));
