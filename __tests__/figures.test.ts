import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { loadCatalog } from '../src/lessons/index.js';
import { countsByPhase, run, type Counters } from '../src/model/index.js';
import { ROOT } from './helpers/cli.js';

// Written by hand from docs/MODEL.md: "The figures the sources agree on" (both tables),
// "Where the sources disagree" (splice), and "What real programs do" for the call order.
// Never copied from the engine's output.
const FIGURES: Record<string, { counts: Partial<Counters>; syscalls?: string[] }> = {
  // file -> network
  traditional: { counts: { cpuCopies: 2, dmaCopies: 2, modeSwitches: 4, syscalls: 2 }, syscalls: ['read', 'write'] },
  'traditional-nodma': { counts: { cpuCopies: 4, dmaCopies: 0, modeSwitches: 4, syscalls: 2 }, syscalls: ['read', 'write'] },
  mmap: { counts: { cpuCopies: 1, dmaCopies: 2, modeSwitches: 4, syscalls: 2 }, syscalls: ['mmap', 'write'] },
  sendfile: { counts: { cpuCopies: 1, dmaCopies: 2, modeSwitches: 2, syscalls: 1 }, syscalls: ['sendfile'] },
  'sendfile-sg': { counts: { cpuCopies: 0, dmaCopies: 2, modeSwitches: 2, syscalls: 1 }, syscalls: ['sendfile'] },
  // pipe() once, then splice(file -> pipe) and splice(pipe -> socket): 3 calls, 6 switches, 0 CPU copies
  splice: { counts: { cpuCopies: 0, modeSwitches: 6, syscalls: 3 }, syscalls: ['pipe', 'splice', 'splice'] },
  // disk -> user buffer with read()
  'programmed-io': { counts: { cpuCopies: 2, dmaCopies: 0, modeSwitches: 2, interrupts: 0 }, syscalls: ['read'] },
  'interrupt-io': { counts: { cpuCopies: 2, dmaCopies: 0, modeSwitches: 2, interrupts: 1 }, syscalls: ['read'] },
  'dma-io': { counts: { cpuCopies: 1, dmaCopies: 1, modeSwitches: 2, interrupts: 1 }, syscalls: ['read'] },
  'direct-io': { counts: { cpuCopies: 0, dmaCopies: 1, modeSwitches: 2, interrupts: 1 }, syscalls: ['read'] },
};

const catalog = loadCatalog(join(ROOT, 'lessons'));
const endOf = (id: string) => run(catalog.find(id)!).at(-1)!;

describe('the engine reproduces the agreed figures', () => {
  test.each(Object.entries(FIGURES))('%s', (id, expected) => {
    expect(catalog.find(id)?.id).toBe(id);
    const end = endOf(id);
    expect(end.counts).toMatchObject(expected.counts);
    if (expected.syscalls) expect(end.syscallLog).toEqual(expected.syscalls);
  });

  test('every system call costs two mode switches, in every lesson', () => {
    for (const lesson of catalog.lessons) {
      const end = run(lesson).at(-1)!;
      expect({ id: lesson.id, switches: end.counts.modeSwitches }).toEqual({ id: lesson.id, switches: 2 * end.counts.syscalls });
    }
  });

  test('sendfile-sg and splice copy descriptors or page pointers instead of bytes', () => {
    expect(endOf('sendfile-sg').counts.descriptorCopies).toBeGreaterThanOrEqual(1);
    expect(endOf('splice').counts.descriptorCopies).toBe(2);
  });

  test('cow copies exactly one page after a write fault', () => {
    const end = endOf('cow');
    expect(end.counts.cpuCopies).toBe(1);
    expect(end.counts.pageFaults).toBeGreaterThanOrEqual(1);
    expect(end.pageTable.filter((p) => p.cow).length).toBe(end.payload.length - 1);
  });

  test('mmap takes a page fault on first touch', () => {
    expect(endOf('mmap').counts.pageFaults).toBeGreaterThanOrEqual(1);
  });
});

const phasesOf = (id: string) => {
  const lesson = catalog.find(id)!;
  return countsByPhase(lesson, run(lesson));
};

describe('each technique\'s figures are the technique\'s (docs/MODEL.md "no CPU copy at all", "Phases")', () => {
  test('MSG_ZEROCOPY sends a mapped file with no CPU copy: 0 CPU, 2 DMA copies', () => {
    expect(endOf('msg-zerocopy').counts).toMatchObject({ cpuCopies: 0, dmaCopies: 2 });
    // Set-up: setsockopt(SO_ZEROCOPY) and the mmap(); per chunk: sendto and the completion read.
    const { setup, perTransfer } = phasesOf('msg-zerocopy');
    expect(setup).toMatchObject({ syscalls: 2, cpuCopies: 0 });
    expect(perTransfer).toMatchObject({ cpuCopies: 0, dmaCopies: 2 });
    expect(endOf('msg-zerocopy').syscallLog).not.toContain('read');
  });

  test('kernel bypass: 0 CPU copies; per packet 0 system calls, 0 mode switches, 0 interrupts', () => {
    expect(endOf('kernel-bypass').counts.cpuCopies).toBe(0);
    expect(phasesOf('kernel-bypass').perTransfer).toMatchObject({ cpuCopies: 0, syscalls: 0, modeSwitches: 0, interrupts: 0 });
  });

  test('splice with a pooled pipe: 2 calls and 4 mode switches per chunk', () => {
    expect(phasesOf('splice').perTransfer).toMatchObject({ syscalls: 2, modeSwitches: 4, cpuCopies: 0 });
    expect(phasesOf('splice').setup).toMatchObject({ syscalls: 1, modeSwitches: 2 });
  });

  test('totals are set-up + one transfer + teardown, in every lesson', () => {
    for (const lesson of catalog.lessons) {
      const p = countsByPhase(lesson, run(lesson));
      const end = endOf(lesson.id).counts;
      for (const k of Object.keys(end) as (keyof Counters)[]) {
        expect({ id: lesson.id, k, sum: p.setup[k] + p.perTransfer[k] + p.teardown[k] }).toEqual({ id: lesson.id, k, sum: end[k] });
      }
    }
  });
});

describe('interrupts follow one rule in every lesson (docs/MODEL.md "Interrupts")', () => {
  // Every DMA completion the CPU takes raises one interrupt, the NIC's included, unless the
  // lesson polls: so a send lesson with a cold cache takes 2 per chunk, the disk's and the NIC's.
  const PER_CHUNK: Record<string, number> = {
    traditional: 2,
    mmap: 2,
    sendfile: 2,
    'sendfile-sg': 2,
    splice: 2,
    'msg-zerocopy': 2,
    // No DMA controller: the disk's data-ready interrupt (interrupt-driven I/O), and the
    // programmed-I/O NIC's transmit complete (docs/MODEL.md "Interrupts").
    'traditional-nodma': 2,
    // A DPDK poll-mode driver (and SPDK for the disk) polls instead of taking interrupts.
    'kernel-bypass': 0,
  };

  test('every send lesson', () => {
    const send = catalog.lessons.filter((l) => l.job === 'send').map((l) => l.id);
    expect(send.sort()).toEqual(Object.keys(PER_CHUNK).sort());
    for (const id of send) expect({ id, interrupts: phasesOf(id).perTransfer.interrupts }).toEqual({ id, interrupts: PER_CHUNK[id] });
  });

  test('in every lesson, each DMA completion is taken by one interrupt or by polling', () => {
    for (const lesson of catalog.lessons) {
      const timeline = run(lesson);
      let taken = 0;
      lesson.steps.forEach(({ event }, i) => {
        const before = timeline[i];
        const done = before.dma.status === 'done';
        if (done && (event.type === 'handleInterrupt' || event.type === 'pollStatus')) taken += 1;
      });
      expect({ id: lesson.id, taken }).toEqual({ id: lesson.id, taken: timeline.at(-1)!.counts.dmaCopies });
    }
  });
});

/** `before` comes before `after` in the lesson's calls. */
function callsInOrder(id: string, ...names: string[]) {
  const log = endOf(id).syscallLog;
  let from = 0;
  for (const name of names) {
    const at = log.indexOf(name, from);
    expect({ id, call: name, found: at >= 0 }).toEqual({ id, call: name, found: true });
    from = at + 1;
  }
}

describe('system calls follow the real API order (docs/MODEL.md, strace table)', () => {
  test('MSG_ZEROCOPY: setsockopt(SO_ZEROCOPY), mmap of the file, then sendto, then recvmsg(MSG_ERRQUEUE)', () => {
    callsInOrder('msg-zerocopy', 'setsockopt', 'mmap', 'sendto', 'recvmsg');
  });

  test('asynchronous I/O submits before it collects', () => {
    callsInOrder('aio-direct', 'io_submit', 'io_getevents');
  });

  test('the page cache serves a second consumer without the disk', () => {
    const timeline = run(catalog.find('page-cache')!);
    const fromDisk = timeline.filter((s) => s.transfer?.kind === 'dma-copy' && s.transfer.from === 'disk');
    const sendfiles = timeline.at(-1)!.syscallLog.filter((c) => c === 'sendfile');
    expect(fromDisk).toHaveLength(1);
    expect(sendfiles.length).toBeGreaterThanOrEqual(2);
  });
});
