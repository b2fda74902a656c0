import { randomInt } from 'node:crypto';
import { asksAbout, type Lesson } from '../lessons/index.js';
import { turnedKnobs, type Scale } from '../model/index.js';
import { weakestTopics, type Store } from '../progress/index.js';
import { KINDS, MAX_SEED, SESSION, makeQuiz, parseSeed, seedOfName, type Kind, type Topic } from '../quiz/index.js';
import { closest } from '../term/suggest.js';
import type { DrawnQuiz, QuizAim } from '../ui/app/route.js';
import type { AppContext } from './context.js';
import { refuse } from './problems.js';
import { checkScale, knobsAsked, scaleOf, variedOrRefused } from './scale.js';

/* What a quiz asks, from its options: the command's and the session's, which draws one for its quiz screen. */

/** More questions than this in one sitting is a typo, not a quiz. */
export const MAX_COUNT = 100;
export const DEFAULT_COUNT = 10;

export interface QuizArgs {
  scenario?: string[];
  kind?: string[];
  count?: string;
  seed?: string;
  reveal?: boolean;
  json?: boolean;
  review?: boolean;
  size?: string;
  chunk?: string;
  cache?: string;
  nic?: string;
  readers?: string;
  /** A worksheet to print (`--sheet`), or its answer key (`--key`), as `format`. */
  sheet?: boolean;
  key?: boolean;
  format?: string;
  /** The seed is this student's name's (seedOfName). */
  student?: string;
}

export interface QuizPlan {
  selected: Lesson[];
  kinds: Kind[];
  count: number;
  seed: number;
  /** The seed was chosen here, not given. */
  seedChosen: boolean;
  /** `--size`: count questions about the whole file. */
  scale: Scale | null;
}

/** Checks the options; bad ones are refused. */
export function planQuiz(args: QuizArgs, ctx: AppContext, chooseSeed: () => number = () => randomInt(0, MAX_SEED + 1)): QuizPlan {
  const scale = scaleOf(args);
  const words = (v: string[] | undefined) => (v ?? []).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
  let count = DEFAULT_COUNT;
  if (args.count !== undefined) {
    const text = String(args.count).trim();
    count = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
    if (!(count >= 1 && count <= MAX_COUNT)) refuse({ code: 'badCount', raw: String(args.count), max: MAX_COUNT });
  }
  let seed: number | undefined;
  if (args.seed !== undefined) {
    seed = parseSeed(String(args.seed));
    if (seed === undefined) refuse({ code: 'badSeed', raw: String(args.seed) });
  }
  const kinds = [...new Set(words(args.kind).map((k) => k.toLowerCase()))];
  for (const k of kinds) {
    if (!(KINDS as readonly string[]).includes(k)) refuse({ code: 'badKind', kind: k, guess: closest(k, KINDS) ?? null });
  }
  if (args.student !== undefined) {
    if (seed !== undefined) refuse({ code: 'seedOrStudent' });
    if (!String(args.student).trim()) refuse({ code: 'noStudent' });
    seed = seedOfName(String(args.student));
  }
  if (args.sheet || args.key) {
    // A worksheet is remade from its seed and options alone: nothing from this machine's progress, nothing asked.
    for (const option of ['reveal', 'json', 'review'] as const) if (args[option]) refuse({ code: 'sheetWith', option: `--${option}` });
  } else if (args.format !== undefined) refuse({ code: 'formatNeedsSheet' });
  if (args.json && !args.reveal) refuse({ code: 'jsonNeedsReveal' });
  const names = words(args.scenario);
  const named = names.length ? [...new Set(names.map(ctx.lookup))] : ctx.lessons().lessons;
  // A what-if asks count questions of the lessons that answer to it (a named one that does not is refused, saying why).
  const knobs = knobsAsked(args);
  const whatIf = turnedKnobs(knobs).length > 0;
  if (whatIf && kinds.some((k) => k !== 'counts')) refuse({ code: 'knobsCountOnly' });
  const selected = whatIf ? (names.length ? named : named.filter((l) => asksAbout(l, knobs))).map((l) => variedOrRefused(l, knobs)) : named;
  checkScale(scale, selected);
  return {
    selected,
    kinds: kinds.length ? (kinds as Kind[]) : whatIf ? ['counts'] : [...KINDS],
    count,
    seed: seed ?? chooseSeed(),
    scale,
    seedChosen: seed === undefined,
  };
}

/** The learner's weak topics within the selection, weakest first. */
export function reviewTopics(store: Store, plan: QuizPlan): Topic[] {
  const ids = new Set(plan.selected.map((l) => l.id));
  return weakestTopics(store.data, 50)
    .filter((t) => ids.has(t.scenario) && (plan.kinds as string[]).includes(t.kind))
    .map((t) => ({ scenario: t.scenario, kind: t.kind as Kind }));
}

/**
 * The questions a quiz with these options asks, and its plan. `store` is read
 * only for --review; a warning is given where the selection has fewer questions.
 */
export function drawQuiz(ctx: AppContext, args: QuizArgs, store?: Store): { plan: QuizPlan; quiz: DrawnQuiz } {
  const { lang, warn } = ctx;
  const plan = planQuiz(args, ctx);
  let review: Topic[] | undefined;
  if (args.review && store) {
    review = reviewTopics(store, plan);
    if (!review.length) warn(SESSION[lang].noReview);
  }
  const questions = makeQuiz({ selected: plan.selected, catalog: ctx.lessons().lessons, kinds: plan.kinds, count: plan.count, seed: plan.seed, lang, review, scale: plan.scale });
  if (questions.length < plan.count) warn(SESSION[lang].fewerQuestions(questions.length, plan.count));
  return { plan, quiz: { questions, seed: plan.seed } };
}

/** An in-app quiz's aim as the options `zcopy quiz` takes for it: `--scenario`, `--kind`, `--review`, and a what-if's knobs. */
export function aimArgs(aim: QuizAim = {}): QuizArgs {
  const knobs = aim.knobs;
  return {
    ...(aim.scenario ? { scenario: [aim.scenario] } : {}),
    ...(aim.kind ? { kind: [aim.kind] } : {}),
    ...(aim.review ? { review: true } : {}),
    ...(knobs ? { cache: knobs.cache, nic: knobs.nic, ...(knobs.readers !== undefined ? { readers: String(knobs.readers) } : {}) } : {}),
    // In bytes, as `--size 1073741824` reads.
    ...(aim.scale ? { size: String(aim.scale.size), chunk: String(aim.scale.chunk) } : {}),
  };
}

/**
 * A quiz the app draws for `aim`: what the draw has to say (nothing to review,
 * fewer questions) is kept with it, for the quiz screen to show, rather than
 * written under the screen.
 */
export function drawAimed(ctx: AppContext, aim: QuizAim | undefined, store: Store): DrawnQuiz {
  const notes: string[] = [];
  const { quiz } = drawQuiz({ ...ctx, warn: (line) => void notes.push(line) }, aimArgs(aim), store);
  return notes.length ? { ...quiz, notes } : quiz;
}
