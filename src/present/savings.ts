import type { Lang } from '../i18n/lang.js';
import { MACHINE } from '../i18n/machine.js';
import { SAVED } from '../i18n/strings.js';
import type { Job, Lesson } from '../lessons/index.js';
import { COUNTER_KEYS, type Counters, type Scale } from '../model/index.js';
import { compareRows } from './compare.js';

/**
 * Each job's plain baseline: figures are only compared within a job (docs/MODEL.md,
 * "Jobs"). A send is measured against read() + write() with DMA, as the
 * articles do. A read is measured against dma-io, the read() Linux does today:
 * programmed and interrupt-driven I/O are the history before it, not what a
 * direct-io or aio-direct user would otherwise run. Sharing pages and serving
 * many readers from the cache have no one-transfer baseline.
 */
export const BASELINES: Record<Job, string | null> = { send: 'traditional', read: 'dma-io', share: null, cache: null };

/** The changes from `base` to `mine`: every counter that differs, in the counters' order. */
function changes(mine: Counters, base: Counters, lang: Lang): string {
  const t = SAVED[lang];
  const items = COUNTER_KEYS.filter((k) => mine[k] !== base[k]).map((k) => {
    const delta = mine[k] - base[k];
    return t.change(MACHINE[lang].counterNoun[k][Math.abs(delta) === 1 ? 0 : 1], delta);
  });
  return items.length ? t.list(items) : t.same;
}

/**
 * What `lesson` saves against its job's baseline (`baseline`, the lesson
 * BASELINES names, or null), as sentences: one chunk's totals, then, where
 * set-up or teardown makes them differ, what every further chunk saves.
 * Every figure is the model's; nothing here is counted by hand.
 */
export function savedLines(lesson: Lesson, baseline: Lesson | null, lang: Lang, scale: Scale | null = null): string[] {
  const t = SAVED[lang];
  const job = lesson.job;
  if (job === 'share' || job === 'cache') return [t.notApplicable[job]];
  if (!baseline) return [];
  if (baseline.id === lesson.id) return [t.isBaseline[job]];
  // At scale the totals are the whole file's, for both: the same size moved the same way.
  const [mine, base] = compareRows([lesson, baseline], scale);
  const lines = [t.line(t.against[job], changes(mine.counts, base.counts, lang))];
  const setUpDiffers = scale !== null || COUNTER_KEYS.some((k) => mine.counts[k] !== mine.perTransfer[k] || base.counts[k] !== base.perTransfer[k]);
  // At scale a chunk may take several rounds of calls (a pipe's 64 KiB per splice): a whole chunk's counts, not one round's.
  if (setUpDiffers) lines.push(t.line(t.perChunk, changes(mine.perChunk ?? mine.perTransfer, base.perChunk ?? base.perTransfer, lang)));
  return lines;
}
