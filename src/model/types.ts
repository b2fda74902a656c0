/**
 * The vocabulary of the zcopy machine. Everything here is plain data so that a
 * lesson file can name it and a timeline can be serialised as JSON.
 */

import type { OpenCall } from './contracts.js';

/** Where payload can be. Hardware places, kernel memory and the one user buffer. */
export const LOCATIONS = [
  'disk',
  'ctrl',
  'pageCache',
  'user',
  'socket',
  'pipe',
  'fbuf',
  'nic',
] as const;
export type Location = (typeof LOCATIONS)[number];

export const HARDWARE: readonly Location[] = ['disk', 'ctrl', 'nic'];
export const KERNEL_MEMORY: readonly Location[] = ['pageCache', 'socket', 'pipe', 'fbuf'];

export type Mode = 'user' | 'kernel';

/** What the CPU spends this step on; the learner is taught that DMA frees it. */
export type Activity =
  | 'running' // the learner's program runs in user mode
  | 'syscall' // kernel code on behalf of the process (entry, return, bookkeeping)
  | 'copying' // the CPU itself moves payload bytes
  | 'polling' // busy-waiting on a device status register
  | 'interrupt' // in an interrupt handler
  | 'fault' // in the page-fault handler
  | 'free'; // the process is blocked or the work is the DMA's: the CPU can run others

/**
 * How a place holds a block: the bytes themselves, a reference to them elsewhere
 * (SG descriptor, pipe_buffer page pointer, pinned user page), or a mapping of a
 * page that lives elsewhere (mmap, fbufs).
 */
export type HoldKind = 'data' | 'ref' | 'map';

export interface Holding {
  block: string;
  as: HoldKind;
  /** For 'ref' and 'map': the place whose bytes this points at. */
  target?: Location;
}

/** One page of the learner's address space (one payload block per page). */
export interface PageTableEntry {
  /** Virtual page number in the learner's address space. */
  vpn: number;
  block: string;
  /** The place whose frame backs this page. */
  frame: Location;
  present: boolean;
  writable: boolean;
  cow: boolean;
  pinned: boolean;
}

export type DmaStatus = 'idle' | 'programmed' | 'done';

export interface DmaRegisters {
  /** Memory address register: the memory side of the transfer. */
  mar: Location | null;
  /** Device address register: the device side of the transfer. */
  adr: Location | null;
  /** Word count: blocks still to move. */
  wc: number;
  /** True when memory is the source (memory -> device). */
  toDevice: boolean;
  status: DmaStatus;
  /** Blocks this programming asked for, in order; the next WC of them move next. */
  queue: string[];
  /** Every block this programming moves; until its completion is taken, the kernel does not use the ones it writes. */
  blocks: string[];
  /** Where in memory its transfers so far read or wrote the bytes (through descriptors, where they lead). */
  frames: Location[];
}

export interface Counters {
  cpuCopies: number;
  dmaCopies: number;
  modeSwitches: number;
  syscalls: number;
  descriptorCopies: number;
  interrupts: number;
  pageFaults: number;
}

export const COUNTER_KEYS: readonly (keyof Counters)[] = [
  'cpuCopies',
  'dmaCopies',
  'modeSwitches',
  'syscalls',
  'descriptorCopies',
  'interrupts',
  'pageFaults',
];

/**
 * The hardware a scenario runs on, in the one vocabulary every part of zcopy
 * uses for it: the what-if flags (`--cache warm`, `--nic nosg`), a lesson step's
 * `when`, a challenge level's `start.machine`. Lessons use the default machine;
 * a what-if variant or a challenge changes features of it (MACHINE_VALUES).
 */
export interface Machine {
  /** A DMA controller exists; without one the CPU moves every byte (docs/MODEL.md's read + write without DMA). */
  dma: boolean;
  /** sg: the NIC can gather (scatter-gather DMA); nosg: it sends only bytes laid out in the buffer it is given. */
  nic: 'sg' | 'nosg';
  /** Warm: the payload's pages are already in the page cache (no disk DMA needed). */
  cache: 'cold' | 'warm';
  /**
   * The disk can be read by programmed I/O (the CPU draining its controller). A lesson's machine
   * has both ways, to teach each; a challenge level's disk with a DMA controller has only DMA,
   * as a modern disk does. Left out, it can.
   */
  pio?: boolean;
  /**
   * A process may drive a device itself (kernel bypass: VFIO maps its registers, the IOMMU
   * its pool). A challenge level's machine shares its devices through the kernel unless it
   * says so. Left out, it may.
   */
  bypass?: boolean;
}

export const DEFAULT_MACHINE: Machine = { dma: true, nic: 'sg', cache: 'cold' };

/** The features a scenario's machine may be given, each with its values (the default first). */
export type MachineFeature = 'dma' | 'nic' | 'cache' | 'bypass';
export const MACHINE_VALUES: { readonly [K in MachineFeature]-?: readonly NonNullable<Machine[K]>[] } = {
  dma: [true, false],
  nic: ['sg', 'nosg'],
  cache: ['cold', 'warm'],
  bypass: [false, true],
};

export interface State {
  /** What this machine has; fixed for a whole run. */
  machine: Machine;
  /** What the CPU is in this step: an interrupt handler runs in ring 0 whatever it interrupted. */
  cpu: { mode: Mode; ring: 0 | 3; activity: Activity };
  /** The privilege of the learner's process; only system calls switch it (and faults, uncounted). */
  privilege: Mode;
  process: 'running' | 'blocked';
  /** The system call the process is inside, if any: its name, its contract, and what it has done so far (the way it went, the pages it pinned). */
  call: OpenCall | null;
  /** The mode to go back to when the page-fault handler returns, if one is running. */
  faultReturn: Mode | null;
  /**
   * The fault being handled: the page that faulted, and the neighbours that
   * fault-around may map with it (those whose bytes were already cached when the
   * fault was taken; pages read in during the fault are mapped by the next one).
   */
  fault: { block: string; around: string[] } | null;
  dma: DmaRegisters;
  /** The disk controller has data ready in its buffer (what a polling CPU reads). */
  deviceReady: boolean;
  /** The CPU has learned that data is ready, by polling the status register or by the disk's interrupt. */
  readySeen: boolean;
  /** A programmed-I/O NIC was handed bytes by the CPU and has not yet had its transmit completion taken. */
  nicSending: boolean;
  /** Blocks an AIO request (io_submit) reads into the user buffer, until io_getevents collects it: till then the program cannot know they are there. */
  uncollected: string[];
  /** The user pages of the transfer whose completion the last interrupt handler took: the ones that handler may unpin. */
  completed: string[];
  /** The blocks the NIC has put on the wire: a transmit whose completion was taken leaves the NIC empty. */
  sent: string[];
  interruptLine: 'dma' | 'disk' | 'nic' | null;
  /** Each place's holdings, in payload order. */
  places: Record<Location, Holding[]>;
  pageTable: PageTableEntry[];
  /** Kernel places and devices mapped into the learner's address space. */
  userMapped: Location[];
  payload: string[];
  counts: Counters;
  /** Names of the system calls made so far, in call order. */
  syscallLog: string[];
  /** What moved in the step that produced this state, if anything did. */
  transfer: Transfer | null;
  /** Who carried out that step. */
  actor: Actor;
}

/** Who carries out a step: the CPU, the DMA engine, or a device acting on its own (a read, an interrupt). */
export type Actor = 'cpu' | 'dma' | 'disk' | 'nic';

/** Which blocks an event concerns; omitted means every block the source holds. */
type Blocks = { blocks?: string[] };

export type Event =
  | { type: 'syscall'; name: string }
  | { type: 'sysret'; name?: string }
  | { type: 'deviceRead' } & Blocks
  | { type: 'pollStatus' }
  | { type: 'sleep' }
  | { type: 'programDma'; from: Location; to: Location; block?: boolean } & Blocks
  | { type: 'dmaTransfer'; count?: number }
  | { type: 'raiseInterrupt'; source: 'dma' | 'disk' | 'nic' }
  | { type: 'handleInterrupt' }
  | { type: 'cpuCopy'; from: Location; to: Location } & Blocks
  | { type: 'mapPages'; from: Location; lazy?: boolean; cow?: boolean; writable?: boolean } & Blocks
  | { type: 'unmapPages'; from: Location }
  | { type: 'descriptorCopy'; from: Location; to: Location } & Blocks
  | { type: 'pageRefMove'; from: Location; to: Location } & Blocks
  | { type: 'pin' } & Blocks
  | { type: 'unpin' } & Blocks
  | { type: 'pageFault'; block: string }
  | { type: 'faultIn' } & Blocks
  | { type: 'cowCopy'; block: string }
  | { type: 'faultReturn' }
  | { type: 'run' };

export type EventType = Event['type'];


/** Who moves payload bytes in a step, as the quiz and the UI's arrow see it. */
export type Mover = 'cpu' | 'dma' | 'none';

export type TransferKind = 'cpu-copy' | 'dma-copy' | 'descriptor' | 'reference' | 'mapping' | 'device';

export interface Transfer {
  kind: TransferKind;
  /** For a copy, where the bytes physically are; for a descriptor, reference or mapping, the place it is taken from. */
  from: Location;
  to: Location;
  /**
   * The place the event named when the bytes are elsewhere: the socket buffer whose
   * descriptors a gather DMA follows, the user mapping a CPU copy reads through.
   */
  via: Location | null;
  blocks: string[];
}

/**
 * When a step happens in a real program: once before the data moves, for every
 * chunk, or once at the end.
 */
export const PHASES = ['setup', 'transfer', 'teardown'] as const;
export type Phase = (typeof PHASES)[number];
