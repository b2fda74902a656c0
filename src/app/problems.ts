import type { Knobs, ScaleRefusal } from '../model/index.js';

/**
 * What the application refuses to do with what it was asked, as data: the CLI
 * says it in the learner's language (src/cli/problems.ts), a screen may say it
 * its own way, and a test reads the code. No words here.
 */
export type AppProblem =
  | { code: 'unknownScenario'; name: string; guess: string | null }
  | { code: 'scenarioOrFile' }
  | { code: 'chunkNeedsSize' }
  | { code: 'badSize'; flag: 'size' | 'chunk'; raw: string }
  | { code: 'sizeTooLarge'; flag: 'size' | 'chunk'; max: number }
  | { code: 'chunkOverSize'; chunk: number; size: number }
  | { code: 'scaleRefused'; refusal: ScaleRefusal; id: string | null }
  | { code: 'badReaders'; raw: string; max: number }
  | { code: 'knobNotHere'; knob: keyof Knobs; value: string; id: string; taken: (keyof Knobs)[] }
  | { code: 'badCount'; raw: string; max: number }
  | { code: 'badSeed'; raw: string }
  | { code: 'badKind'; kind: string; guess: string | null }
  | { code: 'jsonNeedsReveal' }
  | { code: 'knobsCountOnly' }
  | { code: 'formatNeedsSheet' }
  | { code: 'seedOrStudent' }
  | { code: 'noStudent' }
  | { code: 'sheetWith'; option: string }
  | { code: 'gradeJsonOrCsv' }
  | { code: 'keyAndOptions'; option: string }
  | { code: 'notKey'; file: string }
  | { code: 'cannotRead'; file: string; why: string };

/** An AppProblem thrown out of a service deep in a call, to the command or the screen that asked. */
export class AppError extends Error {
  constructor(readonly problem: AppProblem) {
    super(problem.code);
    this.name = 'AppError';
  }
}

export const refuse = (problem: AppProblem): never => {
  throw new AppError(problem);
};
