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
} from '../../quiz/index.js';
import { wrap } from '../../term/text.js';
import { fitLines } from '../fit.js';
import type { Keypress } from '../keypress.js';
import { QUIZ_KEYS, SCORE_KEYS, VERDICT_KEYS, actionOf, footerOf } from '../keys.js';
import type { Size } from '../size.js';
import { frameWidth } from '../skeleton.js';
import type { KeyResult } from '../use-keys.js';
import { withHelp, type Helped } from './help.js';
import type { DrawnQuiz, ScreenEffect, ScreenModule } from './route.js';

export interface QuizState {
  index: number;
  typed: string;
  hint: string | null;
  answers: Answered[];
}

export type QuizEffect = { kind: 'answer'; answered: Answered } | { kind: 'back' } | { kind: 'quit' };

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
    lines.push(paint.dim(SESSION[lang].seed(seed)), ...questionLines(q, s.index + 1, questions.length, lang, width, paint), '');
    lines.push(`> ${s.typed}${given ? '' : paint.inverse(' ')}`);
    if (s.hint) lines.push(paint.yellow(s.hint));
    if (given) lines.push('', ...verdictLines(q, given.verdict, lang, width, paint));
    const keys = given ? footerOf(VERDICT_KEYS, ['next', 'help', 'back', 'quit'], lang, width) : footerOf(QUIZ_KEYS, ['answer', 'erase', 'help', 'back', 'quit'], lang, width);
    lines.push('', paint.dim(keys));
  } else {
    const right = s.answers.filter((a) => a.verdict.right).length;
    lines.push(paint.bold(SESSION[lang].score(right, questions.length)), ...weakestLines(s.answers, lang));
    lines.push('', ...wrap(SESSION[lang].seed(seed), width).map((l) => paint.dim(l)), paint.dim(footerOf(SCORE_KEYS, ['help', 'back'], lang, width)));
  }
  return fitLines(lines, Math.max(1, size.rows - 1));
}

/** The quiz as a route: a fresh draw each time it opens; each answer goes out to be saved as soon as it is given. */
export const QUIZ: ScreenModule<'quiz', { quiz: DrawnQuiz; at: QuizState } & Helped> = withHelp<'quiz', { quiz: DrawnQuiz; at: QuizState }>({
  enter: (_route, deps) => ({ quiz: deps.quiz(), at: { index: 0, typed: '', hint: null, answers: [] } }),
  key: (s, key, _route, { lang }) => {
    const step = quizKey(s.at, key, s.quiz.questions, lang);
    return { state: { ...s, at: step.state }, effects: step.effects as ScreenEffect[] | undefined };
  },
  frame: (s, _route, { lang, paint, size }) => quizFrame(s.quiz, s.at, lang, paint, size),
}, (s) => quizKeymap(s.at, s.quiz.questions));
