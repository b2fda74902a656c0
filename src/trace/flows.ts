import type { Technique } from '../lab/model.js';
import { FdTables, type FdInfo, type FdKind } from './fds.js';
import type { Call, TraceEvent } from './parse.js';

/** One end of a flow, as the JSON contract gives it. */
export interface End {
  fd: number;
  path: string | null;
  kind: FdKind;
}

export type FlowTechnique = Technique | 'other';

/** Payload moved from one descriptor to another, and how. */
export interface Flow {
  from: End;
  to: End;
  /**
   * The pipe the payload went through between two programs (`cat f | nc host port`): the end the
   * first one wrote into. Only where there is one; the flow's calls are both sides'.
   */
  via?: End;
  /** Through a pipe: the calls of the side that wrote into it and of the side that read out of it (their sum is `calls`). */
  sides?: { into: Record<string, number>; out: Record<string, number> };
  technique: FlowTechnique;
  /** For `other`: what was seen (`ioctl(FICLONE)`, `io_uring_enter`, `io_submit`, `vmsplice`). */
  seen?: string;
  /** The calls that moved it, by name. */
  calls: Record<string, number>;
  bytes: number;
  /** The typical (median) bytes per call on the writing side. */
  chunk: number;
  pids: number[];
}

const READS = new Set(['read', 'pread64', 'readv', 'preadv', 'preadv2', 'recv', 'recvfrom', 'recvmsg']);
/** The calls that write a buffer the program holds: a read-write flow's writing side. */
export const WRITES: ReadonlySet<string> = new Set(['write', 'pwrite64', 'writev', 'pwritev', 'pwritev2', 'send', 'sendto', 'sendmsg']);
/** Mappings the loader and libc make of their own files: never a program's payload. */
const RUNTIME_FILE = /(?:\.so(?:\.[\d.]+)?$|^\/(?:usr\/)?lib(?:64|32)?\/|\/locale|\/gconv\/|ld\.so\.cache$)/;

/** Reads kept per process before a write: enough for a server between a few clients, constant memory. */
const PENDING_PER_PROCESS = 8;

/**
 * Bytes read from one descriptor and not yet written: a run of reads with no write between them
 * (a program that reads all of its input before writing it once) is one, as is one read.
 */
interface Pending {
  from: FdInfo;
  /** The read calls of the run not yet counted in a flow, by name. */
  reads: Map<string, number>;
  /** Bytes read and not yet written. */
  left: number;
  /** The bytes of the run's latest read (the end of `left`), and its call. */
  last: number;
  lastName: string;
  /** A write has taken from the run already: what it writes next is the rest. */
  counted: boolean;
  /** The start of the run's first read, as strace quoted it, until a write takes it. */
  first?: string;
  /** The start of the run's latest read. */
  latest?: string;
}

/** One buffer a write call writes: a whole write's, or one iovec of writev/sendmsg. */
interface Segment {
  len: number;
  data?: string;
}

/** The start of a quoted string (strace's `"..."...`), where `raw` is one. */
const quotedText = (raw: string) => (raw.startsWith('"') && raw.length > 2 ? raw.replace(/\.\.\.$/, '') : undefined);

/** A vectored call's buffers (`[{iov_base="..."..., iov_len=244}, ...]`, also inside sendmsg's msghdr). */
function iovecs(raw: string): Segment[] {
  const out: Segment[] = [];
  for (const m of raw.matchAll(/iov_base=("(?:[^"\\]|\\.)*"|[^,}]*)(?:\.\.\.)?, iov_len=(\d+)/g)) out.push({ len: Number(m[2]), data: quotedText(m[1]) });
  return out;
}

/** The quoted bytes a read or write call shows (its second argument, or its first iovec's). */
const quoted = (call: Call) => {
  const raw = call.args[1]?.raw ?? '';
  return raw.startsWith('"') ? quotedText(raw) : iovecs(raw)[0]?.data;
};

/** The buffers a write call writes, in order: what it asked for, whatever part of them it wrote. */
function segmentsOf(call: Call, written: number): Segment[] {
  const raw = call.args[1]?.raw ?? '';
  if (/^(?:writev|pwritev2?|sendmsg)$/.test(call.name)) {
    const v = iovecs(raw);
    if (v.length) return v;
  }
  const asked = /^\d+$/.test(call.args[2]?.raw ?? '') && !/^(?:writev|pwritev2?|sendmsg)$/.test(call.name) ? Number(call.args[2].raw) : written;
  return [{ len: asked, data: quotedText(raw) }];
}

interface Building {
  from: FdInfo;
  to: FdInfo;
  via?: FdInfo;
  /** Through a pipe: the calls of the side that wrote into it and of the side that read out of it. */
  sides?: { into: Map<string, number>; out: Map<string, number> };
  technique: FlowTechnique;
  seen?: string;
  calls: Map<string, number>;
  bytes: number;
  /** Bytes per writing call, by size: a histogram keeps memory constant on a long trace. */
  sizes: Map<number, number>;
  pids: Set<number>;
}

const idOf = (info: FdInfo, pid: number) => info.path ?? (info.serial !== undefined ? `#${info.serial}` : `fd ${info.fd} of ${pid}`);

/**
 * Finds the flows of payload in a stream of trace events. A read that a write of the same bytes
 * follows, in the same process, is one move (read n, write n: the loop every read + write copy
 * makes); a write nothing was read for (headers, log lines) is the program's own data, not a flow,
 * unless it writes from a mapped file (mmap + write) or with MSG_ZEROCOPY.
 */
export class FlowFinder {
  readonly fds = new FdTables();
  private readonly flows = new Map<string, Building>();
  /** Each process's reads not yet written, the most recent last. */
  private readonly pending = new Map<number, Pending[]>();
  /** Each process's latest mapping of a data file, by address. */
  private readonly mapped = new Map<number, { file: FdInfo; address: number; length: number }>();
  /** Where the bytes in a pipe came from by splice, and the splices that put them there. */
  private readonly piped = new Map<string, { from: FdInfo; calls: number }>();

  see(event: TraceEvent): void {
    if (event.kind === 'exit') {
      this.pending.delete(event.pid);
      this.mapped.delete(event.pid);
      return;
    }
    if (event.kind !== 'call') return;
    const call = event.call;
    this.move(call);
    this.fds.see(call);
  }

  private flow(from: FdInfo, to: FdInfo, pid: number, technique: FlowTechnique, seen?: string): Building {
    const key = `${technique}|${seen ?? ''}|${idOf(from, pid)}|${idOf(to, pid)}`;
    let f = this.flows.get(key);
    if (!f) this.flows.set(key, (f = { from, to, technique, seen, calls: new Map(), bytes: 0, sizes: new Map(), pids: new Set() }));
    f.pids.add(pid);
    return f;
  }

  private static count(f: Building, name: string, n = 1): void {
    f.calls.set(name, (f.calls.get(name) ?? 0) + n);
  }

  private static moved(f: Building, name: string, bytes: number): void {
    FlowFinder.count(f, name);
    f.bytes += bytes;
    f.sizes.set(bytes, (f.sizes.get(bytes) ?? 0) + 1);
  }

  /** A read of `n` bytes: a new run of its descriptor, or more of the run no write has taken from yet. */
  private read(pid: number, from: FdInfo, name: string, n: number, data: string | undefined): void {
    let list = this.pending.get(pid);
    if (!list) this.pending.set(pid, (list = []));
    const i = list.findIndex((p) => p.from.fd === from.fd && p.from.path === from.path);
    const run = i >= 0 ? list.splice(i, 1)[0] : undefined;
    if (run && !run.counted) {
      run.reads.set(name, (run.reads.get(name) ?? 0) + 1);
      run.left += n;
      run.last = n;
      run.lastName = name;
      run.latest = data;
      list.push(run);
    } else {
      list.push({ from, reads: new Map([[name, 1]]), left: n, last: n, lastName: name, counted: false, first: data, latest: data });
      if (list.length > PENDING_PER_PROCESS) list.shift();
    }
  }

  /**
   * A write of `n` bytes from `segments`: each buffer that holds bytes a read brought in moves them
   * (the most recent read whose quoted bytes match, or whose size does where strace quoted none).
   * Returns whether any did.
   */
  private write(pid: number, to: FdInfo, name: string, n: number, segments: Segment[]): boolean {
    const list = this.pending.get(pid);
    if (!list?.length) return false;
    const moved = new Map<Building, number>();
    let rest = n;
    for (const seg of segments) {
      if (rest <= 0) break;
      const written = Math.min(seg.len, rest);
      rest -= written;
      const hit = this.match(list, seg, written, to);
      if (!hit) continue;
      const { p, whole } = hit;
      // Only the latest read's bytes are written: the run's earlier reads were the program's own (a header it parsed).
      if (!whole) {
        p.left = p.last;
        p.reads = new Map([[p.lastName, 1]]);
      }
      const f = this.flow(p.from, to, pid, p.from.direct ? 'direct-io' : 'read-write');
      for (const [k, c] of p.reads) FlowFinder.count(f, k, c);
      p.reads.clear();
      p.counted = true;
      p.first = p.latest = undefined;
      p.left -= written;
      moved.set(f, (moved.get(f) ?? 0) + written);
      list.splice(list.indexOf(p), 1);
      if (p.left > 0) list.push(p);
    }
    for (const [f, bytes] of moved) FlowFinder.moved(f, name, bytes);
    return moved.size > 0;
  }

  private match(list: Pending[], seg: Segment, written: number, to: FdInfo): { p: Pending; whole: boolean } | undefined {
    for (let i = list.length - 1; i >= 0; i--) {
      const p = list[i];
      if (p.from.fd === to.fd && p.from.path === to.path) continue;
      if (seg.data !== undefined && p.first !== undefined && seg.data === p.first && seg.len <= p.left) return { p, whole: true };
      if (seg.data !== undefined && p.latest !== undefined && seg.data === p.latest && seg.len <= p.last) return { p, whole: p.left === p.last };
      // Where strace quoted no bytes (on either side), the size says it: the whole run, or its latest read.
      if ((seg.data === undefined || p.latest === undefined) && !p.counted && (seg.len === p.left || written === p.left)) return { p, whole: true };
      if ((seg.data === undefined || p.latest === undefined) && !p.counted && (seg.len === p.last || written === p.last)) return { p, whole: false };
      // The rest of a buffer a write has taken from already (its bytes start elsewhere): only the run last written from or read.
      if (i === list.length - 1 && p.counted && seg.len <= p.left) return { p, whole: true };
    }
    return undefined;
  }

  private move(call: Call): void {
    const { pid, name, args, result } = call;
    const ok = result !== null && result >= 0;
    const at = (i: number) => this.fds.info(pid, args[i]);
    if (name === 'close') {
      const list = this.pending.get(pid);
      const i = list?.findIndex((p) => p.from.fd === args[0]?.fd) ?? -1;
      if (list && i >= 0) list.splice(i, 1);
      return;
    }
    if (!ok) return;
    const n = result as number;

    if (READS.has(name)) {
      const from = at(0);
      if (name === 'recvmsg' && /MSG_ERRQUEUE/.test(args[2]?.raw ?? '')) {
        // A MSG_ZEROCOPY completion: it belongs to the flow that sends on this socket.
        for (const f of this.flows.values()) if (f.technique === 'msg-zerocopy' && f.to.fd === from?.fd && f.pids.has(pid)) FlowFinder.count(f, name);
        return;
      }
      if (from && n > 0) this.read(pid, from, name, n, quoted(call));
      return;
    }
    if (WRITES.has(name)) {
      const to = at(0);
      if (!to || n === 0) return;
      if (this.write(pid, to, name, n, segmentsOf(call, n))) return;
      const m = this.mapped.get(pid);
      const zerocopy = /MSG_ZEROCOPY/.test(args[3]?.raw ?? '') || (name === 'sendmsg' && /MSG_ZEROCOPY/.test(args[2]?.raw ?? ''));
      if (zerocopy && to.zerocopy) {
        const f = this.flow(m?.file ?? { fd: -1, kind: 'unknown' }, to, pid, 'msg-zerocopy');
        FlowFinder.moved(f, name, n);
        return;
      }
      if (m && n <= m.length && m.file.path !== to.path) FlowFinder.moved(this.flow(m.file, to, pid, 'mmap-write'), name, n);
      return;
    }
    switch (name) {
      case 'mmap':
      case 'mmap2': {
        const file = at(4);
        if (file?.kind === 'file' && file.path && !RUNTIME_FILE.test(file.path) && !/PROT_EXEC/.test(args[2]?.raw ?? '')) {
          this.mapped.set(pid, { file, address: n, length: Number(args[1]?.raw) || 0 });
        }
        return;
      }
      case 'munmap': {
        const m = this.mapped.get(pid);
        if (m && Number(args[0]?.raw) === m.address) this.mapped.delete(pid);
        return;
      }
      case 'sendfile':
      case 'sendfile64': {
        const to = at(0);
        const from = at(1);
        if (to && from && n > 0) FlowFinder.moved(this.flow(from, to, pid, 'sendfile'), name, n);
        return;
      }
      case 'copy_file_range': {
        const from = at(0);
        const to = at(2);
        if (to && from && n > 0) FlowFinder.moved(this.flow(from, to, pid, 'copy-file-range'), name, n);
        return;
      }
      case 'splice': {
        const from = at(0);
        const to = at(2);
        if (!from || !to || n === 0) return;
        if (to.kind === 'pipe' && from.kind !== 'pipe' && to.path) {
          const was = this.piped.get(to.path);
          this.piped.set(to.path, { from, calls: (was && idOf(was.from, pid) === idOf(from, pid) ? was.calls : 0) + 1 });
          return;
        }
        const source = from.path !== undefined ? this.piped.get(from.path) : undefined;
        const f = this.flow(source?.from ?? from, to, pid, 'splice');
        if (source) {
          FlowFinder.count(f, 'splice', source.calls);
          source.calls = 0;
        }
        FlowFinder.moved(f, name, n);
        return;
      }
      case 'ioctl':
        if (/FICLONE/.test(args[1]?.raw ?? '')) {
          const to = at(0);
          const from = this.fds.info(pid, { raw: args[2]?.raw ?? '', fd: Number(args[2]?.raw.replace(/<.*$/s, '')) });
          if (to && from) FlowFinder.count(this.flow(from, to, pid, 'other', 'ioctl(FICLONE)'), 'ioctl');
        }
        return;
      case 'io_submit': {
        // Linux AIO (lesson aio-direct): each iocb's descriptor and direction; the bytes come back in io_getevents, unseen.
        let any = false;
        for (const m of (args[2]?.raw ?? '').matchAll(/aio_lio_opcode=IOCB_CMD_(\w+), aio_fildes=(\d+)(?:<(.*?)>)?, aio_buf/g)) {
          const file = this.fds.info(pid, { raw: m[2], fd: Number(m[2]), ...(m[3] !== undefined ? { path: m[3] } : {}) });
          const none: FdInfo = { fd: -1, kind: 'unknown' };
          if (!file || !/^P(?:READ|WRITE)V?$/.test(m[1])) continue;
          FlowFinder.count(m[1].startsWith('PREAD') ? this.flow(file, none, pid, 'other', name) : this.flow(none, file, pid, 'other', name), name);
          any = true;
        }
        if (!any && n > 0) FlowFinder.count(this.flow({ fd: -1, kind: 'unknown' }, { fd: -1, kind: 'unknown' }, pid, 'other', name), name);
        return;
      }
      case 'vmsplice':
      case 'tee':
      case 'io_uring_enter': {
        const fd = at(0);
        if (fd) FlowFinder.count(this.flow({ fd: -1, kind: 'unknown' }, fd, pid, 'other', name), name);
        return;
      }
    }
  }

  /** The flows found so far, the largest first. */
  result(): Flow[] {
    return joinPipes([...this.flows.values()])
      .map((f) => ({
        from: endOf(f.from),
        to: endOf(f.to),
        ...(f.via ? { via: endOf(f.via) } : {}),
        technique: f.technique,
        ...(f.seen ? { seen: f.seen } : {}),
        calls: Object.fromEntries(f.calls),
        ...(f.sides ? { sides: { into: Object.fromEntries(f.sides.into), out: Object.fromEntries(f.sides.out) } } : {}),
        bytes: f.bytes,
        chunk: median(f.sizes),
        pids: [...f.pids].sort((a, b) => a - b),
      }))
      .sort((a, b) => b.bytes - a.bytes);
  }
}

/**
 * One program's read + write into a pipe and another's (or the same one's) read + write out of it,
 * `cat f | nc host port`, are one flow from the first's source to the second's destination, through
 * the pipe: where the pipe (one -yy inode, or one pipe() call's pair) has exactly that one flow in
 * and one out. Its calls are both sides'; it stays `read-write`, though the pipe adds a write into
 * it and a read out of it (two more copies and their mode switches) that one read + write loop,
 * as the lesson counts it, does not have.
 */
function joinPipes(flows: Building[]): Building[] {
  const into = new Map<string, Building[]>();
  const outOf = new Map<string, Building[]>();
  const add = (m: Map<string, Building[]>, k: string | undefined, f: Building) => k !== undefined && m.set(k, [...(m.get(k) ?? []), f]);
  for (const f of flows) {
    if (f.technique !== 'read-write') continue;
    if (f.to.kind === 'pipe') add(into, f.to.path, f);
    if (f.from.kind === 'pipe') add(outOf, f.from.path, f);
  }
  let out = flows;
  for (const [pipe, ins] of into) {
    const outs = outOf.get(pipe);
    if (ins.length !== 1 || outs?.length !== 1 || ins[0] === outs[0]) continue;
    const [a, b] = [ins[0], outs[0]];
    const calls = new Map(a.calls);
    for (const [k, n] of b.calls) calls.set(k, (calls.get(k) ?? 0) + n);
    // The chunk is the writing side's to the destination, as every flow's is: the writes into the pipe are the first program's loop.
    const sizes = new Map(b.sizes);
    // The bytes that reached the destination; a chain of pipes (`cat f | cat | nc`) joins one pipe at a time.
    const joined: Building = { from: a.from, to: b.to, via: a.via ?? a.to, sides: { into: a.calls, out: b.calls }, technique: 'read-write', calls, bytes: b.bytes, sizes, pids: new Set([...a.pids, ...b.pids]) };
    out = out.filter((f) => f !== a && f !== b).concat(joined);
    for (const m of [into, outOf]) for (const list of m.values()) for (let i = 0; i < list.length; i++) if (list[i] === a || list[i] === b) list[i] = joined;
  }
  return out;
}

const endOf = (info: FdInfo): End => ({ fd: info.fd, path: info.path ?? null, kind: info.kind });

/** The median of a histogram (the lower one of an even count): the chunk a loop typically moves. */
export function median(sizes: Map<number, number>): number {
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let seen = 0;
  for (const [size, n] of [...sizes].sort((a, b) => a[0] - b[0])) {
    seen += n;
    if (seen * 2 >= total) return size;
  }
  return 0;
}
