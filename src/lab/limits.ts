import { GiB, KiB, MiB } from '../term/bytes.js';

/** The lab's defaults and bounds, apart from its words, so that `zcopy --help` can name them without loading the lab. */
export const DEFAULTS = { size: 64 * MiB, chunk: 64 * KiB, runs: 5, warmup: 1 } as const;
/** Beyond these a value is a typo, not an experiment. */
export const LIMITS = {
  size: { min: 1, max: 4 * GiB },
  chunk: { min: 512, max: 64 * MiB },
  runs: { min: 1, max: 100 },
} as const;
