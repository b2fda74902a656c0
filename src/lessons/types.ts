import type { Event } from '../model/index.js';
import type { Text } from '../i18n/lang.js';

export const GROUPS = ['io-modes', 'copy-paths', 'zero-copy', 'beyond'] as const;
export type Group = (typeof GROUPS)[number];

/** Facts about a technique that `compare` and the quiz's "which fits" questions read. */
export interface Properties {
  /** The application can change the bytes on their way. */
  canModify: boolean;
  /** Works only with a NIC that does scatter-gather DMA (and checksum offload). */
  needsNicSupport: boolean;
  /** One end of the transfer must be a pipe. */
  needsPipe: boolean;
  /** The input must be a file (something that can be mapped), not a socket. */
  inputMustBeFile: boolean;
}

export const PROPERTY_KEYS: readonly (keyof Properties)[] = ['canModify', 'needsNicSupport', 'needsPipe', 'inputMustBeFile'];

export interface ApiEntry {
  signature: string;
  /** Where the man page says it appeared ("Linux 2.2"), or null where it gives none. */
  since: string | null;
}

export interface LessonStep {
  event: Event;
  text: Text;
}

export interface Lesson {
  id: string;
  aliases: string[];
  group: Group;
  /** Position within its group. */
  order: number;
  title: Text;
  summary: Text;
  since: string | null;
  api: ApiEntry[];
  payload: string[];
  properties: Properties;
  steps: LessonStep[];
  limits: Text[];
  usedBy: Text[];
  notes: Text[];
  /** The file it was read from, for error messages. */
  source: string;
}
