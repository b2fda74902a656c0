import type { Argv } from 'yargs';
import { HELP } from '../i18n/help.js';
import type { Lang, Text } from '../i18n/lang.js';
import { SCALE, SCALE_TEXT } from '../i18n/strings.js';
import { DEFAULT_KNOBS, KNOB_VALUES, PAGE, READERS_AS_WRITTEN, touchesNic, traceOf, turnedKnobs, variantOf, type Knobs, type ReaderStep, type Scale, type ScaleRefusal } from '../model/index.js';
import { variantSummary, type Lesson, type LessonStep } from '../lessons/index.js';
import { GiB, KiB, MiB, TiB, formatBytes, parseSize } from '../term/bytes.js';
import { UsageError } from './errors.js';

/** The lab's chunk, and what a program reading with a 64 KiB buffer moves per call. */
export const DEFAULT_CHUNK = 64 * KiB;
/** Past this, counts could stop being exact numbers; no learner's file is larger. */
export const MAX_SIZE = 1024 * TiB;

/** `--size` and `--chunk`, as strings so that a bad one is told what is wrong rather than read as NaN; `--cache` and `--nic`. */
export function scaleOptions<T>(y: Argv<T>, lang: Lang) {
  const H = HELP[lang];
  return y
    .option('size', { type: 'string', describe: H.scaleSize, requiresArg: true })
    .option('chunk', { type: 'string', describe: H.scaleChunk, requiresArg: true })
    .option('cache', { type: 'string', choices: KNOB_VALUES.cache, describe: H.knobCache, requiresArg: true })
    .option('nic', { type: 'string', choices: KNOB_VALUES.nic, describe: H.knobNic, requiresArg: true })
    .option('readers', { type: 'string', describe: H.knobReaders, requiresArg: true });
}

/** Past this a reader count is a typo, not a question. */
export const MAX_READERS = 1000;

/** The knobs asked for; the ones not given at the lesson's own values. A reader count that is not 1 to 1000 is one line, exit 1. */
export function knobsOf(args: { cache?: string; nic?: string; readers?: string }, lang: Lang = 'en'): Knobs {
  const knobs: Knobs = { cache: (args.cache as Knobs['cache'] | undefined) ?? DEFAULT_KNOBS.cache, nic: (args.nic as Knobs['nic'] | undefined) ?? DEFAULT_KNOBS.nic };
  if (args.readers !== undefined) {
    const n = /^\s*\d+\s*$/.test(args.readers) ? Number(args.readers) : NaN;
    if (!(n >= 1 && n <= MAX_READERS)) throw new UsageError(SCALE[lang].badReaders(args.readers, MAX_READERS));
    knobs.readers = n;
  }
  return knobs;
}

/** The knobs `lesson` answers to: those its steps say how they change it, and those it says change nothing. */
export const knobsTaken = (lesson: Lesson): (keyof Knobs)[] => [...(lesson.variants?.knobs ?? []), ...(Object.keys(lesson.unaffected ?? {}) as (keyof Knobs)[])];

/** The knobs asked about: those turned, and a reader count even at the lesson's own (a lesson without readers has no count to be at). */
const asked = (knobs: Knobs): (keyof Knobs)[] => [...new Set([...turnedKnobs(knobs), ...(knobs.readers === undefined ? [] : (['readers'] as const))])];

/** Whether `lesson` answers to every knob asked about. */
export const takes = (lesson: Lesson, knobs: Knobs): boolean => asked(knobs).every((k) => knobsTaken(lesson).includes(k));

/** Whether a quiz about `knobs` asks about `lesson`: it answers to them, and a NIC's gather is asked about only where a NIC takes part. */
export const asksAbout = (lesson: Lesson, knobs: Knobs): boolean => takes(lesson, knobs) && (knobs.nic === DEFAULT_KNOBS.nic || touchesNic(lesson.steps));

/**
 * The lesson as it runs with `knobs`: its variant's steps on the machine they
 * describe, each with its narration (a step whose words differ between variants
 * is written once for each, with its `when`). A knob the lesson's steps do not
 * depend on, and which the lesson does not say changes nothing, is refused in a line.
 */
export function varied(lesson: Lesson, knobs: Knobs, lang: Lang): Lesson {
  const missing = asked(knobs).find((k) => !knobsTaken(lesson).includes(k));
  if (missing) throw new UsageError(SCALE[lang].knobNotHere(missing, String(knobs[missing]), lesson.id, knobsTaken(lesson)));
  if (!turnedKnobs(knobs).length) return lesson;
  const { steps, machine } = variantOf(lesson.payload, lesson.variants?.steps ?? lesson.steps, knobs);
  const own = variantSummary(lesson, knobs);
  const told = steps.map((s, i) => ({ ...s, text: readerText(s, steps[i - 1]?.reader, knobs) }));
  if (knobs.readers !== undefined && knobs.readers !== READERS_AS_WRITTEN && (lesson.variants?.steps ?? lesson.steps).some((s) => s.each === 'reader')) {
    // Every lesson ends on its total; the written one counts two readers, so another count ends on the engine's.
    const counts = traceOf({ payload: lesson.payload, steps, machine }).end.counts;
    const total = SCALE_TEXT.readersTotal(knobs.readers, counts, knobs.cache === 'cold');
    const last = told.at(-1)!;
    last.text = { en: [last.text.en, total.en].filter(Boolean).join(' '), zh: last.text.zh + total.zh };
  }
  return { ...lesson, title: own?.title ?? lesson.title, summary: own?.text ?? lesson.summary, steps: told, machine, knobs };
}

/**
 * A reader's block is narrated for the second reader, as the lesson shows it;
 * its ordinals and totals are wrong for a third. A later reader's block opens
 * with a line saying whose steps it repeats, and the engine says what each does.
 */
function readerText(s: ReaderStep<LessonStep>, before: number | undefined, knobs: Knobs): Text {
  if (s.reader === undefined || s.reader <= READERS_AS_WRITTEN) return s.text;
  return s.reader === before ? { en: '', zh: '' } : SCALE_TEXT.readerAgain(s.reader, knobs.readers!, READERS_AS_WRITTEN);
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

/** A size as `--chunk` takes it, in the largest unit that says it exactly: 4K, 96K, 1M. */
const asFlag = (n: number): string => {
  for (const [unit, size] of [['G', GiB], ['M', MiB], ['K', KiB]] as const) if (n % size === 0) return `${n / size}${unit}`;
  return String(n);
};

/** The line for a chunk the model will not count: why, and the whole pages nearest below it (a page at least) to try instead. */
export function scaleRefusalText(r: ScaleRefusal, lang: Lang, id: string | null = null): string {
  return SCALE[lang].refused(r, formatBytes(r.chunk), asFlag(Math.max(PAGE, r.chunk - (r.chunk % PAGE))), id);
}

/**
 * Refuses, in one line, a scale that one of `lessons` cannot be counted at
 * (docs/MODEL.md, "The kernel's limits on a chunk"): before anything is drawn or
 * asked, so that a quiz or a picker never meets it half-way.
 */
export function checkScale(scale: Scale | null, lessons: readonly Lesson[], lang: Lang): void {
  if (!scale) return;
  for (const l of lessons) {
    const refusal = traceOf(l).refusalAt(scale);
    if (refusal) throw new UsageError(scaleRefusalText(refusal, lang, l.id));
  }
}
