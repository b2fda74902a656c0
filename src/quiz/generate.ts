import type { Lang } from '../i18n/lang.js';
import type { Lesson } from '../lessons/index.js';
import type { Scale } from '../model/index.js';
import { flawsOf } from './defensible.js';
import { factsOf, type KindContext } from './facts.js';
import { KIND_SPECS } from './kinds/index.js';
import type { Question, Spec } from './question.js';
import { below, mulberry32, pick } from './rng.js';
import { KINDS, type Kind } from './topics.js';

export { letter, type Picked, type Question, type Revisit } from './question.js';

/** Every question the selection allows, unbuilt, in a fixed order: by kind, then by chosen lesson. */
export function specsFor(selected: Lesson[], catalog: Lesson[], kinds: readonly Kind[], scale: Scale | null = null): Spec[] {
  const all = catalog.map(factsOf);
  const byId = new Map(all.map((f) => [f.lesson.id, f]));
  // A what-if variant is not the catalogue's lesson of that id: its own facts.
  const chosen = selected.map((l) => (l.knobs ? factsOf(l) : (byId.get(l.id) ?? factsOf(l))));
  const ctx: KindContext = { all, chosenIds: new Set(chosen.map((f) => f.lesson.id)), scale };
  return kinds.flatMap((kind) => chosen.flatMap((f) => KIND_SPECS[kind](f, ctx)));
}

export interface Topic {
  scenario: string;
  kind: Kind;
}

export interface QuizOptions {
  /** The scenarios to ask about. */
  selected: Lesson[];
  /** Every lesson, for the other side of comparisons and the wrong choices of "which fits". */
  catalog: Lesson[];
  kinds?: readonly Kind[];
  count: number;
  seed: number;
  lang: Lang;
  /** Weakest first: questions on these topics come first. */
  review?: Topic[];
  /** `--size` and `--chunk`: count questions about the whole file. */
  scale?: Scale | null;
}

/**
 * Draws a quiz: a kind at random among those left, then a scenario among
 * those left for that kind, then one of its questions; never the same question
 * twice, and never one with a flaw (src/quiz/defensible.ts). Fewer than
 * `count` come back when the selection runs out. The result
 * depends only on the options, so a seed replays a quiz on any machine.
 */
export function makeQuiz(o: QuizOptions): Question[] {
  const rng = mulberry32(o.seed);
  let pool = specsFor(o.selected, o.catalog, o.kinds ?? KINDS, o.scale ?? null);
  const out: Question[] = [];
  const take = (spec: Spec) => {
    pool = pool.filter((s) => s !== spec);
    const q = spec.build(rng, o.lang);
    // Never asked with a flaw (the tests show none has one): the next draw takes its place.
    if (!flawsOf(q).length) out.push(q);
  };
  // Review: round after round over the weak topics, weakest first.
  const topics = [...(o.review ?? [])];
  while (out.length < o.count && topics.length) {
    for (const t of [...topics]) {
      if (out.length >= o.count) break;
      const here = pool.filter((s) => s.kind === t.kind && s.scenario === t.scenario);
      if (!here.length) topics.splice(topics.indexOf(t), 1);
      else take(pick(rng, here));
    }
  }
  const weakScenarios = new Set((o.review ?? []).map((t) => t.scenario));
  while (out.length < o.count && pool.length) {
    const near = pool.filter((s) => weakScenarios.has(s.scenario));
    const from = near.length ? near : pool;
    const kinds = [...new Set(from.map((s) => s.kind))];
    const kind = pick(rng, kinds);
    const scenarios = [...new Set(from.filter((s) => s.kind === kind).map((s) => s.scenario))];
    const scenario = pick(rng, scenarios);
    const here = from.filter((s) => s.kind === kind && s.scenario === scenario);
    take(here[below(rng, here.length)]);
  }
  return out;
}
