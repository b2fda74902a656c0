import type { Lang } from '../i18n/lang.js';
import type { Counters, EventType, Mover } from '../model/index.js';
import { COUNT_MISTAKES, PREDICT_MISTAKES } from '../i18n/quiz.js';

/**
 * Steps that enter or leave the kernel without a system call: an interrupt
 * handler, a page fault and its return. They are the traps of "does this switch
 * modes?": the sources count only system-call transitions.
 */
export const UNCOUNTED_TRAPS: readonly EventType[] = ['handleInterrupt', 'pageFault', 'faultReturn'];

/**
 * What a wrong prediction reveals, in the learner's language. Predict mode in
 * `learn` and the quiz's explanations share these, so a learner hears the same
 * correction wherever they make the same mistake.
 */
export function moverMistake(predicted: Mover, actual: Mover, event: EventType, lang: Lang): string | null {
  if (predicted === actual) return null;
  const t = PREDICT_MISTAKES[lang].mover;
  const referenceMove = event === 'descriptorCopy' || event === 'pageRefMove' || event === 'mapPages' || event === 'faultIn';
  if (actual === 'dma') return predicted === 'cpu' ? t.dmaAsCpu : t.missedDma;
  if (actual === 'cpu') return predicted === 'dma' ? t.cpuAsDma : t.missedCpu;
  // Nobody moves payload bytes in this step.
  return referenceMove ? t.referenceAsCopy : t.noPayload;
}

export function modeMistake(predictedSwitch: boolean, actualSwitch: boolean, event: EventType, lang: Lang): string | null {
  if (predictedSwitch === actualSwitch) return null;
  const t = PREDICT_MISTAKES[lang].mode;
  if (actualSwitch) return event === 'sysret' ? t.returnSwitches : t.callSwitches;
  return UNCOUNTED_TRAPS.includes(event) ? t.trapAsSwitch : t.notCounted;
}

/** What the counts of a scenario are made of, for judging a wrong count. */
export interface CountFacts extends Counters {
  /** System calls that set things up rather than move the payload (pipe, setsockopt, mmap...). */
  setupCalls: number;
}

type CountCounter = 'cpuCopies' | 'dmaCopies' | 'modeSwitches' | 'syscalls';
export type CountMistake = keyof (typeof COUNT_MISTAKES)[Lang];

/**
 * Which known mistake a wrong count matches, if any: e.g. answering CPU + DMA
 * copies for the CPU copies, or the number of calls for the mode switches.
 */
export function countMistakeOf(counter: CountCounter, answered: number, f: CountFacts): CountMistake | null {
  const actual = f[counter];
  if (answered === actual) return null;
  switch (counter) {
    case 'cpuCopies':
      if (f.dmaCopies > 0 && answered === f.cpuCopies + f.dmaCopies) return 'dmaAsCpu';
      if (f.descriptorCopies > 0 && answered === f.cpuCopies + f.descriptorCopies) return 'refAsCopy';
      return null;
    case 'dmaCopies':
      if (f.cpuCopies > 0 && answered === f.cpuCopies + f.dmaCopies) return 'cpuAsDma';
      if (answered === 0 && f.dmaCopies > 0) return 'zeroDma';
      return null;
    case 'modeSwitches':
      if (answered === f.syscalls) return 'oneSwitchPerCall';
      if (answered > actual && (answered === actual + f.interrupts || answered === actual + 2 * f.interrupts ||
        answered === actual + f.pageFaults || answered === actual + 2 * f.pageFaults ||
        answered === actual + f.interrupts + f.pageFaults || answered === actual + 2 * (f.interrupts + f.pageFaults))) {
        return 'faultsAsSwitches';
      }
      if (f.setupCalls > 0 && answered === actual - 2 * f.setupCalls) return 'forgotSetup';
      return null;
    case 'syscalls':
      if (answered === f.modeSwitches) return 'switchesAsCalls';
      if (f.setupCalls > 0 && answered === actual - f.setupCalls) return 'forgotSetup';
      return null;
  }
}

export function countMistake(counter: CountCounter, answered: number, f: CountFacts, lang: Lang): string | null {
  const m = countMistakeOf(counter, answered, f);
  return m ? COUNT_MISTAKES[lang][m] : null;
}
