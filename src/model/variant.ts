import { DEFAULT_MACHINE, type Event, type Machine, type Phase } from './types.js';

/**
 * What-if knobs (MODEL.md, "Scale and what-if"): whether the file's pages are
 * already cached, and whether the NIC gathers. A lesson says, step by step,
 * which steps happen only with one value (`when`); the engine then runs the
 * variant on the machine the knobs describe and derives every count.
 */
export interface Knobs {
  cache: 'cold' | 'warm';
  nic: 'sg' | 'nosg';
}

export const KNOB_VALUES: { [K in keyof Knobs]: readonly Knobs[K][] } = { cache: ['cold', 'warm'], nic: ['sg', 'nosg'] };
export const KNOB_NAMES = Object.keys(KNOB_VALUES) as (keyof Knobs)[];
export const DEFAULT_KNOBS: Knobs = { cache: 'cold', nic: 'sg' };

export interface VariedStep {
  event: Event;
  phase?: Phase;
  /** The knob values this step happens with; a knob it does not name, any. */
  when?: Partial<Knobs>;
}

/** The knobs a lesson's steps depend on: only these may be turned for it. */
export function knobsOf(steps: readonly VariedStep[]): (keyof Knobs)[] {
  return KNOB_NAMES.filter((k) => steps.some((s) => s.when?.[k] !== undefined));
}

export const happens = (s: VariedStep, knobs: Knobs): boolean => KNOB_NAMES.every((k) => s.when?.[k] === undefined || s.when[k] === knobs[k]);

/** The machine the knobs describe: a warm page cache, a NIC that gathers or not (a DMA controller either way). */
export function machineOf(knobs: Knobs): Machine {
  return { ...DEFAULT_MACHINE, cache: knobs.cache, gather: knobs.nic === 'sg' };
}

/** The knobs a machine answers to: the variant of a lesson that runs on it (a challenge's machine, say). */
export function knobsOfMachine(machine: Machine): Knobs {
  return { cache: machine.cache, nic: machine.gather ? 'sg' : 'nosg' };
}

/** The steps that happen with `knobs`, as a script on the machine they describe. */
export function variantOf<S extends VariedStep>(payload: readonly string[], steps: readonly S[], knobs: Knobs): { payload: readonly string[]; steps: S[]; machine: Machine } {
  return { payload, steps: steps.filter((s) => happens(s, knobs)), machine: machineOf(knobs) };
}

/** Every combination of the values of `names`, the others at their defaults: what a lesson must run legally in. */
export function combinations(names: readonly (keyof Knobs)[]): Knobs[] {
  let out: Knobs[] = [{ ...DEFAULT_KNOBS }];
  for (const k of names) out = out.flatMap((base) => KNOB_VALUES[k].map((v) => ({ ...base, [k]: v })));
  return out;
}
