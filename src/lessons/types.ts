import type { Event, Knobs, Machine, Phase, SwitchKnob } from '../model/index.js';
import type { Text } from '../i18n/lang.js';

export const GROUPS = ['io-modes', 'copy-paths', 'zero-copy', 'beyond'] as const;
export type Group = (typeof GROUPS)[number];

/**
 * What a lesson does, end to end. Figures are compared only within one job:
 * a read's single DMA copy is not "better" than a send's two.
 */
export const JOBS = ['read', 'send', 'share', 'cache'] as const;
export type Job = (typeof JOBS)[number];

/**
 * Facts about a technique that `compare` and the quiz's "which fits" questions
 * read. Each has one exact meaning; lessons/FORMAT.md says it in full.
 */
export interface Properties {
  /** The payload passes through memory the program can write, so it can change the bytes on their way. */
  canModify: boolean;
  /** With a NIC that cannot gather (no scatter-gather DMA), it still works, but the CPU copies the payload into the socket buffer. */
  copiesWithoutGather: boolean;
  /** One end of every call must be a pipe. */
  needsPipe: boolean;
  /** The input must be a file (read through the page cache or a mapping); a socket cannot be the input. */
  inputMustBeFile: boolean;
  /** The process must be given the device itself, driven from user space past the kernel's drivers and network stack. */
  ownsDevice: boolean;
}

export const PROPERTY_KEYS: readonly (keyof Properties)[] = ['canModify', 'copiesWithoutGather', 'needsPipe', 'inputMustBeFile', 'ownsDevice'];

export interface ApiEntry {
  signature: string;
  /** Where the man page says it appeared ("Linux 2.2"), or null where it gives none. */
  since: string | null;
}

export interface LessonStep {
  event: Event;
  /** Once before the data moves, for every chunk, or once at the end (a step file may leave it out: transfer). */
  phase: Phase;
  text: Text;
  /** The what-if knob values this step happens with (`cache: cold`, `nic: nosg`); without it, always. */
  when?: Partial<Pick<Knobs, SwitchKnob>>;
  /** `reader`: one step of the block one more reader makes (page-cache's second consumer); `--readers N` makes it N - 1 times. */
  each?: 'reader';
}

export interface Lesson {
  id: string;
  aliases: string[];
  group: Group;
  job: Job;
  /** Position within its group. */
  order: number;
  title: Text;
  summary: Text;
  since: string | null;
  api: ApiEntry[];
  payload: string[];
  properties: Properties;
  /** The steps on the lesson's own machine (a cold cache, a NIC that gathers): what the sources' figures count. */
  steps: LessonStep[];
  /** Where some steps happen only with a knob's value: every step, with its `when`, and the knobs that change the lesson. */
  variants?: { steps: LessonStep[]; knobs: (keyof Knobs)[] };
  /**
   * The knobs that change nothing here, each with why (direct I/O bypasses the
   * page cache; sendfile copies into the socket buffer anyway). The lesson runs
   * on the knob's machine with the same steps, which the engine checks.
   */
  unaffected?: Partial<Record<SwitchKnob, Text>>;
  /** Summaries (and titles, where the title too would be wrong) for what-if variants the lesson's own would misdescribe (sendfile-sg without gather copies once). */
  variantSummaries?: { when: NonNullable<LessonStep['when']>; text: Text; title?: Text }[];
  /** A what-if variant's machine (a warm cache, a NIC that cannot gather); a lesson as written runs on the default one. */
  machine?: Machine;
  /** The knobs a variant was made with; a lesson as written has none. */
  knobs?: Knobs;
  limits: Text[];
  usedBy: Text[];
  notes: Text[];
  /** The file it was read from, for error messages. */
  source: string;
}
