import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { FlowFinder, type Flow } from './flows.js';
import { StraceParser, pidOfFileName, type LineCounts } from './parse.js';

export interface TraceAnalysis {
  flows: Flow[];
  lines: LineCounts;
}

/** Why a file is not read as a trace: it holds binary data, or its first lines are none of strace's. */
export class NotATrace extends Error {
  constructor(
    readonly why: 'binary' | 'text',
    readonly file: string,
  ) {
    super(`${file}: ${why}`);
    this.name = 'NotATrace';
  }
}

/** Lines read before deciding that a file no line of which strace wrote is not a trace. */
const SNIFF_LINES = 50;

/** One trace to read: a file or standard input, and the pid its lines without one belong to (an -ff file's). */
export interface TraceInput {
  name: string;
  /** Opened only when its turn comes: a file opened early would fail (or hold a descriptor) before it is read. */
  open: () => Readable;
  pid?: number;
}

/**
 * Reads traces a line at a time and finds their flows, in constant memory: a gigabyte of trace
 * is a stream, never a string. Several inputs are one run's -ff files (one per process), read one
 * after the other into the same descriptor tables. `onProgress` hears the lines read now and then.
 */
export async function analyzeStreams(inputs: TraceInput[], onProgress?: (lines: number) => void): Promise<TraceAnalysis> {
  const finder = new FlowFinder();
  const total = { read: 0, understood: 0, skipped: 0 };
  for (const { name, open, pid } of inputs) {
    const input = open();
    const parser = new StraceParser(pid ?? 0);
    const lines = createInterface({ input, crlfDelay: Infinity });
    try {
      for await (const line of lines) {
        // A NUL, or the replacement character readline makes of bytes that are not UTF-8: not text strace wrote.
        if (parser.lines.read < SNIFF_LINES && /[\0\uFFFD]/.test(line)) throw new NotATrace('binary', name);
        for (const e of parser.feed(line)) finder.see(e);
        if (parser.lines.read === SNIFF_LINES && parser.lines.understood === 0) throw new NotATrace('text', name);
        if (onProgress && (total.read + parser.lines.read) % 100_000 === 0) onProgress(total.read + parser.lines.read);
      }
    } finally {
      lines.close();
      if ('destroy' in input && typeof input.destroy === 'function' && name !== '-') input.destroy();
    }
    parser.finish();
    if (parser.lines.understood === 0) throw new NotATrace('text', name);
    for (const k of ['read', 'understood', 'skipped'] as const) total[k] += parser.lines[k];
  }
  return { flows: finder.result(), lines: total };
}

/** Trace files (an -ff file named FILE.PID gives its pid), or standard input for `-`. */
export function analyzeFiles(paths: string[], stdin: Readable, onProgress?: (lines: number) => void): Promise<TraceAnalysis> {
  return analyzeStreams(
    paths.map((path) => (path === '-' ? { name: '-', open: () => stdin } : { name: path, open: () => createReadStream(path), pid: pidOfFileName(basename(path)) })),
    onProgress,
  );
}
