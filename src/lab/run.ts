import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Lang } from '../i18n/lang.js';
import { LAB_EXIT, LabError } from './errors.js';
import type { Technique } from './model.js';
import type { LabPlan } from './options.js';
import { LAB_ERRORS } from '../i18n/lab.js';

/** The helper's first line: where the experiment runs. */
export interface EnvLine {
  type: 'env';
  kernel: string;
  machine: string;
  fs: string;
  pageSize: number;
  pid: number;
}

/** One run of one technique, as the helper measured it. */
export interface RunLine {
  type: 'run';
  technique: Technique;
  warmup: boolean;
  index: number;
  /** The sender's process id (strace -f lines carry it). */
  pid: number;
  size: number;
  chunk: number;
  chunks: number;
  sent: number;
  received: number;
  verified: boolean;
  /** From the sender's first call until the receiver held the last byte (copy-file-range: until the sender's last call returned). */
  wallNs: number;
  /** From the sender's first call until its last call returned. */
  sendNs: number;
  /** The parent's clock over the span the CPU time covers: from just before the sender's clone() until waitid() reported its exit. */
  lifeNs: number;
  /** Nanoseconds on the CPU from the scheduler's clock (/proc/PID/schedstat); -1 where the kernel has none. */
  cpuNs: number;
  userUs: number;
  sysUs: number;
  nvcsw: number;
  nivcsw: number;
  minflt: number;
  majflt: number;
  /** The parent asked the kernel to drop the file's pages (fdatasync + posix_fadvise DONTNEED) before this run; cachedPages says whether it did. */
  cold: boolean;
  /** The file's pages mincore() found in the page cache before the run, and after it. */
  cachedPages: number;
  cachedAfter: number;
  filePages: number;
  zcCompletions: number;
  zcCopied: number;
  /** Every call the sender made, by kernel name. */
  syscalls: Record<string, number>;
  /** The calls made inside the transfer loop. */
  loop: Record<string, number>;
}

export interface RefusedLine {
  type: 'refused';
  technique: Technique;
  call: string;
  errno: string;
  message: string;
}

interface ErrorLine {
  type: 'error';
  call: string;
  errno: string;
  message: string;
}

export type HelperLine = EnvLine | RunLine | RefusedLine | ErrorLine;

export interface HelperOutput {
  env: EnvLine;
  runs: RunLine[];
  refused: RefusedLine[];
}

const isCounts = (v: unknown): v is Record<string, number> =>
  typeof v === 'object' && v !== null && Object.entries(v).every(([k, n]) => /^[a-z0-9_]+$/.test(k) && Number.isSafeInteger(n) && (n as number) >= 0);

const RUN_NUMBERS = ['index', 'pid', 'size', 'chunk', 'chunks', 'sent', 'received', 'wallNs', 'sendNs', 'lifeNs', 'cpuNs', 'userUs', 'sysUs', 'nvcsw', 'nivcsw', 'minflt', 'majflt', 'cachedPages', 'cachedAfter', 'filePages', 'zcCompletions', 'zcCopied'] as const;

/** One line of the helper's output, checked; undefined when it is not a line the helper writes. */
export function parseHelperLine(text: string): HelperLine | undefined {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const str = (k: string) => typeof v[k] === 'string';
  switch (v.type) {
    case 'env':
      return str('kernel') && str('machine') && str('fs') && Number.isSafeInteger(v.pageSize) ? (v as unknown as EnvLine) : undefined;
    case 'run':
      return str('technique') && typeof v.warmup === 'boolean' && typeof v.cold === 'boolean' && RUN_NUMBERS.every((k) => Number.isSafeInteger(v[k])) && isCounts(v.syscalls) && isCounts(v.loop)
        ? (v as unknown as RunLine)
        : undefined;
    case 'refused':
    case 'error':
      return str('call') && str('errno') && str('message') ? (v as unknown as RefusedLine | ErrorLine) : undefined;
    default:
      return undefined;
  }
}

export function helperArgs(plan: LabPlan, dir: string): string[] {
  return [
    '--dir', dir,
    '--technique', plan.techniques.join(','),
    '--size', String(plan.size),
    '--chunk', String(plan.chunk),
    '--runs', String(plan.runs),
    '--warmup', String(plan.warmup),
    ...(plan.cold ? ['--cold'] : []),
  ];
}

export interface RunHelperOptions {
  binary: string;
  plan: LabPlan;
  lang: Lang;
  env: NodeJS.ProcessEnv;
  /** Called after every run (warm-ups included) and when a technique is refused. */
  onProgress?: (done: number, total: number, technique: Technique) => void;
  /** Where the signals come from (the process, or a test's emitter). */
  signals?: NodeJS.EventEmitter;
  /** Wraps the helper's command line, e.g. in strace; returns the command to spawn. */
  wrap?: (binary: string, args: string[]) => [string, string[]];
}

/**
 * Runs the helper in a temporary directory of its own, collects its lines and
 * removes the directory whatever happens. SIGINT, SIGTERM and SIGHUP stop the
 * helper (which kills its children and removes its files) and end in a
 * LabError with exit code 128 + the signal's number.
 */
export async function runHelper({ binary, plan, lang, env, onProgress, signals = process, wrap }: RunHelperOptions): Promise<HelperOutput> {
  const e = LAB_ERRORS[lang];
  const dir = mkdtempSync(join(env.TMPDIR || tmpdir(), 'zcopy-lab-'));
  const args = helperArgs(plan, dir);
  const [command, argv] = wrap ? wrap(binary, args) : [binary, args];
  const total = plan.techniques.length * (plan.warmup + plan.runs);
  const lines: HelperLine[] = [];
  const stderr: string[] = [];
  let caught: NodeJS.Signals | undefined;
  let bad: string | undefined;

  // Listening before the helper starts: a signal that comes while it starts still stops it, never zcopy unheard.
  let started: { kill: (signal: NodeJS.Signals) => boolean } | undefined;
  const stop = (signal: NodeJS.Signals) => {
    caught ??= signal;
    started?.kill('SIGTERM');
  };
  const names: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of names) signals.on(s, stop);
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, LC_ALL: 'C' } });
  started = child;
  if (caught) child.kill('SIGTERM');
  child.stderr.setEncoding('utf8').on('data', (d: string) => void stderr.push(d));
  const reading = (async () => {
    const per = plan.warmup + plan.runs;
    let done = 0;
    for await (const text of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
      const line = parseHelperLine(text);
      if (!line) {
        bad ??= `unexpected output: ${text.slice(0, 80)}`;
        continue;
      }
      lines.push(line);
      if (line.type === 'run') onProgress?.(++done, total, line.technique);
      // A refused technique has no more runs to wait for.
      if (line.type === 'refused') onProgress?.((done = (plan.techniques.indexOf(line.technique) + 1) * per), total, line.technique);
    }
  })();
  try {
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
      child.once('error', fail);
      child.once('close', (c, s) => done([c, s]));
    });
    await reading;
    if (caught) throw new LabError(e.interrupted, 128 + signalNumber(caught));
    const error = lines.find((l): l is ErrorLine => l.type === 'error');
    if (error) throw new LabError(e.helperFailed(error.call, error.errno, error.message), LAB_EXIT.unavailable);
    if (code !== 0) throw new LabError(e.helperBroken(`exit ${code ?? signal}: ${stderr.join('').trim().split('\n')[0] ?? ''}`), LAB_EXIT.unavailable);
    if (bad) throw new LabError(e.helperBroken(bad), LAB_EXIT.unavailable);
    const envLine = lines.find((l): l is EnvLine => l.type === 'env');
    if (!envLine) throw new LabError(e.helperBroken('no env line'), LAB_EXIT.unavailable);
    return {
      env: envLine,
      runs: lines.filter((l): l is RunLine => l.type === 'run'),
      refused: lines.filter((l): l is RefusedLine => l.type === 'refused'),
    };
  } finally {
    for (const s of names) signals.off(s, stop);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

function signalNumber(signal: NodeJS.Signals): number {
  return { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal as 'SIGHUP' | 'SIGINT' | 'SIGTERM'] ?? 15;
}
