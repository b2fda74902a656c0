import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadCatalog } from '../src/lessons/index.js';
import {
  COUNTER_KEYS,
  DEFAULT_MACHINE,
  EVENT_FIELDS,
  EVENT_TYPES,
  IRQ_SOURCES,
  IllegalEvent,
  CONTRACTS,
  LOCATIONS,
  SYSCALLS,
  SYSCALL_ALIASES,
  initialState,
  run,
  step,
  tryStep,
  type Event,
  type EventType,
  type FieldKind,
  type HoldKind,
  type Location,
  type Machine,
  type Refusal,
  type State,
  type TransferKind,
} from '../src/model/index.js';
import { ROOT } from './helpers/cli.js';
import { refusalText } from '../src/i18n/refusals.js';

// Properties of the engine over random VALID event sequences. A sequence is made by drawing
// candidate events and keeping only those step() accepts, so the walk reaches deep states
// (DMA half done, pages faulted in, references moved) that a fully random list rarely does.
// Half of the walks start part-way through a shipped lesson, then wander off at random.
// About half run on the default machine; the rest on a machine that lacks gather or a DMA
// controller, or starts with the file cached, or any mix of these (what a challenge may set).

const LESSONS = loadCatalog(join(ROOT, 'lessons')).lessons;

const GOING_ON: readonly EventType[] = ['dmaTransfer', 'raiseInterrupt', 'handleInterrupt', 'sysret', 'faultReturn', 'run'];
const MOVES_PAYLOAD: readonly string[] = ['read', 'write', 'sendto', 'mmap', 'sendfile', 'splice', 'io_submit', 'ioctl', 'uf_get', 'uf_write'];

/** Any event the vocabulary allows for this payload (the lesson validator lets the same through). */
function eventFor(payload: readonly string[]): fc.Arbitrary<Event> {
  const value = (kind: FieldKind): fc.Arbitrary<unknown> => {
    switch (kind) {
      case 'place':
        return fc.constantFrom(...LOCATIONS);
      case 'name':
        // Every call the machine knows, the ones that move payload more often: a call that moves
        // nothing (pipe, poll, setsockopt) is a short stop, and a walk spent in them stays shallow.
        return fc.oneof(
          { arbitrary: fc.constantFrom(...SYSCALLS.filter((c) => MOVES_PAYLOAD.includes(c))), weight: 4 },
          { arbitrary: fc.constantFrom(...SYSCALLS), weight: 1 },
        );
      case 'block':
        return fc.constantFrom(...payload);
      case 'blocks':
        // In payload order, shuffled, or with repeats: the validator only checks each is a payload block.
        return fc.oneof(
          fc.subarray([...payload], { minLength: 1 }),
          fc.shuffledSubarray([...payload], { minLength: 1 }),
          fc.array(fc.constantFrom(...payload), { minLength: 1, maxLength: payload.length + 1 }),
        );
      case 'flag':
        return fc.boolean();
      case 'count':
        return fc.integer({ min: 1, max: payload.length + 1 });
      case 'irqSource':
        return fc.constantFrom(...IRQ_SOURCES);
    }
  };
  const anyOfType = fc.oneof(
    ...EVENT_TYPES.map((type) => {
      const fields = Object.entries(EVENT_FIELDS[type]);
      const model = Object.fromEntries(fields.map(([name, spec]) => [name, value(spec.kind)]));
      const requiredKeys = fields.filter(([, spec]) => spec.required).map(([name]) => name);
      const arbitrary = fc.record(model, { requiredKeys }).map((f) => ({ type, ...f }) as Event);
      // A sleep with no device working for the process ends the walk (nothing wakes it): drawn rarely.
      // What lets a blocked process or an open call go on (the device finishing, the return) often.
      return { arbitrary, weight: type === 'sleep' ? 1 : GOING_ON.includes(type) ? 8 : 4 };
    }),
  );
  // Inside a call most random moves break its contract; a third of the candidates are moves some
  // call allows (from/to as its contract names them, the other fields at random), so walks go deep.
  const allowedMove = fc.constantFrom(...CONTRACT_MOVES).chain((move) =>
    anyOfType.filter((e) => e.type === move.type).map((e) => ({ ...e, ...move }) as Event),
  );
  return fc.oneof({ arbitrary: anyOfType, weight: 2 }, { arbitrary: allowedMove, weight: 1 });
}

const KEY_TYPES: Record<string, EventType> = { cpu: 'cpuCopy', dma: 'programDma', desc: 'descriptorCopy', ref: 'pageRefMove', map: 'mapPages' };
/** Every move of every call's contract, as the fields of an event (`cpu:pageCache>user` is a cpuCopy from the page cache to the user buffer). */
const CONTRACT_MOVES: { type: EventType; from?: Location; to?: Location }[] = [
  ...new Set(Object.values(CONTRACTS).flatMap((c) => Object.keys(c.moves))),
].flatMap((key) => {
  const [kind, places] = key.split(':');
  if (places === undefined) return kind === 'pin' || kind === 'unpin' ? [{ type: kind as EventType }] : kind === 'pio' ? [{ type: 'deviceRead' as EventType }] : [];
  const [from, to] = places.split('>') as Location[];
  return [{ type: KEY_TYPES[kind], from, ...(to && { to }) }];
});

interface Plan {
  payload: string[];
  machine: Machine;
  /**
   * A prefix of a shipped lesson, applied first. Lessons are written for the default machine:
   * on another, the prefix stops at the first step that machine refuses.
   */
  prefix: Event[];
  /** Random events; step() decides which of them happen. */
  candidates: Event[];
}

const anyMachine: fc.Arbitrary<Machine> = fc.oneof(
  fc.constant(DEFAULT_MACHINE),
  fc.record({ dma: fc.boolean(), nic: fc.constantFrom<Machine['nic']>('sg', 'nosg'), cache: fc.constantFrom<Machine['cache']>('cold', 'warm') }),
);

const randomPlan: fc.Arbitrary<Plan> = fc
  .tuple(fc.constantFrom<string[]>(['A'], ['A', 'B'], ['A', 'B', 'C', 'D']), anyMachine)
  .chain(([payload, machine]) => fc.array(eventFor(payload), { maxLength: 400, size: 'max' }).map((candidates) => ({ payload, machine, prefix: [], candidates })));

const lessonPlan: fc.Arbitrary<Plan> = fc.tuple(fc.constantFrom(...LESSONS), anyMachine).chain(([lesson, machine]) =>
  fc
    .tuple(fc.integer({ min: 0, max: lesson.steps.length }), fc.array(eventFor(lesson.payload), { maxLength: 240, size: 'max' }))
    .map(([k, candidates]) => ({ payload: lesson.payload, machine, prefix: lesson.steps.slice(0, k).map((s) => s.event), candidates })),
);

const anyPlan = fc.oneof(randomPlan, lessonPlan);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface Walk {
  payload: string[];
  machine: Machine;
  /** The accepted events, in order: a valid script. */
  events: Event[];
  /** states[0] is the initial machine; states[i] the machine after events[i - 1]. Deep-frozen. */
  states: State[];
  /** Candidates the machine refused, with the (frozen) state it refused them in and that state's JSON before. */
  refused: { state: State; json: string; event: Event; refusal: Refusal }[];
}

/**
 * Plays a plan: every state handed to tryStep() is deep-frozen, so any write to
 * it throws. tryStep() answers a refusal as data: anything it throws is a bug,
 * and fails the walk.
 */
function walk(plan: Plan): Walk {
  const states = [deepFreeze(initialState(plan.payload, plan.machine))];
  const events: Event[] = [];
  const refused: Walk['refused'] = [];
  const onDefault = isDeepStrictEqual(plan.machine, DEFAULT_MACHINE);
  for (const event of plan.prefix) {
    const state = states.at(-1)!;
    const json = JSON.stringify(state);
    const result = tryStep(state, event);
    if (!result.ok) {
      // On its own machine a lesson never stops; on another, where the machine refuses it.
      if (onDefault) throw new Error(`a lesson's ${JSON.stringify(event)} was refused on the default machine: ${JSON.stringify(result.refusal)}`);
      refused.push({ state, json, event, refusal: result.refusal });
      break;
    }
    states.push(deepFreeze(result.state));
    events.push(event);
  }
  // The state's JSON is taken once per state, not per candidate: most candidates are refused in it.
  let json = JSON.stringify(states.at(-1));
  for (const event of plan.candidates) {
    const state = states.at(-1)!;
    const result = tryStep(state, event);
    if (!result.ok) {
      refused.push({ state, json, event, refusal: result.refusal });
      continue;
    }
    states.push(deepFreeze(result.state));
    events.push(event);
    json = JSON.stringify(result.state);
  }
  return { payload: plan.payload, machine: plan.machine, events, states, refused };
}

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };

describe('the generator reaches deep states', () => {
  test('walks get long and visit DMA, interrupts, faults, descriptors and mappings', () => {
    const walks = fc.sample(anyPlan.map(walk), { numRuns: 300, seed: 42 });
    const ends = walks.map((w) => w.states.at(-1)!);
    // Calls refuse what their contracts do not allow, so fewer random candidates are taken than
    // when a call was a label; what matters is below: every kind of deep state is reached.
    expect(Math.max(...walks.map((w) => w.events.length))).toBeGreaterThanOrEqual(30);
    expect(walks.filter((w) => w.events.length >= 20).length).toBeGreaterThanOrEqual(30);
    for (const key of COUNTER_KEYS) expect(ends.filter((s) => s.counts[key] >= 2).length).toBeGreaterThan(0);
    expect(ends.some((s) => s.pageTable.some((p) => p.pinned))).toBe(true);
    expect(ends.some((s) => s.places.socket.some((h) => h.as === 'ref'))).toBe(true);
    expect(ends.some((s) => s.places.user.some((h) => h.as === 'map'))).toBe(true);
    // The NIC holds bytes until its completion is taken, then lists them as sent.
    expect(ends.some((s) => s.places.nic.length > 0 || s.sent.length > 0)).toBe(true);
    // Every feature a challenge may take away is walked, and walked deep.
    const deepOn = (has: (m: Machine) => boolean) => walks.filter((w) => has(w.machine) && w.events.length >= 20).length;
    expect(deepOn((m) => m.nic === 'nosg')).toBeGreaterThanOrEqual(10);
    expect(deepOn((m) => !m.dma)).toBeGreaterThanOrEqual(10);
    expect(deepOn((m) => m.cache === 'warm')).toBeGreaterThanOrEqual(10);
    // Without gather the NIC is still reached (from the socket buffer's own bytes, or a bypass pool).
    expect(walks.some((w) => w.machine.nic === 'nosg' && (w.states.at(-1)!.places.nic.length > 0 || w.states.at(-1)!.sent.length > 0))).toBe(true);
  });
});

describe('books over random valid sequences', () => {
  test('no counter ever decreases; mode switches are two per finished call and one for an open call', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const { states } = walk(plan);
        for (let i = 1; i < states.length; i++) {
          const [prev, next] = [states[i - 1], states[i]];
          for (const key of COUNTER_KEYS) expect(next.counts[key]).toBeGreaterThanOrEqual(prev.counts[key]);
          expect(next.counts.modeSwitches).toBe(2 * next.counts.syscalls - (next.call === null ? 0 : 1));
          expect(next.syscallLog).toHaveLength(next.counts.syscalls);
        }
      }),
      RUNS,
    );
  });
});

/** Which transfer kinds each event may report; an event not listed moves nothing. */
const KINDS: Partial<Record<EventType, TransferKind[]>> = {
  deviceRead: ['device'],
  dmaTransfer: ['dma-copy'],
  cpuCopy: ['cpu-copy'],
  cowCopy: ['cpu-copy'],
  mapPages: ['mapping'],
  faultIn: ['mapping'],
  descriptorCopy: ['descriptor'],
  pageRefMove: ['reference'],
};

/** How a place holds what a transfer of this kind leaves there. */
const LEAVES: Record<TransferKind, HoldKind> = {
  'cpu-copy': 'data',
  'dma-copy': 'data',
  device: 'data',
  mapping: 'map',
  descriptor: 'ref',
  reference: 'ref',
};

const sameHolding = (a: object, b: object) => isDeepStrictEqual(a, b);

/**
 * Every holding that is new at a place after `event` (absent before, or held differently) must
 * be explained by the step's own `transfer`: one of its blocks, held the way that kind of
 * transfer leaves it, at its destination (or, for a write through a mapping, in the frame the
 * destination maps). Every holding that disappears must be a mapping undone by unmapPages or a
 * reference moved on by pageRefMove. Returns what is unexplained.
 */
function unexplained(prev: State, next: State, event: Event): string[] {
  const problems: string[] = [];
  const t = next.transfer;
  const allowed = KINDS[event.type] ?? [];
  if (t === null) {
    if (allowed.length) problems.push(`${event.type} reported no transfer`);
  } else {
    if (!allowed.includes(t.kind)) problems.push(`${event.type} reported a ${t.kind} transfer`);
    if (t.kind !== 'mapping') {
      // Bytes and references are made from something the source holds.
      for (const b of t.blocks) if (!prev.places[t.from].some((h) => h.block === b)) problems.push(`${t.kind} of ${b} from ${t.from}, which did not hold it`);
    } else {
      for (const b of t.blocks) if (!next.pageTable.some((p) => p.block === b && p.frame === t.from)) problems.push(`mapping of ${b} with no page backed by ${t.from}`);
    }
  }
  for (const place of LOCATIONS) {
    for (const h of next.places[place]) {
      if (prev.places[place].some((x) => sameHolding(x, h))) continue;
      const throughMap = (dest: Location) => prev.places[dest].some((x) => x.block === h.block && x.as === 'map' && x.target === place);
      const ok = t !== null && t.blocks.includes(h.block) && h.as === LEAVES[t.kind] && (place === t.to || (h.as === 'data' && throughMap(t.to)));
      if (!ok) problems.push(`${place} newly holds ${JSON.stringify(h)} after ${JSON.stringify(event)} with transfer ${JSON.stringify(t)}`);
    }
    for (const h of prev.places[place]) {
      if (next.places[place].some((x) => x.block === h.block)) continue;
      const unmapped = event.type === 'unmapPages' && place === 'user' && h.as === 'map' && h.target === event.from;
      const moved = event.type === 'pageRefMove' && place === event.from && h.as === 'ref';
      const sent = event.type === 'handleInterrupt' && prev.interruptLine === 'nic' && place === 'socket' && h.as === 'ref';
      // Device buffers drain: the CPU read the controller's bytes out, or the NIC's completion was taken and the bytes are on the wire.
      const drained = event.type === 'cpuCopy' && event.from === 'ctrl' && place === 'ctrl' && t?.blocks.includes(h.block);
      const transmitted = place === 'nic' && next.sent.includes(h.block) && (event.type === 'handleInterrupt' || event.type === 'pollStatus');
      if (!unmapped && !moved && !sent && !drained && !transmitted) problems.push(`${place} lost ${JSON.stringify(h)} after ${JSON.stringify(event)}`);
    }
  }
  return problems;
}

describe('system calls keep their contracts on every random legal walk (docs/MODEL.md "What a system call may do")', () => {
  /** What each step did, with the call it happened in and the state at that call's entry. */
  const stepsOf = (w: Walk) => {
    let atEntry = w.states[0];
    return w.events.map((event, i) => {
      const [prev, next] = [w.states[i], w.states[i + 1]];
      if (event.type === 'syscall') atEntry = prev;
      return { event, prev, next, call: prev.faultReturn === null ? (prev.call?.name ?? null) : null, atEntry };
    });
  };
  const pinned = (s: State) => s.pageTable.filter((p) => p.pinned).map((p) => p.block);

  test('what no call may do happens in none, and what a call needs was made before it', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const w = walk(plan);
        for (const { event: e, prev, next, call, atEntry } of stepsOf(w)) {
          const where = { event: e, call };
          // Only calls the machine knows are made.
          if (e.type === 'syscall') expect({ where, known: (SYSCALLS as readonly string[]).includes(e.name) || e.name in SYSCALL_ALIASES }).toEqual({ where, known: true });
          // The NIC is handed only a socket buffer, or the pool of a program that drives it from user mode.
          if (e.type === 'programDma' && e.to === 'nic') expect({ where, from: e.from === 'socket' || (e.from === 'user' && prev.privilege === 'user') }).toEqual({ where, from: true });
          if (e.type === 'cpuCopy' && e.to === 'nic') expect({ where, from: e.from === 'socket' || prev.privilege === 'user' }).toEqual({ where, from: true });
          // A buffered read fills the page cache first: nothing copies the controller straight into the user buffer.
          expect({ where, t: next.transfer?.kind === 'cpu-copy' && next.transfer.from === 'ctrl' && next.transfer.to === 'user' }).toEqual({ where, t: false });
          // What the kernel does for the call: a device going on with a transfer programmed before (kernel bypass) is not the call's.
          const moved = next.transfer && next.transfer.kind !== 'device' && e.type !== 'dmaTransfer' ? next.transfer : null;
          // read() never sends; sendfile() never touches the caller's buffer.
          if (call === 'read' && moved) expect({ where, to: ['socket', 'pipe', 'nic'].includes(moved.to) }).toEqual({ where, to: false });
          if (call === 'read' && e.type === 'programDma') expect({ where, nic: e.to === 'nic' }).toEqual({ where, nic: false });
          if (call === 'sendfile' && moved) expect({ where, user: [moved.from, moved.to, moved.via].includes('user') }).toEqual({ where, user: false });
          if (call === 'sendfile') expect({ where, pins: e.type === 'pin' }).toEqual({ where, pins: false });
          // splice() needs a pipe made earlier, and every reference it moves goes into the pipe or out of it.
          if (e.type === 'syscall' && e.name === 'splice') expect({ where, pipe: prev.syscallLog.includes('pipe') }).toEqual({ where, pipe: true });
          if (call === 'splice' && moved?.kind === 'reference') expect({ where, pipe: moved.from === 'pipe' || moved.to === 'pipe' }).toEqual({ where, pipe: true });
          // MSG_ZEROCOPY needs SO_ZEROCOPY set first; without it the send copies.
          if ((call === 'sendto' || call === 'send' || call === 'sendmsg') && e.type === 'pin') expect({ where, set: prev.syscallLog.includes('setsockopt') }).toEqual({ where, set: true });
          // A synchronous call releases the pins it took before it returns.
          if (e.type === 'sysret' && ['read', 'write', 'sendfile', 'splice', 'mmap'].includes(prev.call!.name)) {
            expect({ where, kept: pinned(next).filter((b) => !pinned(atEntry).includes(b)) }).toEqual({ where, kept: [] });
          }
          // In the page-fault handler the kernel only brings the page in and maps it.
          if (prev.faultReturn !== null) expect({ where, ok: !['descriptorCopy', 'pageRefMove', 'mapPages', 'unmapPages', 'pin'].includes(e.type) }).toEqual({ where, ok: true });
          // Device buffers drain: the controller once the CPU has read it, the NIC once its completion is taken.
          if (e.type === 'cpuCopy' && e.from === 'ctrl') expect({ where, left: next.places.ctrl.filter((h) => next.transfer!.blocks.includes(h.block)) }).toEqual({ where, left: [] });
          if (e.type === 'handleInterrupt' && prev.interruptLine === 'nic') expect({ where, nic: next.places.nic }).toEqual({ where, nic: [] });
        }
      }),
      RUNS,
    );
  });

  test('the walks reach the contracts they check', () => {
    const walks = fc.sample(anyPlan.map(walk), { numRuns: 300, seed: 7 });
    const all = walks.flatMap(stepsOf);
    for (const call of ['read', 'sendfile', 'splice', 'sendto', 'mmap', 'write']) expect({ call, steps: all.some((s) => s.call === call && s.next.transfer !== null) }).toEqual({ call, steps: true });
    expect(all.some((s) => s.event.type === 'handleInterrupt' && s.prev.interruptLine === 'nic')).toBe(true);
    expect(all.some((s) => s.event.type === 'cpuCopy' && s.event.from === 'ctrl')).toBe(true);
  });
});

describe('payload provenance over random valid sequences', () => {
  test('payload appears only where a step copied, transferred, referenced or mapped it', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const { states, events } = walk(plan);
        for (let i = 1; i < states.length; i++) expect(unexplained(states[i - 1], states[i], events[i - 1])).toEqual([]);
      }),
      RUNS,
    );
  });

  test('every copy starts where the bytes are; a place it read them through is named in via', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const { states, events } = walk(plan);
        for (let i = 1; i < states.length; i++) {
          const [prev, t] = [states[i - 1], states[i].transfer];
          if (t === null || (t.kind !== 'cpu-copy' && t.kind !== 'dma-copy')) continue;
          const where = `step ${i} (${JSON.stringify(events[i - 1])}): ${JSON.stringify(t)}`;
          for (const b of t.blocks) {
            const bytes = prev.places[t.from].some((h) => h.block === b && h.as === 'data');
            expect({ where, block: b, bytesAtSource: bytes }).toEqual({ where, block: b, bytesAtSource: true });
            if (t.via !== null) {
              const through = prev.places[t.via].some((h) => h.block === b && h.as !== 'data');
              expect({ where, block: b, referencedVia: through }).toEqual({ where, block: b, referencedVia: true });
            }
          }
          // The event's own place is the source, or the way to it.
          const named = events[i - 1];
          if (named.type === 'cpuCopy') expect({ where, named: [t.from, t.via].includes(named.from) }).toEqual({ where, named: true });
        }
      }),
      RUNS,
    );
  });

  test('a system call is always entered from user mode, never from the kernel or an interrupt handler', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const { states, events } = walk(plan);
        events.forEach((e, i) => {
          if (e.type !== 'syscall') return;
          const where = `step ${i + 1} (${e.name}) after ${JSON.stringify(events[i - 1] ?? null)}`;
          expect({ where, mode: states[i].cpu.mode }).toEqual({ where, mode: 'user' });
        });
      }),
      RUNS,
    );
  });

  test('pages are unpinned only when no descriptor still points at them', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const { states, events } = walk(plan);
        events.forEach((e, i) => {
          if (e.type !== 'unpin') return;
          const blocks = e.blocks ?? plan.payload;
          const pointing = (['socket', 'pipe', 'nic'] as const).filter((l) =>
            states[i].places[l].some((h) => h.as === 'ref' && blocks.includes(h.block) && states[i].pageTable.some((p) => p.block === h.block && p.frame === h.target)),
          );
          expect({ step: i + 1, pointing }).toEqual({ step: i + 1, pointing: [] });
        });
      }),
      RUNS,
    );
  });

  test('a finished DMA transfer is taken, by an interrupt or by polling, before the controller is programmed again', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const { states, events } = walk(plan);
        events.forEach((e, i) => {
          if (e.type === 'programDma') expect({ step: i + 1, status: states[i].dma.status }).toEqual({ step: i + 1, status: 'idle' });
        });
      }),
      RUNS,
    );
  });

  test('every reference points at another place that holds the bytes', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const { states, events } = walk(plan);
        states.forEach((s, i) => {
          for (const place of LOCATIONS) {
            for (const h of s.places[place]) {
              if (h.as !== 'ref') continue;
              const where = `${place} holds ${h.block} as a reference to ${h.target} after step ${i} (${JSON.stringify(events[i - 1])})`;
              expect({ where, selfReference: h.target === place }).toEqual({ where, selfReference: false });
              const bytes = s.places[h.target!].some((x) => x.block === h.block && x.as === 'data');
              expect({ where, bytesThere: bytes }).toEqual({ where, bytesThere: true });
            }
          }
        });
      }),
      RUNS,
    );
  });
});

describe('pinned pages and the machine over random valid sequences', () => {
  // A device reads and writes the frames it was handed; the pin is what keeps them in place.
  test('a pinned page keeps its frame, and only unpin ends its pin', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const { states, events } = walk(plan);
        for (let i = 1; i < states.length; i++) {
          const e = events[i - 1];
          const unpinned = e.type === 'unpin' ? (e.blocks ?? plan.payload) : [];
          for (const p of states[i - 1].pageTable.filter((x) => x.pinned)) {
            const after = states[i].pageTable.find((x) => x.block === p.block);
            const where = `step ${i} (${JSON.stringify(e)}), block ${p.block}`;
            expect({ where, frame: after?.frame, pinned: after?.pinned }).toEqual({ where, frame: p.frame, pinned: !unpinned.includes(p.block) });
          }
        }
      }),
      RUNS,
    );
  });

  /** Where a DMA at the user buffer reads or writes `block` in `s`: the page's own bytes, the frame it maps, or what it refers to. */
  const userSide = (s: State, block: string, toDevice: boolean): Location => {
    const h = s.places.user.find((x) => x.block === block);
    if (h?.as === 'map') return s.pageTable.find((p) => p.block === block)!.frame;
    // A write lands in the buffer itself, over a reference; a read follows it.
    if (h?.as === 'ref' && toDevice) return h.target!;
    return 'user';
  };

  test('a DMA programmed at the user buffer reads or writes each block where it was to when it was programmed', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const { states, events } = walk(plan);
        let given: Map<string, Location> | null = null;
        for (let i = 1; i < states.length; i++) {
          const [prev, next, e] = [states[i - 1], states[i], events[i - 1]];
          if (e.type === 'programDma' && next.dma.mar === 'user') {
            given = new Map(next.dma.queue.map((b) => [b, userSide(next, b, next.dma.toDevice)]));
          }
          if (e.type === 'dmaTransfer' && given !== null) {
            const t = next.transfer!;
            for (const b of t.blocks) {
              const where = `step ${i}, block ${b}: ${JSON.stringify(t)}`;
              const frame = given.get(b)!;
              const wrote = next.places[frame].some((h) => h.block === b && h.as === 'data');
              expect({ where, at: prev.dma.toDevice ? t.from : wrote ? frame : null }).toEqual({ where, at: frame });
            }
          }
          if (next.dma.status !== 'programmed') given = null;
        }
      }),
      RUNS,
    );
  });

  test('what a machine lacks, no walk uses: no DMA copy without a controller; without gather the NIC gets whole bytes from the socket buffer or a pinned pool', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const { machine, states, events } = walk(plan);
        for (let i = 1; i < states.length; i++) {
          const [prev, t] = [states[i - 1], states[i].transfer];
          const where = `step ${i} (${JSON.stringify(events[i - 1])}) on ${JSON.stringify(machine)}: ${JSON.stringify(t)}`;
          if (!machine.dma) expect({ where, kind: t?.kind ?? null }).not.toEqual({ where, kind: 'dma-copy' });
          if (machine.nic === 'sg' || t?.kind !== 'dma-copy' || t.to !== 'nic') continue;
          // One contiguous buffer, read where it is: no descriptor or mapping in between.
          expect({ where, from: ['socket', 'user'].includes(t.from), via: t.via }).toEqual({ where, from: true, via: null });
          if (t.from === 'user') for (const b of t.blocks) expect({ where, b, pinned: prev.pageTable.find((p) => p.block === b)?.pinned }).toEqual({ where, b, pinned: true });
        }
        if (!machine.dma) expect(states.at(-1)!.counts.dmaCopies).toBe(0);
      }),
      RUNS,
    );
  });
});

describe('determinism: stepping back and forward', () => {
  test('run() replays the walk exactly; re-stepping from timeline[i-1] gives timeline[i]', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const { payload, machine, events, states } = walk(plan);
        const script = { payload, machine, steps: events.map((event) => ({ event })) };
        const timeline = run(script);
        expect(timeline).toHaveLength(events.length + 1);
        // Replaying steps 1..i from the initial state, for every i at once: a fresh fold.
        let replay = initialState(payload, machine);
        expect(isDeepStrictEqual(replay, timeline[0])).toBe(true);
        for (let i = 1; i < timeline.length; i++) {
          replay = step(replay, events[i - 1]);
          if (!isDeepStrictEqual(replay, timeline[i])) expect(replay).toStrictEqual(timeline[i]);
          if (!isDeepStrictEqual(states[i], timeline[i])) expect(states[i]).toStrictEqual(timeline[i]);
        }
        // A learner going back and forth: read timeline[i - 1], step forward again. The frozen
        // timeline cannot be written to, and forward always lands on the same state.
        timeline.forEach(deepFreeze);
        for (let i = timeline.length - 1; i >= 1; i--) {
          const forward = step(timeline[i - 1], events[i - 1]);
          if (!isDeepStrictEqual(forward, timeline[i])) expect(forward).toStrictEqual(timeline[i]);
        }
        expect(isDeepStrictEqual(run(script), timeline)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('invalid events at random deep states', () => {
  test('are refused as data and never thrown, leaving the state untouched', () => {
    let refusals = 0;
    fc.assert(
      fc.property(anyPlan, (plan) => {
        // The states are frozen, so a write to one would be a TypeError thrown out of the walk, failing the property.
        const { refused } = walk(plan);
        for (const r of refused) {
          expect(refusalText(r.refusal, 'en')).toMatch(/\S/);
          expect(refusalText(r.refusal, 'zh')).toMatch(/\S/);
          expect(JSON.stringify(r.state)).toBe(r.json);
        }
        refusals += refused.length;
      }),
      RUNS,
    );
    expect(refusals).toBeGreaterThan(1000);
  });
});

describe('counterexamples the properties found, kept as fixed cases', () => {
  /** The file brought into the page cache from inside `call`, one whose contract fills it on a miss. */
  const fillIn = (call: string): Event[] => [
    { type: 'syscall', name: call },
    { type: 'programDma', from: 'disk', to: 'pageCache', block: true },
    { type: 'dmaTransfer' },
    { type: 'raiseInterrupt', source: 'dma' },
    { type: 'handleInterrupt' },
  ];
  const intoPageCache = fillIn('read');
  const play = (events: Event[]) => run({ payload: ['A', 'B', 'C', 'D'], steps: events.map((event) => ({ event })) }).at(-1)!;
  const refused = (state: State, event: Event, reason: RegExp) => {
    let caught: unknown;
    try {
      step(state, event);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IllegalEvent);
    expect(refusalText((caught as IllegalEvent).refusal, 'en')).toMatch(reason);
  };

  test('a reference cannot go to its own place, nor over the bytes it points at', () => {
    const s = play([...intoPageCache, { type: 'cpuCopy', from: 'pageCache', to: 'user' }]);
    refused(s, { type: 'pageRefMove', from: 'user', to: 'user' }, /two different places/);
    refused(s, { type: 'descriptorCopy', from: 'pageCache', to: 'pageCache' }, /two different places/);
    refused(s, { type: 'pageRefMove', from: 'disk', to: 'disk' }, /two different places/);
    // sendfile() may copy into the socket buffer or hand it descriptors, not both for one block.
    const sending = play([...fillIn('sendfile')]);
    const copied = step(sending, { type: 'cpuCopy', from: 'pageCache', to: 'socket' });
    refused(copied, { type: 'descriptorCopy', from: 'pageCache', to: 'socket' }, /already holds the bytes of block A/);
    // Where the bytes are not, a reference is fine.
    expect(step(sending, { type: 'descriptorCopy', from: 'pageCache', to: 'socket' }).places.socket[0]).toEqual({ block: 'A', as: 'ref', target: 'pageCache' });
  });

  test('mapping over user bytes the socket still points at is refused', () => {
    // MSG_ZEROCOPY sends the buffer by reference; mmap() over it before the completion would lose those bytes.
    const s = play([
      { type: 'syscall', name: 'setsockopt' },
      { type: 'sysret' },
      ...intoPageCache,
      { type: 'cpuCopy', from: 'pageCache', to: 'user' },
      { type: 'sysret' },
      { type: 'syscall', name: 'sendto' },
      { type: 'pin' },
      { type: 'descriptorCopy', from: 'user', to: 'socket' },
      { type: 'sysret' },
      { type: 'syscall', name: 'mmap' },
    ]);
    refused(s, { type: 'mapPages', from: 'pageCache' }, /socket buffer still points at block A in the user buffer/);
  });
});
