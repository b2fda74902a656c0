// `zcopy trace`, loaded only when it runs: a trace file or a command under strace, read through the model.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRACE_TEXT } from '../i18n/trace.js';
import { readFlow, type ReadFlow } from '../trace/model.js';
import type { LineCounts } from '../trace/parse.js';
import { traceOf } from '../model/index.js';
import { analyzeFiles, NotATrace, type TraceAnalysis } from '../trace/read.js';
import { renderTrace, traceJson, traceLayout } from '../trace/report.js';
import type { TracePage } from '../ui/app/route.js';
import { json, paragraph } from '../term/layout.js';
import type { AppContext } from './context.js';

export interface TraceContext extends AppContext {
  io: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };
  out: (text: string) => void;
  /** How the text report is shown: through the pager on a terminal (the command line's), else printed. */
  show?: (text: string) => Promise<void>;
  /** On a terminal, the report as the app's page in place of the text (the command line's): it returns once the learner quits. */
  page?: (page: TracePage) => Promise<void>;
  width: number;
}

export interface TraceArgs {
  files: string[];
  /** The command to run under strace (what follows `--`). */
  command?: string[];
  json?: boolean;
}

/** Exit codes (docs/REFERENCE.md): 1 nothing to read, 2 a file that cannot be read or is not a trace, 3 strace cannot run here. */
export const TRACE_EXIT = { usage: 1, file: 2, cannotTrace: 3 } as const;

/**
 * The system calls the analysis reads: the calls that make, copy and close descriptors, the
 * ones that move payload, and the ones that map it. Fewer calls traced is a smaller, faster trace.
 */
const TRACED = [
  'open', 'openat', 'openat2', 'creat', 'close', 'socket', 'accept', 'accept4', 'pipe', 'pipe2', 'dup', 'dup2', 'dup3', 'fcntl',
  'clone', 'clone3', 'fork', 'vfork', 'chdir', 'setsockopt', 'mmap', 'munmap', 'ioctl',
  'read', 'pread64', 'readv', 'preadv', 'preadv2', 'recvfrom', 'recvmsg',
  'write', 'pwrite64', 'writev', 'pwritev', 'pwritev2', 'sendto', 'sendmsg',
  'sendfile', 'splice', 'tee', 'vmsplice', 'copy_file_range', 'io_uring_enter', 'io_submit',
];

/** Prints the report of the trace files, or of `command` run under strace; returns the exit code, having said why on a failure. */
export async function runTrace(ctx: TraceContext, args: TraceArgs): Promise<number> {
  const t = TRACE_TEXT[ctx.lang];
  if (args.command?.length) return traceCommand(ctx, args.command, !!args.json);
  if (!args.files.length) {
    ctx.warn(t.noCommand);
    return TRACE_EXIT.usage;
  }
  for (const f of args.files) {
    if (f === '-') continue;
    try {
      if (statSync(f).isDirectory()) throw Object.assign(new Error(f), { code: 'EISDIR' });
    } catch (error) {
      ctx.warn(t.unreadable(f, reason(error, ctx)));
      return TRACE_EXIT.file;
    }
  }
  const source = args.files.map((f) => (f === '-' ? t.stdin : f)).join(', ');
  return report(ctx, source, () => analyzeFiles(args.files, ctx.io.stdin, progressLine(ctx)), !!args.json);
}

function reason(error: unknown, ctx: TraceContext): string {
  const e = error as NodeJS.ErrnoException;
  return TRACE_TEXT[ctx.lang].why[e.code ?? ''] ?? String(e.code ?? e.message ?? error);
}

/** On a terminal, a progress line for a large trace, rewritten in place and cleared at the end. */
function progressLine(ctx: TraceContext): ((lines: number) => void) | undefined {
  if (!ctx.io.stderr.isTTY) return undefined;
  return (lines) => void ctx.io.stderr.write(`\r${TRACE_TEXT[ctx.lang].progress(lines)}\x1b[K`);
}

async function report(ctx: TraceContext, source: string, analyze: () => Promise<TraceAnalysis>, asJson: boolean): Promise<number> {
  const t = TRACE_TEXT[ctx.lang];
  let analysis: TraceAnalysis;
  try {
    analysis = await analyze();
  } catch (error) {
    if (error instanceof NotATrace) {
      ctx.warn(error.why === 'binary' ? t.binary(error.file === '-' ? t.stdin : error.file) : t.notTrace(error.file === '-' ? t.stdin : error.file));
      return TRACE_EXIT.file;
    }
    const e = error as NodeJS.ErrnoException;
    if (e.code) {
      ctx.warn(t.unreadable(source, reason(e, ctx)));
      return TRACE_EXIT.file;
    } else throw error;
  } finally {
    if (ctx.io.stderr.isTTY) ctx.io.stderr.write('\r\x1b[K');
  }
  const flows = analysis.flows.map((f) => readFlow(f, ctx.lessons()));
  if (asJson) ctx.out(json(traceJson(flows, analysis.lines)));
  else if (ctx.page) await ctx.page(tracePage(ctx, source, flows, analysis.lines));
  else await (ctx.show ?? (async (text: string) => ctx.out(text)))(renderTrace(source, flows, analysis.lines, ctx.lang, ctx.width, ctx.paint));
  return 0;
}

/**
 * The report as the trace page shows it: the same lines at the screen's width, and each flow's
 * lesson at the flow's scale, where the lesson can be counted at it (else as written).
 */
export function tracePage(ctx: AppContext, source: string, flows: ReadFlow[], lines: LineCounts): TracePage {
  return {
    source,
    layout: (width) => traceLayout(source, flows, lines, ctx.lang, width, ctx.paint),
    flows: flows.map((f) => {
      const lesson = f.lesson ? ctx.lessons().find(f.lesson) : undefined;
      const scale = lesson && f.scale && !traceOf(lesson).refusalAt(f.scale) ? f.scale : null;
      return { technique: f.technique, lesson: lesson ? lesson.id : null, scale };
    }),
  };
}

/** Whether strace is on the PATH. */
function hasStrace(env: NodeJS.ProcessEnv): boolean {
  return spawnSync('strace', ['-V'], { env, stdio: 'ignore' }).error === undefined;
}

/**
 * Runs `command` under `strace -f -yy -T` into a temporary file, then reads it. Ctrl-C reaches
 * the command (strace, tracing a command into a file, blocks it for itself), which ends, and
 * the report is of what was captured; a SIGINT sent to zcopy alone is passed to the command.
 */
async function traceCommand(ctx: TraceContext, command: string[], asJson: boolean): Promise<number> {
  const t = TRACE_TEXT[ctx.lang];
  if (process.platform !== 'linux') {
    ctx.warn(t.notLinux(process.platform));
    return TRACE_EXIT.cannotTrace;
  }
  if (!hasStrace(ctx.env)) {
    ctx.warn(t.noStrace);
    return TRACE_EXIT.cannotTrace;
  }
  const dir = mkdtempSync(join(tmpdir(), 'zcopy-trace-'));
  const file = join(dir, 'trace');
  try {
    // A server runs until it is stopped: on a terminal, say how to stop it and see the report.
    if (ctx.io.stderr.isTTY && !asJson) ctx.io.stderr.write(`${paragraph(t.tracing(command.join(' ')), ctx.width).join('\n')}\n`);
    const child = spawn('strace', ['-f', '-yy', '-T', '-q', '-e', `trace=${TRACED.join(',')}`, '-o', file, '--', ...command], {
      env: ctx.env,
      // The command's output is its own: on a terminal it is shown as it comes; where zcopy's output
      // is piped or JSON, it goes to standard error, so that the report alone reaches the pipe.
      // strace's complaints are read to say why it could not trace.
      stdio: ['inherit', asJson || !ctx.io.stdout.isTTY ? 'pipe' : 'inherit', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => ctx.io.stderr.write(d));
    let complaint = '';
    child.stderr?.on('data', (d: Buffer) => {
      complaint += d.toString();
      // The command's own errors pass through; strace's are said once, in zcopy's words, below.
      const own = d.toString().split(/(?<=\n)/).filter((l) => !l.startsWith('strace: ')).join('');
      if (own) ctx.io.stderr.write(own);
    });
    let stopped = false;
    let forward: NodeJS.Timeout | undefined;
    const onSigint = () => {
      stopped = true;
      // Ctrl-C in a terminal reaches the command itself (one process group): a second SIGINT would
      // interrupt its clean exit. Only a command still running a moment later did not hear it.
      forward ??= setTimeout(() => {
        const pid = firstPid(file);
        try {
          if (pid) process.kill(pid, 'SIGINT');
        } catch {
          // Gone already.
        }
      }, FORWARD_AFTER_MS);
    };
    // SIGTERM (a timeout, a service manager) comes to zcopy alone: without this the command and its
    // strace would outlive it. It ends the command, and the report is of what was captured.
    const onSigterm = () => {
      stopped = true;
      const pid = firstPid(file);
      try {
        if (pid) process.kill(pid, 'SIGTERM');
      } catch {
        // Gone already.
      }
    };
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
    const code = await new Promise<number | null>((resolve) => {
      child.on('error', () => resolve(null));
      child.on('exit', (c) => resolve(c));
    });
    clearTimeout(forward);
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    const refusal = /^strace: .*(?:ptrace|Operation not permitted|PTRACE_TRACEME).*$/m.exec(complaint);
    if (refusal || (code !== 0 && !existsSync(file))) {
      ctx.warn(t.refused((refusal?.[0] ?? complaint.trim().split('\n')[0] ?? '').replace(/^strace: /, '')));
      return TRACE_EXIT.cannotTrace;
    }
    // strace wrote nothing: it could not start the command (not found, not executable), and said why.
    if (code !== 0 && statSync(file, { throwIfNoEntry: false })?.size === 0) {
      ctx.warn(t.couldNotStart(command[0], (complaint.trim().split('\n')[0] ?? '').replace(/^strace: /, '')));
      return TRACE_EXIT.usage;
    }
    if (stopped && !asJson) ctx.io.stderr.write(`${t.stopped}\n`);
    return await report(ctx, command.join(' '), () => analyzeFiles([file], ctx.io.stdin, progressLine(ctx)), asJson);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How long a SIGINT waits before zcopy passes it on to the traced command (a terminal's Ctrl-C will have reached it). */
const FORWARD_AFTER_MS = 500;

/** The traced command's pid: the first line of strace's -f output names it. */
function firstPid(file: string): number | undefined {
  try {
    const fd = openSync(file, 'r');
    const buf = Buffer.alloc(64);
    const n = readSync(fd, buf, 0, 64, 0);
    closeSync(fd);
    const m = /^(\d+)\s/.exec(buf.subarray(0, n).toString());
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
