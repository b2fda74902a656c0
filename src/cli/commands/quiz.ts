import { HELP } from '../../i18n/help.js';
import { randomInt } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Lang } from '../../i18n/lang.js';
import type { Lesson } from '../../lessons/index.js';
import { openStore, recordAnswer, weakestTopics, type Store } from '../../progress/index.js';
import {
  ERRORS,
  KINDS,
  MAX_SEED,
  SESSION,
  judge,
  keyEntries,
  makeQuiz,
  parseSeed,
  questionLines,
  revealText,
  verdictLines,
  weakestLines,
  type Answered,
  type Kind,
  type Question,
  type Topic,
} from '../../quiz/index.js';
import { closest } from '../../term/suggest.js';
import { json, type Command, type Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { asksAbout, knobsOf, scaleOf, scaleOptions, varied } from '../scale.js';
import { turnedKnobs, type Scale } from '../../model/index.js';
import type { DrawnQuiz } from '../../ui/app/route.js';
import { session } from './learn.js';

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

/** Checks the options; bad ones are a one-line UsageError. */
export function planQuiz(args: QuizArgs, ctx: Ctx, chooseSeed: () => number = () => randomInt(0, MAX_SEED + 1)): QuizPlan {
  const { lang } = ctx;
  const scale = scaleOf(args, lang);
  const words = (v: string[] | undefined) => (v ?? []).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
  let count = DEFAULT_COUNT;
  if (args.count !== undefined) {
    const text = String(args.count).trim();
    count = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
    if (!(count >= 1 && count <= MAX_COUNT)) throw new UsageError(ERRORS.badCount[lang](String(args.count), MAX_COUNT));
  }
  let seed: number | undefined;
  if (args.seed !== undefined) {
    seed = parseSeed(String(args.seed));
    if (seed === undefined) throw new UsageError(ERRORS.badSeed[lang](String(args.seed)));
  }
  const kinds = [...new Set(words(args.kind).map((k) => k.toLowerCase()))];
  for (const k of kinds) {
    if (!(KINDS as readonly string[]).includes(k)) throw new UsageError(ERRORS.badKind[lang](k, closest(k, KINDS)));
  }
  if (args.json && !args.reveal) throw new UsageError(ERRORS.jsonNeedsReveal[lang]);
  const names = words(args.scenario);
  const named = names.length ? [...new Set(names.map(ctx.lookup))] : ctx.lessons().lessons;
  // A what-if asks count questions of the lessons that answer to it (a named one that does not is refused, saying why).
  const knobs = knobsOf(args, ctx.lang);
  const whatIf = turnedKnobs(knobs).length > 0;
  if (whatIf && kinds.some((k) => k !== 'counts')) throw new UsageError(ERRORS.knobsCountOnly[lang]);
  const selected = whatIf ? (names.length ? named : named.filter((l) => asksAbout(l, knobs))).map((l) => varied(l, knobs, lang)) : named;
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
 * Asks the questions one per line of `input`, printing each question and its
 * verdict, and saving each answer as it comes. Ends with `Score: X/N` (in zh `得分：X/N`); when
 * the input ends early, the rest are unanswered.
 */
export async function takeByLines(
  questions: Question[],
  input: NodeJS.ReadableStream,
  out: (text: string) => void,
  onAnswer: (a: Answered) => void,
  lang: Lang,
  width: number,
  paint: Ctx['paint'],
): Promise<Answered[]> {
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const lines = rl[Symbol.asyncIterator]();
  const answers: Answered[] = [];
  let ended = false;
  try {
    for (const [i, q] of questions.entries()) {
      out(questionLines(q, i + 1, questions.length, lang, width, paint).join('\n') + '\n');
      const next = ended ? { done: true as const, value: undefined } : await lines.next();
      if (next.done) {
        ended = true;
        out('\n');
        break;
      }
      const line = String(next.value);
      out(SESSION.yourAnswer[lang] + (line.trim() || SESSION.noAnswer[lang]) + '\n');
      const a = { question: q, verdict: judge(q, line) };
      answers.push(a);
      onAnswer(a);
      out(verdictLines(q, a.verdict, lang, width, paint).join('\n') + '\n\n');
    }
  } finally {
    rl.close();
  }
  const left = questions.length - answers.length;
  if (left > 0) out(SESSION.unanswered[lang](left) + '\n');
  const weak = weakestLines(answers, lang);
  if (weak.length) out(weak.join('\n') + '\n');
  out(SESSION.score(answers.filter((a) => a.verdict.right).length, questions.length, lang) + '\n');
  return answers;
}

export const quizCommand: Command = {
  names: ['quiz'],
  register: (y, ctx) => {
    const H = HELP[ctx.lang];
    y.command(
      'quiz',
      H.quiz,
      (c) =>
        scaleOptions(c, ctx.lang)
          .option('scenario', { type: 'string', array: true, describe: H.quizScenario })
          .option('kind', { type: 'string', array: true, describe: H.quizKind(KINDS.join(', ')) })
          .option('count', { type: 'string', describe: H.quizCount(MAX_COUNT, DEFAULT_COUNT), requiresArg: true })
          .option('seed', { type: 'string', describe: H.quizSeed(MAX_SEED), requiresArg: true })
          .option('review', { type: 'boolean', describe: H.quizReview })
          .option('reveal', { type: 'boolean', describe: H.quizReveal })
          .option('json', { type: 'boolean', describe: H.quizJson }),
      (args) => runQuiz(ctx, args as QuizArgs),
    );
  },
};

/**
 * The questions a quiz with these options asks, and its plan. `store` is read
 * only for --review; a warning is given where the selection has fewer questions.
 */
export function drawQuiz(ctx: Ctx, args: QuizArgs, store?: Store): { plan: QuizPlan; quiz: DrawnQuiz } {
  const { lang, warn } = ctx;
  const plan = planQuiz(args, ctx);
  let review: Topic[] | undefined;
  if (args.review && store) {
    review = reviewTopics(store, plan);
    if (!review.length) warn(SESSION.noReview[lang]);
  }
  const questions = makeQuiz({ selected: plan.selected, catalog: ctx.lessons().lessons, kinds: plan.kinds, count: plan.count, seed: plan.seed, lang, review, scale: plan.scale });
  if (questions.length < plan.count) warn(SESSION.fewerQuestions[lang](questions.length, plan.count));
  return { plan, quiz: { questions, seed: plan.seed } };
}

/** A quiz from parsed options: the answer key, a terminal screen, or answers read line by line. */
export async function runQuiz(ctx: Ctx, args: QuizArgs): Promise<void> {
  const { io, lang, out, paint, width, warn } = ctx;
  const store = args.review || !args.reveal ? openStore({ env: io.env, lang, warn }) : undefined;
  const { plan, quiz } = drawQuiz(ctx, args, store);
  const { questions } = quiz;
  const seedLine = SESSION.seed[lang](plan.seed);

  if (args.reveal) {
    if (args.json) {
      if (plan.seedChosen) warn(seedLine);
      return out(json(keyEntries(questions)));
    }
    return out(`${paint.dim(seedLine)}\n\n${revealText(questions, lang, width, paint)}`);
  }

  if (io.stdin.isTTY && io.stdout.isTTY) {
    // Only a terminal at both ends gets the screen (the app's quiz, opened straight); everything else reads lines.
    const answers: Answered[] = [];
    await session(ctx, { screen: 'quiz', back: null }, { quiz: () => quiz, answers: store, onAnswer: (a) => answers.push(a) });
    // The screen is gone with the alternate screen; the result stays in the scrollback.
    const weak = weakestLines(answers, lang);
    out(`${SESSION.score(answers.filter((a) => a.verdict.right).length, questions.length, lang)}\n${weak.length ? `${weak.join('\n')}\n` : ''}${paint.dim(seedLine)}\n`);
    return;
  }
  const onAnswer = (a: Answered) => void recordAnswer(store!, a.question.scenario, a.question.kind, a.verdict.right);
  out(paint.dim(seedLine) + '\n\n');
  await takeByLines(questions, io.stdin, out, onAnswer, lang, width, paint);
}
