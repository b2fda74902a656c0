import type { Catalog } from '../lessons/index.js';
import { run } from '../model/index.js';

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
  /** Where the figure comes from: `lesson <id>` (derived by the engine) or MODEL.md's strace table. */
  source: string;
}

interface Derivation {
  /** The lesson whose engine run gives the calls. */
  lesson?: string;
  /** Calls the lesson makes once per transfer, not once per chunk. */
  oneTime?: string[];
  /** Calls MODEL.md's table ("What real programs do") adds for the lab's job. */
  fromTable?: string[];
}

/**
 * Where each prediction comes from. A lesson's script is one chunk's worth of
 * a program, so the calls per chunk are the engine's system-call log for that
 * lesson minus its one-time set-up calls:
 * - read-write: lesson traditional, [read, write].
 * - mmap-write: lesson mmap, [mmap, write] less the one mmap of the file.
 * - sendfile: lesson sendfile, [sendfile].
 * - splice: lesson splice, [pipe, splice, splice] less the one pipe (a reused pipe, HAProxy's way).
 * - msg-zerocopy: lesson msg-zerocopy, [setsockopt, read, sendto, poll, recvmsg] less the
 *   one setsockopt(SO_ZEROCOPY); the lab, like the lesson, waits for each chunk's completion
 *   before it reads the next chunk into the same buffer.
 * - direct-io: lesson direct-io teaches the disk -> user half, [read]; the write of each chunk
 *   to the socket is MODEL.md's strace table ("read (O_DIRECT), write").
 * - copy-file-range: no lesson; MODEL.md's strace table: [copy_file_range].
 */
const DERIVATIONS: Record<Technique, Derivation> = {
  'read-write': { lesson: 'traditional' },
  'mmap-write': { lesson: 'mmap', oneTime: ['mmap'] },
  sendfile: { lesson: 'sendfile' },
  splice: { lesson: 'splice', oneTime: ['pipe'] },
  'msg-zerocopy': { lesson: 'msg-zerocopy', oneTime: ['setsockopt'] },
  'direct-io': { lesson: 'direct-io', fromTable: ['write'] },
  'copy-file-range': { fromTable: ['copy_file_range'] },
};

export function modelFigure(technique: Technique, catalog: Catalog): ModelFigure {
  const d = DERIVATIONS[technique];
  const calls: string[] = [];
  const sources: string[] = [];
  if (d.lesson) {
    const lesson = catalog.find(d.lesson);
    if (!lesson) throw new Error(`the ${d.lesson} lesson is missing`);
    const log = run(lesson).at(-1)!.syscallLog;
    const oneTime = [...(d.oneTime ?? [])];
    for (const call of log) {
      const i = oneTime.indexOf(call);
      if (i >= 0) oneTime.splice(i, 1);
      else calls.push(call);
    }
    sources.push(`lesson ${d.lesson}`);
  }
  if (d.fromTable) {
    calls.push(...d.fromTable);
    sources.push('MODEL.md strace table');
  }
  return { syscallsPerChunk: calls.length, calls, source: sources.join(' + ') };
}
