import type { Lang } from '../i18n/lang.js';
import type { EventType, Mover } from '../model/index.js';
import { modeMistake, moverMistake } from './misconceptions.js';

export interface Prediction {
  mover: Mover;
  switches: boolean;
}

export interface Judgement {
  said: Prediction;
  moverRight: boolean;
  modeRight: boolean;
  mistakes: string[];
}

/** Checks a learn-mode prediction against what the step really did, naming any misconception. */
export function judgePrediction(said: Prediction, actual: Prediction & { event: EventType }, lang: Lang): Judgement {
  const mistakes = [moverMistake(said.mover, actual.mover, actual.event, lang), modeMistake(said.switches, actual.switches, actual.event, lang)];
  return {
    said,
    moverRight: said.mover === actual.mover,
    modeRight: said.switches === actual.switches,
    mistakes: mistakes.filter((m): m is string => m !== null),
  };
}
