import { COUNTER_KEYS, countsByPhase, run, type Counters, type EventType, type Location, type State } from '../model/index.js';
import type { LessonStep } from '../lessons/index.js';
import type { Level, Limits } from './types.js';

/** The first condition of a level a path does not meet, as data; src/challenge/strings.ts says it. */
export type Unmet =
  | { kind: 'banned'; step: number; event: EventType }
  | { kind: 'notAt'; place: Location; block: string; own: boolean }
  | { kind: 'notUserMode' }
  | { kind: 'callOpen'; call: string }
  | { kind: 'completionPending' }
  | { kind: 'notModifiable'; block: string }
  | { kind: 'limit'; counter: keyof Counters; max: number; count: number; perTransfer: boolean };

export interface Verdict {
  /** null when the path meets every condition. */
  unmet: Unmet | null;
  counts: Counters;
  perTransfer: Counters;
  steps: number;
}

/**
 * Judges a path on a level's machine. Illegal steps throw the model's StepError
 * (a broken path, not a wrong one). The conditions are checked in a fixed
 * order, so the first unmet one is the same on every run: banned events, then
 * the goal, then the limits.
 */
export function judge(level: Level, steps: readonly LessonStep[]): Verdict {
  const script = { payload: level.payload, machine: level.machine, steps };
  const timeline = run(script);
  const end = timeline.at(-1)!;
  const byPhase = countsByPhase(script, timeline);
  const verdict = (unmet: Unmet | null): Verdict => ({ unmet, counts: end.counts, perTransfer: byPhase.perTransfer, steps: steps.length });

  const banned = steps.findIndex((s) => level.banned.includes(s.event.type));
  if (banned >= 0) return verdict({ kind: 'banned', step: banned + 1, event: steps[banned].event.type });

  const missing = goalMissing(level, end);
  if (missing) return verdict(missing);
  if (level.goal.userMode && (end.privilege !== 'user' || end.faultReturn !== null)) return verdict({ kind: 'notUserMode' });
  if (level.goal.callsClosed && end.openSyscall !== null) return verdict({ kind: 'callOpen', call: end.openSyscall });
  // MODEL.md's interrupt rule holds for paths as for lessons: a finished transfer's completion is taken.
  if (end.dma.status === 'done') return verdict({ kind: 'completionPending' });
  if (level.goal.canModify) {
    const never = level.payload.find((b) => !timeline.some((s) => ownsWritable(s, b)));
    if (never !== undefined) return verdict({ kind: 'notModifiable', block: never });
  }

  return verdict(overLimit(level.limits, end.counts, false) ?? overLimit(level.perTransfer, byPhase.perTransfer, true));
}

function goalMissing(level: Level, end: State): Unmet | null {
  const { at, own } = level.goal;
  for (const block of level.goal.blocks ?? level.payload) {
    const h = end.places[at].find((x) => x.block === block);
    // A mapping counts as the bytes being in the user buffer only when its page is present (the program can read them).
    const present = h?.as === 'map' && end.pageTable.some((p) => p.block === block && p.present);
    const ok = h !== undefined && (h.as === 'data' || (at === 'user' && !own && present));
    if (!ok) return { kind: 'notAt', place: at, block, own };
  }
  return null;
}

/** The process holds `block` as bytes of its own that it may write: a private copy, not a mapping of the file's pages. */
function ownsWritable(s: State, block: string): boolean {
  if (!s.places.user.some((h) => h.block === block && h.as === 'data')) return false;
  const entry = s.pageTable.find((p) => p.block === block);
  return entry === undefined || (entry.frame === 'user' && entry.writable);
}

function overLimit(limits: Limits, counts: Counters, perTransfer: boolean): Unmet | null {
  for (const counter of COUNTER_KEYS) {
    const max = limits[counter];
    if (max !== undefined && counts[counter] > max) return { kind: 'limit', counter, max, count: counts[counter], perTransfer };
  }
  return null;
}
