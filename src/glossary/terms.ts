import type { TermId } from '../i18n/glossary.js';
import type { Counters, Event } from '../model/index.js';

/** What the glossary reads of a lesson to decide whether it teaches a term. */
export interface TermFacts {
  events: readonly Event[];
  group: string;
  /** What the lesson's transfer steps count: the steps a program repeats for every chunk. */
  perTransfer: Counters;
}

/** A term; its name and definition are the glossary catalogue's (src/i18n/glossary.ts), by its id. */
export interface Term {
  id: TermId;
  /** Other words a learner might look it up by. */
  aliases: string[];
  /** Whether a lesson teaches the idea; links are derived, so they never go stale. */
  taughtIn: (lesson: TermFacts) => boolean;
}

const any = (events: readonly Event[], test: (e: Event) => boolean) => events.some(test);
const touches = (e: Event, place: string) => ('from' in e && e.from === place) || ('to' in e && e.to === place);

export const TERMS: Term[] = [
  {
    id: 'dma',
    aliases: ['dma-controller', 'dmac'],
    taughtIn: ({ events }) => any(events, (e) => e.type === 'programDma'),
  },
  {
    id: 'mar-adr-wc',
    aliases: ['mar', 'adr', 'wc', 'dma-registers'],
    taughtIn: ({ events }) => any(events, (e) => e.type === 'programDma'),
  },
  {
    id: 'page-cache',
    aliases: ['read-buffer', 'kernel-buffer', 'buffer-cache'],
    taughtIn: ({ events }) => any(events, (e) => touches(e, 'pageCache')),
  },
  {
    id: 'mode-switch',
    aliases: ['context-switch', 'user-kernel-switch', 'mode'],
    taughtIn: ({ events }) => any(events, (e) => e.type === 'syscall'),
  },
  {
    id: 'scatter-gather',
    aliases: ['sg', 'sg-dma', 'gather'],
    taughtIn: ({ events }) => any(events, (e) => e.type === 'descriptorCopy' || e.type === 'pageRefMove'),
  },
  {
    id: 'pinning',
    aliases: ['pin', 'pinned-pages', 'page-pinning'],
    taughtIn: ({ events }) => any(events, (e) => e.type === 'pin'),
  },
  {
    id: 'copy-on-write',
    aliases: ['cow'],
    taughtIn: ({ events }) => any(events, (e) => e.type === 'cowCopy' || (e.type === 'mapPages' && e.cow === true)),
  },
  {
    id: 'pipe-buffer',
    aliases: ['pipe_buffer', 'pipe'],
    taughtIn: ({ events }) => any(events, (e) => touches(e, 'pipe')),
  },
  {
    id: 'fbuf',
    aliases: ['fbufs', 'fast-buffers'],
    taughtIn: ({ events }) => any(events, (e) => touches(e, 'fbuf')),
  },
  {
    id: 'zero-copy',
    aliases: ['zerocopy'],
    // What zero-copy means in the lessons: the zero-copy group, and every path whose per-chunk
    // steps make no CPU copy of the payload (direct I/O, fbufs, kernel bypass). A lesson that
    // copies on every chunk (cow's private page, the page cache's read()s) is not one.
    taughtIn: ({ group, perTransfer }) => group === 'zero-copy' || perTransfer.cpuCopies === 0,
  },
  {
    id: 'interrupt',
    aliases: ['irq', 'interrupts'],
    taughtIn: ({ events }) => any(events, (e) => e.type === 'handleInterrupt'),
  },
  {
    id: 'page-fault',
    aliases: ['fault', 'page-faults'],
    taughtIn: ({ events }) => any(events, (e) => e.type === 'pageFault'),
  },
  {
    id: 'system-call',
    aliases: ['syscall', 'system-calls', 'syscalls'],
    taughtIn: ({ events }) => any(events, (e) => e.type === 'syscall'),
  },
  {
    id: 'ring',
    aliases: ['ring-0', 'ring-3', 'ring0', 'ring3', 'user-mode', 'kernel-mode', 'privilege'],
    taughtIn: ({ events }) => any(events, (e) => e.type === 'syscall'),
  },
  {
    id: 'cpu-copy',
    aliases: ['cpu-copies', 'copy'],
    taughtIn: ({ events }) => any(events, (e) => e.type === 'cpuCopy' || e.type === 'cowCopy'),
  },
  {
    id: 'dma-copy',
    aliases: ['dma-copies', 'dma-transfer'],
    taughtIn: ({ events }) => any(events, (e) => e.type === 'dmaTransfer'),
  },
  {
    id: 'descriptor-copy',
    aliases: ['descriptor', 'descriptors', 'descriptor-copies'],
    taughtIn: ({ events }) => any(events, (e) => e.type === 'descriptorCopy' || e.type === 'pageRefMove'),
  },
  {
    id: 'socket-buffer',
    aliases: ['socket', 'sk_buff', 'skb', 'sock'],
    taughtIn: ({ events }) => any(events, (e) => touches(e, 'socket')),
  },
  {
    id: 'nic',
    aliases: ['network-card', 'network-interface-card'],
    taughtIn: ({ events }) => any(events, (e) => touches(e, 'nic')),
  },
];
