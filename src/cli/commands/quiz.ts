import { createInterface } from 'node:readline';
import { HELP } from '../../i18n/help.js';
import type { Lang } from '../../i18n/lang.js';
import { openStore, recordAnswer } from '../../progress/index.js';
import { KINDS, MAX_SEED, SESSION, judge, keyEntries, questionLines, revealText, verdictLines, weakestLines, type Answered, type Question } from '../../quiz/index.js';
import { json, type Command, type Ctx } from '../context.js';
import { SHEET_HELP } from '../../i18n/grade.js';
import { SHEET_FORMATS, sheetText, type SheetFormat } from '../../quiz/sheet.js';
import { UsageError } from '../errors.js';
import { DEFAULT_COUNT, MAX_COUNT, drawQuiz, type QuizArgs } from '../../app/quiz-plan.js';
import { scaleOptions } from '../options.js';
import { session } from '../session.js';

/**
 * Asks the questions one per line of `input`, printing each question and its
 * verdict, and saving each answer as it comes. Ends with `Score: X/N` (in each language its own words for it); when
 * the input ends early, the rest are unanswered and N counts the answers given.
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
      out(SESSION[lang].yourAnswer + (line.trim() || SESSION[lang].noAnswer) + '\n');
      const a = { question: q, verdict: judge(q, line) };
      answers.push(a);
      onAnswer(a);
      out(verdictLines(q, a.verdict, lang, width, paint).join('\n') + '\n\n');
    }
  } finally {
    rl.close();
  }
  const left = questions.length - answers.length;
  if (left > 0) out(SESSION[lang].unanswered(left) + '\n');
  const weak = weakestLines(answers, lang);
  if (weak.length) out(weak.join('\n') + '\n');
  out(scoreLine(answers, questions.length, lang) + '\n');
  return answers;
}

/**
 * The score of the questions answered, `Score: X/N` with N the answers given, and
 * of how many questions when the quiz was left early. With no answer there is no
 * score: the quiz ends with exit 1, as input that could not be scored.
 */
function scoreLine(answers: Answered[], total: number, lang: Lang): string {
  if (!answers.length) throw new UsageError(SESSION[lang].noAnswers(total));
  const score = SESSION[lang].score(answers.filter((a) => a.verdict.right).length, answers.length);
  return answers.length < total ? score + SESSION[lang].answeredOf(answers.length, total) : score;
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
          .option('scenario', { type: 'string', array: true, requiresArg: true, describe: H.quizScenario })
          .option('kind', { type: 'string', array: true, requiresArg: true, describe: H.quizKind(KINDS.join(', ')) })
          .option('count', { type: 'string', describe: H.quizCount(MAX_COUNT, DEFAULT_COUNT), requiresArg: true })
          .option('seed', { type: 'string', describe: H.quizSeed(MAX_SEED), requiresArg: true })
          .option('review', { type: 'boolean', describe: H.quizReview })
          .option('reveal', { type: 'boolean', describe: H.quizReveal })
          .option('json', { type: 'boolean', describe: H.quizJson })
          .option('sheet', { type: 'boolean', describe: SHEET_HELP[ctx.lang].sheet })
          .option('key', { type: 'boolean', describe: SHEET_HELP[ctx.lang].key })
          .option('student', { type: 'string', requiresArg: true, describe: SHEET_HELP[ctx.lang].student })
          .option('format', { type: 'string', choices: SHEET_FORMATS, requiresArg: true, describe: SHEET_HELP[ctx.lang].format }),
      (args) => runQuiz(ctx, args as QuizArgs),
    );
  },
};

/** A quiz from parsed options: the answer key, a terminal screen, or answers read line by line. */
export async function runQuiz(ctx: Ctx, args: QuizArgs): Promise<void> {
  const { io, lang, out, paint, width, warn } = ctx;
  const printed = args.reveal || args.sheet || args.key;
  const store = args.review || !printed ? openStore({ env: io.env, lang, warn }) : undefined;
  const { plan, quiz } = drawQuiz(ctx, args, store);
  const { questions } = quiz;
  if (args.sheet || args.key) {
    const student = args.student === undefined ? null : String(args.student).trim();
    return out(sheetText({ questions, seed: plan.seed, student, lang, key: args.key === true }, (args.format as SheetFormat | undefined) ?? 'md'));
  }
  const seedLine = SESSION[lang].seed(plan.seed);

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
    // Only this quiz's answers make its score: one opened from a lesson the quiz led to is saved, but not scored here.
    await session(ctx, { screen: 'quiz', back: null }, { quiz: () => quiz, answers: store, onAnswer: (a) => void (questions.includes(a.question) && answers.push(a)) });
    // The screen is gone with the alternate screen; the result stays in the scrollback.
    const weak = weakestLines(answers, lang);
    if (!answers.length) out(`${paint.dim(seedLine)}\n`);
    out(`${scoreLine(answers, questions.length, lang)}\n${weak.length ? `${weak.join('\n')}\n` : ''}${paint.dim(seedLine)}\n`);
    return;
  }
  const onAnswer = (a: Answered) => void recordAnswer(store!, a.question.scenario, a.question.kind, a.verdict.right);
  out(paint.dim(seedLine) + '\n\n');
  await takeByLines(questions, io.stdin, out, onAnswer, lang, width, paint);
}
