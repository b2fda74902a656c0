import { DEFAULT_MACHINE, MACHINE_VALUES, type Event, type Machine, type Phase } from './types.js';

/**
 * What-if knobs (docs/MODEL.md, "Scale and what-if"): whether the file's pages are
 * already cached, and whether the NIC gathers. A lesson says, step by step,
 * which steps happen only with one value (`when`); the engine then runs the
 * variant on the machine the knobs describe and derives every count.
 */
export interface Knobs extends Pick<Machine, SwitchKnob> {
  /** How many consumers read the file (page-cache); left out, as many as the lesson shows. */
  readers?: number;
}

/** The machine's features a what-if turns, and a step's `when` may name: each takes one of the machine's values. */
export type SwitchKnob = 'cache' | 'nic';
export const KNOB_NAMES: readonly SwitchKnob[] = ['cache', 'nic'];
export const KNOB_VALUES: { [K in SwitchKnob]: readonly Knobs[K][] } = { cache: MACHINE_VALUES.cache, nic: MACHINE_VALUES.nic };
export const DEFAULT_KNOBS: Knobs = { cache: DEFAULT_MACHINE.cache, nic: DEFAULT_MACHINE.nic };

export interface VariedStep {
  event: Event;
  phase?: Phase;
  /** The knob values this step happens with; a knob it does not name, any. */
  when?: Partial<Pick<Knobs, SwitchKnob>>;
  /** `reader`: the steps one more reader makes (the lesson shows them once, for its second reader). */
  each?: 'reader';
}

/** Whether any step sends through, maps or hears from the NIC: a lesson that never does is the same whether it gathers or not. */
export const touchesNic = (steps: readonly VariedStep[]): boolean => steps.some((s) => Object.values(s.event).includes('nic'));

/** The knobs a lesson's steps depend on: only these may be turned for it. */
export function knobsOf(steps: readonly VariedStep[]): (keyof Knobs)[] {
  const readers = steps.some((s) => s.each === 'reader') ? (['readers'] as const) : [];
  return [...KNOB_NAMES.filter((k) => steps.some((s) => s.when?.[k] !== undefined)), ...readers];
}

/** How many readers a lesson shows as written: its first, and one more for its block of `each: reader` steps. */
export const READERS_AS_WRITTEN = 2;

export const happens = (s: Pick<VariedStep, 'when'>, knobs: Knobs): boolean => KNOB_NAMES.every((k) => s.when?.[k] === undefined || s.when![k] === knobs[k]);

/** The machine the knobs describe: a warm page cache, a NIC that gathers or not (a DMA controller either way). */
export function machineOf(knobs: Knobs): Machine {
  return { ...DEFAULT_MACHINE, cache: knobs.cache, nic: knobs.nic };
}

/** The knobs a machine answers to: the variant of a lesson that runs on it (a challenge's machine, say). */
export function knobsOfMachine(machine: Machine): Knobs {
  return { cache: machine.cache, nic: machine.nic };
}

/** A step of a `--readers` variant: which reader's block of `each: reader` steps it is part of (2 to N), if any. */
export type ReaderStep<S> = S & { reader?: number };

/** The steps that happen with `knobs`, as a script on the machine they describe. */
export function variantOf<S extends VariedStep>(payload: readonly string[], steps: readonly S[], knobs: Knobs): { payload: readonly string[]; steps: ReaderStep<S>[]; machine: Machine } {
  const kept = steps.filter((s) => happens(s, knobs));
  return { payload, steps: knobs.readers === undefined ? kept : withReaders(kept, knobs.readers), machine: machineOf(knobs) };
}

/**
 * The steps for `readers` consumers: the block of `each: reader` steps (one more
 * reader's, contiguous) made readers - 1 times, each copy marked with its reader;
 * one reader makes only the rest. One disk read serves them all (docs/MODEL.md,
 * "Scale and what-if").
 */
function withReaders<S extends VariedStep>(steps: readonly S[], readers: number): ReaderStep<S>[] {
  const first = steps.findIndex((s) => s.each === 'reader');
  if (first < 0) return [...steps];
  let end = first;
  while (end < steps.length && steps[end].each === 'reader') end++;
  const block = steps.slice(first, end);
  const copies = Array.from({ length: Math.max(0, readers - 1) }, (_, i) => block.map((s) => ({ ...s, reader: i + 2 })));
  return [...steps.slice(0, first), ...copies.flat(), ...steps.slice(end)];
}

/** Every combination of the values of `names` (for readers: as many as written, one and one more), the others at their defaults: what a lesson must run legally in. */
export function combinations(names: readonly (keyof Knobs)[]): Knobs[] {
  let out: Knobs[] = [{ ...DEFAULT_KNOBS }];
  for (const k of names) {
    const values: readonly unknown[] = k === 'readers' ? [undefined, 1, READERS_AS_WRITTEN + 1] : KNOB_VALUES[k];
    out = out.flatMap((base) => values.map((v) => (v === undefined ? base : { ...base, [k]: v })));
  }
  return out;
}

/** The knobs that differ from a lesson as written (as many readers as it shows is no change). */
export const turnedKnobs = (knobs: Knobs): (keyof Knobs)[] => [
  ...KNOB_NAMES.filter((k) => knobs[k] !== DEFAULT_KNOBS[k]),
  ...(knobs.readers === undefined || knobs.readers === READERS_AS_WRITTEN ? [] : (['readers'] as const)),
];

/** `--cache warm --readers 3`: the flags that open a variant again. */
export const knobFlags = (knobs: Knobs): string => turnedKnobs(knobs).map((k) => `--${k} ${knobs[k]}`).join(' ');
