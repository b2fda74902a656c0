import { COUNTER_KEYS, HARDWARE, completionPending, phaseOf, traceOf, type Counters, type EventType, type Location, type State } from '../model/index.js';
import type { LessonStep } from '../lessons/index.js';
import type { Level } from './types.js';

/** The first condition of a level a path does not meet, as data; src/i18n/challenge.ts says it. */
export type Unmet =
  | { kind: 'banned'; step: number; event: EventType }
  | { kind: 'notAt'; place: Location; block: string; own: boolean }
  | { kind: 'notUserMode' }
  | { kind: 'callOpen'; call: string }
  | { kind: 'completionPending' }
  | { kind: 'pinnedAtEnd'; block: string }
  | { kind: 'notModifiable'; block: string }
  | { kind: 'notReadable'; block: string }
  | { kind: 'notShared'; block: string }
  | { kind: 'movedOutsidePerChunk'; step: number }
  | { kind: 'limit'; counter: keyof Counters; max: number; count: number; perTransfer: boolean };

export interface PathVerdict {
  /** null when the path meets every condition. */
  unmet: Unmet | null;
  counts: Counters;
  perTransfer: Counters;
  steps: number;
}

/**
 * One condition of a level, as data (src/i18n/challenge.ts says it), and
 * what stops the path meeting it now, if anything does.
 */
export type Condition =
  | { kind: 'banned'; events: EventType[] }
  | { kind: 'at'; place: Location; blocks: string[]; own: boolean }
  | { kind: 'userMode' }
  | { kind: 'callsClosed' }
  | { kind: 'completion' }
  | { kind: 'canModify' }
  | { kind: 'canRead' }
  | { kind: 'shared' }
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
  const { timeline, end, phases: byPhase } = traceOf(script);
  const out: Check[] = [];
  const check = (condition: Condition, unmet: Unmet | null) => out.push({ condition, unmet });

  if (level.banned.length) {
    const banned = steps.findIndex((s) => level.banned.includes(s.event.type));
    check({ kind: 'banned', events: level.banned }, banned >= 0 ? { kind: 'banned', step: banned + 1, event: steps[banned].event.type } : null);
  }
  const { goal } = level;
  check({ kind: 'at', place: goal.at, blocks: goal.blocks ?? level.payload, own: goal.own }, goalMissing(level, end));
  if (goal.userMode) check({ kind: 'userMode' }, end.privilege !== 'user' || end.faultReturn !== null ? { kind: 'notUserMode' } : null);
  // Whatever the goal says, a program's run ends with every call it entered returned, as a lesson's does: a read() that never returns is a program that hangs.
  check({ kind: 'callsClosed' }, end.call !== null ? { kind: 'callOpen', call: end.call.name } : null);
  // docs/MODEL.md's interrupt rule holds for paths as for lessons: a finished transfer's completion is taken.
  // Pages a call left pinned (AIO, MSG_ZEROCOPY) are released once its completion is collected; only a kernel-bypass pool stays pinned.
  const leftPinned = end.userMapped.some((p) => HARDWARE.includes(p)) ? undefined : end.pageTable.find((p) => p.pinned);
  check({ kind: 'completion' }, completionPending(end) ? { kind: 'completionPending' } : leftPinned ? { kind: 'pinnedAtEnd', block: leftPinned.block } : null);
  if (goal.canModify) {
    // What went out must be the application's own bytes: each block reached the NIC by copies that start at its writable copy.
    const app = timeline.slice(1).reduce((had, s, i) => appBytesAfter(had, timeline[i], s), NO_APP_BYTES);
    const never = level.payload.find((b) => !app.nic?.includes(b));
    check({ kind: 'canModify' }, never !== undefined ? { kind: 'notModifiable', block: never } : null);
  }
  if (goal.canRead) {
    const never = level.payload.find((b) => !timeline.some((s) => readable(s, b)));
    check({ kind: 'canRead' }, never !== undefined ? { kind: 'notReadable', block: never } : null);
  }
  if (goal.shared) {
    // Every other block is still a page of the file mapped from the page cache: the process's private memory is the goal's pages alone.
    const goalBlocks = goal.blocks ?? level.payload;
    const privateToo = level.payload.find((b) => !goalBlocks.includes(b) && !end.pageTable.some((p) => p.block === b && p.frame === 'pageCache'));
    check({ kind: 'shared' }, privateToo !== undefined ? { kind: 'notShared', block: privateToo } : null);
  }
  if (Object.keys(level.perTransfer).length) {
    // What a program pays per chunk is what its transfer steps pay: a step that moves the payload cannot be called set-up to escape the limit.
    const outside = steps.findIndex((s, i) => phaseOf(s) !== 'transfer' && movedPayload(timeline[i + 1]));
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
export function judge(level: Level, steps: readonly LessonStep[]): PathVerdict {
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
    // A pipe holds page references (pipe_buffer): a reference there is the block in the pipe.
    const ok = h !== undefined && (h.as === 'data' || (at === 'pipe' && h.as === 'ref') || (at === 'user' && !own && present));
    if (!ok) return { kind: 'notAt', place: at, block, own };
  }
  return null;
}

/** The process holds `block` as bytes of its own that it may write: a private copy, not a mapping of the file's pages. */
export function ownsWritable(s: State, block: string): boolean {
  if (!s.places.user.some((h) => h.block === block && h.as === 'data')) return false;
  const entry = s.pageTable.find((p) => p.block === block);
  return entry === undefined || (entry.frame === 'user' && entry.writable);
}

/** The step that led to `s` moved payload: what a program pays for every chunk (a mapping moves nothing). */
export const movedPayload = (s: State): boolean => s.transfer !== null && s.transfer.kind !== 'mapping';

/** The process can read `block` in its own address space: its own bytes, or a mapping whose page is present. */
export function readable(s: State, block: string): boolean {
  const h = s.places.user.find((x) => x.block === block);
  return h?.as === 'data' || (h?.as === 'map' && s.pageTable.some((p) => p.block === block && p.present));
}

/** For each place, the blocks whose bytes there were copied from the application's own writable copy (at `nic`: ever handed to it so). */
export type AppBytes = Readonly<Partial<Record<Location, readonly string[]>>>;

export const NO_APP_BYTES: AppBytes = {};

/**
 * Where the application's own bytes are after the step from `before` to
 * `after`: a copy (by the CPU or a DMA, through descriptors or not) of a block
 * read from the process's writable copy, or from a place that holds the
 * application's bytes, carries them; a copy from anywhere else replaces them.
 * A change the program makes to its copy is what goes out only along such copies.
 */
export function appBytesAfter(had: AppBytes, before: State, after: State): AppBytes {
  const t = after.transfer;
  if (t === null || (t.kind !== 'cpu-copy' && t.kind !== 'dma-copy')) return had;
  const derived = (b: string) => (t.from === 'user' && ownsWritable(before, b)) || (had[t.from]?.includes(b) ?? false);
  const there = new Set(had[t.to] ?? []);
  for (const b of t.blocks) {
    if (derived(b)) there.add(b);
    // What reached the NIC from the application stays sent; other places' bytes are overwritten.
    else if (t.to !== 'nic') there.delete(b);
  }
  return { ...had, [t.to]: [...there].sort() };
}

// The par search (par.ts) asks the same questions of a state on the way as the judge asks of the last.
export { goalMissing };
