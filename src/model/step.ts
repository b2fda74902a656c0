import {
  HARDWARE,
  LOCATIONS,
  type Activity,
  type Actor,
  type Counters,
  type Event,
  type EventType,
  type Holding,
  DEFAULT_MACHINE,
  type Location,
  type Machine,
  type Mode,
  type PageTableEntry,
  type State,
  type Transfer,
} from './types.js';
import { IllegalEvent, illegal, type PinnedChange, type Refusal, type RefusalCode, type RefusalParams } from './refusals.js';
import { callRefusal, contractName, contractRefusal, handlerReleases, returnRefusal } from './contracts.js';

const NO_COUNTS: Counters = {
  cpuCopies: 0,
  dmaCopies: 0,
  modeSwitches: 0,
  syscalls: 0,
  descriptorCopies: 0,
  interrupts: 0,
  pageFaults: 0,
};

/** The machine before anything happens: the payload is on disk (and cached, on a warm machine), the learner's program runs. */
export function initialState(payload: readonly string[], machine: Machine = DEFAULT_MACHINE): State {
  if (payload.length === 0) throw new IllegalEvent('emptyPayload', {});
  if (new Set(payload).size !== payload.length) throw new IllegalEvent('repeatedBlocks', {});
  const places = Object.fromEntries(LOCATIONS.map((l) => [l, [] as Holding[]])) as Record<Location, Holding[]>;
  places.disk = payload.map((block) => ({ block, as: 'data' }));
  if (machine.cache === 'warm') places.pageCache = payload.map((block) => ({ block, as: 'data' }));
  return {
    machine: { ...machine },
    cpu: { mode: 'user', ring: 3, activity: 'running' },
    privilege: 'user',
    process: 'running',
    call: null,
    faultReturn: null,
    fault: null,
    dma: idleDma(),
    deviceReady: false,
    readySeen: false,
    nicSending: false,
    completed: [],
    uncollected: [],
    sent: [],
    interruptLine: null,
    places,
    pageTable: [],
    userMapped: [],
    payload: [...payload],
    counts: { ...NO_COUNTS },
    syscallLog: [],
    transfer: null,
    actor: 'cpu',
  };
}

const isHardware = (l: Location) => HARDWARE.includes(l);

const idleDma = (): State['dma'] => ({ mar: null, adr: null, wc: 0, toDevice: false, status: 'idle', queue: [], blocks: [], frames: [] });

/** The place whose registers must be mapped for user mode to drive a device: the disk is driven through its controller. */
const registersOf = (device: Location): Location => (device === 'disk' ? 'ctrl' : device);

/** A refusal, its parameters checked against its code. */
const refuse = <C extends RefusalCode>(code: C, params: RefusalParams[C]): Refusal => ({ code, params }) as Refusal;

/** Whether a helper's answer is a refusal rather than what it looks up (a place, a holding, a list of blocks). */
const isRefusal = (answer: unknown): answer is Refusal => typeof answer === 'object' && answer !== null && 'code' in answer;

/** The first refusal `check` meets, taking `items` in order; null when none refuses. */
function firstRefusal<T>(items: readonly T[], check: (item: T) => Refusal | null): Refusal | null {
  for (const item of items) {
    const refusal = check(item);
    if (refusal) return refusal;
  }
  return null;
}

/** `find` of each item, in order; or the first refusal met, and nothing after it is looked up. */
function lookUpAll<T, U>(items: readonly T[], find: (item: T) => U | Refusal): U[] | Refusal {
  const found: U[] = [];
  for (const item of items) {
    const answer = find(item);
    if (isRefusal(answer)) return answer;
    found.push(answer);
  }
  return found;
}

/** The CPU reads memory and the controller's buffer, never the disk, however a reference leads there. */
function cpuReadable(origin: Location | Refusal): Location | Refusal {
  return origin === 'disk' ? refuse('cpuCannotAddressDisk', {}) : origin;
}

/** One copy reads from one place: blocks whose bytes sit in different places take one step each. */
function oneOrigin(origins: Location[] | Refusal): Location | Refusal {
  if (isRefusal(origins)) return origins;
  const places = [...new Set(origins)];
  return places.length > 1 ? refuse('mixedOrigins', { places }) : places[0];
}

/**
 * What refuses every event of `type` in `state`, whatever its fields: the checks
 * each kind makes before it reads a field. tryStep() makes them here, so that a
 * search for legal moves (movesOf) learns in one call that a kind has none.
 */
export function kindRefusal(state: State, type: EventType): Refusal | null {
  const blocked: Refusal | null = state.process === 'blocked' ? { code: 'processBlocked', params: {} } : null;
  switch (type) {
    case 'syscall':
    case 'pollStatus':
    case 'cpuCopy':
    case 'pageFault':
      return blocked;
    case 'sysret':
      return blocked ?? (state.call === null ? { code: 'sysretWithoutSyscall', params: {} } : null);
    case 'sleep':
      return blocked ?? (state.call === null && state.faultReturn === null ? { code: 'sleepOutsideCall', params: {} } : null);
    case 'run':
      return blocked ?? (state.privilege !== 'user' ? { code: 'runInKernel', params: {} } : null);
    case 'dmaTransfer':
      return state.dma.status !== 'programmed' || state.dma.wc === 0 ? { code: 'dmaNotProgrammed', params: {} } : null;
    case 'handleInterrupt':
      return state.interruptLine === null ? { code: 'noInterruptPending', params: {} } : null;
    case 'faultIn':
    case 'cowCopy':
    case 'faultReturn':
      return state.process === 'blocked' ? { code: 'blockedInFault', params: {} } : state.faultReturn === null ? { code: 'onlyInFault', params: {} } : null;
    case 'mapPages':
    case 'unmapPages':
    case 'descriptorCopy':
    case 'pageRefMove':
      return blocked ?? (state.privilege !== 'kernel' ? { code: 'needsKernel', params: { action: type } } : null);
    case 'programDma':
      return state.machine.dma ? null : { code: 'noDmaController', params: {} };
    default:
      return null;
  }
}

/**
 * What no machine can do, whoever asks: refused before asking whether the open
 * call may, so the learner hears the physical reason first.
 */
function physicalRefusal(event: Event): Refusal | null {
  switch (event.type) {
    case 'cpuCopy':
      if (event.from === event.to) return { code: 'copySamePlace', params: {} };
      if (event.from === 'disk' || event.to === 'disk') return { code: 'cpuCannotAddressDisk', params: {} };
      return null;
    case 'programDma':
      if (isHardware(event.from) === isHardware(event.to)) return { code: 'dmaNeedsOneDevice', params: {} };
      // The DMA controller's ADR names the disk itself; the controller's buffer is where programmed I/O leaves bytes for the CPU.
      if (event.from === 'ctrl' || event.to === 'ctrl') return { code: 'dmaNotController', params: {} };
      // A file's blocks come in through the page cache, or to pages set aside for them: a network buffer is filled from those.
      if (event.from === 'disk' && (event.to === 'socket' || event.to === 'pipe')) return { code: 'diskReadIntoNetBuffer', params: { place: event.to } };
      return null;
    case 'mapPages':
      if (event.from === 'user') return { code: 'mapUserBuffer', params: {} };
      if (event.from === 'disk') return { code: 'mapDisk', params: {} };
      // A device is mapped for its registers (kernel bypass drives it through them), never its buffer's bytes.
      if (isHardware(event.from) && event.blocks !== undefined) return { code: 'mapDeviceBlocks', params: { device: event.from } };
      return null;
    case 'descriptorCopy':
    case 'pageRefMove':
      return event.from === event.to ? { code: 'referenceSamePlace', params: {} } : null;
    default:
      return null;
  }
}

/** The machine's answer to an event: the state after it, or why it refuses it (said in words by src/i18n/refusals.ts). */
export type StepResult = { ok: true; state: State } | { ok: false; refusal: Refusal };

/**
 * The pure reducer: the state after `event`, or the refusal saying why the
 * machine cannot do it; a refusal is an answer, never an exception. Every
 * counter changes here and nowhere else.
 */
export function tryStep(state: State, event: Event): StepResult {
  if (!Object.hasOwn(HANDLERS, event.type)) return { ok: false, refusal: refuse('unknownEvent', { event: JSON.stringify(event) }) };
  const refusal = kindRefusal(state, event.type) ?? physicalRefusal(event);
  if (refusal) return { ok: false, refusal };
  const contract = contractRefusal(state, event);
  if (contract.refusal) return { ok: false, refusal: contract.refusal };
  const s = draft(state);
  const done = (HANDLERS[event.type] as Handler<EventType>)(s, event);
  if (isRefusal(done)) return { ok: false, refusal: done };
  if (contract.way !== null && s.call) s.call = { ...s.call, way: contract.way };
  const mode: Mode = done.activity === 'interrupt' ? 'kernel' : s.privilege;
  s.cpu = { mode, ring: mode === 'kernel' ? 0 : 3, activity: done.activity };
  s.transfer = done.transfer ?? null;
  s.actor = done.actor ?? 'cpu';
  return { ok: true, state: s };
}

/** tryStep for a caller that treats a refusal as an error (a script that must run): it throws an IllegalEvent. */
export function step(state: State, event: Event): State {
  const result = tryStep(state, event);
  if (!result.ok) throw illegal(result.refusal);
  return result.state;
}

/** What a step did besides changing the draft: what the CPU spent it on, who acted (the CPU unless said), what moved. */
interface Done {
  activity: Activity;
  actor?: Actor;
  transfer?: Transfer;
}

/**
 * One event's work on a draft of the state (tryStep has made kindRefusal's,
 * physicalRefusal's and the contract's checks): what it did, or why the
 * machine refuses it. A refused draft is thrown away, so a handler may refuse
 * after it has begun to change it.
 */
type Handler<K extends EventType> = (s: State, event: Extract<Event, { type: K }>) => Done | Refusal;

/** Activity of a step the CPU takes no part in. */
const bystander = (s: State): Activity =>
  s.process === 'blocked' ? 'free' : s.privilege === 'user' ? 'running' : s.cpu.activity === 'polling' ? 'polling' : 'free';

const processBlocked = (s: State): Refusal | null => (s.process === 'blocked' ? refuse('processBlocked', {}) : null);

/** Every event type's handler: a new type of event does not compile until it has one. */
const HANDLERS: { [K in EventType]: Handler<K> } = {
  syscall(s, event) {
    if (s.faultReturn !== null) return refuse('syscallInFault', {});
    if (s.call !== null) return refuse('syscallInSyscall', { call: event.name, open: s.call.name });
    if (s.cpu.mode !== 'user') return refuse('syscallFromKernel', { call: event.name });
    const unknownOrUnready = callRefusal(s, event.name);
    if (unknownOrUnready) return unknownOrUnready;
    s.privilege = 'kernel';
    // callRefusal has refused a name with no contract.
    s.call = { name: event.name, contract: contractName(event.name)!, way: null, pinned: [] };
    // Collecting finished AIO requests is what tells the program its buffer holds the bytes.
    if (s.call.contract === 'io_getevents') s.uncollected = [];
    s.counts.syscalls += 1;
    s.counts.modeSwitches += 1;
    s.syscallLog.push(event.name);
    return { activity: 'syscall' };
  },

  sysret(s, event) {
    // kindRefusal has refused a return with no call open.
    const open = s.call!.name;
    if (event.name !== undefined && event.name !== open) return refuse('sysretMismatch', { call: event.name, open });
    if (s.faultReturn !== null) return refuse('sysretInFault', {});
    const pinsHeld = returnRefusal(s);
    if (pinsHeld) return pinsHeld;
    s.privilege = 'user';
    s.call = null;
    s.counts.modeSwitches += 1;
    return { activity: 'running' };
  },

  deviceRead(s, event) {
    // The disk reads when it is told to: by the kernel (the open call's contract says whether it may), or by a program that maps its controller.
    if (s.privilege !== 'kernel' && !s.userMapped.includes('ctrl')) return refuse('diskNotAsked', {});
    if (s.machine.pio === false) return refuse('diskDmaOnly', {});
    const blocks = pick(s, 'disk', event.blocks);
    if (isRefusal(blocks)) return blocks;
    // The controller's buffer is not the user buffer: putting the bytes there is never refused.
    for (const b of blocks) put(s, 'ctrl', { block: b, as: 'data' });
    s.deviceReady = true;
    return { actor: 'disk', activity: bystander(s), transfer: { kind: 'device', from: 'disk', to: 'ctrl', via: null, blocks } };
  },

  pollStatus(s) {
    if (s.privilege !== 'kernel' && !s.userMapped.some(isHardware)) return refuse('statusNeedsKernel', {});
    // Reading a finished transfer's status is how a poller takes its completion, instead of an interrupt:
    // a program that drives the device itself. The kernel takes a DMA's completion by its interrupt.
    if (s.dma.status === 'done' && s.privilege === 'kernel') return refuse('kernelTakesInterrupt', {});
    if (s.deviceReady) s.readySeen = true;
    if (s.dma.status === 'done') {
      if (s.dma.adr === 'nic') transmitted(s);
      s.dma = idleDma();
    }
    return { activity: 'polling' };
  },

  programDma(s, event) {
    // physicalRefusal has made sure exactly one end is a device.
    const { from, to } = event;
    const fromHw = isHardware(from);
    const device = fromHw ? from : to;
    const memory = fromHw ? to : from;
    const refusal =
      processBlocked(s) ??
      (s.privilege !== 'kernel' && !s.userMapped.includes(registersOf(device)) ? refuse('dmaProgramNeedsKernel', { device }) : null) ??
      (s.dma.status === 'programmed' ? refuse('dmaBusy', {}) : null) ??
      (s.dma.status === 'done' ? refuse('dmaCompletionNotTaken', {}) : null);
    if (refusal) return refusal;
    const blocks = event.blocks ?? (fromHw && from === 'disk' ? s.payload : s.places[from].map((h) => h.block));
    const unmovable =
      (blocks.length === 0 ? refuse('nothingToTransfer', { place: from }) : null) ??
      (from === 'disk' && to === 'pageCache' ? refuseCached(s, blocks) : null) ??
      (memory === 'user' ? firstRefusal(blocks, (b) => (pte(s, b)?.pinned ? null : refuse('dmaUserNotPinned', { block: b }))) : null) ??
      // Memory -> device: the bytes must be reachable now, possibly through descriptors (gather).
      (fromHw ? firstRefusal(blocks, (b) => refusalOf(holding(s, from, b))) : toDeviceRefusal(s, from, to, blocks));
    if (unmovable) return unmovable;
    s.dma = { mar: memory, adr: device, wc: blocks.length, toDevice: !fromHw, status: 'programmed', queue: [...blocks], blocks: [...blocks], frames: [] };
    if (memory === 'user' && s.call?.contract === 'io_submit') s.uncollected = [...new Set([...s.uncollected, ...blocks])];
    if (event.block) {
      const cannotSleep = sleep(s);
      if (cannotSleep) return cannotSleep;
    }
    // From user mode this is the program itself writing a mapped device's registers (kernel bypass).
    return { activity: s.privilege === 'user' ? 'running' : 'syscall' };
  },

  sleep(s) {
    // kindRefusal has refused a sleep outside a call or a fault, the one reason sleep() gives.
    sleep(s);
    return { activity: 'free' };
  },

  dmaTransfer(s, event) {
    const count = event.count ?? s.dma.wc;
    if (!Number.isInteger(count) || count < 1 || count > s.dma.wc) return refuse('dmaCount', { max: s.dma.wc, count });
    const moving = s.dma.queue.slice(0, count);
    const source = (s.dma.toDevice ? s.dma.mar : s.dma.adr) as Location;
    const dest = (s.dma.toDevice ? s.dma.adr : s.dma.mar) as Location;
    const origin = oneOrigin(lookUpAll(moving, (b) => (source !== 'disk' ? dmaReadable(s, source, b) : (refusalOf(holding(s, 'disk', b)) ?? 'disk'))));
    if (isRefusal(origin)) return origin;
    // Off the queue first: the user buffer's holdings of queued blocks change only by this write.
    s.dma.queue = s.dma.queue.slice(count);
    const unwritable = firstRefusal(moving, (b) => writeData(s, dest, b));
    if (unwritable) return unwritable;
    s.dma.wc -= count;
    const frame = s.dma.toDevice ? origin : dest;
    if (!s.dma.frames.includes(frame)) s.dma.frames = [...s.dma.frames, frame];
    if (s.dma.wc === 0) {
      s.dma.status = 'done';
      s.counts.dmaCopies += 1;
    }
    return { actor: 'dma', activity: bystander(s), transfer: { kind: 'dma-copy', from: origin, to: dest, via: origin === source ? null : source, blocks: moving } };
  },

  raiseInterrupt(s, event) {
    if (s.interruptLine !== null) return refuse('interruptPending', { source: s.interruptLine });
    // A programmed-I/O card raises its transmit-complete interrupt for what the CPU handed it,
    // with no DMA at all; every other completion but the disk's is a finished DMA transfer's.
    const pioTransmit = event.source === 'nic' && s.nicSending;
    if (!pioTransmit) {
      if (event.source !== 'disk' && s.dma.status !== 'done') return refuse('dmaInterruptEarly', {});
      if (event.source === 'dma' && s.dma.adr === 'nic') return refuse('nicInterruptFromDma', {});
      if (event.source === 'nic' && s.dma.adr !== 'nic') return refuse('nicInterruptNotNic', {});
    }
    if (event.source === 'disk' && !s.deviceReady) return refuse('diskNotReady', {});
    s.interruptLine = event.source;
    return { actor: event.source, activity: bystander(s) };
  },

  handleInterrupt(s) {
    // The DMA controller's completion is the DMA's interrupt, or the NIC's for a transfer to the NIC; a
    // programmed-I/O card's leaves it alone. The handler knows the pages its transfer used: those it may release.
    const dmaDone = s.interruptLine === 'dma' || (s.interruptLine === 'nic' && s.dma.adr === 'nic');
    s.completed = dmaDone ? s.dma.blocks.filter((b) => s.dma.frames.includes(pte(s, b)?.frame as Location)) : [];
    if (dmaDone) s.dma = idleDma();
    // The NIC is done with what it was sent: the driver frees the packets, and with them the
    // descriptors that pointed at bytes elsewhere (page cache, pinned pages). Copied bytes stay
    // where the lessons leave them (TCP keeps its skb until the peer's ACK; docs/MODEL.md).
    if (s.interruptLine === 'disk') s.readySeen = true;
    if (s.interruptLine === 'nic') {
      s.places.socket = s.places.socket.filter((h) => h.as !== 'ref');
      transmitted(s);
    }
    s.interruptLine = null;
    s.counts.interrupts += 1;
    s.process = 'running';
    return { activity: 'interrupt' };
  },

  cpuCopy(s, event) {
    // physicalRefusal has refused a copy to its own place, and one to or from the disk.
    const { from, to } = event;
    for (const place of [from, to]) {
      if (s.privilege === 'user' && !userCanTouch(s, place)) return refuse('userCannotTouch', { place });
    }
    const blocks = pick(s, from, event.blocks);
    if (isRefusal(blocks)) return blocks;
    const unready =
      (from === 'ctrl' && to === 'pageCache' ? refuseCached(s, blocks) : null) ??
      // The CPU reads the controller once it knows the data is there: by polling its status or by its interrupt.
      (from === 'ctrl' && !s.readySeen ? refuse('diskNotChecked', {}) : null) ??
      (to === 'nic' ? (nicSource(s, from) ?? (s.machine.pio === false ? refuse('nicDmaOnly', {}) : null)) : null);
    if (unready) return unready;
    const origin = cpuReadable(oneOrigin(lookUpAll(blocks, (b) => resolveData(s, from, b))));
    if (isRefusal(origin)) return origin;
    const unwritable = firstRefusal(blocks, (b) => writeData(s, to, b, s.privilege));
    if (unwritable) return unwritable;
    // A controller's buffer drains as it is read: once the CPU has the bytes, the controller holds none.
    if (from === 'ctrl') {
      for (const b of blocks) remove(s, 'ctrl', b);
      if (s.places.ctrl.length === 0) {
        s.deviceReady = false;
        s.readySeen = false;
      }
    }
    if (to === 'nic') s.nicSending = true;
    s.counts.cpuCopies += 1;
    return { activity: 'copying', transfer: { kind: 'cpu-copy', from: origin, to, via: origin === from ? null : from, blocks } };
  },

  mapPages(s, event) {
    // physicalRefusal has refused mapping the user buffer, the disk, and a device's blocks.
    const { from } = event;
    if (isHardware(from) && event.blocks === undefined) {
      // A device's register and queue window (kernel bypass): no payload pages, only access.
      if (s.machine.bypass === false) return refuse('noBypass', { device: from });
      if (!s.userMapped.includes(from)) s.userMapped.push(from);
      return { activity: 'syscall', transfer: { kind: 'mapping', from, to: 'user', via: null, blocks: [] } };
    }
    const blocks = event.lazy ? (event.blocks ?? s.payload) : pick(s, from, event.blocks);
    if (isRefusal(blocks)) return blocks;
    const cow = event.cow ?? false;
    const unmappable = firstRefusal(blocks, (b) => {
      const unreadable = event.lazy ? null : refusalOf(resolveData(s, from, b));
      if (unreadable) return unreadable;
      const referrer = LOCATIONS.find((l) => s.places[l].some((h) => h.block === b && h.as === 'ref' && h.target === 'user'));
      if (referrer && holds(s, 'user', b, 'data')) return refuse('mapOverReferenced', { referrer, block: b });
      const pinned = keepsFrame(s, b, 'map');
      if (pinned) return pinned;
      setPte(s, b, { frame: from, present: !event.lazy, writable: cow ? false : (event.writable ?? true), cow, pinned: false });
      return put(s, 'user', { block: b, as: 'map', target: from });
    });
    if (unmappable) return unmappable;
    if (!s.userMapped.includes(from)) s.userMapped.push(from);
    return { activity: 'syscall', transfer: { kind: 'mapping', from, to: 'user', via: null, blocks } };
  },

  unmapPages(s, event) {
    if (!s.userMapped.includes(event.from)) return refuse('notMapped', { place: event.from });
    const pinned = firstRefusal(s.pageTable, (p) => (p.frame === event.from ? keepsFrame(s, p.block, 'unmap') : null));
    if (pinned) return pinned;
    s.userMapped = s.userMapped.filter((l) => l !== event.from);
    s.places.user = s.places.user.filter((h) => !(h.as === 'map' && h.target === event.from));
    s.pageTable = s.pageTable.filter((p) => p.frame !== event.from);
    return { activity: 'syscall' };
  },

  descriptorCopy(s, event) {
    // physicalRefusal has refused a descriptor to its own place.
    const blocks = pick(s, event.from, event.blocks);
    if (isRefusal(blocks)) return blocks;
    const refused = firstRefusal(blocks, (b) => {
      const where = overData(s, event.to, b) ?? resolveData(s, event.from, b);
      return isRefusal(where) ? where : put(s, event.to, { block: b, as: 'ref', target: where });
    });
    if (refused) return refused;
    s.counts.descriptorCopies += 1;
    return { activity: 'syscall', transfer: { kind: 'descriptor', from: event.from, to: event.to, via: null, blocks } };
  },

  pageRefMove(s, event) {
    // physicalRefusal has refused a reference to its own place.
    const blocks = pick(s, event.from, event.blocks);
    if (isRefusal(blocks)) return blocks;
    const refused = firstRefusal(blocks, (b) => {
      const over = overData(s, event.to, b);
      if (over) return over;
      const h = holding(s, event.from, b);
      if (isRefusal(h)) return h;
      const where = resolveData(s, event.from, b);
      if (isRefusal(where)) return where;
      // A reference moves; bytes stay where they are.
      return put(s, event.to, { block: b, as: 'ref', target: where }) ?? (h.as === 'ref' ? remove(s, event.from, b) : null);
    });
    if (refused) return refused;
    s.counts.descriptorCopies += 1;
    return { activity: 'syscall', transfer: { kind: 'reference', from: event.from, to: event.to, via: null, blocks } };
  },

  pin: pinning,
  unpin: pinning,

  pageFault(s, event) {
    if (s.faultReturn !== null) return refuse('alreadyInFault', {});
    const entry = pte(s, event.block);
    if (!entry) return refuse('noPage', { block: event.block });
    if (entry.present && !entry.cow) return refuse('noFault', { block: event.block });
    s.faultReturn = s.privilege;
    s.fault = {
      block: event.block,
      around: s.pageTable.filter((p) => !p.present && p.block !== event.block && holds(s, p.frame, p.block, 'data')).map((p) => p.block),
    };
    s.privilege = 'kernel';
    s.counts.pageFaults += 1;
    return { activity: 'fault' };
  },

  faultIn(s, event) {
    // Fault-around: besides the faulting page, Linux maps neighbours that were already in the page cache.
    const mappable = new Set([s.fault!.block, ...s.fault!.around]);
    const waiting = s.pageTable.filter((p) => !p.present);
    const ready = waiting.filter((p) => mappable.has(p.block) && holds(s, p.frame, p.block, 'data'));
    const blocks = event.blocks ?? ready.filter((p) => p.frame === ready[0]?.frame).map((p) => p.block);
    if (blocks.length === 0) return refuse('nothingToFaultIn', {});
    const frame = waiting.find((p) => p.block === blocks[0])?.frame;
    const refused = firstRefusal(blocks, (b) => {
      const entry = waiting.find((p) => p.block === b);
      if (!entry) return refuse('notWaitingForFault', { block: b });
      if (!mappable.has(b)) return refuse('faultAroundLate', { block: b });
      if (entry.frame !== frame) return refuse('faultInMixedMappings', { block: b, place: entry.frame, expected: frame! });
      if (!holds(s, entry.frame, b, 'data')) return refuse('faultInNotHeld', { place: entry.frame, block: b });
      const filling = fillPending(s, entry.frame, b);
      if (filling) return filling;
      setPte(s, b, { ...entry, present: true });
      return null;
    });
    if (refused) return refused;
    return { activity: 'fault', transfer: { kind: 'mapping', from: frame!, to: 'user', via: null, blocks } };
  },

  cowCopy(s, event) {
    const entry = pte(s, event.block);
    if (!entry?.cow) return refuse('notCow', { block: event.block });
    const pinned = keepsFrame(s, event.block, 'cow');
    if (pinned) return pinned;
    const origin = cpuReadable(resolveData(s, entry.frame, event.block));
    if (isRefusal(origin)) return origin;
    const queued = put(s, 'user', { block: event.block, as: 'data' });
    if (queued) return queued;
    setPte(s, event.block, { ...entry, frame: 'user', present: true, writable: true, cow: false });
    s.counts.cpuCopies += 1;
    return { activity: 'copying', transfer: { kind: 'cpu-copy', from: origin, to: 'user', via: origin === entry.frame ? null : entry.frame, blocks: [event.block] } };
  },

  faultReturn(s) {
    s.privilege = s.faultReturn as Mode;
    s.faultReturn = null;
    s.fault = null;
    return { activity: s.privilege === 'user' ? 'running' : 'syscall' };
  },

  run: () => ({ activity: 'running' }),
};

/** pin and unpin: the kernel takes or releases pages for a device, or a completion handler releases what its device used. */
function pinning(s: State, event: Extract<Event, { type: 'pin' | 'unpin' }>): Done | Refusal {
  // A device's completion handler may release the pages it used, whatever the process was doing.
  const inHandler = handlerReleases(s, event);
  const cannot = processBlocked(s) ?? (!inHandler && s.privilege !== 'kernel' ? refuse('needsKernel', { action: event.type }) : null);
  if (cannot) return cannot;
  const blocks = event.blocks ?? s.payload;
  const refused = firstRefusal(blocks, (b) => {
    if (!s.payload.includes(b)) return refuse('noSuchBlock', { block: b });
    const existing = pte(s, b);
    if (event.type === 'unpin') {
      if (!existing?.pinned) return refuse('notPinned', { block: b });
      // Until the transfer's completion is taken the kernel does not know the device is done with the page.
      if (s.dma.status !== 'idle' && s.dma.mar === existing.frame && s.dma.blocks.includes(b)) {
        return refuse('pageInDma', { block: b, device: s.dma.adr as Location });
      }
      // A page is pinned because a device will read it; it stays pinned while anything may still send it.
      const holder = LOCATIONS.find((l) => s.places[l].some((h) => h.block === b && h.as === 'ref' && h.target === existing.frame));
      if (holder) return refuse('unpinStillReferenced', { holder, block: b });
      // Nor while the DMA controller holds the page's address for a transfer not yet done.
      const queued = keepsQueued(s, b);
      if (queued) return queued;
    }
    setPte(s, b, { ...(existing ?? { frame: 'user', present: true, writable: true, cow: false }), pinned: event.type === 'pin' });
    return null;
  });
  if (refused) return refused;
  if (event.type === 'pin' && s.call) s.call = { ...s.call, pinned: [...new Set([...s.call.pinned, ...blocks])] };
  return { activity: inHandler ? 'interrupt' : 'syscall' };
}

/**
 * What refuses a DMA from memory at `from` to the device `to`: the NIC's own
 * rules (what it may send, and without gather, from where), and each block's
 * bytes unreachable now.
 */
function toDeviceRefusal(s: State, from: Location, to: Location, blocks: readonly string[]): Refusal | null {
  return (
    (to === 'nic' ? nicSource(s, from) : null) ??
    firstRefusal(blocks, (b) => refusalOf(dmaReadable(s, from, b))) ??
    (to === 'nic' && s.machine.nic === 'nosg' ? firstRefusal(blocks, (b) => wholePacket(s, from, b)) : null)
  );
}

/** The refusal in a helper's answer, or null when it found what it looked up. */
const refusalOf = (answer: unknown): Refusal | null => (isRefusal(answer) ? answer : null);

/**
 * The NIC transmits what a socket buffer holds, or the pool its own process
 * drives (kernel bypass: user mode, its registers mapped); never a page the
 * kernel was not told about (docs/MODEL.md).
 */
function nicSource(s: State, from: Location): Refusal | null {
  const ownPool = from === 'user' && s.privilege === 'user' && s.userMapped.includes('nic');
  return from !== 'socket' && !ownPool ? refuse('nicSource', { place: from }) : null;
}

/** The NIC's transmit is complete: its bytes are on the wire, and the card holds nothing. */
function transmitted(s: State) {
  s.sent = [...new Set([...s.sent, ...s.places.nic.map((h) => h.block)])].sort((a, b) => s.payload.indexOf(a) - s.payload.indexOf(b));
  s.places.nic = [];
  s.nicSending = false;
}

/** The process sleeps in the kernel until an interrupt wakes it; the CPU is free meanwhile. */
function sleep(s: State): Refusal | null {
  if (s.call === null && s.faultReturn === null) return refuse('sleepOutsideCall', {});
  s.process = 'blocked';
  return null;
}

/** Where a device reads `block` through `place`; it may read only where the bytes stay put, so user pages must be pinned. */
function dmaReadable(s: State, place: Location, block: string): Location | Refusal {
  const where = resolveData(s, place, block);
  if (where === 'user' && !pte(s, block)?.pinned) return refuse('dmaReadsUnpinned', { block });
  return where;
}

/**
 * A NIC that cannot gather sends one contiguous buffer: the socket buffer's own
 * copy of the bytes, or a pinned user pool a kernel-bypass program builds its
 * packets in (nicSource has made sure it is that program). Descriptors, into the
 * page cache or pinned user pages (MSG_ZEROCOPY), are of no use to it (docs/MODEL.md).
 */
function wholePacket(s: State, place: Location, block: string): Refusal | null {
  const ok = (place === 'socket' || place === 'user') && holds(s, place, block, 'data');
  return ok ? null : refuse('nicCannotGather', { place, block });
}

/**
 * The device a programmed DMA will still move `block` to or from through the
 * user buffer: the controller was given that page's address (MAR), and reads or
 * writes that frame whatever the process maps there afterwards.
 */
function dmaAtUser(s: State, block: string): Location | null {
  const queued = s.dma.status === 'programmed' && s.dma.mar === 'user' && s.dma.queue.includes(block);
  return queued ? (s.dma.adr as Location) : null;
}

/**
 * While the DMA controller is programmed at the user buffer, what the buffer
 * holds for a queued block (its bytes, the frame it maps, what it refers to)
 * changes only by that transfer: any other change would have the device read or
 * write somewhere the controller was not given.
 */
function keepsQueued(s: State, block: string): Refusal | null {
  const device = dmaAtUser(s, block);
  return device ? refuse('pageInDma', { block, device }) : null;
}

/**
 * A pinned page keeps its frame until it is unpinned: a device was handed that
 * frame (docs/MODEL.md: "the kernel pins the user buffer's pages and the NIC reads
 * them by DMA"), and the kernel puts no other page in its place while the pin
 * holds. zcopy keeps the pin on the page table entry and has one frame per
 * block in each place, so a mapping, an unmapping or a copy-on-write over a
 * pinned page would either drop the pin unseen or let a queued DMA read what
 * the process mapped there since, rather than the frame it was given; both are
 * refused. Unpinning, in turn, waits for the transfer that uses the page.
 */
function keepsFrame(s: State, block: string, change: PinnedChange): Refusal | null {
  return keepsQueued(s, block) ?? (pte(s, block)?.pinned ? refuse('pinnedPage', { block, change }) : null);
}

/** A reference goes to another place (physicalRefusal says so), never over the bytes it would point at (they would be lost). */
function overData(s: State, to: Location, block: string): Refusal | null {
  return holds(s, to, block, 'data') ? refuse('referenceOverData', { place: to, block }) : null;
}

/**
 * A deep-enough copy: every object a handler writes into is fresh. What it only
 * replaces is shared: a place's list of holdings, the holdings themselves, the
 * page table and its entries, the payload (put, remove and setPte build new
 * lists). Every legal-move search (the builder's palette) drafts a state per
 * candidate, so the less copied the better; a test runs every lesson and every
 * candidate on frozen states to keep this true.
 */
function draft(state: State): State {
  return {
    ...state,
    cpu: { ...state.cpu },
    dma: { ...state.dma },
    places: { ...state.places },
    fault: state.fault && { ...state.fault },
    userMapped: state.userMapped.slice(),
    counts: { ...state.counts },
    syscallLog: state.syscallLog.slice(),
  };
}

/** User mode touches its own buffer and kernel memory mapped into it; a mapped device gives it registers, not bytes to copy. */
function userCanTouch(s: State, place: Location) {
  return place === 'user' || (s.userMapped.includes(place) && !isHardware(place));
}

function holding(s: State, place: Location, block: string): Holding | Refusal {
  return s.places[place].find((x) => x.block === block) ?? refuse('notHeld', { place, block });
}

/** A file's page that is already cached is read from the page cache: the disk is asked only on a miss. */
function refuseCached(s: State, blocks: readonly string[]): Refusal | null {
  const cached = blocks.find((b) => holds(s, 'pageCache', b, 'data'));
  return cached === undefined ? null : refuse('alreadyCached', { block: cached });
}

function holds(s: State, place: Location, block: string, as: Holding['as']) {
  return s.places[place].some((h) => h.block === block && h.as === as);
}

/** The blocks an event names, or all the place holds; each must be there. */
function pick(s: State, place: Location, blocks: string[] | undefined): string[] | Refusal {
  const chosen = blocks ?? s.places[place].map((h) => h.block);
  if (chosen.length === 0) return refuse('placeEmpty', { place });
  return firstRefusal(chosen, (b) => refusalOf(holding(s, place, b))) ?? chosen;
}

/**
 * Where the bytes of `block` really are when read through `place`: the place
 * itself, or what its descriptor or mapping points at. A mapping needs its page
 * present.
 */
function resolveData(s: State, place: Location, block: string): Location | Refusal {
  const h = holding(s, place, block);
  if (isRefusal(h)) return h;
  if (h.as === 'data') return fillPending(s, place, block) ?? place;
  const target = h.target as Location;
  if (h.as === 'map') {
    const entry = pte(s, block);
    if (entry && !entry.present) return refuse('notPresent', { block });
    if (entry && entry.frame === 'user') return 'user';
  }
  if (!holds(s, target, block, 'data')) return refuse('danglingReference', { place, block, target });
  return fillPending(s, target, block) ?? target;
}

/**
 * What keeps anything from reading `block` at `place` yet: a DMA writing it
 * there whose completion has not been taken (the interrupt is how the kernel
 * learns the pages are up to date, so nothing reads, refers to or maps them
 * before it), or an AIO request whose bytes the program has not collected.
 */
function fillPending(s: State, place: Location, block: string): Refusal | null {
  const filling = s.dma.status !== 'idle' && !s.dma.toDevice && s.dma.mar === place && s.dma.blocks.includes(block);
  if (filling) return refuse('dmaFillPending', { place, block });
  if (place === 'user' && s.uncollected.includes(block)) return refuse('aioNotCollected', { block });
  return null;
}

/** Store the bytes of `block` at `place`; through a mapping, the bytes land in the mapped frame. */
function writeData(s: State, place: Location, block: string, by: Mode = 'kernel'): Refusal | null {
  const h = s.places[place].find((x) => x.block === block);
  if (h?.as === 'map') {
    const entry = pte(s, block);
    if (entry?.cow) return refuse('cowWrite', { block });
    if (entry && !entry.present) return refuse('notPresent', { block });
    if (by === 'user' && entry && !entry.writable) return refuse('readOnly', { block });
    return put(s, h.target as Location, { block, as: 'data' });
  }
  return put(s, place, { block, as: 'data' });
}

/** Holding `h` at `place`, in payload order; refused where it would change a user page a programmed DMA still uses. */
function put(s: State, place: Location, h: Holding): Refusal | null {
  const had = s.places[place].find((x) => x.block === h.block);
  if (place === 'user' && !(had?.as === h.as && had.target === h.target)) {
    const queued = keepsQueued(s, h.block);
    if (queued) return queued;
  }
  const list = s.places[place].filter((x) => x.block !== h.block);
  list.push(h);
  const order = (b: string) => s.payload.indexOf(b);
  list.sort((a, b) => order(a.block) - order(b.block));
  s.places[place] = list;
  return null;
}

/** `place` no longer holds `block`; refused, like put, for a user page a programmed DMA still uses. */
function remove(s: State, place: Location, block: string): Refusal | null {
  const queued = place === 'user' ? keepsQueued(s, block) : null;
  if (queued) return queued;
  s.places[place] = s.places[place].filter((x) => x.block !== block);
  return null;
}

function pte(s: State, block: string): PageTableEntry | undefined {
  return s.pageTable.find((p) => p.block === block);
}

function setPte(s: State, block: string, fields: Omit<PageTableEntry, 'vpn' | 'block'>) {
  const vpn = s.payload.indexOf(block);
  const rest = s.pageTable.filter((p) => p.block !== block);
  rest.push({ vpn, block, ...fields });
  rest.sort((a, b) => a.vpn - b.vpn);
  s.pageTable = rest;
}
