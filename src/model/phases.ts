import type { Script } from './run.js';
import { COUNTER_KEYS, type Counters, type Phase, type State } from './types.js';

/** What each phase of a script adds to the counters; their sum is the script's total. */
export interface PhaseCounts {
  setup: Counters;
  perTransfer: Counters;
  teardown: Counters;
}

const zero = (): Counters => Object.fromEntries(COUNTER_KEYS.map((k) => [k, 0])) as unknown as Counters;

/** A step without a phase is part of the transfer: most scripts are nothing else. */
export const phaseOf = (step: Script['steps'][number]): Phase => step.phase ?? 'transfer';

/**
 * Each phase's share of the counters in `timeline` (run(script)): the script
 * moves one chunk, so its transfer steps are what a program pays per chunk.
 */
export function countsByPhase(script: Script, timeline: readonly State[]): PhaseCounts {
  const out = { setup: zero(), transfer: zero(), teardown: zero() };
  script.steps.forEach((s, i) => {
    const into = out[phaseOf(s)];
    for (const k of COUNTER_KEYS) into[k] += timeline[i + 1].counts[k] - timeline[i].counts[k];
  });
  return { setup: out.setup, perTransfer: out.transfer, teardown: out.teardown };
}

/** The system calls a script's steps of one phase make, in order; for `transfer`, what a program calls for every chunk. */
export function callsOfPhase(script: Script, phase: Phase): string[] {
  return script.steps.flatMap((s) => (phaseOf(s) === phase && s.event.type === 'syscall' ? [s.event.name] : []));
}

/**
 * The first step (0-based) whose phase comes before its predecessor's, or -1:
 * a script sets up, transfers, then tears down, and has at least one transfer step.
 */
export function phaseOrderBreak(script: Script): number {
  const order: Phase[] = ['setup', 'transfer', 'teardown'];
  let at = 0;
  for (const [i, s] of script.steps.entries()) {
    const rank = order.indexOf(phaseOf(s));
    if (rank < at) return i;
    at = rank;
  }
  return -1;
}
