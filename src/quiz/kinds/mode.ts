import { UI } from '../../i18n/strings.js';
import type { State } from '../../model/index.js';
import { UNCOUNTED_TRAPS, modeMistake } from '../misconceptions.js';
import { brief, type Facts } from '../facts.js';
import { choiceQuestion, learnAt, type Spec } from '../question.js';
import { type ModeWhy } from '../topics.js';
import { Q } from '../../i18n/quiz.js';

/** The mode choices, in their fixed order: [mode, switched]. */
const MODES: [State['cpu']['mode'], boolean][] = [
  ['user', true],
  ['kernel', true],
  ['user', false],
  ['kernel', false],
];

/** Why step n counts as a mode switch or not, read off the CPU's mode on either side of it. */
function whyOf(f: Facts, n: number, switched: boolean): ModeWhy {
  const [before, after] = [f.timeline[n - 1].cpu.mode, f.timeline[n].cpu.mode];
  if (switched) return 'call';
  if (before === 'user' && after === 'kernel') return 'trapIn';
  if (before === 'kernel' && after === 'user') return 'trapOut';
  return UNCOUNTED_TRAPS.includes(f.lesson.steps[n - 1].event.type) && before === 'kernel' && f.lesson.steps[n - 1].event.type !== 'faultReturn' ? 'trapInKernel' : 'same';
}

function modeSpec(f: Facts, n: number): Spec {
  const id = f.lesson.id;
  return {
    kind: 'mode',
    scenario: id,
    build: (_rng, lang) => {
      const mode = f.timeline[n].cpu.mode;
      const switched = f.rises.modeSwitches.includes(n);
      const event = f.lesson.steps[n - 1].event.type;
      const modeName = UI[lang].mode[mode];
      return choiceQuestion(
        {
          id: `mode:${id}:${n}`,
          kind: 'mode',
          scenario: id,
          counter: null,
          // The step by its event: "read() returns to user mode" would state the answer.
          prompt: Q[lang].modePrompt(Q[lang].stepHead(id, n, brief(f, n, lang))),
          explanation: Q[lang].modeExplain(n, modeName, whyOf(f, n, switched), f.timeline[n].counts.modeSwitches),
          lang,
          revisit: learnAt(id, n),
        },
        [...Q[lang].modeChoices],
        MODES.findIndex(([m, s]) => m === mode && s === switched),
        (choice) => {
          const [, s] = MODES[choice];
          return { misconception: modeMistake(s, switched, event, lang) ?? Q[lang].modeOnly(modeName) };
        },
      );
    },
  };
}

export const modeSpecs = (f: Facts): Spec[] => f.lesson.steps.map((_, i) => modeSpec(f, i + 1));
