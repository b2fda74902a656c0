import { describeEvent, describeStep } from '../i18n/describe.js';
import type { Lang } from '../i18n/lang.js';
import { MACHINE } from '../i18n/machine.js';
import type { Lesson } from '../lessons/index.js';
import { callsOfPhase, phaseOf, traceOf, type Counters, type Location, type Scale, type Trace } from '../model/index.js';

/** What the quiz reads from a lesson: the lesson and its trace (timeline, counts by phase, rises), derived once by the model. */
export interface Facts extends Trace {
  lesson: Lesson;
}

export const factsOf = (lesson: Lesson): Facts => ({ lesson, ...traceOf(lesson) });

/** What every kind may read besides its own lesson: the whole catalogue, and which lessons were chosen. */
export interface KindContext {
  all: Facts[];
  chosenIds: ReadonlySet<string>;
  /** `quiz --size`: count questions ask about the whole file. */
  scale: Scale | null;
}

/** One chunk's totals, or what the transfer steps alone cost (what a program repeats per chunk). */
export type Scope = 'total' | 'perTransfer';

export const countsIn = (f: Facts, scope: Scope): Counters => (scope === 'total' ? f.end.counts : f.phases.perTransfer);

/** The calls a program makes in that scope, in order. */
export const callsIn = (f: Facts, scope: Scope): string[] => (scope === 'total' ? f.end.syscallLog : callsOfPhase(f.lesson, 'transfer'));

/** A lesson's set-up or teardown differs from nothing: its per-chunk figures are not its totals. */
export const hasOnceSteps = (f: Facts) => f.lesson.steps.some((s) => phaseOf(s) !== 'transfer');

/** Steps (1-based) of the transfer phase where a counter went up. */
export const transferRises = (f: Facts, k: keyof Counters) => f.rises[k].filter((n) => phaseOf(f.lesson.steps[n - 1]) === 'transfer');

export const blocksText = (b: readonly string[]) => `[${b.join(' ')}]`;
export const place = (l: Location, lang: Lang) => MACHINE[lang].place[l];
export const calls = (names: readonly string[]) => names.map((c) => `${c}()`);

/** Step n as explain and the learn screen describe it. */
export const does = (f: Facts, n: number, lang: Lang) => describeStep(f.timeline[n - 1], f.timeline[n], f.lesson.steps[n - 1].event, lang);

/** Step n by its event alone, naming neither a place nor a mode: for questions that ask about those. */
export const brief = (f: Facts, n: number, lang: Lang) => describeEvent(f.timeline[n - 1], f.timeline[n], f.lesson.steps[n - 1].event, lang);

/** `text` names `id` as a word of its own (so "sendfile()" names sendfile, not sendfile-sg). */
export function names(text: string, id: string): boolean {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9-])${escaped}(?![a-z0-9-])`, 'i').test(text);
}
