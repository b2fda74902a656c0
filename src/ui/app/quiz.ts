import type { ChalkInstance } from 'chalk';
import type { Lang } from '../../i18n/lang.js';
import {
  Q,
  SESSION,
  judge,
  parseAnswer,
  questionLines,
  verdictLines,
  weakestLines,
  letter,
  type Answered,
  type Question,
  type Revisit,
} from '../../quiz/index.js';
import { wrap } from '../../term/text.js';
import { fitLines } from '../fit.js';
import type { Keypress } from '../keypress.js';
import { QUIZ_KEYS, SCORE_KEYS, VERDICT_KEYS, actionOf, footerOf, keyLabel } from '../keys.js';
import type { Size } from '../size.js';
import { frameWidth } from '../skeleton.js';
import type { KeyResult } from '../use-keys.js';
import { withHelp, type Helped } from './help.js';
import type { DrawnQuiz, Route, RouteOf, ScreenEffect, ScreenModule } from './route.js';

export interface QuizState {
  index: number;
  typed: string;
  hint: string | null;
  answers: Answered[];
}

/** `revisit`: open the lesson at the step the answer shown cites. */
export type QuizEffect = { kind: 'answer'; answered: Answered } | { kind: 'back' } | { kind: 'quit' } | { kind: 'revisit'; question: Question; lesson: LessonRevisit };

/** A revisit the app can act on: a lesson's steps (a command, `zcopy compare a b`, it can only print). */
export type LessonRevisit = Extract<Revisit, { steps: number[] }>;

/** The revisit of the answer shown, where it is a lesson the app can open. */
export function lessonRevisit(now: QuizState): LessonRevisit | null {
  const given = now.answers[now.index] as Answered | undefined;
  return given && 'steps' in given.verdict.revisit ? given.verdict.revisit : null;
}

/** The keys of the quiz as it stands: a question's, its verdict's, or the score's. */
export function quizKeymap(now: QuizState, questions: Question[]) {
  if (now.index >= questions.length) return SCORE_KEYS;
  return now.answers.length > now.index ? VERDICT_KEYS : QUIZ_KEYS;
}

/** What one keypress does to the quiz. Pure: the judging is the quiz's, the keys are QUIZ_KEYS'. */
export function quizKey(now: QuizState, key: Keypress, questions: Question[], lang: Lang): KeyResult<QuizState, QuizEffect> {
  const leave = (kind: 'back' | 'quit'): KeyResult<QuizState, QuizEffect> => ({ state: now, effects: [{ kind }] });
  const question = questions[now.index] as Question | undefined;
  const verdictShown = question !== undefined && now.answers.length > now.index;
  const action = actionOf<string>(quizKeymap(now, questions), key);
  switch (action) {
    case 'help':
      // The screen opens the help (withHelp); `?` is never typed into an answer.
      return { state: now };
    case 'back':
    case 'quit':
      return leave(action);
    case 'next':
      return { state: { ...now, index: now.index + 1, typed: '' } };
    case 'revisit': {
      const lesson = lessonRevisit(now);
      return lesson && question ? { state: now, effects: [{ kind: 'revisit', question, lesson }] } : { state: now };
    }
    case 'erase':
      return { state: { ...now, typed: now.typed.slice(0, -1) } };
    case 'answer': {
      if (!question || !now.typed.trim()) return { state: now };
      // A rejected answer is cleared, so the next key starts a fresh one.
      if (!parseAnswer(question, now.typed)) {
        const hint = question.choices.length ? Q[lang].typeChoice(letter(question.choices.length - 1)) : Q[lang].typeNumber;
        return { state: { ...now, typed: '', hint } };
      }
      const answered = { question, verdict: judge(question, now.typed) };
      return { state: { ...now, hint: null, answers: [...now.answers, answered] }, effects: [{ kind: 'answer', answered }] };
    }
    default:
      // Only a question being answered takes text; a printable character is one code point (arrows, Tab type nothing).
      if (!question || verdictShown || [...key].length !== 1) return { state: now };
      return { state: { ...now, typed: (now.typed + key).slice(0, 60) } };
  }
}

/** One question at a time: the question and what is typed, then its verdict; at the end, the score. */
export function quizFrame(quiz: DrawnQuiz, s: QuizState, lang: Lang, paint: ChalkInstance, size: Size): string[] {
  const { questions, seed } = quiz;
  const width = Math.max(40, frameWidth(size));
  const q = questions[s.index] as Question | undefined;
  const given = s.answers.length > s.index ? s.answers[s.index] : undefined;
  const lines: string[] = [];
  if (q) {
    // What the draw had to say stays in sight until the first answer.
    const notes = s.answers.length ? [] : (quiz.notes ?? []).flatMap((n) => wrap(n, width).map((l) => paint.yellow(l)));
    lines.push(...notes, paint.dim(SESSION[lang].seed(seed)), ...questionLines(q, s.index + 1, questions.length, lang, width, paint), '');
    lines.push(`> ${s.typed}${given ? '' : paint.inverse(' ')}`);
    if (s.hint) lines.push(paint.yellow(s.hint));
    const lesson = lessonRevisit(s);
    const key = keyLabel(VERDICT_KEYS.revisit.keys[0], lang);
    // Where a key opens the lesson, the feedback says the key rather than a command the app cannot run.
    if (given) lines.push('', ...verdictLines(q, given.verdict, lang, width, paint, (r) => ('steps' in r ? SESSION[lang].revisitKey(r.scenario, r.steps, key) : null)));
    const verdictKeys = { ...VERDICT_KEYS, revisit: { ...VERDICT_KEYS.revisit, says: (l: Lang) => ({ ...VERDICT_KEYS.revisit.says(l), brief: SESSION[l].revisitBrief(lesson?.steps ?? []) }) } };
    const keys = given
      ? footerOf(verdictKeys, ['next', ...(lesson ? (['revisit'] as const) : []), 'help', 'back', 'quit'], lang, width)
      : footerOf(QUIZ_KEYS, ['answer', 'erase', 'help', 'back', 'quit'], lang, width);
    lines.push('', paint.dim(keys));
  } else {
    const right = s.answers.filter((a) => a.verdict.right).length;
    lines.push(paint.bold(SESSION[lang].score(right, questions.length)), ...weakestLines(s.answers, lang));
    lines.push('', ...wrap(SESSION[lang].seed(seed), width).map((l) => paint.dim(l)), paint.dim(footerOf(SCORE_KEYS, ['help', 'back'], lang, width)));
  }
  return fitLines(lines, Math.max(1, size.rows - 1));
}

/**
 * The lesson a quiz answer cites, at its first step cited (none: the start), with
 * the question's what-if and file size; q there comes back to the quiz as it was.
 */
function revisitRoute(route: RouteOf<'quiz'>, kept: { quiz: DrawnQuiz; at: QuizState }, question: Question, lesson: LessonRevisit): Route {
  const back: Route = { ...route, kept };
  return {
    screen: 'learn',
    id: lesson.scenario,
    predict: false,
    back,
    step: lesson.steps[0] ?? 0,
    ...(question.knobs ? { knobs: question.knobs } : {}),
    ...(question.scale ? { scale: question.scale } : {}),
  };
}

/** The quiz as a route: a fresh draw each time it opens (or the quiz kept while a cited step was open); each answer goes out to be saved as soon as it is given. */
export const QUIZ: ScreenModule<'quiz', { quiz: DrawnQuiz; at: QuizState } & Helped> = withHelp<'quiz', { quiz: DrawnQuiz; at: QuizState }>({
  enter: (route, deps) => route.kept ?? { quiz: deps.quiz(route.aim), at: { index: 0, typed: '', hint: null, answers: [] } },
  key: (s, key, route, { lang }) => {
    const step = quizKey(s.at, key, s.quiz.questions, lang);
    const effects = (step.effects ?? []).map((e): ScreenEffect => (e.kind === 'revisit' ? { kind: 'go', to: revisitRoute(route, { quiz: s.quiz, at: step.state }, e.question, e.lesson) } : e));
    return { state: { ...s, at: step.state }, effects };
  },
  frame: (s, _route, { lang, paint, size }) => quizFrame(s.quiz, s.at, lang, paint, size),
}, (s) => quizKeymap(s.at, s.quiz.questions));
