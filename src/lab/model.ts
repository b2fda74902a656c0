import type { Catalog, Lesson } from '../lessons/index.js';
import { ScaleRefused, callsOfPhase, DEFAULT_KNOBS, traceOf, variantOf, type Counters, type Knobs, type Scale } from '../model/index.js';

/** The techniques `zcopy lab` runs, in the order it runs and prints them. */
export const TECHNIQUES = ['read-write', 'mmap-write', 'sendfile', 'splice', 'msg-zerocopy', 'direct-io', 'copy-file-range'] as const;
export type Technique = (typeof TECHNIQUES)[number];

export function isTechnique(value: string): value is Technique {
  return (TECHNIQUES as readonly string[]).includes(value);
}

/** What the model predicts for one chunk, and where that prediction comes from. */
export interface ModelFigure {
  syscallsPerChunk: number;
  /** The calls made for every chunk, by name, in order. */
  calls: string[];
  /** Where the figure comes from: `lesson <id>` (derived by the engine) or docs/MODEL.md's strace table ("What real programs do"). */
  source: string;
  /**
   * The lesson's counts for the run's size and chunk (set-up + chunks x per chunk +
   * teardown), and per chunk, in the lesson's variant for `cache`; null where no lesson
   * does the lab's whole job (direct-io's lesson reads, the lab also sends; copy-file-range
   * has none), and where the chunk is not whole pages (the model counts a disk read per chunk).
   */
  totals: Counters | null;
  perChunk: Counters | null;
  /** The page cache the counts assume: warm for the lab's own runs (the file was just written), cold where the runs drop it. */
  cache: Knobs['cache'];
  /** Rounds of the lesson's calls a chunk takes: more than 1 where one call moves less than a chunk (splice, a pipe's 64 KiB). */
  rounds: number;
}

interface Derivation {
  /** The lesson whose transfer steps give the calls per chunk. */
  lesson?: string;
  /** Calls docs/MODEL.md's table ("What real programs do") adds for the lab's job. */
  fromTable?: string[];
}

/**
 * Where each prediction comes from. A lesson's script is one chunk's worth of
 * a program, and its transfer steps are what the program repeats for every
 * chunk, so the calls per chunk are the system calls of those steps; set-up
 * calls (mmap of the file, pipe, setsockopt) are made once.
 * - read-write: lesson traditional, [read, write].
 * - mmap-write: lesson mmap, [write] (the file is mapped once, at set-up).
 * - sendfile: lesson sendfile, [sendfile].
 * - splice: lesson splice, [splice, splice] (the pipe is made once and reused, HAProxy's way).
 * - msg-zerocopy: lesson msg-zerocopy, [sendto, recvmsg] (setsockopt(SO_ZEROCOPY) and the mmap
 *   of the file at set-up); the lab, like docs/MODEL.md's reference program, poll()s only after its
 *   loop, for the completions still out.
 * - direct-io: lesson direct-io teaches the disk -> user half, [read]; the write of each chunk
 *   to the socket is docs/MODEL.md's strace table ("read (O_DIRECT), write").
 * - copy-file-range: no lesson; docs/MODEL.md's strace table: [copy_file_range].
 */
const DERIVATIONS: Record<Technique, Derivation> = {
  'read-write': { lesson: 'traditional' },
  'mmap-write': { lesson: 'mmap' },
  sendfile: { lesson: 'sendfile' },
  splice: { lesson: 'splice' },
  'msg-zerocopy': { lesson: 'msg-zerocopy' },
  'direct-io': { lesson: 'direct-io', fromTable: ['write'] },
  'copy-file-range': { fromTable: ['copy_file_range'] },
};

/** The lesson that teaches a technique (the one its figures are derived from), or null where none does. */
export function lessonOf(technique: Technique): string | null {
  return DERIVATIONS[technique].lesson ?? null;
}

/**
 * A lesson's counts at `scale` with the page cache `cache` (its variant for it), and the calls a
 * chunk takes: a chunk larger than a call may move (a pipe's 64 KiB per splice) takes several
 * rounds of the lesson's transfer calls, as the helper's loops make them. Totals are null where
 * the model does not count the chunk (not whole pages): no totals rather than wrong ones.
 */
export function lessonAtScale(lesson: Lesson, scale: Scale | null, cache: Knobs['cache']): { totals: Counters | null; perChunk: Counters | null; calls: string[]; rounds: number } {
  let rounds = 1;
  let whole: { totals: Counters; perChunk: Counters } | null = null;
  if (scale) {
    // A warm run pays no disk DMA and no disk interrupt: the lesson's warm variant says so, not the lesson as written.
    const script = variantOf(lesson.payload, lesson.variants?.steps ?? lesson.steps, { ...DEFAULT_KNOBS, cache });
    try {
      const big = traceOf(script).atScale(scale);
      whole = { totals: big.counts, perChunk: big.perChunk };
      rounds = big.callsPerChunk;
    } catch (error) {
      if (!(error instanceof ScaleRefused)) throw error;
    }
  }
  const calls: string[] = [];
  for (let i = 0; i < rounds; i++) calls.push(...callsOfPhase(lesson, 'transfer'));
  return { totals: whole?.totals ?? null, perChunk: whole?.perChunk ?? null, calls, rounds };
}

export function modelFigure(technique: Technique, catalog: Catalog, scale: Scale | null = null, cache: Knobs['cache'] = 'cold'): ModelFigure {
  const d = DERIVATIONS[technique];
  let whole: { totals: Counters | null; perChunk: Counters | null; rounds: number } = { totals: null, perChunk: null, rounds: 1 };
  const calls: string[] = [];
  const sources: string[] = [];
  if (d.lesson) {
    const lesson = catalog.find(d.lesson);
    if (!lesson) throw new Error(`the ${d.lesson} lesson is missing`);
    // A derivation that adds calls from the table is a job no lesson does whole: its calls, never its totals.
    const at = lessonAtScale(lesson, d.fromTable ? null : scale, cache);
    whole = at;
    calls.push(...at.calls);
    sources.push(`lesson ${d.lesson}`);
  }
  if (d.fromTable) {
    calls.push(...d.fromTable);
    sources.push("docs/MODEL.md's strace table");
  }
  return { syscallsPerChunk: calls.length, calls, source: sources.join(' + '), totals: whole.totals, perChunk: whole.perChunk, cache, rounds: whole.rounds };
}
