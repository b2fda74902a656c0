import { CALL_NEEDS, CONTRACTS, COUNTER_KEYS, HARDWARE, EVENT_FIELDS, EVENT_TYPES, initialState, made, movesOf, type Counters, type Event, type State } from '../model/index.js';
import type { LessonStep } from '../lessons/index.js';
import { everyLang } from '../i18n/lang.js';
import { NO_APP_BYTES, appBytesAfter, goalMissing, judge, movedPayload, ownsWritable, readable, type AppBytes } from './judge.js';
import type { Level, Par } from './types.js';

/**
 * How far the search goes. Its answer is the minimum over paths of at most
 * `maxSteps` steps (a level's proof uses the reference's own length: no path
 * as short as it takes fewer mode switches, none as cheap takes fewer steps);
 * past `maxExpanded` states it stops and says so rather than claim a minimum.
 */
export interface ParBound {
  maxSteps: number;
  maxExpanded: number;
}

/** What proving a level's par may cost: the shipped levels need at most about 9,000 states (challenges/FORMAT.md). */
export const PAR_MAX_EXPANDED = 20_000;

/** The bound a level's par is proved within: paths no longer than its reference solution. */
export const parBound = (par: Par): ParBound => ({ maxSteps: par.steps, maxExpanded: PAR_MAX_EXPANDED });

export type ParSearch =
  /** The fewest mode switches any passing path takes, then the fewest steps among those; `path` is one that does. */
  | { kind: 'proved'; par: Par; path: LessonStep[]; expanded: number }
  /** The bound stopped the search before a minimum was proved; `best` is the cheapest passing path found, if any. */
  | { kind: 'bound'; expanded: number; bound: ParBound };

interface Node {
  state: State;
  ms: number;
  steps: number;
  parent: Node | null;
  event: Event | null;
  /** Blocks the process could read at some state on the way (`canRead` reads the whole path). */
  seen: { read: number };
  /** Where the application's own bytes are (`canModify` follows them to the NIC); kept only on a level that asks. */
  app: AppBytes;
  /** Counts just before the first step that moved payload: where the transfer phase must start at the latest. Null before any. */
  base: Counters | null;
  /** The lower bound on what the rest of the path needs (estimate), taken once. */
  h: [number, number];
}

/**
 * The fewest mode switches, then the fewest steps, of any path the model
 * accepts that passes `level` (challenges/FORMAT.md's par). An A* search over
 * the model's legal moves (movesOf, as the challenge palette offers them, with
 * `names` as the system calls); whether a path passes is the judge's own verdict.
 *
 * States that differ only in what they record of the past are one state: the
 * key keeps what the machine and the level's conditions still read (the counters
 * a limit caps, which calls were made, which blocks the process has owned, how
 * much of a per-chunk limit the transfer phase has used).
 */
export function searchPar(level: Level, names: readonly string[], bound: ParBound = parBound(level.par)): ParSearch {
  const types = EVENT_TYPES.filter((t) => !level.banned.includes(t));
  const limited = COUNTER_KEYS.filter((k) => level.limits[k] !== undefined);
  const perChunk = COUNTER_KEYS.filter((k) => level.perTransfer[k] !== undefined);
  const start = initialState(level.payload, level.machine);
  const rootPart = { state: start, seen: seenOn(level, start, { read: 0 }), app: NO_APP_BYTES };
  const root: Node = { ...rootPart, ms: 0, steps: 0, parent: null, event: null, base: null, h: estimate(level, rootPart) };

  // Bucketed by (mode switches, steps) of g + h: costs are small whole numbers, so a bucket queue is the priority queue.
  const open: Node[][][] = [];
  const push = (n: Node) => ((open[n.ms + n.h[0]] ??= [])[n.steps + n.h[1]] ??= []).push(n);
  const pop = (): Node | undefined => {
    for (const byMs of open) {
      if (!byMs) continue;
      for (const bucket of byMs) if (bucket?.length) return bucket.pop();
    }
    return undefined;
  };
  const best = new Map<string, { ms: number; steps: number }>();
  const better = (key: string, n: { ms: number; steps: number }) => {
    const had = best.get(key);
    if (had && (had.ms < n.ms || (had.ms === n.ms && had.steps <= n.steps))) return false;
    best.set(key, { ms: n.ms, steps: n.steps });
    return true;
  };

  better(keyOf(root, limited, perChunk), root);
  push(root);
  let expanded = 0;

  for (let n = pop(); n; n = pop()) {
    if (n.h[0] === 0 && n.h[1] === 0) {
      const path = pathOf(n, perChunk.length > 0);
      if (judge(level, path).unmet === null) return { kind: 'proved', par: { modeSwitches: n.ms, steps: n.steps }, path, expanded };
    }
    if (expanded >= bound.maxExpanded) return { kind: 'bound', expanded, bound };
    expanded++;
    // Past the horizon is outside what the search claims: a minimum over paths of at most maxSteps steps.
    if (n.steps >= bound.maxSteps) continue;
    for (const type of types) {
      for (const { event, next } of movesOf(n.state, type, names, { whole: true, distinct: false }).moves) {
        if (limited.some((k) => next.counts[k] > level.limits[k]!)) continue;
        let base = n.base;
        if (movedPayload(next)) {
          base ??= n.state.counts;
          // Counters only grow: a move past a per-chunk limit can be saved by no later step.
          if (perChunk.some((k) => next.counts[k] - base![k] > level.perTransfer[k]!)) continue;
        }
        const part = { state: next, seen: seenOn(level, next, n.seen), app: level.goal.canModify ? appBytesAfter(n.app, n.state, next) : NO_APP_BYTES, base };
        const cost = { ms: next.counts.modeSwitches, steps: n.steps + 1 };
        if (better(keyOf(part, limited, perChunk), cost)) push({ ...part, ...cost, parent: n, event, h: estimate(level, part) });
      }
    }
  }
  // No passing path within the horizon: nothing is proved.
  return { kind: 'bound', expanded, bound };
}

/**
 * A lower bound on what the path still needs, as (mode switches, steps): each
 * thing left undone takes a step of its own, and an open call a sysret.
 * Zero means the state may already pass; the judge decides.
 */
function estimate(level: Level, n: Pick<Node, 'state' | 'seen' | 'app'>): [number, number] {
  const { goal } = level;
  const s = n.state;
  const mustReturn = s.call !== null;
  const missing = goalMissing(level, s) !== null;
  const steps = (mustReturn ? 1 : 0) + (s.faultReturn !== null && goal.userMode ? 1 : 0) + (s.dma.status === 'done' ? 1 : 0) + (missing ? stepsToGoal(level, s) : 0);
  const all = (1 << level.payload.length) - 1;
  const unmodified = goal.canModify && level.payload.some((b) => !n.app.nic?.includes(b));
  const unmet = missing || unmodified || (goal.canRead && n.seen.read !== all);
  const noOwnBytes = !level.payload.some((b) => ownsWritable(s, b)) && Object.values(n.app).every((blocks) => !blocks?.length);
  const cpuLeft = level.limits.cpuCopies === undefined || s.counts.cpuCopies < level.limits.cpuCopies;
  // With no CPU copy left, the program's own bytes come only from a DMA into its pages: inside a call whose contract moves
  // into the user buffer (no such call also sends), since no process may drive the disk itself here.
  const dmaIntoUser = s.dma.status !== 'idle' && s.dma.mar === 'user';
  if (unmodified && noOwnBytes && !cpuLeft && !dmaIntoUser && level.machine.bypass === false && NO_CALL_OWNS_AND_SENDS) {
    const openOwns = s.call !== null && Object.keys(CONTRACTS[s.call.contract].moves).some((m) => m.endsWith('>user'));
    const ms = (s.call !== null ? 1 : 0) + (openOwns ? 0 : 2) + 2;
    return [ms, Math.max(steps, ms)];
  }
  if (!unmet || !quiet(s)) return [mustReturn ? 1 : 0, steps];
  // Nothing runs but the program. The NIC is then reached only through a call (no device is mapped
  // into the process), and anything else too once no page, mapping or copy is left for user mode to use.
  const calls = (goal.at === 'nic' && (missing || unmodified)) || userModeIsStuck(s) ? 1 : 0;
  // Changing the bytes needs the program's own copy first, and no call both gives it one and sends (the contracts say so, below).
  const userCanCopy = cpuLeft && (s.userMapped.length > 0 || s.pageTable.some((p) => p.cow || !p.present));
  const ownCall = calls && unmodified && noOwnBytes && !userCanCopy && NO_CALL_OWNS_AND_SENDS ? 1 : 0;
  return [2 * (calls + ownCall), Math.max(steps, 2 * (calls + ownCall))];
}

/**
 * No call's contract both gives the program bytes of its own (a move into the
 * user buffer) and sends (a move into the socket buffer, a pipe or the NIC):
 * what lets the search count two calls where the bytes must be changed on the way.
 */
const NO_CALL_OWNS_AND_SENDS = Object.values(CONTRACTS).every((c) => {
  const moves = Object.keys(c.moves);
  const owns = moves.some((m) => m.endsWith('>user'));
  const sends = moves.some((m) => /(>socket|>pipe|>nic)$/.test(m));
  return !(owns && sends);
});

/**
 * The fewest steps that can still bring the goal's blocks where it wants them.
 * Into the NIC: handing them over (a DMA programmed, or the CPU's copy into a
 * programmed-I/O card), the transfer, and its completion taken are three
 * steps, two once the DMA is programmed; completions already due are counted
 * by the caller. Anywhere else, one step at least.
 */
function stepsToGoal(level: Level, s: State): number {
  if (level.goal.at !== 'nic') return 1;
  const blocks = level.goal.blocks ?? level.payload;
  const unsent = blocks.filter((b) => !s.sent.includes(b));
  if (unsent.every((b) => s.places.nic.some((h) => h.block === b))) return 0;
  if (s.dma.status === 'programmed' && s.dma.adr === 'nic' && unsent.every((b) => s.dma.queue.includes(b) || s.places.nic.some((h) => h.block === b))) return 2;
  return 3;
}

/**
 * The process runs in user mode with nothing under way: no call or fault open,
 * no device busy or waiting to be heard, no device mapped into it. Only the
 * program acts: a call, or a touch or copy of its own pages.
 */
function quiet(s: State): boolean {
  return (
    s.call === null &&
    s.faultReturn === null &&
    s.privilege === 'user' &&
    s.cpu.activity !== 'interrupt' &&
    s.dma.status === 'idle' &&
    s.interruptLine === null &&
    !s.deviceReady &&
    !s.nicSending &&
    !s.userMapped.some((p) => HARDWARE.includes(p))
  );
}

/** A quiet process with no kernel page mapped and none a touch would fault in: every event but a system call is refused or changes nothing a level reads (run). */
function userModeIsStuck(s: State): boolean {
  return s.userMapped.length === 0 && s.pageTable.every((p) => p.present && !p.cow);
}

function seenOn(level: Level, s: State, had: Node['seen']): Node['seen'] {
  const bits = (wanted: boolean, test: (s: State, b: string) => boolean, from: number) =>
    wanted ? level.payload.reduce((acc, b, i) => (test(s, b) ? acc | (1 << i) : acc), from) : 0;
  return { read: bits(level.goal.canRead, readable, had.read) };
}

/** What of a node the rest of a path can depend on. */
function keyOf(n: Pick<Node, 'state' | 'seen' | 'app' | 'base'>, limited: readonly (keyof Counters)[], perChunk: readonly (keyof Counters)[]): string {
  // The fields that only say what the last step was, or what is fixed for the run, are left out; anything else (new fields too) is kept.
  // What the CPU is doing matters to the machine only as whether it is in an interrupt handler (its mode and ring follow);
  // the calls made before, only as what a later call needs made (a pipe, SO_ZEROCOPY).
  const { machine: _m, payload: _p, transfer: _t, actor: _a, counts, syscallLog: _l, cpu, ...rest } = n.state;
  const used = n.base && perChunk.map((k) => counts[k] - n.base![k]);
  const needs = CALL_NEEDS.filter((need) => made(n.state, need));
  return JSON.stringify([rest, cpu.activity === 'interrupt', limited.map((k) => counts[k]), needs, n.seen, n.app, used]);
}

/**
 * The node's events as a path, with phases where the level limits a chunk:
 * the transfer phase is the shortest run of steps that holds every step moving
 * payload (what the judge requires), the steps before it set-up, after it teardown.
 */
function pathOf(n: Node, phased: boolean): LessonStep[] {
  const nodes: Node[] = [];
  for (let at: Node | null = n; at?.event; at = at.parent) nodes.unshift(at);
  const moving = nodes.flatMap((x, i) => (movedPayload(x.state) ? [i] : []));
  const first = moving[0] ?? 0;
  const last = moving.at(-1) ?? nodes.length - 1;
  return nodes.map((x, i) => ({
    event: x.event!,
    phase: !phased ? 'transfer' : i < first ? 'setup' : i > last ? 'teardown' : 'transfer',
    text: everyLang(() => ''),
  }));
}

/**
 * A path in a short, language-free form, one event after another as a level
 * file names them: `syscall read; programDma disk→pageCache block; dmaTransfer`.
 */
export function pathText(path: readonly LessonStep[]): string {
  return path.map(({ event }) => eventText(event)).join('; ');
}

function eventText(event: Event): string {
  const e = event as unknown as Record<string, unknown>;
  const parts: string[] = [event.type];
  if (e.from !== undefined && e.to !== undefined) parts.push(`${e.from}→${e.to}`);
  else if (e.from !== undefined) parts.push(String(e.from));
  for (const [f, spec] of Object.entries(EVENT_FIELDS[event.type])) {
    const v = e[f];
    if (v === undefined || f === 'from' || f === 'to') continue;
    if (spec.kind === 'blocks') parts.push((v as string[]).join(''));
    else if (spec.kind === 'flag') parts.push(v ? f : `${f}=false`);
    else if (spec.kind === 'count') parts.push(`${f}=${String(v)}`);
    else parts.push(String(v));
  }
  return parts.join(' ');
}
