import type { Arg, Call } from './parse.js';

/** What a descriptor is, in the words of the JSON contract (docs/REFERENCE.md, "zcopy trace --json"). */
export type FdKind = 'file' | 'socket' | 'pipe' | 'device' | 'unknown';

export interface FdInfo {
  fd: number;
  path?: string;
  kind: FdKind;
  /** Opened with O_DIRECT: its reads DMA into the program's own buffer. */
  direct?: boolean;
  /** Which open file description this is, the same through dup and fork: a socket has no path without -yy. */
  serial?: number;
  /** setsockopt(SO_ZEROCOPY) was made on it: MSG_ZEROCOPY sends on it pin instead of copy. */
  zerocopy?: boolean;
}

/** The kind an -y/-yy annotation or a path says. */
export function kindOfPath(path: string | undefined): FdKind {
  if (path === undefined) return 'unknown';
  if (/^(?:TCP|TCPv6|UDP|UDPv6|UNIX|UNIX-STREAM|UNIX-DGRAM|NETLINK|socket):/.test(path) || /^(?:TCP|UDP|UNIX)/.test(path)) return 'socket';
  if (path.startsWith('pipe:')) return 'pipe';
  if (path.startsWith('/dev/') || /<(?:char|block) \d+:\d+>$/.test(path)) return 'device';
  if (path.startsWith('/')) return 'file';
  return 'unknown';
}

/** A socket's annotation that says it never reaches a network card: a UNIX or netlink socket. */
export function isLocalSocket(path: string | null | undefined): boolean {
  return path != null && /^(?:UNIX|NETLINK)/.test(path);
}

/** A TCP or UDP socket's annotation whose peer is this machine (127.0.0.0/8, ::1): loopback, no network card. */
export function isLoopback(path: string | null | undefined): boolean {
  return path != null && /^(?:TCP|UDP)(?:v6)?:\[(?:127\.[\d.]+|\[?::1\]?):\d+->(?:127\.[\d.]+|\[?::1\]?):\d+\]$/.test(path);
}

/** A path as a person reads it: -yy's device numbers dropped (`/dev/null<char 1:3>` is /dev/null). */
export function cleanPath(path: string): string {
  return path.replace(/<(?:char|block) \d+:\d+>$/, '');
}

const unquote = (raw: string) => (/^".*"$/.test(raw) ? raw.slice(1, -1) : raw);

/**
 * Every process's descriptor table, followed through the calls that make, copy and close
 * descriptors. Threads (clone with CLONE_FILES) share one table; a forked child starts with a
 * copy of its parent's. Where -y annotated a descriptor, the annotation wins over what was tracked
 * (a trace started with -p begins with descriptors opened before it).
 */
export class FdTables {
  private readonly tables = new Map<number, Map<number, FdInfo>>();
  private readonly cwd = new Map<number, string>();
  private serials = 0;

  private table(pid: number): Map<number, FdInfo> {
    let t = this.tables.get(pid);
    // strace writing to a terminal gives no pid until a second process appears: the lines before
    // are pid 0's, and a pid first seen after them shares that table (the leader's own, or a
    // thread's whose clone has not returned yet; a forked child gets its copy when it does).
    if (!t) this.tables.set(pid, (t = pid !== 0 ? (this.tables.get(0) ?? new Map()) : new Map()));
    return t;
  }

  /** What `arg` (a descriptor argument of a call by `pid`) is. */
  info(pid: number, arg: Arg | undefined): FdInfo | undefined {
    if (arg?.fd === undefined || arg.fd < 0) return undefined;
    const known = this.table(pid).get(arg.fd);
    if (arg.path === undefined) return known ?? { fd: arg.fd, kind: 'unknown' };
    const path = cleanPath(arg.path);
    if (known && known.path === path) return known;
    // What the table learnt from the open (O_DIRECT, SO_ZEROCOPY) stays; the annotation names it.
    const fresh: FdInfo = { ...known, fd: arg.fd, path, kind: kindOfPath(arg.path) };
    this.table(pid).set(arg.fd, fresh);
    return fresh;
  }

  /** Follows one call's effect on the tables. */
  see(call: Call): void {
    const { pid, name, args, result } = call;
    if (result === null || result < 0) return;
    const t = this.table(pid);
    const made = (info: Omit<FdInfo, 'fd'>) => void t.set(result, { ...info, fd: result, serial: ++this.serials });
    switch (name) {
      case 'open':
      case 'openat':
      case 'openat2':
      case 'creat': {
        const pathArg = name === 'open' || name === 'creat' ? args[0] : args[1];
        const path = call.resultPath !== undefined ? cleanPath(call.resultPath) : this.resolve(pid, unquote(pathArg?.raw ?? ''));
        const flags = (name === 'open' ? args[1] : args[2])?.raw ?? '';
        made({ path, kind: call.resultPath !== undefined ? kindOfPath(call.resultPath) : path.startsWith('/dev/') ? 'device' : 'file', direct: /O_DIRECT\b/.test(flags) || undefined });
        break;
      }
      case 'socket':
      case 'accept':
      case 'accept4':
        made({ path: call.resultPath, kind: 'socket' });
        break;
      case 'pipe':
      case 'pipe2': {
        const m = /^\[(\d+)(?:<[^>]*>)?,\s*(\d+)/.exec(args[0]?.raw ?? '');
        if (m) for (const fd of [Number(m[1]), Number(m[2])]) t.set(fd, { fd, kind: 'pipe', path: `pipe:${m[1]}-${m[2]}`, serial: ++this.serials });
        break;
      }
      case 'dup':
      case 'dup2':
      case 'dup3':
        this.copy(t, pid, args[0], result);
        break;
      case 'fcntl':
      case 'fcntl64':
        if (/^F_DUPFD/.test(args[1]?.raw ?? '')) this.copy(t, pid, args[0], result);
        break;
      case 'close':
        if (args[0]?.fd !== undefined) t.delete(args[0].fd);
        break;
      case 'setsockopt':
        if (/SO_ZEROCOPY/.test(args[2]?.raw ?? '')) {
          const s = this.info(pid, args[0]);
          if (s) t.set(s.fd, { ...s, zerocopy: true });
        }
        break;
      case 'chdir':
        this.cwd.set(pid, this.resolve(pid, unquote(args[0]?.raw ?? '')));
        break;
      case 'clone':
      case 'clone3':
      case 'fork':
      case 'vfork': {
        const flags = args[0]?.raw ?? '';
        // A thread shares the table itself; a child process starts with a copy.
        this.tables.set(result, /CLONE_FILES/.test(flags) ? t : new Map([...t, ...(this.tables.get(result) ?? [])]));
        const cwd = this.cwd.get(pid);
        if (cwd) this.cwd.set(result, cwd);
        break;
      }
    }
  }

  private copy(t: Map<number, FdInfo>, pid: number, from: Arg | undefined, to: number): void {
    const src = this.info(pid, from);
    if (src) t.set(to, { ...src, fd: to });
  }

  private resolve(pid: number, path: string): string {
    const cwd = this.cwd.get(pid);
    return path.startsWith('/') || !cwd ? path : `${cwd}/${path}`;
  }
}
