import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { join } from 'node:path';
import { FlowFinder } from '../src/trace/flows.js';
import { readFlow } from '../src/trace/model.js';
import type { End } from '../src/trace/flows.js';
import { isLoopback } from '../src/trace/fds.js';
import { StraceParser } from '../src/trace/parse.js';
import { loadCatalog } from '../src/lessons/index.js';
import { callsOfPhase } from '../src/model/index.js';
import { ROOT } from './helpers/cli.js';

const catalog = loadCatalog(join(ROOT, 'lessons'));

/** The technique a trace of each lesson's program shows (sendfile-sg's gather is the NIC's: a trace cannot see it). */
const EXPECTED: Record<string, string> = {
  traditional: 'read-write',
  'traditional-nodma': 'read-write',
  mmap: 'mmap-write',
  sendfile: 'sendfile',
  'sendfile-sg': 'sendfile',
  splice: 'splice',
  'msg-zerocopy': 'msg-zerocopy',
  'direct-io': 'direct-io',
};

interface Proc {
  pid: number;
  annotated: boolean;
}

/** One call of a lesson as strace prints it, in the process `p`: the file is fd 3, the socket 4, the pipe 5 (read end) and 6. */
function line(name: string, nth: number, lesson: string, chunk: number, size: number, p: Proc): string {
  const a = (fd: number, what: string) => (p.annotated ? `${fd}<${what}>` : String(fd));
  const file = a(3, '/data/file');
  const sock = a(4, `TCP:[10.0.0.1:80->10.0.0.2:${40000 + p.pid}]`);
  const pipeR = a(5, `pipe:[${900 + p.pid}]`);
  const pipeW = a(6, `pipe:[${900 + p.pid}]`);
  switch (name) {
    case 'read':
      return `read(${file}, "\\177ELF"..., ${chunk}) = ${chunk}`;
    case 'write':
      return `write(${sock}, "\\177ELF"..., ${chunk}) = ${chunk}`;
    case 'sendfile':
      return `sendfile(${sock}, ${file}, NULL, ${chunk}) = ${chunk}`;
    case 'splice':
      return nth % 2 === 0 ? `splice(${file}, NULL, ${pipeW}, NULL, ${chunk}, SPLICE_F_MOVE) = ${chunk}` : `splice(${pipeR}, NULL, ${sock}, NULL, ${chunk}, SPLICE_F_MOVE) = ${chunk}`;
    case 'pipe':
      return `pipe2([${pipeR}, ${pipeW}], 0) = 0`;
    case 'mmap':
      return `mmap(NULL, ${size}, PROT_READ, MAP_SHARED, ${file}, 0) = 0x7f00${p.pid}000000`;
    case 'setsockopt':
      return `setsockopt(${sock}, SOL_SOCKET, SO_ZEROCOPY, [1], 4) = 0`;
    case 'sendto':
      return `sendto(${sock}, "\\177ELF"..., ${chunk}, MSG_ZEROCOPY, NULL, 0) = ${chunk}`;
    case 'recvmsg':
      return `recvmsg(${sock}, {msg_name=NULL, msg_namelen=0}, MSG_ERRQUEUE) = 0`;
    default:
      throw new Error(`no strace line for ${name} (${lesson})`);
  }
}

/** A process's program: open the file and accept the socket, the lesson's set-up, its transfer steps for every chunk, close. */
function program(lesson: string, chunks: number, chunk: number, p: Proc): string[] {
  const l = catalog.find(lesson)!;
  const direct = lesson === 'direct-io';
  const size = chunks * chunk;
  const out = [
    `openat(AT_FDCWD${p.annotated ? '</srv>' : ''}, "/data/file", O_RDONLY${direct ? '|O_DIRECT' : ''}) = 3${p.annotated ? '</data/file>' : ''}`,
    `accept4(7, NULL, NULL, SOCK_CLOEXEC) = 4${p.annotated ? `<TCP:[10.0.0.1:80->10.0.0.2:${40000 + p.pid}]>` : ''}`,
  ];
  callsOfPhase(l, 'setup').forEach((c, i) => out.push(line(c, i, lesson, chunk, size, p)));
  // direct-io's lesson reads (disk -> the program); the program sends what it read, docs/MODEL.md's strace table's "read (O_DIRECT), write".
  const transfer = direct ? [...callsOfPhase(l, 'transfer'), 'write'] : callsOfPhase(l, 'transfer');
  for (let k = 0; k < chunks; k++) transfer.forEach((c, i) => out.push(line(c, i, lesson, chunk, size, p)));
  out.push(`close(4) = 0`, `close(3) = 0`);
  return out;
}

/** Every line as `pid text`, a call maybe split into its unfinished and resumed halves. */
function halves(text: string, pid: number, split: boolean): string[] {
  const open = text.indexOf('(');
  const comma = text.indexOf(', ');
  if (!split || comma < 0) return [`${pid} ${text}`];
  return [`${pid} ${text.slice(0, comma + 2)} <unfinished ...>`, `${pid} <... ${text.slice(0, open)} resumed>${text.slice(comma + 2)}`];
}

const scenario = fc.record({
  lesson: fc.constantFrom(...Object.keys(EXPECTED)),
  procs: fc.array(fc.record({ chunks: fc.integer({ min: 1, max: 5 }), annotated: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  pages: fc.integer({ min: 1, max: 16 }),
  splits: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
  order: fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
});

describe("traces made of the lessons' own calls", () => {
  test('interleaved across processes and split into unfinished and resumed halves, the analysis finds the lesson\'s technique, calls and bytes', () => {
    fc.assert(
      fc.property(scenario, ({ lesson, procs, pages, splits, order }) => {
        const chunk = pages * 4096;
        const queues = procs.map((p, i) => {
          const proc = { pid: 100 + i, annotated: p.annotated };
          return program(lesson, p.chunks, chunk, proc).flatMap((text, j) => halves(text, proc.pid, splits[(j + i) % splits.length]));
        });
        // A random merge keeping each process's own order: how strace -f interleaves them.
        const lines: string[] = [];
        let k = 0;
        for (let left = queues.filter((q) => q.length); left.length; left = queues.filter((q) => q.length)) lines.push(left[order[k++ % order.length] % left.length].shift()!);

        const parser = new StraceParser();
        const finder = new FlowFinder();
        for (const l of lines) for (const e of parser.feed(l)) finder.see(e);
        parser.finish();
        expect(parser.lines.skipped).toBe(0);
        const flows = finder.result();
        const expected = EXPECTED[lesson];
        expect(new Set(flows.map((f) => f.technique))).toEqual(new Set([expected]));
        const chunks = procs.reduce((n, p) => n + p.chunks, 0);
        expect(flows.reduce((n, f) => n + f.bytes, 0)).toBe(chunks * chunk);
        // Each flow's calls: the lesson's transfer calls, once per chunk (direct-io's with the write that sends).
        const l = catalog.find(lesson)!;
        const perChunk: Record<string, number> = {};
        for (const c of lesson === 'direct-io' ? [...callsOfPhase(l, 'transfer'), 'write'] : callsOfPhase(l, 'transfer')) perChunk[c] = (perChunk[c] ?? 0) + 1;
        const total: Record<string, number> = {};
        for (const f of flows) for (const [name, n] of Object.entries(f.calls)) total[name] = (total[name] ?? 0) + n;
        expect(total).toEqual(Object.fromEntries(Object.entries(perChunk).map(([c, n]) => [c, n * chunks])));
        for (const f of flows) {
          expect([f.chunk, f.from.kind, f.to.kind]).toEqual([chunk, 'file', 'socket']);
          // And the lesson it names teaches that technique (sendfile-sg's program is sendfile's).
          expect(readFlow(f, catalog).lesson).toBe(lesson === 'sendfile-sg' ? 'sendfile' : lesson === 'traditional-nodma' ? 'traditional' : lesson);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the model of a flow (docs/MODEL.md)', () => {
  const flow = (technique: 'read-write' | 'sendfile' | 'splice', calls: Record<string, number>, bytes: number, chunk: number) =>
    readFlow({ from: { fd: 3, path: '/f', kind: 'file' }, to: { fd: 4, path: null, kind: 'socket' }, technique, calls, bytes, chunk, pids: [1] }, catalog);

  test('read + write, 4 chunks of 64 KiB: per chunk 2 CPU copies, 2 DMA copies, 4 mode switches, 2 system calls; sendfile would save a CPU copy, 2 mode switches and a call per chunk', () => {
    const r = flow('read-write', { read: 4, write: 4 }, 4 * 65536, 65536);
    expect(r.lesson).toBe('traditional');
    expect(r.model?.counts).toMatchObject({ cpuCopies: 8, dmaCopies: 8, modeSwitches: 16, syscalls: 8 });
    expect(r.model?.perChunk).toMatchObject({ cpuCopies: 2, dmaCopies: 2, modeSwitches: 4, syscalls: 2 });
    expect(r.model?.formula?.cpuCopies).toBe('4 x 2');
    const sendfile = r.alternatives.find((a) => a.technique === 'sendfile');
    expect(sendfile?.counts).toMatchObject({ cpuCopies: 4, dmaCopies: 8, modeSwitches: 8, syscalls: 4 });
    expect(sendfile?.saving).toMatchObject({ cpuCopies: 4, dmaCopies: 0, modeSwitches: 8, syscalls: 4 });
    expect(r.command).toBe('zcopy learn traditional --size 256K --chunk 64K');
    // copy_file_range copies between files: not an alternative for a socket.
    expect(r.alternatives.map((a) => a.technique)).not.toContain('copy-file-range');
  });

  test('splice with a pooled pipe: 2 calls and 4 mode switches per chunk, 0 CPU copies (the pipe made once)', () => {
    const r = flow('splice', { splice: 8 }, 4 * 65536, 65536);
    expect(r.model?.counts).toMatchObject({ cpuCopies: 0, dmaCopies: 8 });
    expect(r.model?.perChunk).toMatchObject({ cpuCopies: 0, modeSwitches: 4, syscalls: 2 });
  });

  test('a chunk of part pages is taken as whole pages, and the report says so', () => {
    const r = flow('read-write', { read: 3, write: 3 }, 3 * 10000, 10000);
    expect([r.rounded, r.scale]).toEqual([true, { size: 30000, chunk: 12288 }]);
    expect(r.command).toBe('zcopy learn traditional --size 30000 --chunk 12K');
  });

  // docs/MODEL.md, "Jobs": figures are only compared within a job.
  const between = (technique: 'read-write' | 'direct-io' | 'copy-file-range', from: End, to: End, calls: Record<string, number>, bytes: number, chunk: number) =>
    readFlow({ from, to, technique, calls, bytes, chunk, pids: [1] }, catalog);
  const file = (path: string): End => ({ fd: 3, path, kind: 'file' });

  test('a file copied to a file (cp, cat > g) is no lesson\'s job: no counts of the send job, no alternatives, the lesson of its calls without a scale', () => {
    const cat = between('read-write', file('/a'), { fd: 1, path: '/b', kind: 'file' }, { read: 4, write: 4 }, 4 * 65536, 65536);
    expect([cat.job, cat.model, cat.alternatives, cat.command]).toEqual([null, null, [], 'zcopy learn traditional']);
    const cp = between('copy-file-range', file('/a'), { fd: 4, path: '/b', kind: 'file' }, { copy_file_range: 1 }, 300000, 300000);
    expect([cp.job, cp.model, cp.alternatives, cp.lesson, cp.command]).toEqual([null, null, [], null, null]);
    // A UNIX socket leads to another process, never to a network card: not the send job.
    const local = between('read-write', file('/a'), { fd: 1, path: 'UNIX-STREAM:[5->6]', kind: 'socket' }, { read: 1, write: 1 }, 4096, 4096);
    expect([local.job, local.model]).toEqual([null, null]);
    const relay = between('read-write', { fd: 3, path: null, kind: 'socket' }, { fd: 4, path: null, kind: 'socket' }, { recvfrom: 2, sendto: 2 }, 8192, 4096);
    expect([relay.job, relay.model, relay.alternatives]).toEqual([null, null, []]);
  });

  test('a file read with O_DIRECT and written to /dev/null is the read job: per chunk 1 DMA copy, 0 CPU copies, 2 mode switches, 1 call, 1 interrupt; read() through the page cache would add a CPU copy a chunk', () => {
    const devNull: End = { fd: 1, path: '/dev/null', kind: 'device' };
    const r = between('direct-io', file('/blocks'), devNull, { read: 5, write: 5 }, 5 * 65536, 65536);
    expect([r.job, r.lesson, r.command]).toEqual(['read', 'direct-io', 'zcopy learn direct-io --size 320K --chunk 64K']);
    expect(r.model?.counts).toMatchObject({ cpuCopies: 0, dmaCopies: 5, modeSwitches: 10, syscalls: 5, interrupts: 5 });
    // The writes to /dev/null are no part of the read job, and are named as such.
    expect(r.outside).toEqual({ write: 5 });
    expect(r.alternatives.map((a) => [a.technique, a.lesson, a.counts.cpuCopies, a.saving?.cpuCopies])).toEqual([['read-write', 'dma-io', 5, -5]]);
    // No send-job technique is offered for a read.
    const buffered = between('read-write', file('/blocks'), devNull, { read: 5, write: 5 }, 5 * 65536, 65536);
    expect([buffered.lesson, buffered.model?.counts?.cpuCopies, buffered.alternatives.map((a) => a.technique)]).toEqual(['dma-io', 5, ['direct-io']]);
  });

  test('a file sent through a pipe between two processes has no counts of lesson traditional (the pipe adds a copy in and a copy out a chunk), but the send job\'s alternatives', () => {
    const r = readFlow(
      { from: file('/f'), to: { fd: 4, path: null, kind: 'socket' }, via: { fd: 1, path: 'pipe:[7]', kind: 'pipe' }, technique: 'read-write', calls: { read: 8, write: 4, sendto: 4 }, bytes: 4 * 65536, chunk: 65536, pids: [1, 2] },
      catalog,
    );
    expect([r.job, r.lesson, r.model?.counts, r.model?.perChunk]).toEqual(['send', 'traditional', null, null]);
    expect(r.alternatives.find((a) => a.technique === 'sendfile')).toMatchObject({ counts: { cpuCopies: 4, modeSwitches: 8, syscalls: 4 }, saving: null });
  });

  test('io_submit (Linux AIO) is no technique of the lab, but lesson aio-direct teaches it', () => {
    const r = readFlow({ from: file('/f'), to: { fd: -1, path: null, kind: 'unknown' }, technique: 'other', seen: 'io_submit', calls: { io_submit: 1 }, bytes: 0, chunk: 0, pids: [1] }, catalog);
    expect([r.lesson, r.model, r.command]).toEqual(['aio-direct', null, 'zcopy learn aio-direct']);
  });

  test('loopback is a TCP or UDP socket whose both ends are 127.0.0.0/8 or ::1', () => {
    expect(['TCP:[127.0.0.1:80->127.0.0.1:5000]', 'TCPv6:[[::1]:80->[::1]:5000]', 'UDP:[127.0.1.1:53->127.0.0.1:4000]'].map(isLoopback)).toEqual([true, true, true]);
    expect(['TCP:[10.0.0.1:80->10.0.0.2:5000]', 'TCP:[127.0.0.1:80->10.0.0.2:5000]', 'UNIX-STREAM:[5->6]', null].map(isLoopback)).toEqual([false, false, false, false]);
  });

  test('splice as an alternative at a chunk larger than a pipe: ceil(300000 / 65536) = 5 rounds of its two calls a chunk (docs/MODEL.md: a call moves at most the pipe\'s 64 KiB), said beside its counts', () => {
    const r = readFlow({ from: file('/f'), to: { fd: 4, path: null, kind: 'socket' }, technique: 'sendfile', calls: { sendfile: 1 }, bytes: 300000, chunk: 300000, pids: [1] }, catalog);
    const splice = r.alternatives.find((a) => a.technique === 'splice');
    expect([splice?.rounds, splice?.counts.syscalls]).toEqual([5, 1 + 5 * 2]);
    expect(r.alternatives.filter((a) => a.technique !== 'splice').map((a) => a.rounds)).toEqual(r.alternatives.filter((a) => a.technique !== 'splice').map(() => 1));
  });
});
