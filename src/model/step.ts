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
import { IllegalEvent, illegal, type KernelAction, type PinnedChange, type Refusal } from './refusals.js';
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
    openSyscall: null,
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

/** The CPU reads memory and the controller's buffer, never the disk, however a reference leads there. */
function cpuReadable(origin: Location): Location {
  if (origin === 'disk') throw new IllegalEvent('cpuCannotAddressDisk', {});
  return origin;
}

/** One copy reads from one place: blocks whose bytes sit in different places take one step each. */
function oneOrigin(origins: Location[]): Location {
  const places = [...new Set(origins)];
  if (places.length > 1) {
    throw new IllegalEvent('mixedOrigins', { places });
  }
  return places[0];
}

/**
 * What refuses every event of `type` in `state`, whatever its fields: the checks
 * each kind makes before it reads a field. step() makes them here, so that a
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
      return blocked ?? (state.openSyscall === null ? { code: 'sysretWithoutSyscall', params: {} } : null);
    case 'sleep':
      return blocked ?? (state.openSyscall === null && state.faultReturn === null ? { code: 'sleepOutsideCall', params: {} } : null);
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

/**
 * What refuses `event` before step() looks at the machine's holdings: what no
 * machine can do, and what the open call's contract (or the fault handler)
 * does not allow. A search for legal moves asks this first, without a throw.
 */
export function ruleRefusal(state: State, event: Event): Refusal | null {
  return kindRefusal(state, event.type) ?? physicalRefusal(event) ?? contractRefusal(state, event).refusal;
}

/**
 * The pure reducer: the state after `event`, or an IllegalEvent saying why the
 * machine cannot do it. Every counter changes here and nowhere else.
 */
export function step(state: State, event: Event): State {
  const refused = kindRefusal(state, event.type);
  if (refused) throw illegal(refused);
  const impossible = physicalRefusal(event);
  if (impossible) throw illegal(impossible);
  const contract = contractRefusal(state, event);
  if (contract.refusal) throw illegal(contract.refusal);
  const s = draft(state);
  let activity: Activity = state.cpu.activity;
  let actor: Actor = 'cpu';
  let transfer: Transfer | null = null;

  const needsRunningProcess = () => {
    if (s.process === 'blocked') {
      throw new IllegalEvent('processBlocked', {});
    }
  };
  const needsKernel = (action: KernelAction) => {
    needsRunningProcess();
    if (s.privilege !== 'kernel') throw new IllegalEvent('needsKernel', { action });
  };
  /** Activity of a step the CPU takes no part in. */
  const bystander = (): Activity =>
    s.process === 'blocked' ? 'free' : s.privilege === 'user' ? 'running' : state.cpu.activity === 'polling' ? 'polling' : 'free';

  switch (event.type) {
    case 'syscall': {
      if (s.faultReturn !== null) throw new IllegalEvent('syscallInFault', {});
      if (s.openSyscall !== null) {
        throw new IllegalEvent('syscallInSyscall', { call: event.name, open: s.openSyscall });
      }
      if (state.cpu.mode !== 'user') {
        throw new IllegalEvent('syscallFromKernel', { call: event.name });
      }
      const unknownOrUnready = callRefusal(s, event.name);
      if (unknownOrUnready) throw illegal(unknownOrUnready);
      s.privilege = 'kernel';
      s.openSyscall = event.name;
      s.call = { name: contractName(event.name)!, way: null, pinned: [] };
      // Collecting finished AIO requests is what tells the program its buffer holds the bytes.
      if (s.call.name === 'io_getevents') s.uncollected = [];
      s.counts.syscalls += 1;
      s.counts.modeSwitches += 1;
      s.syscallLog.push(event.name);
      activity = 'syscall';
      break;
    }
    case 'sysret': {
      // kindRefusal has refused a return with no call open.
      const open = s.openSyscall!;
      if (event.name !== undefined && event.name !== open) {
        throw new IllegalEvent('sysretMismatch', { call: event.name, open });
      }
      if (s.faultReturn !== null) throw new IllegalEvent('sysretInFault', {});
      const pinsHeld = returnRefusal(s);
      if (pinsHeld) throw illegal(pinsHeld);
      s.privilege = 'user';
      s.openSyscall = null;
      s.call = null;
      s.counts.modeSwitches += 1;
      activity = 'running';
      break;
    }
    case 'deviceRead': {
      // The disk reads when it is told to: by the kernel (the open call's contract says whether it may), or by a program that maps its controller.
      if (s.privilege !== 'kernel' && !s.userMapped.includes('ctrl')) throw new IllegalEvent('diskNotAsked', {});
      if (s.machine.pio === false) throw new IllegalEvent('diskDmaOnly', {});
      const blocks = pick(s, 'disk', event.blocks);
      for (const b of blocks) put(s, 'ctrl', { block: b, as: 'data' });
      s.deviceReady = true;
      actor = 'disk';
      activity = bystander();
      transfer = { kind: 'device', from: 'disk', to: 'ctrl', via: null, blocks };
      break;
    }
    case 'pollStatus': {
      if (s.privilege !== 'kernel' && !s.userMapped.some(isHardware)) {
        throw new IllegalEvent('statusNeedsKernel', {});
      }
      // Reading a finished transfer's status is how a poller takes its completion, instead of an interrupt:
      // a program that drives the device itself. The kernel takes a DMA's completion by its interrupt.
      if (s.dma.status === 'done' && s.privilege === 'kernel') throw new IllegalEvent('kernelTakesInterrupt', {});
      if (s.deviceReady) s.readySeen = true;
      if (s.dma.status === 'done') {
        if (s.dma.adr === 'nic') transmitted(s);
        s.dma = idleDma();
      }
      activity = 'polling';
      break;
    }
    case 'programDma': {
      const { from, to } = event;
      const fromHw = isHardware(from);
      if (fromHw === isHardware(to)) {
        throw new IllegalEvent('dmaNeedsOneDevice', {});
      }
      const device = fromHw ? from : to;
      const memory = fromHw ? to : from;
      needsRunningProcess();
      if (s.privilege !== 'kernel' && !s.userMapped.includes(registersOf(device))) {
        throw new IllegalEvent('dmaProgramNeedsKernel', { device });
      }
      if (s.dma.status === 'programmed') throw new IllegalEvent('dmaBusy', {});
      if (s.dma.status === 'done') {
        throw new IllegalEvent('dmaCompletionNotTaken', {});
      }
      const blocks = event.blocks ?? (fromHw && from === 'disk' ? s.payload : s.places[from].map((h) => h.block));
      if (blocks.length === 0) throw new IllegalEvent('nothingToTransfer', { place: from });
      if (from === 'disk' && to === 'pageCache') refuseCached(s, blocks);
      if (memory === 'user') {
        for (const b of blocks) {
          if (!pte(s, b)?.pinned) throw new IllegalEvent('dmaUserNotPinned', { block: b });
        }
      }
      // Memory -> device: the bytes must be reachable now, possibly through descriptors (gather).
      if (fromHw) for (const b of blocks) holding(s, from, b);
      else {
        if (to === 'nic') nicSource(s, from);
        for (const b of blocks) dmaReadable(s, from, b);
        if (to === 'nic' && s.machine.nic === 'nosg') for (const b of blocks) wholePacket(s, from, b);
      }
      s.dma = { mar: memory, adr: device, wc: blocks.length, toDevice: !fromHw, status: 'programmed', queue: [...blocks], blocks: [...blocks], frames: [] };
      if (memory === 'user' && s.call?.name === 'io_submit') s.uncollected = [...new Set([...s.uncollected, ...blocks])];
      if (event.block) sleep(s);
      // From user mode this is the program itself writing a mapped device's registers (kernel bypass).
      activity = s.privilege === 'user' ? 'running' : 'syscall';
      break;
    }
    case 'sleep': {
      sleep(s);
      activity = 'free';
      break;
    }
    case 'dmaTransfer': {
      const count = event.count ?? s.dma.wc;
      if (!Number.isInteger(count) || count < 1 || count > s.dma.wc) {
        throw new IllegalEvent('dmaCount', { max: s.dma.wc, count });
      }
      const moving = s.dma.queue.slice(0, count);
      const source = (s.dma.toDevice ? s.dma.mar : s.dma.adr) as Location;
      const dest = (s.dma.toDevice ? s.dma.adr : s.dma.mar) as Location;
      const origin = oneOrigin(
        moving.map((b) => {
          if (source !== 'disk') return dmaReadable(s, source, b);
          holding(s, 'disk', b);
          return 'disk';
        }),
      );
      // Off the queue first: the user buffer's holdings of queued blocks change only by this write.
      s.dma.queue = s.dma.queue.slice(count);
      for (const b of moving) writeData(s, dest, b);
      s.dma.wc -= count;
      const frame = s.dma.toDevice ? origin : dest;
      if (!s.dma.frames.includes(frame)) s.dma.frames = [...s.dma.frames, frame];
      if (s.dma.wc === 0) {
        s.dma.status = 'done';
        s.counts.dmaCopies += 1;
      }
      actor = 'dma';
      activity = bystander();
      transfer = { kind: 'dma-copy', from: origin, to: dest, via: origin === source ? null : source, blocks: moving };
      break;
    }
    case 'raiseInterrupt': {
      if (s.interruptLine !== null) throw new IllegalEvent('interruptPending', { source: s.interruptLine });
      // A programmed-I/O card raises its transmit-complete interrupt for what the CPU handed it,
      // with no DMA at all; every other completion but the disk's is a finished DMA transfer's.
      const pioTransmit = event.source === 'nic' && s.nicSending;
      if (!pioTransmit) {
        if (event.source !== 'disk' && s.dma.status !== 'done') {
          throw new IllegalEvent('dmaInterruptEarly', {});
        }
        if (event.source === 'dma' && s.dma.adr === 'nic') {
          throw new IllegalEvent('nicInterruptFromDma', {});
        }
        if (event.source === 'nic' && s.dma.adr !== 'nic') {
          throw new IllegalEvent('nicInterruptNotNic', {});
        }
      }
      if (event.source === 'disk' && !s.deviceReady) {
        throw new IllegalEvent('diskNotReady', {});
      }
      s.interruptLine = event.source;
      actor = event.source;
      activity = bystander();
      break;
    }
    case 'handleInterrupt': {
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
      activity = 'interrupt';
      break;
    }
    case 'cpuCopy': {
      const { from, to } = event;
      if (from === to) throw new IllegalEvent('copySamePlace', {});
      if (from === 'disk' || to === 'disk') {
        throw new IllegalEvent('cpuCannotAddressDisk', {});
      }
      for (const place of [from, to]) {
        if (s.privilege === 'user' && !userCanTouch(s, place)) {
          throw new IllegalEvent('userCannotTouch', { place });
        }
      }
      const blocks = pick(s, from, event.blocks);
      if (from === 'ctrl' && to === 'pageCache') refuseCached(s, blocks);
      // The CPU reads the controller once it knows the data is there: by polling its status or by its interrupt.
      if (from === 'ctrl' && !s.readySeen) throw new IllegalEvent('diskNotChecked', {});
      if (to === 'nic') {
        nicSource(s, from);
        if (s.machine.pio === false) throw new IllegalEvent('nicDmaOnly', {});
      }
      const origin = cpuReadable(oneOrigin(blocks.map((b) => resolveData(s, from, b))));
      for (const b of blocks) writeData(s, to, b, s.privilege);
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
      activity = 'copying';
      transfer = { kind: 'cpu-copy', from: origin, to, via: origin === from ? null : from, blocks };
      break;
    }
    case 'mapPages': {
      const { from } = event;
      if (from === 'user') throw new IllegalEvent('mapUserBuffer', {});
      if (from === 'disk') throw new IllegalEvent('mapDisk', {});
      if (isHardware(from) && event.blocks === undefined) {
        // A device's register and queue window (kernel bypass): no payload pages, only access.
        if (s.machine.bypass === false) throw new IllegalEvent('noBypass', { device: from });
        if (!s.userMapped.includes(from)) s.userMapped.push(from);
        activity = 'syscall';
        transfer = { kind: 'mapping', from, to: 'user', via: null, blocks: [] };
        break;
      }
      const blocks = event.lazy ? (event.blocks ?? s.payload) : pick(s, from, event.blocks);
      const cow = event.cow ?? false;
      for (const b of blocks) {
        if (!event.lazy) resolveData(s, from, b);
        const referrer = LOCATIONS.find((l) => s.places[l].some((h) => h.block === b && h.as === 'ref' && h.target === 'user'));
        if (referrer && holds(s, 'user', b, 'data')) {
          throw new IllegalEvent('mapOverReferenced', { referrer, block: b });
        }
        keepsFrame(s, b, 'map');
        setPte(s, b, { frame: from, present: !event.lazy, writable: cow ? false : (event.writable ?? true), cow, pinned: false });
        put(s, 'user', { block: b, as: 'map', target: from });
      }
      if (!s.userMapped.includes(from)) s.userMapped.push(from);
      activity = 'syscall';
      transfer = { kind: 'mapping', from, to: 'user', via: null, blocks };
      break;
    }
    case 'unmapPages': {
      if (!s.userMapped.includes(event.from)) throw new IllegalEvent('notMapped', { place: event.from });
      for (const p of s.pageTable) if (p.frame === event.from) keepsFrame(s, p.block, 'unmap');
      s.userMapped = s.userMapped.filter((l) => l !== event.from);
      s.places.user = s.places.user.filter((h) => !(h.as === 'map' && h.target === event.from));
      s.pageTable = s.pageTable.filter((p) => p.frame !== event.from);
      activity = 'syscall';
      break;
    }
    case 'descriptorCopy': {
      const blocks = pick(s, event.from, event.blocks);
      for (const b of blocks) {
        referenceInto(s, event.from, event.to, b);
        const where = resolveData(s, event.from, b);
        put(s, event.to, { block: b, as: 'ref', target: where });
      }
      s.counts.descriptorCopies += 1;
      activity = 'syscall';
      transfer = { kind: 'descriptor', from: event.from, to: event.to, via: null, blocks };
      break;
    }
    case 'pageRefMove': {
      const blocks = pick(s, event.from, event.blocks);
      for (const b of blocks) {
        referenceInto(s, event.from, event.to, b);
        const h = holding(s, event.from, b);
        const where = resolveData(s, event.from, b);
        put(s, event.to, { block: b, as: 'ref', target: where });
        // A reference moves; bytes stay where they are.
        if (h.as === 'ref') remove(s, event.from, b);
      }
      s.counts.descriptorCopies += 1;
      activity = 'syscall';
      transfer = { kind: 'reference', from: event.from, to: event.to, via: null, blocks };
      break;
    }
    case 'pin':
    case 'unpin': {
      // A device's completion handler may release the pages it used, whatever the process was doing.
      const inHandler = handlerReleases(state, event);
      if (inHandler) needsRunningProcess();
      else needsKernel(event.type);
      const blocks = event.blocks ?? s.payload;
      for (const b of blocks) {
        if (!s.payload.includes(b)) throw new IllegalEvent('noSuchBlock', { block: b });
        const existing = pte(s, b);
        if (event.type === 'unpin' && !existing?.pinned) throw new IllegalEvent('notPinned', { block: b });
        if (event.type === 'unpin') {
          // Until the transfer's completion is taken the kernel does not know the device is done with the page.
          if (s.dma.status !== 'idle' && s.dma.mar === existing!.frame && s.dma.blocks.includes(b)) {
            throw new IllegalEvent('pageInDma', { block: b, device: s.dma.adr as Location });
          }
          // A page is pinned because a device will read it; it stays pinned while anything may still send it.
          const holder = LOCATIONS.find((l) => s.places[l].some((h) => h.block === b && h.as === 'ref' && h.target === existing!.frame));
          if (holder) throw new IllegalEvent('unpinStillReferenced', { holder, block: b });
          // Nor while the DMA controller holds the page's address for a transfer not yet done.
          keepsQueued(s, b);
        }
        setPte(s, b, { ...(existing ?? { frame: 'user', present: true, writable: true, cow: false }), pinned: event.type === 'pin' });
      }
      if (event.type === 'pin' && s.call) s.call = { ...s.call, pinned: [...new Set([...s.call.pinned, ...blocks])] };
      activity = inHandler ? 'interrupt' : 'syscall';
      break;
    }
    case 'pageFault': {
      if (s.faultReturn !== null) throw new IllegalEvent('alreadyInFault', {});
      const entry = pte(s, event.block);
      if (!entry) throw new IllegalEvent('noPage', { block: event.block });
      if (entry.present && !entry.cow) throw new IllegalEvent('noFault', { block: event.block });
      s.faultReturn = s.privilege;
      s.fault = {
        block: event.block,
        around: s.pageTable.filter((p) => !p.present && p.block !== event.block && holds(s, p.frame, p.block, 'data')).map((p) => p.block),
      };
      s.privilege = 'kernel';
      s.counts.pageFaults += 1;
      activity = 'fault';
      break;
    }
    case 'faultIn': {
      // Fault-around: besides the faulting page, Linux maps neighbours that were already in the page cache.
      const mappable = new Set([s.fault!.block, ...s.fault!.around]);
      const waiting = s.pageTable.filter((p) => !p.present);
      const ready = waiting.filter((p) => mappable.has(p.block) && holds(s, p.frame, p.block, 'data'));
      const blocks = event.blocks ?? ready.filter((p) => p.frame === ready[0]?.frame).map((p) => p.block);
      if (blocks.length === 0) throw new IllegalEvent('nothingToFaultIn', {});
      const frame = waiting.find((p) => p.block === blocks[0])?.frame;
      for (const b of blocks) {
        const entry = waiting.find((p) => p.block === b);
        if (!entry) throw new IllegalEvent('notWaitingForFault', { block: b });
        if (!mappable.has(b)) {
          throw new IllegalEvent('faultAroundLate', { block: b });
        }
        if (entry.frame !== frame) throw new IllegalEvent('faultInMixedMappings', { block: b, place: entry.frame, expected: frame! });
        if (!holds(s, entry.frame, b, 'data')) {
          throw new IllegalEvent('faultInNotHeld', { place: entry.frame, block: b });
        }
        unlessFilling(s, entry.frame, b);
        setPte(s, b, { ...entry, present: true });
      }
      activity = 'fault';
      transfer = { kind: 'mapping', from: frame!, to: 'user', via: null, blocks };
      break;
    }
    case 'cowCopy': {
      const entry = pte(s, event.block);
      if (!entry?.cow) throw new IllegalEvent('notCow', { block: event.block });
      keepsFrame(s, event.block, 'cow');
      const origin = cpuReadable(resolveData(s, entry.frame, event.block));
      put(s, 'user', { block: event.block, as: 'data' });
      setPte(s, event.block, { ...entry, frame: 'user', present: true, writable: true, cow: false });
      s.counts.cpuCopies += 1;
      activity = 'copying';
      transfer = { kind: 'cpu-copy', from: origin, to: 'user', via: origin === entry.frame ? null : entry.frame, blocks: [event.block] };
      break;
    }
    case 'faultReturn': {
      s.privilege = s.faultReturn as Mode;
      s.faultReturn = null;
      s.fault = null;
      activity = s.privilege === 'user' ? 'running' : 'syscall';
      break;
    }
    case 'run': {
      activity = 'running';
      break;
    }
    default: {
      const unknown: never = event;
      throw new IllegalEvent('unknownEvent', { event: JSON.stringify(unknown) });
    }
  }

  if (contract.way !== null && s.call) s.call = { ...s.call, way: contract.way };
  const mode: Mode = activity === 'interrupt' ? 'kernel' : s.privilege;
  s.cpu = { mode, ring: mode === 'kernel' ? 0 : 3, activity };
  s.transfer = transfer;
  s.actor = actor;
  return s;
}

/**
 * The NIC transmits what a socket buffer holds, or the pool its own process
 * drives (kernel bypass: user mode, its registers mapped); never a page the
 * kernel was not told about (docs/MODEL.md).
 */
function nicSource(s: State, from: Location) {
  const ownPool = from === 'user' && s.privilege === 'user' && s.userMapped.includes('nic');
  if (from !== 'socket' && !ownPool) throw new IllegalEvent('nicSource', { place: from });
}

/** The NIC's transmit is complete: its bytes are on the wire, and the card holds nothing. */
function transmitted(s: State) {
  s.sent = [...new Set([...s.sent, ...s.places.nic.map((h) => h.block)])].sort((a, b) => s.payload.indexOf(a) - s.payload.indexOf(b));
  s.places.nic = [];
  s.nicSending = false;
}

/** The process sleeps in the kernel until an interrupt wakes it; the CPU is free meanwhile. */
function sleep(s: State) {
  if (s.openSyscall === null && s.faultReturn === null) {
    throw new IllegalEvent('sleepOutsideCall', {});
  }
  s.process = 'blocked';
}

/** Where a device reads `block` through `place`; it may read only where the bytes stay put, so user pages must be pinned. */
function dmaReadable(s: State, place: Location, block: string): Location {
  const where = resolveData(s, place, block);
  if (where === 'user' && !pte(s, block)?.pinned) {
    throw new IllegalEvent('dmaReadsUnpinned', { block });
  }
  return where;
}

/**
 * A NIC that cannot gather sends one contiguous buffer: the socket buffer's own
 * copy of the bytes, or a pinned user pool a kernel-bypass program builds its
 * packets in (nicSource has made sure it is that program). Descriptors, into the
 * page cache or pinned user pages (MSG_ZEROCOPY), are of no use to it (docs/MODEL.md).
 */
function wholePacket(s: State, place: Location, block: string) {
  const ok = (place === 'socket' || place === 'user') && holds(s, place, block, 'data');
  if (!ok) throw new IllegalEvent('nicCannotGather', { place, block });
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
function keepsQueued(s: State, block: string) {
  const device = dmaAtUser(s, block);
  if (device) throw new IllegalEvent('pageInDma', { block, device });
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
function keepsFrame(s: State, block: string, change: PinnedChange) {
  keepsQueued(s, block);
  if (pte(s, block)?.pinned) throw new IllegalEvent('pinnedPage', { block, change });
}

/** A reference goes to another place, never over the bytes it would point at (they would be lost). */
function referenceInto(s: State, from: Location, to: Location, block: string) {
  if (from === to) throw new IllegalEvent('referenceSamePlace', {});
  if (holds(s, to, block, 'data')) throw new IllegalEvent('referenceOverData', { place: to, block });
}

/**
 * A deep-enough copy: every object step() writes into is fresh. What it only
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

function holding(s: State, place: Location, block: string): Holding {
  const h = s.places[place].find((x) => x.block === block);
  if (!h) throw new IllegalEvent('notHeld', { place, block });
  return h;
}

/** A file's page that is already cached is read from the page cache: the disk is asked only on a miss. */
function refuseCached(s: State, blocks: readonly string[]) {
  const cached = blocks.find((b) => holds(s, 'pageCache', b, 'data'));
  if (cached !== undefined) throw new IllegalEvent('alreadyCached', { block: cached });
}

function holds(s: State, place: Location, block: string, as: Holding['as']) {
  return s.places[place].some((h) => h.block === block && h.as === as);
}

/** The blocks an event names, or all the place holds; each must be there. */
function pick(s: State, place: Location, blocks: string[] | undefined): string[] {
  const chosen = blocks ?? s.places[place].map((h) => h.block);
  if (chosen.length === 0) throw new IllegalEvent('placeEmpty', { place });
  for (const b of chosen) holding(s, place, b);
  return chosen;
}

/**
 * Where the bytes of `block` really are when read through `place`: the place
 * itself, or what its descriptor or mapping points at. A mapping needs its page
 * present.
 */
function resolveData(s: State, place: Location, block: string): Location {
  const h = holding(s, place, block);
  if (h.as === 'data') return unlessFilling(s, place, block);
  const target = h.target as Location;
  if (h.as === 'map') {
    const entry = pte(s, block);
    if (entry && !entry.present) {
      throw new IllegalEvent('notPresent', { block });
    }
    if (entry && entry.frame === 'user') return 'user';
  }
  if (!holds(s, target, block, 'data')) {
    throw new IllegalEvent('danglingReference', { place, block, target });
  }
  return unlessFilling(s, target, block);
}

/**
 * `place`, unless a DMA is writing `block` there and its completion has not
 * been taken: the interrupt is how the kernel learns the pages are up to date,
 * so nothing reads, refers to or maps them before it.
 */
function unlessFilling(s: State, place: Location, block: string): Location {
  const filling = s.dma.status !== 'idle' && !s.dma.toDevice && s.dma.mar === place && s.dma.blocks.includes(block);
  if (filling) throw new IllegalEvent('dmaFillPending', { place, block });
  if (place === 'user' && s.uncollected.includes(block)) throw new IllegalEvent('aioNotCollected', { block });
  return place;
}

/** Store the bytes of `block` at `place`; through a mapping, the bytes land in the mapped frame. */
function writeData(s: State, place: Location, block: string, by: Mode = 'kernel') {
  const h = s.places[place].find((x) => x.block === block);
  if (h?.as === 'map') {
    const entry = pte(s, block);
    if (entry?.cow) throw new IllegalEvent('cowWrite', { block });
    if (entry && !entry.present) throw new IllegalEvent('notPresent', { block });
    if (by === 'user' && entry && !entry.writable) throw new IllegalEvent('readOnly', { block });
    put(s, h.target as Location, { block, as: 'data' });
    return;
  }
  put(s, place, { block, as: 'data' });
}

function put(s: State, place: Location, h: Holding) {
  const had = s.places[place].find((x) => x.block === h.block);
  if (place === 'user' && !(had?.as === h.as && had.target === h.target)) keepsQueued(s, h.block);
  const list = s.places[place].filter((x) => x.block !== h.block);
  list.push(h);
  const order = (b: string) => s.payload.indexOf(b);
  list.sort((a, b) => order(a.block) - order(b.block));
  s.places[place] = list;
}

function remove(s: State, place: Location, block: string) {
  if (place === 'user') keepsQueued(s, block);
  s.places[place] = s.places[place].filter((x) => x.block !== block);
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
