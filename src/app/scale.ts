import { knobNotTaken, knobsTaken, varied, type Lesson } from '../lessons/index.js';
import { DEFAULT_KNOBS, traceOf, type Knobs, type Scale } from '../model/index.js';
import { KiB, TiB, parseSize } from '../term/bytes.js';
import { refuse } from './problems.js';

/* The what-if and scale options, read into the model's terms: knobs and a scale, or a problem. */

/** The lab's chunk, and what a program reading with a 64 KiB buffer moves per call. */
export const DEFAULT_CHUNK = 64 * KiB;
/** Past this, counts could stop being exact numbers; no learner's file is larger. */
export const MAX_SIZE = 1024 * TiB;

/** Past this a reader count is a typo, not a question. */
export const MAX_READERS = 1000;

/** The knobs the options ask for; the ones not given at the lesson's own values. A reader count must be 1 to MAX_READERS. */
export function knobsAsked(args: { cache?: string; nic?: string; readers?: string }): Knobs {
  const knobs: Knobs = { cache: (args.cache as Knobs['cache'] | undefined) ?? DEFAULT_KNOBS.cache, nic: (args.nic as Knobs['nic'] | undefined) ?? DEFAULT_KNOBS.nic };
  if (args.readers !== undefined) {
    const n = /^\s*\d+\s*$/.test(args.readers) ? Number(args.readers) : NaN;
    if (!(n >= 1 && n <= MAX_READERS)) refuse({ code: 'badReaders', raw: args.readers, max: MAX_READERS });
    knobs.readers = n;
  }
  return knobs;
}

/** The lesson as it runs with `knobs`; a knob the lesson neither depends on nor says changes nothing is refused. */
export function variedOrRefused(lesson: Lesson, knobs: Knobs): Lesson {
  const missing = knobNotTaken(lesson, knobs);
  if (missing) refuse({ code: 'knobNotHere', knob: missing, value: String(knobs[missing]), id: lesson.id, taken: knobsTaken(lesson) });
  return varied(lesson, knobs);
}

/**
 * The scale the options ask for, or null (one chunk, the sources' figures). A
 * size of 0, a negative or unreadable one, a chunk without a size or larger than
 * it is refused.
 */
export function scaleOf(args: { size?: string; chunk?: string }): Scale | null {
  if (args.size === undefined) {
    if (args.chunk !== undefined) refuse({ code: 'chunkNeedsSize' });
    return null;
  }
  const bytes = (flag: 'size' | 'chunk', raw: string) => {
    const n = parseSize(raw);
    if (n === undefined || n < 1) return refuse({ code: 'badSize', flag, raw });
    if (n > MAX_SIZE) refuse({ code: 'sizeTooLarge', flag, max: MAX_SIZE });
    return n;
  };
  const size = bytes('size', args.size);
  const chunk = args.chunk === undefined ? DEFAULT_CHUNK : bytes('chunk', args.chunk);
  if (chunk > size) {
    // The default chunk is larger than a small file: the file is one chunk.
    if (args.chunk === undefined) return { size, chunk: size };
    refuse({ code: 'chunkOverSize', chunk, size });
  }
  return { size, chunk };
}

/**
 * Refuses a scale that one of `lessons` cannot be counted at
 * (docs/MODEL.md, "The kernel's limits on a chunk"): before anything is drawn or
 * asked, so that a quiz or a picker never meets it half-way.
 */
export function checkScale(scale: Scale | null, lessons: readonly Lesson[]): void {
  if (!scale) return;
  for (const l of lessons) {
    const refusal = traceOf(l).refusalAt(scale);
    if (refusal) refuse({ code: 'scaleRefused', refusal, id: l.id });
  }
}
