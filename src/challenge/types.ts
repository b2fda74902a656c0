import type { Counters, Location, Machine, MachineFeature, EventType } from '../model/index.js';
import type { Text } from '../i18n/lang.js';
import type { LessonStep } from '../lessons/index.js';

/** The places a goal may name: where a data path can end. */
export const GOAL_PLACES = ['nic', 'user', 'pageCache', 'pipe'] as const satisfies readonly Location[];
export type GoalPlace = (typeof GOAL_PLACES)[number];

/**
 * A predicate on the final state (and, for `canModify` and `canRead`, on the states on the
 * way): every legal path that makes it true passes, whatever its events.
 */
export interface Goal {
  /** Where the payload must end. */
  at: GoalPlace;
  /** Which blocks must be there; all of them when the level names none. */
  blocks: string[] | null;
  /** The user buffer must hold the process's own bytes, not a mapping of a kernel page. */
  own: boolean;
  /** On the way, the process held its own writable copy of every block, so it could change the bytes. */
  canModify: boolean;
  /** On the way, the process could read every block in its own address space (its bytes, or a present mapping), so it could look at the data. */
  canRead: boolean;
  /** At the end, every block outside `blocks` is still a page of the file mapped from the page cache (shared), not private memory. */
  shared: boolean;
  /** The process is back in user mode at the end. */
  userMode: boolean;
}

export type Limits = Partial<Counters>;

/** The features a level's machine sets, as the file says them; a feature left out is the default machine's. */
export type MachineFeatures = Partial<Pick<Machine, MachineFeature>>;

export interface Par {
  modeSwitches: number;
  steps: number;
}

export interface Level {
  id: string;
  /** Its place in the climb. */
  order: number;
  title: Text;
  summary: Text;
  payload: string[];
  features: MachineFeatures;
  machine: Machine;
  goal: Goal;
  /** At most this many of a counter over the whole path. */
  limits: Limits;
  /** At most this many of a counter in the transfer steps: what a program pays per chunk. */
  perTransfer: Limits;
  banned: EventType[];
  hints: Text[];
  par: Par;
  solution: LessonStep[];
  /** The lesson that teaches the technique the level is about. */
  teaches: string;
  source: string;
}
