import type { Argv } from 'yargs';
import { HELP } from '../i18n/help.js';
import type { Lang } from '../i18n/lang.js';
import { SCALE } from '../i18n/strings.js';
import type { Scale } from '../model/index.js';
import { KiB, TiB, formatBytes, parseSize } from '../term/bytes.js';
import { UsageError } from './errors.js';

/** The lab's chunk, and what a program reading with a 64 KiB buffer moves per call. */
export const DEFAULT_CHUNK = 64 * KiB;
/** Past this, counts could stop being exact numbers; no learner's file is larger. */
export const MAX_SIZE = 1024 * TiB;

/** `--size` and `--chunk`, as strings so that a bad one is told what is wrong rather than read as NaN. */
export function scaleOptions<T>(y: Argv<T>, lang: Lang) {
  const H = HELP[lang];
  return y.option('size', { type: 'string', describe: H.scaleSize, requiresArg: true }).option('chunk', { type: 'string', describe: H.scaleChunk, requiresArg: true });
}

/**
 * The scale the options ask for, or null (one chunk, the sources' figures). A
 * size of 0, a negative or unreadable one, a chunk without a size or larger than
 * it: one line, exit 1.
 */
export function scaleOf(args: { size?: string; chunk?: string }, lang: Lang): Scale | null {
  const t = SCALE[lang];
  if (args.size === undefined) {
    if (args.chunk !== undefined) throw new UsageError(t.chunkNeedsSize);
    return null;
  }
  const bytes = (flag: 'size' | 'chunk', raw: string) => {
    const n = parseSize(raw);
    if (n === undefined || n < 1) throw new UsageError(t.bad(flag, raw));
    if (n > MAX_SIZE) throw new UsageError(t.tooLarge(flag, formatBytes(MAX_SIZE)));
    return n;
  };
  const size = bytes('size', args.size);
  const chunk = args.chunk === undefined ? DEFAULT_CHUNK : bytes('chunk', args.chunk);
  if (chunk > size) {
    // The default chunk is larger than a small file: the file is one chunk.
    if (args.chunk === undefined) return { size, chunk: size };
    throw new UsageError(t.chunkOverSize(formatBytes(chunk), formatBytes(size)));
  }
  return { size, chunk };
}
