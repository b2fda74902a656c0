import { countsByPhase, phaseOf, type PhaseCounts } from './phases.js';
import type { Script } from './run.js';
import { COUNTER_KEYS, type Counters, type State } from './types.js';

/** A file of `size` bytes moved `chunk` bytes per call, as the lab's loops move it. */
export interface Scale {
  size: number;
  chunk: number;
}

/** One counter at scale: set-up + chunks x per chunk + teardown, the terms kept so the sum can be shown. */
export interface Formula {
  setup: number;
  chunks: number;
  perChunk: number;
  teardown: number;
  total: number;
}

export interface Scaled extends PhaseCounts {
  size: number;
  chunk: number;
  chunks: number;
  counts: Counters;
  formula: Record<keyof Counters, Formula>;
}

/** Why a lesson's transfer steps cannot be repeated: where the machine ends them differs from where it began them. */
export class NotRepeatable extends Error {
  constructor(readonly field: 'privilege' | 'openSyscall' | 'faultReturn' | 'dma' | 'interruptLine' | 'process') {
    super(`the transfer steps do not leave the machine as they found it (${field})`);
    this.name = 'NotRepeatable';
  }
}

/** chunks = ceil(size / chunk): each call moves one chunk, and the program knows the size (MODEL.md, "Scale and what-if"). */
export const chunksOf = ({ size, chunk }: Scale): number => Math.ceil(size / chunk);

/**
 * The counts of a program that moves the whole file: the script's set-up once,
 * its transfer steps once per chunk, its teardown once. The transfer phase is
 * simulated once and folded, not stepped `chunks` times: the machine must be
 * back in the shape it started the round in (the process out of any call and
 * fault, the DMA idle, no interrupt pending), which is what makes the next
 * round the same. The cost does not grow with the size.
 */
export function scaled(script: Script, timeline: readonly State[], scale: Scale): Scaled {
  const phases = countsByPhase(script, timeline);
  const first = script.steps.findIndex((s) => phaseOf(s) === 'transfer');
  let last = first;
  script.steps.forEach((s, i) => {
    if (phaseOf(s) === 'transfer') last = i;
  });
  const before = timeline[first];
  const after = timeline[last + 1];
  const shape = (s: State) => ({ privilege: s.privilege, openSyscall: s.openSyscall, faultReturn: s.faultReturn, dma: s.dma.status, interruptLine: s.interruptLine, process: s.process });
  const a = shape(before);
  const b = shape(after);
  for (const field of Object.keys(a) as (keyof typeof a)[]) if (a[field] !== b[field]) throw new NotRepeatable(field);

  const chunks = chunksOf(scale);
  const formula = {} as Record<keyof Counters, Formula>;
  const counts = {} as Counters;
  for (const k of COUNTER_KEYS) {
    const f = { setup: phases.setup[k], chunks, perChunk: phases.perTransfer[k], teardown: phases.teardown[k], total: 0 };
    f.total = f.setup + chunks * f.perChunk + f.teardown;
    formula[k] = f;
    counts[k] = f.total;
  }
  return { ...phases, size: scale.size, chunk: scale.chunk, chunks, counts, formula };
}

/** `2 + 16384 x 2`: set-up and teardown where not zero, and always the chunks, so the reader sees them multiply. Numbers only: no language. */
export function formulaText(f: Formula): string {
  return [...(f.setup ? [String(f.setup)] : []), `${f.chunks} x ${f.perChunk}`, ...(f.teardown ? [String(f.teardown)] : [])].join(' + ');
}

/** Every counter's formula as text: what the JSON of explain and compare carries. */
export const formulaTexts = (formula: Record<keyof Counters, Formula>): Record<keyof Counters, string> =>
  Object.fromEntries(COUNTER_KEYS.map((k) => [k, formulaText(formula[k])])) as Record<keyof Counters, string>;
