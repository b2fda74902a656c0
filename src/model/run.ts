import type { Refusal } from './refusals.js';
import { initialState, tryStep } from './step.js';
import type { Event, Machine, Mover, Phase, State } from './types.js';

/** What the runner needs of a lesson: the payload's blocks and one event per step (and when it happens). */
export interface Script {
  payload: readonly string[];
  steps: readonly { event: Event; phase?: Phase }[];
  /** The hardware it runs on; lessons leave it out and get the default machine. */
  machine?: Machine;
}

/** An illegal event, with the 1-based step that holds it and why (said in words by src/i18n/refusals.ts). */
export class StepError extends Error {
  constructor(
    readonly step: number,
    readonly event: Event,
    readonly refusal: Refusal,
  ) {
    super(`step ${step} (${event.type}): ${refusal.code} ${JSON.stringify(refusal.params)}`);
    this.name = 'StepError';
  }
}

/**
 * The states of a script: timeline[0] is the machine before step 1, timeline[i]
 * the machine after step i. Stepping back is reading timeline[i - 1].
 */
export function run(script: Script): State[] {
  const timeline = [initialState(script.payload, script.machine)];
  script.steps.forEach(({ event }, i) => {
    const result = tryStep(timeline[i], event);
    if (!result.ok) throw new StepError(i + 1, event, result.refusal);
    timeline.push(result.state);
  });
  return timeline;
}

/** Why the machine refuses `event` in `state`, or null when it takes it. */
export function refusalIn(state: State, event: Event): Refusal | null {
  const result = tryStep(state, event);
  return result.ok ? null : result.refusal;
}

/** Who moves payload bytes in the step that produced `state`. */
/**
 * docs/MODEL.md's interrupt rule: every DMA transfer that completes has its completion
 * taken, by an interrupt or by polling. A path that ends with one finished and not
 * taken is not a whole program.
 */
export const completionPending = (state: State): boolean => state.dma.status === 'done' || state.nicSending;

export function moverOf(state: State): Mover {
  switch (state.transfer?.kind) {
    case 'cpu-copy':
      return 'cpu';
    case 'dma-copy':
      return 'dma';
    default:
      return 'none';
  }
}
