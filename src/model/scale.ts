import { countsByPhase, phaseOf, type PhaseCounts } from './phases.js';
import type { Script } from './run.js';
import { COUNTER_KEYS, type Counters, type State } from './types.js';

/** A file of `size` bytes moved `chunk` bytes per round of calls, as the lab's loops move it. */
export interface Scale {
  size: number;
  chunk: number;
}

/** A page: what the page cache reads from the disk and maps at a time. */
export const PAGE = 4096;
/** MAX_RW_COUNT: what read(), write(), sendfile() and splice() move at most per call, 2 GiB - 4 KiB (read(2), sendfile(2)). */
export const MAX_RW_COUNT = 0x7ffff000;
/** A pipe's capacity unless F_SETPIPE_SZ resizes it: 16 pages (Linux 2.6.11 on). splice moves at most this per call. */
export const PIPE_CAPACITY = 16 * PAGE;

/**
 * The calls the kernel caps at MAX_RW_COUNT bytes per call. Beyond docs/MODEL.md's
 * four: pread and the vector forms share read's and write's path; send,
 * sendto and sendmsg import the user buffer with the same cap (import_ubuf);
 * an io_submit request's read is capped the same way, and zcopy's programs
 * submit one request per call.
 */
const CAPPED_AT_MAX_RW = new Set(['read', 'pread', 'pread64', 'readv', 'write', 'pwrite', 'pwrite64', 'writev', 'send', 'sendto', 'sendmsg', 'sendfile', 'splice', 'io_submit']);
/** The calls that move at most a pipe's free slots: one end is the pipe. */
const CAPPED_AT_PIPE = new Set(['splice', 'vmsplice', 'tee']);

/** What bounds a call's bytes: MAX_RW_COUNT, or the pipe it goes through. */
export type CallLimit = { bytes: number; by: 'maxRw' | 'pipe' };

/** The tightest limit of the calls a script makes for every chunk; null when none is capped (no call per chunk, or calls that move no payload). */
export function callLimitOf(script: Script): CallLimit | null {
  let limit: CallLimit | null = null;
  for (const s of script.steps) {
    if (phaseOf(s) !== 'transfer' || s.event.type !== 'syscall') continue;
    const name = s.event.name;
    const own: CallLimit | null = CAPPED_AT_PIPE.has(name) ? { bytes: PIPE_CAPACITY, by: 'pipe' } : CAPPED_AT_MAX_RW.has(name) ? { bytes: MAX_RW_COUNT, by: 'maxRw' } : null;
    if (own && (!limit || own.bytes < limit.bytes)) limit = own;
  }
  return limit;
}

/**
 * Why zcopy will not count a chunk: one not a whole number of pages, when the
 * file is more than one chunk (the page cache reads and maps whole pages, so
 * chunks that share a page share its one disk read and fault, and zcopy counts
 * them per chunk); for a program whose read DMAs straight into its own buffer
 * (O_DIRECT), because the kernel fails such a read with EINVAL. A single chunk
 * is the whole file: its one read may ask for whole pages and get the file's
 * end, as any read at the end of a file does.
 */
export type ScaleRefusal = { code: 'subPage' | 'notPages' | 'directNotBlocks'; chunk: number; page: number };

export class ScaleRefused extends Error {
  constructor(readonly refusal: ScaleRefusal) {
    super(`${refusal.code}: a chunk of ${refusal.chunk} bytes`);
    this.name = 'ScaleRefused';
  }
}

/** Whether a transfer step is a system call's DMA from the disk straight into the program's own pages: a read with O_DIRECT. */
function readsDirect(script: Script, timeline: readonly State[]): boolean {
  return script.steps.some((s, i) => phaseOf(s) === 'transfer' && s.event.type === 'programDma' && s.event.to === 'user' && s.event.from === 'disk' && timeline[i].call !== null);
}

/** Why `scale` cannot be counted for `script` (docs/MODEL.md, "The kernel's limits on a chunk"), or null. */
export function scaleRefusal(script: Script, timeline: readonly State[], scale: Scale): ScaleRefusal | null {
  if (chunksOf(scale) === 1 || scale.chunk % PAGE === 0) return null;
  const code = readsDirect(script, timeline) ? 'directNotBlocks' : scale.chunk < PAGE ? 'subPage' : 'notPages';
  return { code, chunk: scale.chunk, page: PAGE };
}

/**
 * One counter at scale: set-up + chunks x calls per chunk x per call +
 * teardown, the terms kept so the sum can be shown. A "call" here is one round
 * of the script's transfer steps (read and write; splice and splice); a chunk
 * larger than a call may move takes several, and the last chunk, shorter, may
 * take fewer.
 */
export interface Formula {
  setup: number;
  chunks: number;
  callsPerChunk: number;
  lastChunkCalls: number;
  /** One round of the transfer steps. */
  perCall: number;
  /** A whole chunk: callsPerChunk x perCall. */
  perChunk: number;
  teardown: number;
  total: number;
}

export interface Scaled extends PhaseCounts {
  size: number;
  chunk: number;
  chunks: number;
  /** Rounds of the transfer steps a chunk takes, and the last chunk; 1 unless a chunk is more than a call may move. */
  callsPerChunk: number;
  lastChunkCalls: number;
  /** What caps a call's bytes, where a transfer call is capped. */
  callLimit: CallLimit | null;
  /** What one whole chunk costs: callsPerChunk rounds of the transfer steps (`perTransfer` is one round). */
  perChunk: Counters;
  counts: Counters;
  formula: Record<keyof Counters, Formula>;
}

/** Why a lesson's transfer steps cannot be repeated: where the machine ends them differs from where it began them. */
export class NotRepeatable extends Error {
  constructor(readonly field: 'privilege' | 'openSyscall' | 'faultReturn' | 'dma' | 'interruptLine' | 'process') {
    super(`the transfer steps do not leave the machine as they found it (${field})`);
    this.name = 'NotRepeatable';
  }
}

/** chunks = ceil(size / chunk): each round of calls moves one chunk, and the program knows the size (docs/MODEL.md, "Scale and what-if"). */
export const chunksOf = ({ size, chunk }: Scale): number => Math.ceil(size / chunk);

/**
 * The counts of a program that moves the whole file: the script's set-up once,
 * its transfer steps once per call of each chunk, its teardown once. The
 * transfer phase is simulated once and folded, not stepped for every call: the
 * machine must be back in the shape it started the round in (the process out
 * of any call and fault, the DMA idle, no interrupt pending), which is what
 * makes the next round the same. The cost does not grow with the size.
 * A chunk the kernel would not let zcopy count as asked throws ScaleRefused.
 */
export function scaled(script: Script, timeline: readonly State[], scale: Scale): Scaled {
  const phases = countsByPhase(script, timeline);
  const first = script.steps.findIndex((s) => phaseOf(s) === 'transfer');
  let last = first;
  script.steps.forEach((s, i) => {
    if (phaseOf(s) === 'transfer') last = i;
  });
  const before = timeline[first];
  const after = timeline[last + 1];
  const shape = (s: State) => ({ privilege: s.privilege, openSyscall: s.call?.name ?? null, faultReturn: s.faultReturn, dma: s.dma.status, interruptLine: s.interruptLine, process: s.process });
  const a = shape(before);
  const b = shape(after);
  for (const field of Object.keys(a) as (keyof typeof a)[]) if (a[field] !== b[field]) throw new NotRepeatable(field);
  const refusal = scaleRefusal(script, timeline, scale);
  if (refusal) throw new ScaleRefused(refusal);

  const chunks = chunksOf(scale);
  const callLimit = callLimitOf(script);
  const callsFor = (bytes: number) => (callLimit ? Math.ceil(bytes / callLimit.bytes) : 1);
  const callsPerChunk = callsFor(scale.chunk);
  const lastChunkCalls = callsFor(scale.size - (chunks - 1) * scale.chunk);
  const formula = {} as Record<keyof Counters, Formula>;
  const counts = {} as Counters;
  const perChunk = {} as Counters;
  for (const k of COUNTER_KEYS) {
    const perCall = phases.perTransfer[k];
    const f = { setup: phases.setup[k], chunks, callsPerChunk, lastChunkCalls, perCall, perChunk: callsPerChunk * perCall, teardown: phases.teardown[k], total: 0 };
    f.total = f.setup + ((chunks - 1) * callsPerChunk + lastChunkCalls) * perCall + f.teardown;
    formula[k] = f;
    counts[k] = f.total;
    perChunk[k] = f.perChunk;
  }
  return { ...phases, size: scale.size, chunk: scale.chunk, chunks, callsPerChunk, lastChunkCalls, callLimit, perChunk, counts, formula };
}

/**
 * `2 + 16384 x 2`: set-up and teardown where not zero, and always the chunks,
 * so the reader sees them multiply; where a chunk takes several calls, chunks x
 * calls per chunk x per call (`2 + 1 x 16 x 4`), and a last chunk that takes
 * fewer on its own (`1 x 5 x 2 + 1 x 2 x 2`). Numbers only: no language.
 */
export function formulaText(f: Formula): string {
  const rounds =
    f.callsPerChunk === 1
      ? [`${f.chunks} x ${f.perCall}`]
      : f.lastChunkCalls === f.callsPerChunk
        ? [`${f.chunks} x ${f.callsPerChunk} x ${f.perCall}`]
        : [`${f.chunks - 1} x ${f.callsPerChunk} x ${f.perCall}`, `1 x ${f.lastChunkCalls} x ${f.perCall}`];
  return [...(f.setup ? [String(f.setup)] : []), ...rounds, ...(f.teardown ? [String(f.teardown)] : [])].join(' + ');
}

/** Every counter's formula as text: what the JSON of explain and compare carries. */
export const formulaTexts = (formula: Record<keyof Counters, Formula>): Record<keyof Counters, string> =>
  Object.fromEntries(COUNTER_KEYS.map((k) => [k, formulaText(formula[k])])) as Record<keyof Counters, string>;
