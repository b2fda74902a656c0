import { everyLang, type Text } from '../i18n/lang.js';
import { PUNCTUATION } from '../i18n/punctuation.js';
import { SCALE_TEXT } from '../i18n/strings.js';
import { DEFAULT_KNOBS, READERS_AS_WRITTEN, touchesNic, traceOf, turnedKnobs, variantOf, type Knobs, type ReaderStep } from '../model/index.js';
import { variantSummary } from './summary.js';
import type { Lesson, LessonStep } from './types.js';

/** The knobs `lesson` answers to: those its steps say how they change it, and those it says change nothing. */
export const knobsTaken = (lesson: Lesson): (keyof Knobs)[] => [...(lesson.variants?.knobs ?? []), ...(Object.keys(lesson.unaffected ?? {}) as (keyof Knobs)[])];

/** The knobs asked about: those turned, and a reader count even at the lesson's own (a lesson without readers has no count to be at). */
const asked = (knobs: Knobs): (keyof Knobs)[] => [...new Set([...turnedKnobs(knobs), ...(knobs.readers === undefined ? [] : (['readers'] as const))])];

/** The first knob asked about that `lesson` does not answer to, or null. */
export const knobNotTaken = (lesson: Lesson, knobs: Knobs): keyof Knobs | null => asked(knobs).find((k) => !knobsTaken(lesson).includes(k)) ?? null;

/** Whether `lesson` answers to every knob asked about. */
export const takes = (lesson: Lesson, knobs: Knobs): boolean => knobNotTaken(lesson, knobs) === null;

/** Whether a quiz about `knobs` asks about `lesson`: it answers to them, and a NIC's gather is asked about only where a NIC takes part. */
export const asksAbout = (lesson: Lesson, knobs: Knobs): boolean => takes(lesson, knobs) && (knobs.nic === DEFAULT_KNOBS.nic || touchesNic(lesson.steps));

/**
 * The lesson as it runs with `knobs`: its variant's steps on the machine they
 * describe, each with its narration (a step whose words differ between variants
 * is written once for each, with its `when`). The caller has checked that the
 * lesson takes the knobs (knobNotTaken); the application refuses the others.
 */
export function varied(lesson: Lesson, knobs: Knobs): Lesson {
  const missing = knobNotTaken(lesson, knobs);
  if (missing) throw new Error(`${lesson.id} does not answer to --${missing}`);
  if (!turnedKnobs(knobs).length) return lesson;
  const { steps, machine } = variantOf(lesson.payload, lesson.variants?.steps ?? lesson.steps, knobs);
  const own = variantSummary(lesson, knobs);
  const told = steps.map((s, i) => ({ ...s, text: readerText(s, steps[i - 1]?.reader, knobs) }));
  if (knobs.readers !== undefined && knobs.readers !== READERS_AS_WRITTEN && (lesson.variants?.steps ?? lesson.steps).some((s) => s.each === 'reader')) {
    // Every lesson ends on its total; the written one counts two readers, so another count ends on the engine's.
    const counts = traceOf({ payload: lesson.payload, steps, machine }).end.counts;
    const last = told.at(-1)!;
    const said = last.text;
    last.text = everyLang((l) => PUNCTUATION[l].sentences([said[l], SCALE_TEXT[l].readersTotal(knobs.readers!, counts, knobs.cache === 'cold')].filter(Boolean)));
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
  return everyLang((l) => (s.reader === before ? '' : SCALE_TEXT[l].readerAgain(s.reader!, knobs.readers!, READERS_AS_WRITTEN)));
}
