/** What the quiz asks about: its kinds of question, the counters it counts, the situations it describes. */

export const KINDS = ['counts', 'mover', 'mode', 'next', 'where', 'fits', 'fewer', 'reverse'] as const;
export type Kind = (typeof KINDS)[number];

/** The counters the quiz asks about. */
export const QUIZ_COUNTERS = ['cpuCopies', 'dmaCopies', 'modeSwitches', 'syscalls'] as const;
export type QuizCounter = (typeof QUIZ_COUNTERS)[number];

/** Situations a "which technique fits" question describes. */
export const CONSTRAINTS = ['modify', 'socketInput', 'noScatterGather', 'noSyscallPerChunk', 'hugeFile'] as const;
export type Constraint = (typeof CONSTRAINTS)[number];

/** Why a step is, or is not, counted as a mode switch: the case a mode question's explanation states. */
export type ModeWhy = 'call' | 'trapIn' | 'trapOut' | 'trapInKernel' | 'same';
