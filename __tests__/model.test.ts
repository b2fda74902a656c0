import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  COUNTER_KEYS,
  EVENT_FIELDS,
  EVENT_TYPES,
  IllegalEvent,
  LOCATIONS,
  StepError,
  combinations,
  completionPending,
  countsByPhase,
  initialState,
  movesOf,
  run,
  step,
  tryStep,
  variantOf,
  type Event,
  type State,
} from '../src/model/index.js';
import { refusalText } from '../src/i18n/refusals.js';
import { loadCatalog, loadLessonFile } from '../src/lessons/index.js';
import { join } from 'node:path';
import { ROOT } from './helpers/cli.js';

const ABCD = ['A', 'B', 'C', 'D'];

/** A cached file read and written by the CPU alone, to the NIC itself: the path of a machine without DMA. */
const CPU_HANDS_THE_NIC: Event[] = [
  { type: 'syscall', name: 'read' },
  { type: 'cpuCopy', from: 'pageCache', to: 'user' },
  { type: 'sysret' },
  { type: 'syscall', name: 'write' },
  { type: 'cpuCopy', from: 'user', to: 'socket' },
  { type: 'cpuCopy', from: 'socket', to: 'nic' },
];

/** Where `events` on `machine`, over ABCD, stop: the step the machine refuses and its refusal, or null when it takes them all. */
function refusalOf(machine: State['machine'], events: Event[]) {
  try {
    run({ payload: ABCD, machine, steps: events.map((event) => ({ event })) });
  } catch (error) {
    if (error instanceof StepError) return { step: error.step, refusal: error.refusal };
    throw error;
  }
  return null;
}

/** Applies events in order, as a lesson would. */
function play(events: Event[], payload = ABCD): State {
  return run({ payload, steps: events.map((event) => ({ event })) }).at(-1)!;
}

/** The events that bring the whole file into the page cache from inside `call`, one whose contract fills it on a miss (read by default). */
const fillPageCache = (call = 'read'): Event[] => [
  { type: 'syscall', name: call },
  { type: 'programDma', from: 'disk', to: 'pageCache', block: true },
  { type: 'dmaTransfer' },
  { type: 'raiseInterrupt', source: 'dma' },
  { type: 'handleInterrupt' },
];
const readIntoPageCache = fillPageCache('read');
/** sendfile() with the file cached: its contract moves the page cache to the socket buffer. */
const sendfileFromPageCache = fillPageCache('sendfile');
/** mmap() with the file cached (as MAP_POPULATE reads it in): its contract maps the page cache. */
const mmapPageCache = fillPageCache('mmap');
/** An O_DIRECT read() up to its DMA's completion: the file's bytes in pinned user pages, the call still open. */
const directFilled: Event[] = [
  { type: 'syscall', name: 'read' },
  { type: 'pin' },
  { type: 'programDma', from: 'disk', to: 'user', block: true },
  { type: 'dmaTransfer' },
  { type: 'raiseInterrupt', source: 'dma' },
  { type: 'handleInterrupt' },
];
/** aio-direct's shape: an O_DIRECT read submitted, its DMA finishing while the program runs, its handler in ring 0. */
const aioCompleted: Event[] = [
  { type: 'syscall', name: 'io_submit' },
  { type: 'pin' },
  { type: 'programDma', from: 'disk', to: 'user' },
  { type: 'sysret' },
  { type: 'dmaTransfer' },
  { type: 'raiseInterrupt', source: 'dma' },
  { type: 'handleInterrupt' },
];

function rejects(events: Event[], reason: RegExp, payload = ABCD) {
  let caught: unknown;
  try {
    play(events, payload);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(StepError);
  const e = caught as StepError;
  expect(e.step).toBe(events.length);
  expect(e.message).toContain(`step ${events.length} (${events.at(-1)!.type})`);
  expect(refusalText(e.refusal, 'en')).toMatch(reason);
}

describe('the initial machine', () => {
  test('has the payload on disk, the process running in user mode, nothing counted', () => {
    const s = initialState(ABCD);
    expect(s.places.disk.map((h) => h.block)).toEqual(ABCD);
    expect(s.places.disk.every((h) => h.as === 'data')).toBe(true);
    expect(s.cpu).toEqual({ mode: 'user', ring: 3, activity: 'running' });
    expect(s.process).toBe('running');
    for (const key of COUNTER_KEYS) expect(s.counts[key]).toBe(0);
    for (const place of LOCATIONS.filter((l) => l !== 'disk')) expect(s.places[place]).toEqual([]);
  });

  test('refuses an empty or repeated payload', () => {
    expect(() => initialState([])).toThrow(IllegalEvent);
    let repeated: unknown;
    try {
      initialState(['A', 'A']);
    } catch (error) {
      repeated = error;
    }
    expect(repeated).toBeInstanceOf(IllegalEvent);
    expect(refusalText((repeated as IllegalEvent).refusal, 'en')).toMatch(/distinct/);
  });

  test('an event of a type it does not know is refused as data, not thrown, whatever the name', () => {
    // A name every object inherits is not a handler: the type must be one of the machine's own.
    for (const type of ['jump', 'toString', 'constructor']) {
      const event = { type } as unknown as Event;
      expect(tryStep(initialState(ABCD), event)).toEqual({ ok: false, refusal: { code: 'unknownEvent', params: { event: JSON.stringify(event) } } });
    }
  });
});

describe('system calls', () => {
  test('each call costs one switch in and one out, and is logged by name', () => {
    const s = play([
      { type: 'syscall', name: 'pipe' },
      { type: 'sysret', name: 'pipe' },
      { type: 'syscall', name: 'splice' },
    ]);
    expect(s.counts.syscalls).toBe(2);
    expect(s.counts.modeSwitches).toBe(3);
    expect(s.syscallLog).toEqual(['pipe', 'splice']);
    expect(s.cpu).toMatchObject({ mode: 'kernel', ring: 0 });
    expect(s.call?.name).toBe('splice');
  });

  test('returning from a call never entered is rejected', () => {
    rejects([{ type: 'sysret' }], /never entered/);
  });

  test('a call cannot start inside another, nor return under another name', () => {
    rejects([{ type: 'syscall', name: 'read' }, { type: 'syscall', name: 'write' }], /still inside read/);
    rejects([{ type: 'syscall', name: 'read' }, { type: 'sysret', name: 'write' }], /open system call is read/);
  });

  test('a call is made from user mode: not from inside an interrupt handler, even one that interrupted user code', () => {
    const submit = aioCompleted;
    rejects([...submit, { type: 'syscall', name: 'io_getevents' }], /called by the program, in user mode; the CPU is still in kernel mode/);
    const s = play([...submit, { type: 'run' }, { type: 'syscall', name: 'io_getevents' }]);
    expect(s.call?.name).toBe('io_getevents');
  });
});

describe('the interrupt rule', () => {
  const sendToNic: Event[] = [
    ...sendfileFromPageCache,
    { type: 'cpuCopy', from: 'pageCache', to: 'socket' },
    { type: 'programDma', from: 'socket', to: 'nic' },
    { type: 'dmaTransfer' },
  ];

  test('the NIC signals its own transmit completion; the DMA controller does not', () => {
    rejects([...sendToNic, { type: 'raiseInterrupt', source: 'dma' }], /its transmit-complete interrupt comes from the NIC/);
    const s = play([...sendToNic, { type: 'raiseInterrupt', source: 'nic' }]);
    expect(s.actor).toBe('nic');
    expect(play([...sendToNic, { type: 'raiseInterrupt', source: 'nic' }, { type: 'handleInterrupt' }]).counts.interrupts).toBe(2);
    rejects([...readIntoPageCache.slice(0, 3), { type: 'raiseInterrupt', source: 'nic' }], /was not for the NIC/);
  });

  test('a finished transfer must be taken before the controller is programmed again', () => {
    const unblocked: Event[] = [
      { type: 'syscall', name: 'sendfile' },
      { type: 'programDma', from: 'disk', to: 'pageCache' },
      { type: 'dmaTransfer' },
    ];
    // Nor are the pages it wrote used before then: the interrupt says they are up to date.
    rejects([...unblocked, { type: 'cpuCopy', from: 'pageCache', to: 'socket' }], /has not had its completion taken/);
    rejects([...unblocked, { type: 'programDma', from: 'socket', to: 'nic' }], /nobody has taken its completion/);
    // The kernel takes it by the interrupt; polling the status is for a program that drives the device itself (DPDK).
    rejects([...unblocked, { type: 'pollStatus' }], /the kernel takes a finished DMA transfer's completion by its interrupt/);
    const taken: Event[] = [
      ...unblocked,
      { type: 'raiseInterrupt', source: 'dma' },
      { type: 'handleInterrupt' },
      { type: 'cpuCopy', from: 'pageCache', to: 'socket' },
      { type: 'programDma', from: 'socket', to: 'nic' },
    ];
    expect(play(taken).dma.status).toBe('programmed');
  });
});

describe('fault-around', () => {
  test('maps with the faulting page only the pages already cached when the fault was taken', () => {
    const mapped: Event[] = [
      { type: 'syscall', name: 'mmap' },
      { type: 'mapPages', from: 'pageCache', lazy: true },
      { type: 'sysret' },
      { type: 'pageFault', block: 'A' },
      { type: 'programDma', from: 'disk', to: 'pageCache', block: true },
      { type: 'dmaTransfer' },
      { type: 'raiseInterrupt', source: 'dma' },
      { type: 'handleInterrupt' },
    ];
    rejects([...mapped, { type: 'faultIn', blocks: ['A', 'B'] }], /block B arrived during this fault/);
    const first = play([...mapped, { type: 'faultIn' }]);
    expect(first.pageTable.filter((p) => p.present).map((p) => p.block)).toEqual(['A']);
    // The next touch faults again and finds B, C and D cached: fault-around maps them all.
    const second = play([...mapped, { type: 'faultIn' }, { type: 'faultReturn' }, { type: 'pageFault', block: 'B' }, { type: 'faultIn' }]);
    expect(second.pageTable.filter((p) => p.present).map((p) => p.block)).toEqual(ABCD);
    expect(second.counts.pageFaults).toBe(2);
  });
});

describe('where a copy reads from', () => {
  test('a gather DMA reads the page cache through the socket buffer\'s descriptors, and says so', () => {
    const s = play([
      ...sendfileFromPageCache,
      { type: 'descriptorCopy', from: 'pageCache', to: 'socket' },
      { type: 'programDma', from: 'socket', to: 'nic' },
      { type: 'dmaTransfer' },
    ]);
    expect(s.transfer).toEqual({ kind: 'dma-copy', from: 'pageCache', to: 'nic', via: 'socket', blocks: ABCD });
  });

  test('a CPU copy through a mapping reads the frame the mapping points at', () => {
    const s = play([
      ...mmapPageCache,
      { type: 'mapPages', from: 'pageCache' },
      { type: 'sysret' },
      { type: 'syscall', name: 'write' },
      { type: 'cpuCopy', from: 'user', to: 'socket' },
    ]);
    expect(s.transfer).toEqual({ kind: 'cpu-copy', from: 'pageCache', to: 'socket', via: 'user', blocks: ABCD });
  });
});

describe('privilege', () => {
  test('user mode cannot touch a kernel buffer that is not mapped', () => {
    rejects([...readIntoPageCache, { type: 'sysret' }, { type: 'cpuCopy', from: 'pageCache', to: 'user' }], /user mode cannot touch the page cache/);
  });

  test('user mode may reach a kernel place once it is mapped into the process', () => {
    const s = play([
      ...mmapPageCache,
      { type: 'mapPages', from: 'pageCache', blocks: ['A', 'B'] },
      { type: 'sysret' },
      { type: 'cpuCopy', from: 'pageCache', to: 'user', blocks: ['C', 'D'] },
    ]);
    expect(s.userMapped).toEqual(['pageCache']);
    expect(s.cpu.mode).toBe('user');
    expect(s.counts.cpuCopies).toBe(1);
    expect(s.places.user.map((h) => `${h.block}:${h.as}`)).toEqual(['A:map', 'B:map', 'C:data', 'D:data']);
  });

  test('programming the DMA controller needs kernel mode', () => {
    rejects([{ type: 'programDma', from: 'disk', to: 'pageCache' }], /kernel mode/);
  });

  test('the CPU cannot address the disk directly', () => {
    rejects([{ type: 'syscall', name: 'read' }, { type: 'cpuCopy', from: 'disk', to: 'pageCache' }], /controller reads it/);
  });
});

describe('DMA', () => {
  test('a transfer with nothing programmed is rejected', () => {
    rejects([{ type: 'dmaTransfer' }], /nothing programmed/);
  });

  test('MAR, ADR and WC are set by programming and WC counts down to one DMA copy', () => {
    const programmed = play(readIntoPageCache.slice(0, 2));
    expect(programmed.dma).toMatchObject({ mar: 'pageCache', adr: 'disk', wc: 4, status: 'programmed' });
    expect(programmed.process).toBe('blocked');

    const half = play([...readIntoPageCache.slice(0, 2), { type: 'dmaTransfer', count: 2 }]);
    expect(half.dma.wc).toBe(2);
    expect(half.places.pageCache.map((h) => h.block)).toEqual(['A', 'B']);
    expect(half.counts.dmaCopies).toBe(0);
    expect(half.cpu.activity).toBe('free');
    expect(half.actor).toBe('dma');

    const done = play([...readIntoPageCache.slice(0, 2), { type: 'dmaTransfer', count: 2 }, { type: 'dmaTransfer' }]);
    expect(done.dma).toMatchObject({ wc: 0, status: 'done' });
    expect(done.counts.dmaCopies).toBe(1);
    expect(done.counts.cpuCopies).toBe(0);
  });

  test('the completion interrupt wakes the process and frees the controller', () => {
    const s = play(readIntoPageCache);
    expect(s.counts.interrupts).toBe(1);
    expect(s.process).toBe('running');
    expect(s.dma.status).toBe('idle');
    expect(s.cpu.activity).toBe('interrupt');
    expect(s.counts.modeSwitches).toBe(1); // an interrupt is not a counted mode switch
  });

  test('the DMA cannot raise completion before WC reaches 0, nor move more than WC', () => {
    rejects([...readIntoPageCache.slice(0, 2), { type: 'raiseInterrupt', source: 'dma' }], /WC reaches 0/);
    rejects([...readIntoPageCache.slice(0, 2), { type: 'dmaTransfer', count: 5 }], /1 to 4 blocks/);
  });

  test('a blocked process cannot act until the interrupt', () => {
    rejects([...readIntoPageCache.slice(0, 3), { type: 'cpuCopy', from: 'pageCache', to: 'user' }], /blocked/);
  });

  test('DMA into user pages needs them pinned', () => {
    rejects([{ type: 'syscall', name: 'read' }, { type: 'programDma', from: 'disk', to: 'user' }], /pinned/);
    const s = play([
      { type: 'syscall', name: 'read' },
      { type: 'pin' },
      { type: 'programDma', from: 'disk', to: 'user', block: true },
      { type: 'dmaTransfer' },
    ]);
    expect(s.places.user.map((h) => h.as)).toEqual(['data', 'data', 'data', 'data']);
    expect(s.places.pageCache).toEqual([]);
  });

  test('exactly one end of a DMA transfer is a device', () => {
    rejects([{ type: 'syscall', name: 'sendfile' }, { type: 'programDma', from: 'pageCache', to: 'socket' }], /exactly one end/);
  });
});

describe('copies conserve data', () => {
  test('copying from a place that does not hold the data is rejected', () => {
    rejects([{ type: 'syscall', name: 'write' }, { type: 'cpuCopy', from: 'user', to: 'socket' }], /holds nothing/);
    rejects(
      [{ type: 'syscall', name: 'sendfile' }, { type: 'cpuCopy', from: 'pageCache', to: 'socket', blocks: ['Z'] }],
      /does not hold block Z/,
    );
  });

  test('a CPU copy leaves the source intact and counts once', () => {
    const s = play([...readIntoPageCache, { type: 'cpuCopy', from: 'pageCache', to: 'user' }]);
    expect(s.counts.cpuCopies).toBe(1);
    expect(s.places.pageCache.map((h) => h.block)).toEqual(ABCD);
    expect(s.places.user.map((h) => `${h.block}:${h.as}`)).toEqual(['A:data', 'B:data', 'C:data', 'D:data']);
    expect(s.transfer).toEqual({ kind: 'cpu-copy', from: 'pageCache', to: 'user', via: null, blocks: ABCD });
    expect(s.cpu.activity).toBe('copying');
  });

  test('scatter-gather: descriptors, not bytes, reach the socket, and the DMA gathers the bytes', () => {
    const s = play([
      ...sendfileFromPageCache,
      { type: 'descriptorCopy', from: 'pageCache', to: 'socket' },
      { type: 'programDma', from: 'socket', to: 'nic' },
      { type: 'dmaTransfer' },
    ]);
    expect(s.places.socket.every((h) => h.as === 'ref' && h.target === 'pageCache')).toBe(true);
    expect(s.places.nic.map((h) => `${h.block}:${h.as}`)).toEqual(['A:data', 'B:data', 'C:data', 'D:data']);
    expect(s.counts).toMatchObject({ cpuCopies: 0, dmaCopies: 2, descriptorCopies: 1 });
  });

  test('splice: page references move through the pipe and leave it', () => {
    const s = play([
      { type: 'syscall', name: 'pipe' },
      { type: 'sysret' },
      ...fillPageCache('splice'),
      { type: 'pageRefMove', from: 'pageCache', to: 'pipe' },
      { type: 'sysret' },
      { type: 'syscall', name: 'splice' },
      { type: 'pageRefMove', from: 'pipe', to: 'socket' },
    ]);
    expect(s.places.pipe).toEqual([]);
    expect(s.places.socket.every((h) => h.as === 'ref' && h.target === 'pageCache')).toBe(true);
    expect(s.counts.descriptorCopies).toBe(2);
    expect(s.counts.cpuCopies).toBe(0);
  });
});

describe('page tables', () => {
  const lazyMap: Event[] = [
    { type: 'syscall', name: 'mmap' },
    { type: 'mapPages', from: 'pageCache', lazy: true, cow: true },
    { type: 'sysret' },
  ];

  test('a lazy mapping faults on first touch; the fault is not a mode switch', () => {
    const s = play([...lazyMap, { type: 'pageFault', block: 'A' }]);
    expect(s.counts.pageFaults).toBe(1);
    expect(s.counts.modeSwitches).toBe(2);
    expect(s.cpu).toMatchObject({ mode: 'kernel', activity: 'fault' });
  });

  test('a not-present page cannot be read through', () => {
    rejects([...lazyMap, { type: 'syscall', name: 'write' }, { type: 'cpuCopy', from: 'user', to: 'socket' }], /page fault/);
  });

  test('copy-on-write copies one page and leaves the others shared', () => {
    const s = play([
      ...lazyMap,
      { type: 'pageFault', block: 'A' },
      { type: 'programDma', from: 'disk', to: 'pageCache', block: true },
      { type: 'dmaTransfer' },
      { type: 'raiseInterrupt', source: 'dma' },
      { type: 'handleInterrupt' },
      { type: 'faultIn' },
      { type: 'faultReturn' },
      { type: 'pageFault', block: 'B' },
      { type: 'cowCopy', block: 'B' },
      { type: 'faultReturn' },
    ]);
    expect(s.counts).toMatchObject({ cpuCopies: 1, pageFaults: 2, modeSwitches: 2 });
    expect(s.places.user.map((h) => `${h.block}:${h.as}`)).toEqual(['A:map', 'B:data', 'C:map', 'D:map']);
    const b = s.pageTable.find((p) => p.block === 'B')!;
    expect(b).toMatchObject({ frame: 'user', writable: true, cow: false });
    expect(s.pageTable.filter((p) => p.cow).map((p) => p.block)).toEqual(['A', 'C', 'D']);
    expect(s.cpu.mode).toBe('user');
  });

  test('writing a copy-on-write page without the fault is rejected', () => {
    rejects(
      [
        ...mmapPageCache,
        { type: 'mapPages', from: 'pageCache', cow: true },
        { type: 'sysret' },
        { type: 'syscall', name: 'read' },
        { type: 'cpuCopy', from: 'pageCache', to: 'user' },
      ],
      /copy-on-write/,
    );
  });

  test('a fault on an unmapped page would be a segfault', () => {
    rejects([{ type: 'pageFault', block: 'A' }], /segmentation fault/);
  });
});

describe('step() is pure', () => {
  test('it never changes the state it is given', () => {
    for (const [before, event] of [
      [play(readIntoPageCache), { type: 'cpuCopy', from: 'pageCache', to: 'user' }],
      [play(sendfileFromPageCache), { type: 'descriptorCopy', from: 'pageCache', to: 'socket' }],
    ] as const) {
      const snapshot = JSON.stringify(before);
      step(before, event);
      expect(JSON.stringify(before)).toBe(snapshot);
    }
  });
});

/** Random events drawn from the whole vocabulary, valid or not. */
const anyEvent: fc.Arbitrary<Event> = fc.oneof(
  ...Object.entries(EVENT_FIELDS).map(([type, fields]) =>
    fc.record(
      Object.fromEntries(
        Object.entries(fields).map(([name, spec]) => {
          const value: fc.Arbitrary<unknown> =
            spec.kind === 'place'
              ? fc.constantFrom(...LOCATIONS)
              : spec.kind === 'name'
                ? fc.constantFrom('read', 'write', 'sendfile')
                : spec.kind === 'block'
                  ? fc.constantFrom(...ABCD)
                  : spec.kind === 'blocks'
                    ? fc.subarray(ABCD, { minLength: 1 })
                    : spec.kind === 'flag'
                      ? fc.boolean()
                      : spec.kind === 'count'
                        ? fc.integer({ min: 1, max: 4 })
                        : fc.constantFrom('dma', 'disk', 'nic');
          return [name, spec.required ? value : fc.option(value, { nil: undefined })];
        }),
      ),
    ).map((fields) => JSON.parse(JSON.stringify({ type, ...fields })) as Event),
  ),
);

describe('invariants over random event sequences', () => {
  test('illegal events are refused as data by tryStep and with the same IllegalEvent by step, and legal ones keep the books straight', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
        let s = initialState(ABCD);
        for (const event of events) {
          const result = tryStep(s, event);
          // step() is tryStep for callers that want an exception: the same refusal, or the same state.
          let thrown: unknown = null;
          let stepped: State | null = null;
          try {
            stepped = step(s, event);
          } catch (error) {
            thrown = error;
          }
          if (!result.ok) {
            expect(thrown).toBeInstanceOf(IllegalEvent);
            expect((thrown as IllegalEvent).refusal).toEqual(result.refusal);
            continue; // refused: the machine stays as it was
          }
          expect(thrown).toBeNull();
          expect(stepped).toEqual(result.state);
          const next = result.state;
          for (const key of COUNTER_KEYS) expect(next.counts[key]).toBeGreaterThanOrEqual(s.counts[key]);
          const open = next.call === null ? 0 : 1;
          expect(next.counts.modeSwitches).toBe(2 * next.counts.syscalls - open);
          expect(next.cpu.ring).toBe(next.cpu.mode === 'kernel' ? 0 : 3);
          // Data is never invented: every block anywhere is a payload block, and references point at bytes.
          for (const place of LOCATIONS) {
            for (const h of next.places[place]) {
              expect(ABCD).toContain(h.block);
              if (h.as === 'ref') expect(next.places[h.target!].some((x) => x.block === h.block)).toBe(true);
            }
          }
          s = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('kernel bypass', () => {
  test("with the NIC's registers mapped, user mode programs the DMA from pinned user pages", () => {
    const s = play([
      ...readIntoPageCache,
      { type: 'cpuCopy', from: 'pageCache', to: 'user' },
      { type: 'sysret' },
      { type: 'syscall', name: 'ioctl' },
      { type: 'mapPages', from: 'nic' },
      { type: 'pin' },
      { type: 'sysret' },
      { type: 'programDma', from: 'user', to: 'nic' },
      { type: 'dmaTransfer' },
    ]);
    expect(s.cpu.mode).toBe('user');
    expect(s.pageTable.every((p) => p.frame === 'user' && p.pinned)).toBe(true);
    expect(s.places.nic.map((h) => h.block)).toEqual(ABCD);
    expect(s.counts).toMatchObject({ syscalls: 2, modeSwitches: 4, dmaCopies: 2, cpuCopies: 1 });
  });

  test('without the mapping, user mode cannot', () => {
    rejects(
      [...readIntoPageCache, { type: 'cpuCopy', from: 'pageCache', to: 'user' }, { type: 'sysret' }, { type: 'syscall', name: 'ioctl' }, { type: 'pin' }, { type: 'sysret' }, { type: 'programDma', from: 'user', to: 'nic' }],
      /kernel mode/,
    );
  });

  test('the NIC sends only its own pool from user mode: a mapped page-cache page is not one', () => {
    // The program owns the NIC and has the file mapped too; the NIC still takes only the pool it drives.
    const owned: Event[] = [
      ...mmapPageCache,
      { type: 'mapPages', from: 'pageCache' },
      { type: 'sysret' },
      { type: 'syscall', name: 'ioctl' },
      { type: 'mapPages', from: 'nic' },
      { type: 'sysret' },
      { type: 'programDma', from: 'pageCache', to: 'nic' },
    ];
    expect(refusalOf({ dma: true, nic: 'sg', cache: 'cold' }, owned)).toEqual({ step: owned.length, refusal: { code: 'nicSource', params: { place: 'pageCache' } } });
  });
});

describe('the machine a scenario runs on', () => {
  const machine = (m: Partial<State['machine']>): State['machine'] => ({ dma: true, nic: 'sg', cache: 'cold', ...m });
  const runOn = (m: Partial<State['machine']>, events: Event[]) => run({ payload: ['A'], machine: machine(m), steps: events.map((event) => ({ event })) }).at(-1)!;
  const sendfileGather: Event[] = [
    { type: 'syscall', name: 'sendfile' },
    { type: 'descriptorCopy', from: 'pageCache', to: 'socket' },
    { type: 'programDma', from: 'socket', to: 'nic' },
  ];

  test('a warm cache starts with the payload in the page cache as well as on disk', () => {
    const s = initialState(['A', 'B'], machine({ cache: 'warm' }));
    expect(s.places.pageCache).toEqual([{ block: 'A', as: 'data' }, { block: 'B', as: 'data' }]);
    expect(s.places.disk.map((h) => h.block)).toEqual(['A', 'B']);
  });

  test('without a DMA controller, programming one is refused', () => {
    expect(() => runOn({ dma: false }, [{ type: 'syscall', name: 'read' }, { type: 'programDma', from: 'disk', to: 'pageCache' }])).toThrow(/noDmaController/);
  });

  test('a NIC that cannot gather refuses descriptors, and the page cache itself, but sends a socket buffer copy', () => {
    expect(runOn({ cache: 'warm' }, sendfileGather).dma.status).toBe('programmed');
    expect(() => runOn({ cache: 'warm', nic: 'nosg' }, sendfileGather)).toThrow(/nicCannotGather/);
    // Nor does sendfile() hand the NIC the page cache itself, gather or not: its contract ends in the socket buffer.
    expect(() => runOn({ cache: 'warm', nic: 'nosg' }, [{ type: 'syscall', name: 'sendfile' }, { type: 'programDma', from: 'pageCache', to: 'nic' }])).toThrow(/outsideContract/);
    const copied = runOn({ cache: 'warm', nic: 'nosg' }, [
      { type: 'syscall', name: 'sendfile' },
      { type: 'cpuCopy', from: 'pageCache', to: 'socket' },
      { type: 'programDma', from: 'socket', to: 'nic' },
    ]);
    expect(copied.dma.status).toBe('programmed');
  });

  // docs/MODEL.md: without gather, MSG_ZEROCOPY too ends in a CPU copy into the socket buffer; what
  // the NIC can read from user pages is a pool that a kernel-bypass program builds its packets in.
  const nosg = machine({ nic: 'nosg' });
  const refusalOn = (events: Event[]) => refusalOf(nosg, events);
  /** A read with O_DIRECT: the file's bytes in pinned user pages, with no CPU copy, back in user mode. */
  const directRead: Event[] = [
    ...directFilled,
    { type: 'unpin' },
    { type: 'sysret', name: 'read' },
    { type: 'run' },
  ];

  test('a NIC that cannot gather does not take pinned user pages from a send through the kernel', () => {
    const zerocopySend: Event[] = [
      { type: 'syscall', name: 'setsockopt' },
      { type: 'sysret' },
      ...directRead,
      { type: 'syscall', name: 'sendto' },
      { type: 'pin' },
      { type: 'descriptorCopy', from: 'user', to: 'socket' },
      { type: 'programDma', from: 'socket', to: 'nic' },
    ];
    expect(refusalOn(zerocopySend)).toEqual({ step: zerocopySend.length, refusal: { code: 'nicCannotGather', params: { place: 'socket', block: 'A' } } });
    // The same pages with gather: the refusal is this NIC's, not the path's.
    expect(run({ payload: ABCD, steps: zerocopySend.map((event) => ({ event })) }).at(-1)!.dma.status).toBe('programmed');
    // What MSG_ZEROCOPY falls back to here: the CPU copies the user pages into the socket buffer.
    const copied = run({
      payload: ABCD,
      machine: nosg,
      steps: [...directRead, { type: 'syscall', name: 'sendto' }, { type: 'cpuCopy', from: 'user', to: 'socket' }, { type: 'programDma', from: 'socket', to: 'nic' }].map(
        (event) => ({ event: event as Event }),
      ),
    }).at(-1)!;
    expect(copied.dma.status).toBe('programmed');
    expect(copied.counts.cpuCopies).toBe(1);
  });

  test('a disk DMA fills the page cache, pinned user pages or an fbuf, never a socket buffer or a pipe, so no-gather has no kernel shortcut', () => {
    // docs/MODEL.md: without gather, sendfile "becomes sendfile (the CPU copies page cache -> socket buffer)": the file comes in through the page cache.
    for (const place of ['socket', 'pipe'] as const) {
      const straight: Event[] = [{ type: 'syscall', name: 'sendfile' }, { type: 'programDma', from: 'disk', to: place, block: true }];
      expect(refusalOn(straight)).toEqual({ step: 2, refusal: { code: 'diskReadIntoNetBuffer', params: { place } } });
    }
    expect(refusalText({ code: 'diskReadIntoNetBuffer', params: { place: 'socket' } }, 'zh')).toContain('页缓存');
  });

  test('the refusals say what to do instead, in both languages', () => {
    const refusal = { code: 'nicSource', params: { place: 'user' } } as const;
    expect(refusalText(refusal, 'en')).toMatch(/socket buffer.*kernel bypass.*never the user buffer: hand the bytes to the socket first/);
    expect(refusalText(refusal, 'zh')).toMatch(/socket 缓冲区.*绕过内核.*用户缓冲区.*先把字节交给 socket/);
  });

  test('kernel bypass still sends with no CPU copy on a NIC that cannot gather, at the counts docs/MODEL.md gives', () => {
    const lesson = loadLessonFile(join(ROOT, 'lessons', 'kernel-bypass.yaml'));
    const script = { payload: lesson.payload, machine: nosg, steps: lesson.steps };
    const timeline = run(script);
    const end = timeline.at(-1)!;
    // Its completion polled, the NIC has put everything on the wire and holds nothing.
    expect(end.sent).toEqual(lesson.payload);
    expect(end.places.nic).toEqual([]);
    // 0 CPU copies, 2 DMA copies; the one ioctl() is the only call; both completions are polled.
    expect(end.counts).toMatchObject({ cpuCopies: 0, dmaCopies: 2, modeSwitches: 2, syscalls: 1, interrupts: 0 });
    expect(countsByPhase(script, timeline).perTransfer).toMatchObject({ syscalls: 0, modeSwitches: 0, interrupts: 0, cpuCopies: 0 });
  });
});

describe('a pinned page keeps its frame', () => {
  // A device reads and writes the frames it was handed: the kernel pins the pages so that no
  // other page takes their place until they are unpinned, and unpinning waits for the device.
  const lessonSteps = (id: string) => loadLessonFile(join(ROOT, 'lessons', `${id}.yaml`)).steps.map((s) => s.event);
  const bypass = lessonSteps('kernel-bypass');
  const sendProgrammed = bypass.findIndex((e) => e.type === 'programDma' && e.from === 'user') + 1;
  /** kernel-bypass up to the program writing the NIC's registers: the pool's pages are queued for the NIC. */
  const poolQueued = bypass.slice(0, sendProgrammed);
  const refusalOn = (machine: Partial<State['machine']>, events: Event[]) => refusalOf({ dma: true, nic: 'sg', cache: 'cold', ...machine }, events);
  const mmapThePageCache: Event[] = [{ type: 'syscall', name: 'mmap' }, { type: 'mapPages', from: 'pageCache' }];

  test('mapping the page cache over the pool while its send is queued is refused at the mapping, so the NIC cannot read the page cache through it', () => {
    // The gap: on a NIC that cannot gather, the queued DMA read the page cache through the new
    // mapping, and the mapping dropped the pool's pins. A warm cache gives the mapping its pages.
    const remap = [...poolQueued, ...mmapThePageCache];
    const refused = { step: remap.length, refusal: { code: 'pageInDma', params: { block: 'A', device: 'nic' } } };
    expect(refusalOn({ nic: 'nosg', cache: 'warm' }, remap)).toEqual(refused);
    // A lazy mapping needs no cached page, and is refused the same way; so is it with gather.
    expect(refusalOn({ nic: 'nosg' }, [...poolQueued, { type: 'syscall', name: 'mmap' }, { type: 'mapPages', from: 'pageCache', lazy: true }])).toEqual(refused);
    expect(refusalOn({ cache: 'warm' }, remap)).toEqual(refused);
    // Unpinning first, to map afterwards, is refused at the unpin.
    const unpinFirst: Event[] = [...poolQueued, { type: 'syscall', name: 'ioctl' }, { type: 'unpin' }];
    expect(refusalOn({ nic: 'nosg', cache: 'warm' }, unpinFirst)).toEqual({ step: unpinFirst.length, refusal: { code: 'pageInDma', params: { block: 'A', device: 'nic' } } });
  });

  test('the same holds for a DMA that will write the pages: the disk fills the frames it was given', () => {
    // aio-direct's shape: the read is submitted, the program runs on while the DMA is queued.
    const submitted: Event[] = [
      { type: 'syscall', name: 'io_submit' },
      { type: 'pin' },
      { type: 'programDma', from: 'disk', to: 'user' },
      { type: 'sysret', name: 'io_submit' },
      { type: 'run' },
      { type: 'syscall', name: 'mmap' },
      { type: 'mapPages', from: 'pageCache', lazy: true },
    ];
    expect(refusalOn({}, submitted)).toEqual({ step: submitted.length, refusal: { code: 'pageInDma', params: { block: 'A', device: 'disk' } } });
  });

  test('nor does what the user buffer holds for a queued block change in any other way: a read() into pages a DMA will fill is refused', () => {
    // aio-direct's shape: the disk is programmed to fill the pinned pages; a buffered read() into them would race it.
    const submitted: Event[] = [
      { type: 'syscall', name: 'io_submit' },
      { type: 'pin' },
      { type: 'programDma', from: 'disk', to: 'user' },
      { type: 'sysret', name: 'io_submit' },
      { type: 'run' },
    ];
    const overwrite: Event[] = [...submitted, { type: 'syscall', name: 'read' }, { type: 'cpuCopy', from: 'pageCache', to: 'user' }];
    expect(refusalOn({ cache: 'warm' }, overwrite)).toEqual({ step: overwrite.length, refusal: { code: 'pageInDma', params: { block: 'A', device: 'disk' } } });
  });

  test('once the transfer is done, the pool is still pinned: mapping over it waits for the unpin, then the new mapping is unpinned', () => {
    const sent = bypass; // the lesson ends with the NIC's completion polled
    const over = [...sent, ...mmapThePageCache];
    expect(refusalOn({ cache: 'warm' }, over)).toEqual({ step: over.length, refusal: { code: 'pinnedPage', params: { block: 'A', change: 'map' } } });
    const s = run({
      payload: ABCD,
      machine: { dma: true, nic: 'sg', cache: 'warm' },
      steps: [...sent, { type: 'syscall', name: 'ioctl' }, { type: 'unpin' }, { type: 'sysret' }, { type: 'syscall', name: 'mmap' }, { type: 'mapPages', from: 'pageCache' }].map((event) => ({ event: event as Event })),
    }).at(-1)!;
    expect(s.pageTable.map((p) => `${p.block}:${p.frame}:${p.pinned}`)).toEqual(['A:pageCache:false', 'B:pageCache:false', 'C:pageCache:false', 'D:pageCache:false']);
  });

  test('a pinned mapping of the page cache is neither unmapped nor copied on write until it is unpinned', () => {
    // msg-zerocopy up to the pin: the mapped page-cache pages are pinned for the send.
    const zc = lessonSteps('msg-zerocopy');
    const sentPinned = zc.slice(0, zc.findIndex((e) => e.type === 'sysret' && e.name === 'sendto') + 1);
    const munmap: Event[] = [...sentPinned, { type: 'syscall', name: 'munmap' }, { type: 'unmapPages', from: 'pageCache' }];
    expect(refusalOn({}, munmap)).toEqual({ step: munmap.length, refusal: { code: 'pinnedPage', params: { block: 'A', change: 'unmap' } } });
    // MSG_ZEROCOPY from a private mapping: the program writes a page the NIC may still read.
    const cowPinned: Event[] = [
      { type: 'syscall', name: 'setsockopt' },
      { type: 'sysret' },
      ...mmapPageCache,
      { type: 'mapPages', from: 'pageCache', cow: true },
      { type: 'sysret' },
      { type: 'syscall', name: 'sendto' },
      { type: 'pin' },
      { type: 'descriptorCopy', from: 'user', to: 'socket' },
      { type: 'sysret' },
      { type: 'pageFault', block: 'B' },
      { type: 'cowCopy', block: 'B' },
    ];
    expect(refusalOn({}, cowPinned)).toEqual({ step: cowPinned.length, refusal: { code: 'pinnedPage', params: { block: 'B', change: 'cow' } } });
  });

  test('the lessons that pin still run, and their pins end where the lessons say', () => {
    for (const id of ['direct-io', 'aio-direct', 'msg-zerocopy']) {
      const end = play(lessonSteps(id), loadLessonFile(join(ROOT, 'lessons', `${id}.yaml`)).payload);
      expect({ id, pinned: end.pageTable.filter((p) => p.pinned).map((p) => p.block) }).toEqual({ id, pinned: [] });
    }
    // Kernel bypass keeps its pool pinned for the next packet.
    const pool = play(bypass, loadLessonFile(join(ROOT, 'lessons', 'kernel-bypass.yaml')).payload);
    expect(pool.pageTable.length).toBeGreaterThan(0);
    expect(pool.pageTable.every((p) => p.pinned && p.frame === 'user')).toBe(true);
  });

  test('the refusals say what to wait for, in both languages', () => {
    expect(refusalText({ code: 'pageInDma', params: { block: 'A', device: 'nic' } }, 'en')).toMatch(/programmed to move block A between the user buffer and the NIC: until that transfer is done, the page stays as it was/);
    expect(refusalText({ code: 'pageInDma', params: { block: 'A', device: 'nic' } }, 'zh')).toMatch(/网卡之间搬运块 A.*传输完成之前/);
    expect(refusalText({ code: 'pinnedPage', params: { block: 'C', change: 'map' } }, 'en')).toMatch(/block C is pinned.*will not map another page in its place until the page is unpinned/);
    expect(refusalText({ code: 'pinnedPage', params: { block: 'C', change: 'unmap' } }, 'zh')).toMatch(/块 C.*已锁定.*解除锁定.*保持映射/);
  });

});

describe('a warm page cache', () => {
  const refusedOn = (cache: 'cold' | 'warm', events: Event[]) => refusalOf({ dma: true, nic: 'sg', cache }, events);

  test('a page already in the page cache is a hit: neither a disk DMA nor a CPU copy from the controller brings it in again', () => {
    // docs/MODEL.md: with a warm cache "no disk DMA, no disk interrupt"; the engine refuses the read a hit makes needless.
    const viaDma: Event[] = [{ type: 'syscall', name: 'read' }, { type: 'programDma', from: 'disk', to: 'pageCache', blocks: ['B'], block: true }];
    expect(refusedOn('warm', viaDma)).toEqual({ step: 2, refusal: { code: 'alreadyCached', params: { block: 'B' } } });
    expect(refusedOn('cold', viaDma)).toBeNull();
    const viaCpu: Event[] = [{ type: 'syscall', name: 'read' }, { type: 'deviceRead' }, { type: 'pollStatus' }, { type: 'cpuCopy', from: 'ctrl', to: 'pageCache' }];
    expect(refusedOn('warm', viaCpu)).toEqual({ step: 4, refusal: { code: 'alreadyCached', params: { block: 'A' } } });
    expect(refusedOn('cold', viaCpu)).toBeNull();
    // O_DIRECT bypasses the cache: a warm cache does not stop a DMA into pinned user pages.
    expect(refusedOn('warm', [{ type: 'syscall', name: 'read' }, { type: 'pin' }, { type: 'programDma', from: 'disk', to: 'user', block: true }])).toBeNull();
    expect(refusalText({ code: 'alreadyCached', params: { block: 'B' } }, 'zh')).toMatch(/块 B.*页缓存/);
  });
});

describe('step never changes the state it is given', () => {
  // draft() shares what step() only replaces (holdings, page-table entries, the page table itself):
  // a step that wrote into one in place would change the state before it. Frozen, such a write throws.
  const deepFreeze = <T>(v: T): T => {
    if (v && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const x of Object.values(v)) deepFreeze(x);
    }
    return v;
  };

  test('every lesson in every variant, and the palette\'s search for a move of each kind at each step', () => {
    const catalog = loadCatalog(join(ROOT, 'lessons'));
    const names = [...new Set(catalog.lessons.flatMap((l) => l.steps.flatMap((s) => (s.event.type === 'syscall' ? [s.event.name] : []))))];
    let moves = 0;
    // Every candidate is tried on the lessons as written (refused ones too, which write before they throw); the variants' own steps after.
    for (const l of catalog.lessons) {
      let s = deepFreeze(initialState(l.payload));
      for (const { event } of l.steps) {
        for (const type of EVENT_TYPES) moves += movesOf(s, type, names, { first: true }).moves.length;
        s = deepFreeze(step(s, event));
      }
      for (const knobs of combinations(l.variants?.knobs ?? [])) {
        const script = variantOf(l.payload, l.variants?.steps ?? l.steps, knobs);
        script.steps.reduce((at, { event }) => deepFreeze(step(at, event)), deepFreeze(initialState(script.payload, script.machine)));
      }
    }
    expect(moves).toBeGreaterThan(500);
  });
});

describe('a system call is a contract: paths no kernel could take are refused at the step that breaks it', () => {
  const cold = { dma: true, nic: 'sg', cache: 'cold' } as const;
  const warm = { ...cold, cache: 'warm' } as const;
  const refused = (machine: State['machine'], events: Event[]) => refusalOf(machine, events);
  const at = (events: Event[], code: string, params: object) => ({ step: events.length, refusal: { code, params } });

  test('read() never sends: neither a copy into the socket buffer nor a DMA to the NIC', () => {
    const copy: Event[] = [{ type: 'syscall', name: 'read' }, { type: 'cpuCopy', from: 'pageCache', to: 'socket' }];
    expect(refused(warm, copy)).toEqual(at(copy, 'outsideContract', { call: 'read', event: 'cpuCopy', from: 'pageCache', to: 'socket' }));
    const dma: Event[] = [{ type: 'syscall', name: 'read' }, { type: 'cpuCopy', from: 'pageCache', to: 'user' }, { type: 'programDma', from: 'socket', to: 'nic' }];
    expect(refused(warm, dma)).toEqual(at(dma, 'outsideContract', { call: 'read', event: 'programDma', from: 'socket', to: 'nic' }));
    expect(refusalText(refused(warm, copy)!.refusal, 'en')).toMatch(/^read\(\) cannot have the CPU copy the page cache to the socket buffer: read\(\) fills the caller's buffer.*it never sends$/);
    expect(refusalText(refused(warm, copy)!.refusal, 'zh')).toMatch(/^read\(\) 不能让 CPU 把页缓存拷到 socket 缓冲区：.*它从不发送$/);
  });

  test('a buffered read() fills the page cache first: the controller is never copied straight into the caller\'s buffer', () => {
    const events: Event[] = [{ type: 'syscall', name: 'read' }, { type: 'deviceRead' }, { type: 'cpuCopy', from: 'ctrl', to: 'user' }];
    expect(refused(cold, events)).toEqual(at(events, 'outsideContract', { call: 'read', event: 'cpuCopy', from: 'ctrl', to: 'user' }));
  });

  test('a read() is buffered or O_DIRECT, never both, and an O_DIRECT read() unpins before it returns', () => {
    const mixed: Event[] = [{ type: 'syscall', name: 'read' }, { type: 'cpuCopy', from: 'pageCache', to: 'user' }, { type: 'pin' }];
    expect(refused(warm, mixed)).toEqual(at(mixed, 'callWayMixed', { call: 'read', way: 'buffered' }));
    const direct = directFilled;
    const returnsPinned: Event[] = [...direct, { type: 'sysret' }];
    expect(refused(cold, returnsPinned)).toEqual(at(returnsPinned, 'pinsHeldAtReturn', { call: 'read', block: 'A' }));
    const intoCache: Event[] = [...direct, { type: 'unpin' }, { type: 'cpuCopy', from: 'pageCache', to: 'user' }];
    expect(refused(warm, intoCache)).toEqual(at(intoCache, 'callWayMixed', { call: 'read', way: 'direct' }));
    expect(refused(cold, [...direct, { type: 'unpin' }, { type: 'sysret' }])).toBeNull();
  });

  test('an unknown call is refused where it is made; a known alias keeps its contract', () => {
    const banana: Event[] = [{ type: 'syscall', name: 'banana' }];
    expect(refused(cold, banana)).toEqual(at(banana, 'unknownCall', { call: 'banana' }));
    expect(refusalText(refused(cold, banana)!.refusal, 'en')).toMatch(/^the machine knows no system call banana\(\); it knows read\(\), write\(\)/);
    const pread: Event[] = [{ type: 'syscall', name: 'pread' }, { type: 'cpuCopy', from: 'pageCache', to: 'socket' }];
    expect(refused(warm, pread)).toEqual(at(pread, 'outsideContract', { call: 'pread', event: 'cpuCopy', from: 'pageCache', to: 'socket' }));
    // The open call is one field: the name the program used, for what the learner reads, and the contract it obeys, for what the machine checks.
    const directPread: Event[] = [{ type: 'syscall', name: 'pread' }, ...directFilled.slice(1)];
    expect(play(directPread).call).toEqual({ name: 'pread', contract: 'read', way: 'direct', pinned: ['A', 'B', 'C', 'D'] });
    const returnsPinned: Event[] = [...directPread, { type: 'sysret' }];
    expect(refused(cold, returnsPinned)).toEqual(at(returnsPinned, 'pinsHeldAtReturn', { call: 'pread', block: 'A' }));
    expect(play([...directPread, { type: 'unpin' }, { type: 'sysret' }]).call).toBeNull();
  });

  test('splice() needs a pipe made first, and one splice goes into the pipe or out of it, not both', () => {
    const noPipe: Event[] = [{ type: 'syscall', name: 'splice' }];
    expect(refused(warm, noPipe)).toEqual(at(noPipe, 'callNeeds', { call: 'splice', need: 'pipe' }));
    expect(refusalText(refused(warm, noPipe)!.refusal, 'en')).toMatch(/make it with pipe\(\) first/);
    const bothWays: Event[] = [
      { type: 'syscall', name: 'pipe' },
      { type: 'sysret' },
      { type: 'syscall', name: 'splice' },
      { type: 'pageRefMove', from: 'pageCache', to: 'pipe' },
      { type: 'pageRefMove', from: 'pipe', to: 'socket' },
    ];
    expect(refused(warm, bothWays)).toEqual(at(bothWays, 'callWayMixed', { call: 'splice', way: 'intoPipe' }));
    // Nor does splice() move between two places neither of which is the pipe.
    const noPipeEnd: Event[] = [...bothWays.slice(0, 3), { type: 'descriptorCopy', from: 'pageCache', to: 'socket' }];
    expect(refused(warm, noPipeEnd)).toEqual(at(noPipeEnd, 'outsideContract', { call: 'splice', event: 'descriptorCopy', from: 'pageCache', to: 'socket' }));
  });

  test('write() never pins or gathers; MSG_ZEROCOPY does, once SO_ZEROCOPY is set, and keeps its pins past the return', () => {
    const userBytes: Event[] = [{ type: 'syscall', name: 'read' }, { type: 'cpuCopy', from: 'pageCache', to: 'user' }, { type: 'sysret' }];
    const writePins: Event[] = [...userBytes, { type: 'syscall', name: 'write' }, { type: 'pin' }];
    expect(refused(warm, writePins)).toEqual(at(writePins, 'outsideContract', { call: 'write', event: 'pin' }));
    const unset: Event[] = [...userBytes, { type: 'syscall', name: 'sendto' }, { type: 'pin' }];
    expect(refused(warm, unset)).toEqual(at(unset, 'callNeeds', { call: 'sendto', need: 'soZerocopy' }));
    expect(refusalText(refused(warm, unset)!.refusal, 'en')).toMatch(/without it the flag is ignored and sendto\(\) copies/);
    const zerocopy: Event[] = [
      { type: 'syscall', name: 'setsockopt' },
      { type: 'sysret' },
      ...userBytes,
      { type: 'syscall', name: 'sendto' },
      { type: 'pin' },
      { type: 'descriptorCopy', from: 'user', to: 'socket' },
      { type: 'sysret' },
    ];
    expect(refused(warm, zerocopy)).toBeNull();
  });

  test('the page-fault handler only brings the page in and maps it', () => {
    const fault: Event[] = [
      { type: 'syscall', name: 'mmap' },
      { type: 'mapPages', from: 'pageCache', lazy: true },
      { type: 'sysret' },
      { type: 'pageFault', block: 'A' },
      { type: 'descriptorCopy', from: 'pageCache', to: 'socket' },
    ];
    expect(refused(warm, fault)).toEqual(at(fault, 'faultCannot', { event: 'descriptorCopy' }));
  });

  test('device buffers drain: the controller once the CPU has read it, the NIC once its transmit completes', () => {
    const drained = play([{ type: 'syscall', name: 'read' }, { type: 'deviceRead' }, { type: 'pollStatus' }, { type: 'cpuCopy', from: 'ctrl', to: 'pageCache' }]);
    expect(drained.places.ctrl).toEqual([]);
    expect(drained.deviceReady).toBe(false);
    const sent = play([
      ...fillPageCache('sendfile'),
      { type: 'cpuCopy', from: 'pageCache', to: 'socket' },
      { type: 'programDma', from: 'socket', to: 'nic' },
      { type: 'dmaTransfer' },
      { type: 'raiseInterrupt', source: 'nic' },
      { type: 'handleInterrupt' },
    ]);
    expect(sent.places.nic).toEqual([]);
    expect(sent.sent).toEqual(ABCD);
    // TCP keeps its skb until the peer's ACK: the socket buffer's copy stays (docs/MODEL.md).
    expect(sent.places.socket.map((h) => h.block)).toEqual(ABCD);
  });

  test('a programmed-I/O NIC raises its transmit-complete interrupt for what the CPU handed it', () => {
    const noDma = { dma: false, nic: 'sg', cache: 'warm' } as const;
    const handed = CPU_HANDS_THE_NIC;
    const s = run({ payload: ABCD, machine: noDma, steps: [...handed, { type: 'raiseInterrupt', source: 'nic' }, { type: 'handleInterrupt' }].map((event) => ({ event: event as Event })) }).at(-1)!;
    expect(s.counts.interrupts).toBe(1);
    expect(s.sent).toEqual(ABCD);
    // Until it is taken, the transfer is a completion pending, as a DMA's is.
    expect(completionPending(run({ payload: ABCD, machine: noDma, steps: handed.map((event) => ({ event })) }).at(-1)!)).toBe(true);
  });
});

describe('devices behave as devices, and a few calls have rules of their own', () => {
  const on = (machine: Partial<State['machine']>, events: Event[]) => refusalOf({ dma: true, nic: 'sg', cache: 'cold', ...machine }, events);
  const at = (events: Event[], code: string, params: object = {}) => ({ step: events.length, refusal: { code, params } });

  test('the disk reads when asked, the CPU reads its controller once it knows it is full, and the DMA names the disk', () => {
    const unasked: Event[] = [{ type: 'deviceRead' }];
    expect(on({}, unasked)).toEqual(at(unasked, 'diskNotAsked'));
    const unchecked: Event[] = [{ type: 'syscall', name: 'read' }, { type: 'deviceRead' }, { type: 'cpuCopy', from: 'ctrl', to: 'pageCache' }];
    expect(on({}, unchecked)).toEqual(at(unchecked, 'diskNotChecked'));
    const fromController: Event[] = [{ type: 'syscall', name: 'read' }, { type: 'programDma', from: 'ctrl', to: 'pageCache' }];
    expect(on({}, fromController)).toEqual(at(fromController, 'dmaNotController'));
  });

  test('a mapped device gives the program its registers, not the bytes in its buffer', () => {
    const withBlocks: Event[] = [{ type: 'syscall', name: 'ioctl' }, { type: 'mapPages', from: 'ctrl', blocks: ['A'] }];
    expect(on({}, withBlocks)).toEqual(at(withBlocks, 'mapDeviceBlocks', { device: 'ctrl' }));
    const copyOut: Event[] = [
      { type: 'syscall', name: 'ioctl' },
      { type: 'mapPages', from: 'ctrl' },
      { type: 'sysret' },
      { type: 'deviceRead' },
      { type: 'pollStatus' },
      { type: 'cpuCopy', from: 'ctrl', to: 'user' },
    ];
    expect(on({}, copyOut)).toEqual(at(copyOut, 'userCannotTouch', { place: 'ctrl' }));
  });

  test('a level machine: devices that do DMA only, and no kernel bypass unless it says so', () => {
    const pio: Event[] = [{ type: 'syscall', name: 'read' }, { type: 'deviceRead' }];
    expect(on({ pio: false }, pio)).toEqual(at(pio, 'diskDmaOnly'));
    const pioNic = CPU_HANDS_THE_NIC;
    expect(on({ pio: false, cache: 'warm' }, pioNic)).toEqual(at(pioNic, 'nicDmaOnly'));
    const bypass: Event[] = [{ type: 'syscall', name: 'ioctl' }, { type: 'mapPages', from: 'nic' }];
    expect(on({ bypass: false }, bypass)).toEqual(at(bypass, 'noBypass', { device: 'nic' }));
    expect(on({}, bypass)).toBeNull();
  });

  test('io_submit() never sleeps, and what it reads is the program\'s only once io_getevents() collects it', () => {
    const sleeps: Event[] = [{ type: 'syscall', name: 'io_submit' }, { type: 'pin' }, { type: 'programDma', from: 'disk', to: 'user', block: true }];
    expect(on({}, sleeps)).toEqual(at(sleeps, 'callNeverWaits', { call: 'io_submit' }));
    const submitted: Event[] = [...aioCompleted, { type: 'unpin' }, { type: 'run' }];
    const send: Event[] = [{ type: 'syscall', name: 'write' }, { type: 'cpuCopy', from: 'user', to: 'socket' }];
    expect(on({}, [...submitted, ...send])).toEqual(at([...submitted, ...send], 'aioNotCollected', { block: 'A' }));
    expect(on({}, [...submitted, { type: 'syscall', name: 'io_getevents' }, { type: 'sysret' }, ...send])).toBeNull();
  });

  test('uf_get() maps an fbuf at once and read-only', () => {
    const filled: Event[] = [
      { type: 'syscall', name: 'uf_get' },
      { type: 'programDma', from: 'disk', to: 'fbuf', block: true },
      { type: 'dmaTransfer' },
      { type: 'raiseInterrupt', source: 'dma' },
      { type: 'handleInterrupt' },
    ];
    const writable: Event[] = [...filled, { type: 'mapPages', from: 'fbuf' }];
    expect(on({}, writable)).toEqual(at(writable, 'mapsReadOnly', { call: 'uf_get' }));
    expect(on({}, [...filled, { type: 'mapPages', from: 'fbuf', writable: false }])).toBeNull();
  });

  test('an interrupt handler releases only the pages of the transfer it completed', () => {
    // O_DIRECT's pages, still pinned, are not the NIC's to release when its send of other bytes completes.
    const pinnedElsewhere: Event[] = [
      ...aioCompleted,
      { type: 'run' },
      { type: 'syscall', name: 'sendfile' },
      { type: 'cpuCopy', from: 'pageCache', to: 'socket' },
      { type: 'programDma', from: 'socket', to: 'nic' },
      { type: 'dmaTransfer' },
      { type: 'raiseInterrupt', source: 'nic' },
      { type: 'handleInterrupt' },
      { type: 'unpin' },
    ];
    expect(on({ cache: 'warm' }, pinnedElsewhere)).toEqual(at(pinnedElsewhere, 'outsideContract', { call: 'sendfile', event: 'unpin' }));
  });
});
