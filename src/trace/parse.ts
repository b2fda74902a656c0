/**
 * strace's text output as records, one line at a time, in constant memory (apart from the calls
 * still unfinished, at most one per traced process). It reads what strace really writes: `[pid N]`
 * (to a terminal) or `N ` (with -o) prefixes from -f, -t/-tt/-ttt/-r timestamps, -T durations,
 * -y/-yy annotations, `<unfinished ...>` and `<... NAME resumed>` halves joined per process,
 * failed calls, signals, exits and strace's own messages. A line it does not understand is
 * counted as skipped, never an error: a trace cut off mid-line (strace killed) ends that way.
 * Imports nothing: the analysis above it is the only reader.
 */

/** One argument: its text as strace printed it, and the descriptor and -y/-yy annotation where it is one. */
export interface Arg {
  raw: string;
  fd?: number;
  /** What -y/-yy said the descriptor is: a path, `pipe:[N]`, `TCP:[a->b]`, `/dev/null<char 1:3>`. */
  path?: string;
}

export interface Call {
  pid: number;
  name: string;
  args: Arg[];
  /** The return value; null for `?` (a call that did not return: exit, execve of a process gone). */
  result: number | null;
  /** What -y/-yy said the returned descriptor is. */
  resultPath?: string;
  /** `EAGAIN` and the like, for a failed call. */
  errno?: string;
  /** The -T duration, in seconds. */
  duration?: number;
  /** The line (1-based) the call ended on. */
  line: number;
}

export type TraceEvent =
  | { kind: 'call'; call: Call }
  | { kind: 'signal'; pid: number; signal: string }
  | { kind: 'exit'; pid: number; code: number | null; signal?: string };

export interface LineCounts {
  read: number;
  understood: number;
  skipped: number;
}

// `[pid N] ` from -f to a terminal; `N ` from -f with -o (an integer: a -ttt or -r time has a point).
const PID = /^(?:\[pid\s+(\d+)\]\s+|(\d+)\s+(?=\S))/;
// -t, -tt (clock time), -ttt (epoch seconds) or -r (seconds since the last line).
const TIME = /^\s*(?:\d{1,2}:\d{2}:\d{2}(?:\.\d+)?|\d+\.\d+)\s+/;
const NAME = /^([a-z_][a-z0-9_]*)\(/;
const RESUMED = /^<\.\.\. ([a-z_][a-z0-9_]*) resumed>\s?/;
const UNFINISHED = /\s*<unfinished \.\.\.>\s*$/;
const unfinished = (text: string) => text.includes('<unfinished ...>') && UNFINISHED.test(text);
const SIGNAL = /^--- (SIG[A-Z0-9+]+|\{si_signo=SIG[A-Z0-9]+)/;
const EXITED = /^\+\+\+ (?:exited with (\d+)|killed by (SIG[A-Z0-9]+)(?: \(core dumped\))?) \+\+\+$/;
const STRACE_SAYS = /^(?:strace: |\s*(?:Process \d+ (?:attached|detached)))/;
// ` = 3</path> <0.000017>`, ` = -1 EAGAIN (Resource temporarily unavailable) <0.000010>`, ` = 0 (Timeout)`, ` = ?`.
const RESULT = /^\s*=\s+(-?\d+|0x[0-9a-f]+|\?)(?:<(.*?)>(?=\s|$))?(.*?)(?:\s+<(\d+(?:\.\d+)?)>)?\s*$/;

/**
 * One pass over the text of a call's arguments from `from` (just after `name(`): where its
 * top-level commas are, and the index of its closing parenthesis at depth 0 (-1 when the text
 * ends first, or when `toEnd` asks for the whole text). Quotes (with escapes), brackets, braces
 * and the -y annotations `<...>` (nested with -yy, holding `->` in a socket's) are skipped. A
 * loop over char codes, not a generator: a gigabyte of trace passes through it.
 */
function scanArgs(text: string, from: number, toEnd = false): { commas: number[]; close: number } {
  const commas: number[] = [];
  let depth = 0;
  let angle = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
      continue;
    }
    if (c === LT && opensAnnotation(text.charCodeAt(i - 1))) angle++;
    else if (c === GT && angle > 0 && text.charCodeAt(i - 1) !== DASH) angle--;
    else if (angle > 0) continue;
    else if (c === COMMA) {
      if (depth === 0) commas.push(i);
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (c === 41 && depth === 0 && !toEnd) return { commas, close: i };
      depth--;
    }
  }
  return { commas, close: -1 };
}

const [QUOTE, BACKSLASH, LT, GT, DASH, COMMA] = ['"', '\\', '<', '>', '-', ','].map((c) => c.charCodeAt(0));

/** An annotation `<...>` follows a descriptor (`3<`), a name in capitals (`TCP:[...]<`), or another annotation or bracket. */
function opensAnnotation(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 93 || code === 62 || code === 41;
}

/** The arguments between `from` and `to`, split at their top-level commas. */
function argsBetween(text: string, from: number, to: number, commas: number[]): Arg[] {
  const out: string[] = [];
  let start = from;
  for (const i of commas) {
    out.push(text.slice(start, i));
    start = i + 1;
  }
  const last = text.slice(start, to);
  if (out.length || last.trim()) out.push(last);
  return out.map((s) => argOf(s.trim()));
}

/** The arguments' text split at its top-level commas. */
export function splitArgs(text: string): Arg[] {
  return argsBetween(text, 0, text.length, scanArgs(text, 0, true).commas);
}

function argOf(raw: string): Arg {
  const m = /^(-?\d+|AT_FDCWD)<(.*)>$/s.exec(raw);
  if (!m) return /^\d+$/.test(raw) ? { raw, fd: Number(raw) } : { raw };
  return { raw, fd: m[1] === 'AT_FDCWD' ? -100 : Number(m[1]), path: m[2] };
}

/** A whole call's text (`name(args) = result`), or null when it is not one. */
export function parseCallText(text: string, pid: number, line: number): Call | null {
  const n = NAME.exec(text);
  if (!n) return null;
  const open = n[0].length;
  const { commas, close } = scanArgs(text, open);
  if (close < 0) return null;
  const r = RESULT.exec(text.slice(close + 1));
  if (!r) return null;
  const value = r[1] === '?' ? null : r[1].startsWith('0x') ? parseInt(r[1], 16) : Number(r[1]);
  const call: Call = { pid, name: n[1], args: argsBetween(text, open, close, commas), result: value, line };
  if (r[2] !== undefined) call.resultPath = r[2];
  const errno = /^\s+(E[A-Z0-9_]+)\b/.exec(r[3]);
  if (errno && (value === null || value < 0)) call.errno = errno[1];
  if (r[4] !== undefined) call.duration = Number(r[4]);
  return call;
}

/**
 * Reads a trace a line at a time. `defaultPid` is the process of a trace without pids (one
 * process, or an -ff file, named FILE.PID).
 */
export class StraceParser {
  readonly lines: LineCounts = { read: 0, understood: 0, skipped: 0 };
  /** The first half of each process's call still waiting for its `resumed` line. */
  private readonly pending = new Map<number, string>();
  /** The start of a line strace's own message cut in two (`futex(...strace: Process 7 attached`, then ` <unfinished ...>`). */
  private carry: string | undefined;

  constructor(private readonly defaultPid = 0) {}

  /** The events one line of the trace makes (none for a first half, or a line not understood). */
  feed(raw: string): TraceEvent[] {
    this.lines.read++;
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    // Most lines are calls: the regular expressions that look for rarer lines run only where a plain test says they may match.
    const cut = line.endsWith(' attached') ? /^(.+?)strace: Process \d+ attached$/.exec(line) : null;
    if (cut) {
      this.carry = cut[1];
      this.lines.understood++;
      return [];
    }
    if (this.carry !== undefined) {
      line = this.carry + line;
      this.carry = undefined;
    }
    const events = this.parse(line);
    if (events === null) this.lines.skipped++;
    else this.lines.understood++;
    return events ?? [];
  }

  /** Calls still unfinished when the trace ends (the traced program was stopped) count as skipped lines. */
  finish(): void {
    this.lines.understood -= this.pending.size;
    this.lines.skipped += this.pending.size;
    this.pending.clear();
  }

  private parse(line: string): TraceEvent[] | null {
    if (!line.trim()) return null;
    let rest = line;
    let pid = this.defaultPid;
    const p = PID.exec(rest);
    if (p) {
      pid = Number(p[1] ?? p[2]);
      rest = rest.slice(p[0].length);
    }
    const t = TIME.exec(rest);
    if (t) rest = rest.slice(t[0].length);
    rest = rest.trimStart();

    if (STRACE_SAYS.test(rest)) return [];
    const sig = rest.startsWith('---') ? SIGNAL.exec(rest) : null;
    if (sig && rest.trimEnd().endsWith('---')) return [{ kind: 'signal', pid, signal: sig[1].replace('{si_signo=', '') }];
    const ex = rest.startsWith('+++') ? EXITED.exec(rest.trimEnd()) : null;
    if (ex) {
      this.pending.delete(pid);
      return [{ kind: 'exit', pid, code: ex[1] !== undefined ? Number(ex[1]) : null, ...(ex[2] ? { signal: ex[2] } : {}) }];
    }

    const resumed = RESUMED.exec(rest);
    if (resumed) {
      let first = this.pending.get(pid);
      if (first === undefined || !first.startsWith(`${resumed[1]}(`)) {
        // strace drops the prefix again once one process is left: the one call of that name left waiting is it.
        const waiting = [...this.pending].filter(([, text]) => text.startsWith(`${resumed[1]}(`));
        if (waiting.length !== 1) return null;
        [pid, first] = waiting[0];
      }
      this.pending.delete(pid);
      rest = first + rest.slice(resumed[0].length);
      // A resumed half may itself be cut again (`<... wait4 resumed> <unfinished ...>)`) when the process dies.
      if (unfinished(rest)) return null;
    } else if (unfinished(rest)) {
      if (!NAME.test(rest)) return null;
      this.pending.set(pid, rest.replace(UNFINISHED, ''));
      return [];
    }
    const call = parseCallText(rest.trimEnd(), pid, this.lines.read);
    return call ? [{ kind: 'call', call }] : null;
  }
}

/** The pid an -ff output file's name gives (`trace.1234`), or undefined. */
export function pidOfFileName(name: string): number | undefined {
  const m = /\.(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}
