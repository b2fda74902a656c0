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
  technique: FlowTechnique;
  /** For `other`: what was seen (`ioctl(FICLONE)`, `io_uring_enter`, `vmsplice`). */
  seen?: string;
  /** The calls that moved it, by name. */
  calls: Record<string, number>;
  bytes: number;
  /** The typical (median) bytes per call on the writing side. */
  chunk: number;
  pids: number[];
}

const READS = new Set(['read', 'pread64', 'readv', 'preadv', 'preadv2', 'recv', 'recvfrom', 'recvmsg']);
const WRITES = new Set(['write', 'pwrite64', 'writev', 'pwritev', 'pwritev2', 'send', 'sendto', 'sendmsg']);
/** Mappings the loader and libc make of their own files: never a program's payload. */
const RUNTIME_FILE = /(?:\.so(?:\.[\d.]+)?$|^\/(?:usr\/)?lib(?:64|32)?\/|\/locale|\/gconv\/|ld\.so\.cache$)/;

interface Pending {
  from: FdInfo;
  pid: number;
  name: string;
  left: number;
  counted: boolean;
  /** The start of the bytes read, as strace quoted it: a write that quotes the same start writes them. */
  data?: string;
}

/** The quoted bytes a read or write call shows (its second argument), where it is a string. */
const quoted = (call: Call) => {
  const raw = call.args[1]?.raw ?? '';
  return raw.startsWith('"') && raw.length > 2 ? raw.replace(/\.\.\.$/, '') : undefined;
};

interface Building {
  from: FdInfo;
  to: FdInfo;
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
  private readonly pending = new Map<number, Pending>();
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

  private move(call: Call): void {
    const { pid, name, args, result } = call;
    const ok = result !== null && result >= 0;
    const at = (i: number) => this.fds.info(pid, args[i]);
    if (name === 'close') {
      const p = this.pending.get(pid);
      if (p && p.from.fd === args[0]?.fd) this.pending.delete(pid);
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
      if (from && n > 0) this.pending.set(pid, { from, pid, name, left: n, counted: false, data: quoted(call) });
      return;
    }
    if (WRITES.has(name)) {
      const to = at(0);
      if (!to || n === 0) return;
      const asked = /^\d+$/.test(args[2]?.raw ?? '') ? Number(args[2].raw) : n;
      const p = this.pending.get(pid);
      // The bytes just read, written: the whole of them, the same first bytes (a write of part of the
      // buffer), or the rest of a buffer a first write has already taken from.
      const same = p && ((asked === p.left || n === p.left) || (p.data !== undefined && p.data === quoted(call) && asked <= p.left) || (p.counted && asked <= p.left));
      if (p && same && p.from.fd !== to.fd) {
        const f = this.flow(p.from, to, pid, p.from.direct ? 'direct-io' : 'read-write');
        if (!p.counted) FlowFinder.count(f, p.name);
        p.counted = true;
        FlowFinder.moved(f, name, n);
        p.left -= n;
        if (p.left <= 0) this.pending.delete(pid);
        return;
      }
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
    return [...this.flows.values()]
      .map((f) => ({
        from: endOf(f.from),
        to: endOf(f.to),
        technique: f.technique,
        ...(f.seen ? { seen: f.seen } : {}),
        calls: Object.fromEntries(f.calls),
        bytes: f.bytes,
        chunk: median(f.sizes),
        pids: [...f.pids].sort((a, b) => a - b),
      }))
      .sort((a, b) => b.bytes - a.bytes);
  }
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
