import type { EventType } from './types.js';

/** The kinds of value an event field takes, so lesson files can be checked field by field. */
export type FieldKind = 'place' | 'name' | 'blocks' | 'block' | 'flag' | 'count' | 'irqSource';

export interface FieldSpec {
  kind: FieldKind;
  required: boolean;
  /** What a flag left out means. */
  default?: boolean;
}

const req = (kind: FieldKind): FieldSpec => ({ kind, required: true });
const opt = (kind: FieldKind): FieldSpec => ({ kind, required: false });
const flag = (byDefault: boolean): FieldSpec => ({ kind: 'flag', required: false, default: byDefault });

/** Every event the machine knows and the fields each takes; the Event union in types.ts mirrors it. */
export const EVENT_FIELDS: Record<EventType, Record<string, FieldSpec>> = {
  syscall: { name: req('name') },
  sysret: { name: opt('name') },
  deviceRead: { blocks: opt('blocks') },
  pollStatus: {},
  sleep: {},
  programDma: { from: req('place'), to: req('place'), blocks: opt('blocks'), block: flag(false) },
  dmaTransfer: { count: opt('count') },
  raiseInterrupt: { source: req('irqSource') },
  handleInterrupt: {},
  cpuCopy: { from: req('place'), to: req('place'), blocks: opt('blocks') },
  mapPages: { from: req('place'), blocks: opt('blocks'), lazy: flag(false), cow: flag(false), writable: flag(true) },
  unmapPages: { from: req('place') },
  descriptorCopy: { from: req('place'), to: req('place'), blocks: opt('blocks') },
  pageRefMove: { from: req('place'), to: req('place'), blocks: opt('blocks') },
  pin: { blocks: opt('blocks') },
  unpin: { blocks: opt('blocks') },
  pageFault: { block: req('block') },
  faultIn: { blocks: opt('blocks') },
  cowCopy: { block: req('block') },
  faultReturn: {},
  run: {},
};

export const EVENT_TYPES = Object.keys(EVENT_FIELDS) as EventType[];

export const IRQ_SOURCES = ['dma', 'disk', 'nic'] as const;
