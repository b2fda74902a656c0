export * from './types.js';
export { EVENT_FIELDS, EVENT_TYPES, IRQ_SOURCES, type FieldKind, type FieldSpec } from './schema.js';
export { IllegalEvent, type KernelAction, type PinnedChange, type Refusal, type RefusalCode, type RefusalParams } from './refusals.js';
export { initialState, kindRefusal, step } from './step.js';
export { StepError, completionPending, moverOf, run, type Script } from './run.js';
export { movesOf, type Move } from './moves.js';
export { countsByPhase, phaseOf, phaseOrderBreak, callsOfPhase, type PhaseCounts } from './phases.js';
export { MAX_RW_COUNT, NotRepeatable, PAGE, PIPE_CAPACITY, ScaleRefused, callLimitOf, chunksOf, formulaText, formulaTexts, scaleRefusal, scaled, type CallLimit, type Formula, type Scale, type ScaleRefusal, type Scaled } from './scale.js';
export { DEFAULT_KNOBS, KNOB_NAMES, KNOB_VALUES, READERS_AS_WRITTEN, combinations, happens, knobFlags, knobsOf, knobsOfMachine, machineOf, touchesNic, turnedKnobs, variantOf, type Knobs, type ReaderStep, type SwitchKnob, type VariedStep } from './variant.js';
