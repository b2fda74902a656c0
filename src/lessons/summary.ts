import type { Text } from '../i18n/lang.js';
import { happens, turnedKnobs, type Knobs } from '../model/index.js';
import type { Lesson } from './types.js';

/**
 * The summary (and title) a what-if variant has of its own, or null where the
 * lesson's hold: of the variant summaries whose `when` the knobs meet, the one
 * naming the most knobs (warm and no gather before no gather alone).
 */
export function variantSummary(lesson: Pick<Lesson, 'variantSummaries'>, knobs: Knobs): { text: Text; title?: Text } | null {
  if (!turnedKnobs(knobs).length) return null;
  const met = (lesson.variantSummaries ?? []).filter((s) => happens(s, knobs));
  met.sort((a, b) => Object.keys(b.when).length - Object.keys(a.when).length);
  return met[0] ?? null;
}
