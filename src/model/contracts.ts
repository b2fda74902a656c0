import type { Refusal } from './refusals.js';
import type { Event, Location, State } from './types.js';

/**
 * What each system call may do while it is open (docs/MODEL.md, "What a system call
 * may do"). A call is a contract, not a label: the kernel does only what the
 * call does, so the machine refuses every other move while it is open.
 *
 * A move is named by its event and places: `cpu:pageCache>user` is the CPU
 * copying page cache -> user buffer, `dma:socket>nic` programming a DMA from
 * the socket buffer to the NIC, `desc:` and `ref:` a descriptor copy and a page
 * reference moved, `map:pageCache` a mapping made, and `unmap`, `pin`, `unpin`,
 * `fault` (the call touches a user page that is not there yet).
 */
export const SYSCALLS = [
  'read',
  'write',
  'sendto',
  'recvmsg',
  'poll',
  'mmap',
  'munmap',
  'sendfile',
  'pipe',
  'splice',
  'vmsplice',
  'setsockopt',
  'io_setup',
  'io_submit',
  'io_getevents',
  'ioctl',
  'uf_get',
  'uf_write',
] as const;
export type Syscall = (typeof SYSCALLS)[number];

/** Names a program may use for a call whose contract is another's (`pread` is a `read` at an offset). */
export const SYSCALL_ALIASES: Readonly<Record<string, Syscall>> = {
  pread: 'read',
  pread64: 'read',
  pwrite: 'write',
  pwrite64: 'write',
  send: 'sendto',
  sendmsg: 'sendto',
};

/** What a call needs made before it: a pipe end, or SO_ZEROCOPY set on the socket. */
export type CallNeed = 'pipe' | 'soZerocopy';

/**
 * How one open call goes, once it has shown it: a read is buffered or O_DIRECT
 * (the file's open flags decide, never both at once); a splice moves into its
 * pipe or out of it (one end of every splice is the pipe).
 */
export type CallWay = 'buffered' | 'direct' | 'intoPipe' | 'outOfPipe';

/** Filling the page cache on a miss: a DMA from the disk, or the CPU draining a programmed-I/O controller. */
const FILLS = ['dma:disk>pageCache', 'pio', 'cpu:ctrl>pageCache'] as const;
/** Handing the socket buffer to the NIC: by DMA, or by the CPU into a programmed-I/O card. */
const SENDS = ['dma:socket>nic', 'cpu:socket>nic'] as const;

interface Contract {
  /** Every move the call may make, each with the way it commits the call to, if any. */
  moves: Readonly<Record<string, CallWay | null>>;
  /** Moves allowed only once something was made before the call (MSG_ZEROCOPY needs SO_ZEROCOPY). */
  needs?: { need: CallNeed; moves?: readonly string[] };
  /** Pins the call may leave taken when it returns (its contract keeps them); otherwise it releases every pin it took. */
  keepsPins?: boolean;
  /** The call returns at once, whatever it started: it never sleeps for a transfer (AIO's submission). */
  neverWaits?: boolean;
  /** The call maps only at once and read-only (fbufs are immutable once filled). */
  mapsReadOnly?: boolean;
}

const any = (moves: readonly string[], way: CallWay | null = null) => Object.fromEntries(moves.map((m) => [m, way]));

export const CONTRACTS: Readonly<Record<Syscall, Contract>> = {
  read: {
    moves: {
      ...any(FILLS, 'buffered'),
      'cpu:pageCache>user': 'buffered',
      pin: 'direct',
      'dma:disk>user': 'direct',
      unpin: 'direct',
      fault: null,
    },
  },
  // Into a socket, a file's page cache or a pipe, write() copies the caller's buffer.
  write: { moves: { 'cpu:user>socket': null, 'cpu:user>pageCache': null, 'cpu:user>pipe': null, ...any(SENDS), fault: null } },
  sendto: {
    moves: { 'cpu:user>socket': null, ...any(SENDS), fault: null, pin: null, 'desc:user>socket': null },
    needs: { need: 'soZerocopy', moves: ['pin', 'desc:user>socket'] },
    keepsPins: true,
  },
  recvmsg: { moves: {} },
  poll: { moves: {} },
  mmap: { moves: { ...any(FILLS), 'map:pageCache': null } },
  munmap: { moves: { unmap: null } },
  sendfile: { moves: { ...any(FILLS), 'cpu:pageCache>socket': null, 'desc:pageCache>socket': null, ...any(SENDS) } },
  pipe: { moves: {} },
  splice: {
    moves: {
      ...any(FILLS, 'intoPipe'),
      'ref:pageCache>pipe': 'intoPipe',
      'ref:pipe>socket': 'outOfPipe',
      'cpu:pipe>socket': 'outOfPipe',
      'cpu:pipe>pageCache': 'outOfPipe',
      ...any(SENDS, 'outOfPipe'),
    },
    needs: { need: 'pipe' },
  },
  vmsplice: { moves: { pin: null, 'ref:user>pipe': null }, needs: { need: 'pipe' }, keepsPins: true },
  setsockopt: { moves: {} },
  io_setup: { moves: {} },
  io_submit: { moves: { pin: null, 'dma:disk>user': null }, keepsPins: true, neverWaits: true },
  io_getevents: { moves: { unpin: null } },
  // VFIO's ioctls map the device and pin the pool (VFIO_IOMMU_MAP_DMA), or release it (VFIO_IOMMU_UNMAP_DMA).
  ioctl: { moves: { 'map:nic': null, 'map:ctrl': null, pin: null, unpin: null }, keepsPins: true },
  uf_get: { moves: { 'dma:disk>fbuf': null, 'map:fbuf': null }, mapsReadOnly: true },
  uf_write: { moves: { 'ref:fbuf>socket': null, 'cpu:fbuf>socket': null, ...any(SENDS) } },
};

/** In a page-fault handler the kernel fills the page and maps it (faultIn, cowCopy): nothing else. */
const FAULT_MOVES: ReadonlySet<string> = new Set(FILLS);

/** The call's contract by any of its names, or null for a name the machine does not know. */
export function contractName(name: string): Syscall | null {
  if ((SYSCALLS as readonly string[]).includes(name)) return name as Syscall;
  return SYSCALL_ALIASES[name] ?? null;
}

/** The move an event makes, in the contracts' terms; null for events no contract governs (a device acting, a fault's own steps). */
export function moveOf(event: Event): string | null {
  switch (event.type) {
    case 'cpuCopy':
      return `cpu:${event.from}>${event.to}`;
    case 'programDma':
      return `dma:${event.from}>${event.to}`;
    case 'descriptorCopy':
      return `desc:${event.from}>${event.to}`;
    case 'pageRefMove':
      return `ref:${event.from}>${event.to}`;
    case 'mapPages':
      return `map:${event.from}`;
    case 'unmapPages':
      return 'unmap';
    case 'pin':
    case 'unpin':
      return event.type;
    case 'deviceRead':
    case 'pollStatus':
      return 'pio';
    case 'pageFault':
      return 'fault';
    default:
      return null;
  }
}

/** The system call the process is inside: its name and contract, the way it has committed to, and the pages it pinned. */
export interface OpenCall {
  /** The name the program called it by (`pread`): what the learner reads. */
  name: string;
  /** The contract that name obeys (`read`): what the machine checks. */
  contract: Syscall;
  way: CallWay | null;
  pinned: string[];
}

/** What a call may need made before it; a path's earlier calls matter to the machine only through these. */
export const CALL_NEEDS: readonly CallNeed[] = ['pipe', 'soZerocopy'];

/** Whether `need` was made before now: a pipe() call, or setsockopt(SO_ZEROCOPY) on the socket. */
export function made(state: State, need: CallNeed): boolean {
  const call: Syscall = need === 'pipe' ? 'pipe' : 'setsockopt';
  return state.syscallLog.some((name) => contractName(name) === call);
}

/**
 * A completion handler releases the pages its device used, whatever the process
 * was doing: an unpin right after the interrupt of the transfer that moved them.
 */
export function handlerReleases(state: State, event: Event): boolean {
  return event.type === 'unpin' && state.cpu.activity === 'interrupt' && (event.blocks ?? state.payload).every((b) => state.completed.includes(b));
}

/** What refuses starting `name` now: an unknown call, or a call that needs something made first. */
export function callRefusal(state: State, name: string): Refusal | null {
  const call = contractName(name);
  if (call === null) return { code: 'unknownCall', params: { call: name } };
  const need = CONTRACTS[call].needs;
  if (need && !need.moves && !made(state, need.need)) return { code: 'callNeeds', params: { call: name, need: need.need } };
  return null;
}

/**
 * What refuses `event` because of the call or fault the kernel is in, if
 * anything: a move outside the open call's contract, one that needs what was
 * not made first, or one that goes the other way from what the call has done.
 * Returns the way the call commits to with this move, if it commits.
 */
export function contractRefusal(state: State, event: Event): { refusal: Refusal | null; way: CallWay | null } {
  // A call that returns at once waits for nothing: no sleep, and no DMA that puts the process to sleep.
  const waits = event.type === 'sleep' || (event.type === 'programDma' && event.block === true);
  if (waits && state.faultReturn === null && state.call !== null && CONTRACTS[state.call.contract].neverWaits) {
    return { refusal: { code: 'callNeverWaits', params: { call: state.call.name } }, way: null };
  }
  const move = moveOf(event);
  if (move === null) return { refusal: null, way: null };
  if (handlerReleases(state, event)) return { refusal: null, way: null };
  if (state.faultReturn !== null) {
    if (move === 'fault' || FAULT_MOVES.has(move)) return { refusal: null, way: null };
    return { refusal: { code: 'faultCannot', params: { event: event.type } }, way: null };
  }
  const open = state.call;
  if (open === null) return { refusal: null, way: null };
  const contract = CONTRACTS[open.contract];
  const shown = open.name;
  // Polling a status register moves nothing: any call may wait on its device that way.
  if (event.type === 'pollStatus') return { refusal: null, way: null };
  if (!(move in contract.moves)) {
    const params = { call: shown, event: event.type, ...placesOf(event) };
    return { refusal: { code: 'outsideContract', params }, way: null };
  }
  const need = contract.needs;
  if (need?.moves?.includes(move) && !made(state, need.need)) {
    return { refusal: { code: 'callNeeds', params: { call: shown, need: need.need } }, way: null };
  }
  if (contract.mapsReadOnly && event.type === 'mapPages' && (event.lazy === true || event.cow === true || event.writable !== false)) {
    return { refusal: { code: 'mapsReadOnly', params: { call: shown } }, way: null };
  }
  const way = contract.moves[move];
  if (way !== null && open.way !== null && way !== open.way) {
    return { refusal: { code: 'callWayMixed', params: { call: shown, way: open.way } }, way: null };
  }
  return { refusal: null, way };
}

/** What refuses returning from the open call now: a pin it took and must release first. */
export function returnRefusal(state: State): Refusal | null {
  const open = state.call;
  if (open === null || CONTRACTS[open.contract].keepsPins) return null;
  const held = open.pinned.find((b) => state.pageTable.some((p) => p.block === b && p.pinned));
  return held === undefined ? null : { code: 'pinsHeldAtReturn', params: { call: open.name, block: held } };
}

function placesOf(event: Event): { from?: Location; to?: Location } {
  const e = event as { from?: Location; to?: Location };
  return { ...(e.from !== undefined && { from: e.from }), ...(e.to !== undefined && { to: e.to }) };
}
