import type { CallNeed, CallWay } from './contracts.js';
import type { EventType, Location } from './types.js';

/** The events whose work needs kernel mode, named by the event that asks for it. */
export type KernelAction = 'mapPages' | 'unmapPages' | 'descriptorCopy' | 'pageRefMove' | 'pin' | 'unpin';

/**
 * Every reason the machine can refuse an event, with what the reason needs to
 * be said. The model holds no words: src/i18n/refusals.ts says each one in
 * every language, and its table is typed on this one, so a new code without
 * its text does not compile.
 */
export interface RefusalParams {
  emptyPayload: Record<string, never>;
  repeatedBlocks: Record<string, never>;
  cpuCannotAddressDisk: Record<string, never>;
  mixedOrigins: { places: Location[] };
  processBlocked: Record<string, never>;
  needsKernel: { action: KernelAction };
  syscallInFault: Record<string, never>;
  syscallInSyscall: { call: string; open: string };
  syscallFromKernel: { call: string };
  sysretWithoutSyscall: Record<string, never>;
  sysretMismatch: { call: string; open: string };
  sysretInFault: Record<string, never>;
  statusNeedsKernel: Record<string, never>;
  dmaNeedsOneDevice: Record<string, never>;
  dmaProgramNeedsKernel: { device: Location };
  dmaBusy: Record<string, never>;
  dmaCompletionNotTaken: Record<string, never>;
  nothingToTransfer: { place: Location };
  dmaUserNotPinned: { block: string };
  dmaNotProgrammed: Record<string, never>;
  dmaCount: { max: number; count: number };
  interruptPending: { source: 'dma' | 'disk' | 'nic' };
  dmaInterruptEarly: Record<string, never>;
  nicInterruptFromDma: Record<string, never>;
  nicInterruptNotNic: Record<string, never>;
  diskNotReady: Record<string, never>;
  noInterruptPending: Record<string, never>;
  copySamePlace: Record<string, never>;
  userCannotTouch: { place: Location };
  mapUserBuffer: Record<string, never>;
  mapDisk: Record<string, never>;
  mapOverReferenced: { referrer: Location; block: string };
  notMapped: { place: Location };
  noSuchBlock: { block: string };
  notPinned: { block: string };
  unpinStillReferenced: { holder: Location; block: string };
  alreadyInFault: Record<string, never>;
  noPage: { block: string };
  noFault: { block: string };
  nothingToFaultIn: Record<string, never>;
  notWaitingForFault: { block: string };
  faultAroundLate: { block: string };
  faultInMixedMappings: { block: string; place: Location; expected: Location };
  faultInNotHeld: { place: Location; block: string };
  notCow: { block: string };
  runInKernel: Record<string, never>;
  unknownEvent: { event: string };
  sleepOutsideCall: Record<string, never>;
  dmaReadsUnpinned: { block: string };
  referenceSamePlace: Record<string, never>;
  referenceOverData: { place: Location; block: string };
  blockedInFault: Record<string, never>;
  onlyInFault: Record<string, never>;
  notHeld: { place: Location; block: string };
  placeEmpty: { place: Location };
  notPresent: { block: string };
  danglingReference: { place: Location; block: string; target: Location };
  cowWrite: { block: string };
  readOnly: { block: string };
  noDmaController: Record<string, never>;
  nicCannotGather: { place: Location; block: string };
  diskReadIntoNetBuffer: { place: Location };
  alreadyCached: { block: string };
  pageInDma: { block: string; device: Location };
  pinnedPage: { block: string; change: PinnedChange };
  unknownCall: { call: string };
  callNeeds: { call: string; need: CallNeed };
  outsideContract: { call: string; event: EventType; from?: Location; to?: Location };
  callWayMixed: { call: string; way: CallWay };
  pinsHeldAtReturn: { call: string; block: string };
  faultCannot: { event: EventType };
  nicSource: { place: Location };
  dmaNotController: Record<string, never>;
  mapDeviceBlocks: { device: Location };
  diskNotAsked: Record<string, never>;
  diskDmaOnly: Record<string, never>;
  kernelTakesInterrupt: Record<string, never>;
  diskNotChecked: Record<string, never>;
  nicDmaOnly: Record<string, never>;
  noBypass: { device: Location };
  dmaFillPending: { place: Location; block: string };
  callNeverWaits: { call: string };
  mapsReadOnly: { call: string };
  aioNotCollected: { block: string };
}

/** What a pinned page refuses, until it is unpinned: another page mapped in its place, its unmapping, a private copy on write. */
export type PinnedChange = 'map' | 'unmap' | 'cow';

export type RefusalCode = keyof RefusalParams;

/** A refusal as data: which rule, and the places, blocks or calls it concerns. */
export type Refusal = { [C in RefusalCode]: { code: C; params: RefusalParams[C] } }[RefusalCode];

/** An event the machine refuses. Its message is the code, for a stack trace; learners read it through i18n. */
export class IllegalEvent extends Error {
  readonly refusal: Refusal;
  constructor(...[code, params]: { [C in RefusalCode]: [code: C, params: RefusalParams[C]] }[RefusalCode]) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'IllegalEvent';
    this.refusal = { code, params } as Refusal;
  }
}

/** The error step() throws for the refusal tryStep() answers, as if its code and parameters had been given. */
export function illegal(refusal: Refusal): IllegalEvent {
  return new IllegalEvent(...([refusal.code, refusal.params] as ConstructorParameters<typeof IllegalEvent>));
}
