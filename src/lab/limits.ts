import { GiB, KiB, MiB } from '../term/bytes.js';

/** The lab's defaults and bounds, apart from its words, so that `zcopy --help` can name them without loading the lab. */
export const DEFAULTS = { size: 64 * MiB, chunk: 64 * KiB, runs: 5, warmup: 1 } as const;
/** Beyond these a value is a typo, not an experiment. */
export const LIMITS = {
  size: { min: 1, max: 4 * GiB },
  chunk: { min: 512, max: 64 * MiB },
  runs: { min: 1, max: 100 },
} as const;

/**
 * What a learner is told a run takes before it starts: every run moves the whole
 * file once, and a loaded laptop moves a warm file over loopback TCP at a few
 * hundred MiB/s, so 200 MiB/s is a pessimistic rate; rounded up to 5 seconds.
 * An estimate to set expectations, never a measurement (the lab measures).
 */
export const ASSUMED_RATE = 200 * MiB;

export function roughSeconds(plan: { size: number; runs: number; warmup: number; techniques: readonly string[] }): number {
  const bytes = plan.size * (plan.runs + plan.warmup) * plan.techniques.length;
  return Math.max(5, Math.ceil(bytes / ASSUMED_RATE / 5) * 5);
}
