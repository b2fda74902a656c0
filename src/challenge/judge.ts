import { COUNTER_KEYS, completionPending, countsByPhase, phaseOf, run, type Counters, type EventType, type Location, type State } from '../model/index.js';
import type { LessonStep } from '../lessons/index.js';
import type { Level } from './types.js';

/** The first condition of a level a path does not meet, as data; src/challenge/strings.ts says it. */
export type Unmet =
  | { kind: 'banned'; step: number; event: EventType }
  | { kind: 'notAt'; place: Location; block: string; own: boolean }
  | { kind: 'notUserMode' }
  | { kind: 'callOpen'; call: string }
  | { kind: 'completionPending' }
  | { kind: 'notModifiable'; block: string }
  | { kind: 'movedOutsidePerChunk'; step: number }
  | { kind: 'limit'; counter: keyof Counters; max: number; count: number; perTransfer: boolean };

export interface Verdict {
  /** null when the path meets every condition. */
  unmet: Unmet | null;
  counts: Counters;
  perTransfer: Counters;
  steps: number;
}

/**
 * One condition of a level, as data (src/challenge/strings.ts says it), and
 * what stops the path meeting it now, if anything does.
 */
export type Condition =
  | { kind: 'banned'; events: EventType[] }
  | { kind: 'at'; place: Location; blocks: string[]; own: boolean }
  | { kind: 'userMode' }
  | { kind: 'callsClosed' }
  | { kind: 'completion' }
  | { kind: 'canModify' }
  | { kind: 'perChunk' }
  | { kind: 'limit'; counter: keyof Counters; max: number; count: number; perTransfer: boolean };

export interface Check {
  condition: Condition;
  unmet: Unmet | null;
}

/**
 * Every condition of a level, checked against a path, in the fixed order the
 * judge reports them: banned events, then the goal, then the limits (total
 * before per transfer). Illegal steps throw the model's StepError (a broken
 * path, not a wrong one).
 */
export function checks(level: Level, steps: readonly LessonStep[]): { checks: Check[]; counts: Counters; perTransfer: Counters } {
  const script = { payload: level.payload, machine: level.machine, steps };
  const timeline = run(script);
  const end = timeline.at(-1)!;
  const byPhase = countsByPhase(script, timeline);
  const out: Check[] = [];
  const check = (condition: Condition, unmet: Unmet | null) => out.push({ condition, unmet });

  if (level.banned.length) {
    const banned = steps.findIndex((s) => level.banned.includes(s.event.type));
    check({ kind: 'banned', events: level.banned }, banned >= 0 ? { kind: 'banned', step: banned + 1, event: steps[banned].event.type } : null);
  }
  const { goal } = level;
  check({ kind: 'at', place: goal.at, blocks: goal.blocks ?? level.payload, own: goal.own }, goalMissing(level, end));
  if (goal.userMode) check({ kind: 'userMode' }, end.privilege !== 'user' || end.faultReturn !== null ? { kind: 'notUserMode' } : null);
  if (goal.callsClosed) check({ kind: 'callsClosed' }, end.openSyscall !== null ? { kind: 'callOpen', call: end.openSyscall } : null);
  // MODEL.md's interrupt rule holds for paths as for lessons: a finished transfer's completion is taken.
  check({ kind: 'completion' }, completionPending(end) ? { kind: 'completionPending' } : null);
  if (goal.canModify) {
    const never = level.payload.find((b) => !timeline.some((s) => ownsWritable(s, b)));
    check({ kind: 'canModify' }, never !== undefined ? { kind: 'notModifiable', block: never } : null);
  }
  if (Object.keys(level.perTransfer).length) {
    // What a program pays per chunk is what its transfer steps pay: a step that moves the payload cannot be called set-up to escape the limit.
    const outside = steps.findIndex((s, i) => phaseOf(s) !== 'transfer' && timeline[i + 1].transfer !== null && timeline[i + 1].transfer!.kind !== 'mapping');
    check({ kind: 'perChunk' }, outside >= 0 ? { kind: 'movedOutsidePerChunk', step: outside + 1 } : null);
  }
  for (const [limits, counts, perTransfer] of [
    [level.limits, end.counts, false],
    [level.perTransfer, byPhase.perTransfer, true],
  ] as const) {
    for (const counter of COUNTER_KEYS) {
      const max = limits[counter];
      if (max === undefined) continue;
      const count = counts[counter];
      check({ kind: 'limit', counter, max, count, perTransfer }, count > max ? { kind: 'limit', counter, max, count, perTransfer } : null);
    }
  }
  return { checks: out, counts: end.counts, perTransfer: byPhase.perTransfer };
}

/** Judges a path on a level's machine: the first condition it does not meet, in checks' order. */
export function judge(level: Level, steps: readonly LessonStep[]): Verdict {
  const c = checks(level, steps);
  return { unmet: c.checks.find((x) => x.unmet)?.unmet ?? null, counts: c.counts, perTransfer: c.perTransfer, steps: steps.length };
}

function goalMissing(level: Level, end: State): Unmet | null {
  const { at, own } = level.goal;
  for (const block of level.goal.blocks ?? level.payload) {
    // The NIC holds nothing once its transmit completes: what reached it is what it sent, or
    // holds still while its completion waits (which the completion condition then names).
    if (at === 'nic') {
      if (!end.sent.includes(block) && !end.places.nic.some((h) => h.block === block && h.as === 'data')) return { kind: 'notAt', place: at, block, own };
      continue;
    }
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
