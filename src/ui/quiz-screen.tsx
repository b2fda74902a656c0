import type { ChalkInstance } from 'chalk';
import { Box, Text, useApp } from 'ink';
import type { Lang } from '../i18n/lang.js';
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
} from '../quiz/index.js';
import { wrap } from '../term/text.js';
import type { Keypress } from './keypress.js';
import { QUIZ_KEYS, SCORE_KEYS, VERDICT_KEYS, actionOf, footerOf } from './keys.js';
import { runFullScreen } from './screen.js';
import { useTerminalSize } from './terminal-size.js';
import { useKeys, type Step } from './use-keys.js';

export interface QuizScreenProps {
  questions: Question[];
  lang: Lang;
  seed: number;
  paint: ChalkInstance;
  /** Called with each answer as soon as it is given (the command saves it). */
  onAnswer: (a: Answered) => void;
  /** A fixed size (tests); by default the terminal's, kept current on resize. */
  columns?: number;
  rows?: number;
}

/** Keeps a frame within `max` lines: the middle gives way, the last line (the keys) stays. */
export function fitLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  if (max < 3) return lines.slice(0, Math.max(1, max));
  return [...lines.slice(0, max - 2), '…', lines.at(-1)!];
}

export interface QuizState {
  index: number;
  typed: string;
  hint: string | null;
  answers: Answered[];
  ended: boolean;
}

export type QuizEffect = { kind: 'answer'; answered: Answered } | { kind: 'leave' };

/** What one keypress does to the quiz. Pure: the judging is the quiz's, the keys are QUIZ_KEYS'. */
export function quizKey(now: QuizState, key: Keypress, questions: Question[], lang: Lang): Step<QuizState, QuizEffect> {
  if (now.ended) return { state: now };
  const leave: Step<QuizState, QuizEffect> = { state: { ...now, ended: true }, effects: [{ kind: 'leave' }] };
  const question = questions[now.index] as Question | undefined;
  if (!question) return actionOf(SCORE_KEYS, key) ? leave : { state: now };
  if (now.answers.length > now.index) {
    const action = actionOf(VERDICT_KEYS, key);
    if (action === 'next') return { state: { ...now, index: now.index + 1, typed: '' } };
    return action ? leave : { state: now };
  }
  switch (actionOf(QUIZ_KEYS, key)) {
    case 'back':
    case 'quit':
      return leave;
    case 'erase':
      return { state: { ...now, typed: now.typed.slice(0, -1) } };
    case 'answer': {
      if (!now.typed.trim()) return { state: now };
      // A rejected answer is cleared, so the next key starts a fresh one.
      if (!parseAnswer(question, now.typed)) {
        const hint = question.choices.length ? Q.typeChoice[lang](letter(question.choices.length - 1)) : Q.typeNumber[lang];
        return { state: { ...now, typed: '', hint } };
      }
      const answered = { question, verdict: judge(question, now.typed) };
      return { state: { ...now, hint: null, answers: [...now.answers, answered] }, effects: [{ kind: 'answer', answered }] };
    }
    default:
      // A printable character is one code point; named keys (arrows, Tab) type nothing.
      if ([...key].length !== 1) return { state: now };
      return { state: { ...now, typed: (now.typed + key).slice(0, 60) } };
  }
}

/** One question at a time: type a number or a letter, Enter; the verdict; Enter for the next. */
export function QuizScreen({ questions, lang, seed, paint, onAnswer, ...fixed }: QuizScreenProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const columns = fixed.columns ?? terminal.cols;
  const rows = fixed.rows ?? terminal.rows;
  const { index, typed, hint, answers } = useKeys(
    (): QuizState => ({ index: 0, typed: '', hint: null, answers: [], ended: false }),
    (state, key) => quizKey(state, key, questions, lang),
    (e: QuizEffect) => (e.kind === 'answer' ? onAnswer(e.answered) : exit()),
  );
  const width = Math.max(40, Math.min(columns, 100));
  const q = questions[index] as Question | undefined;
  const given = answers.length > index ? answers[index] : undefined;

  const lines: string[] = [];
  if (q) {
    lines.push(paint.dim(SESSION.seed[lang](seed)), ...questionLines(q, index + 1, questions.length, lang, width, paint), '');
    lines.push(`> ${typed}${given ? '' : paint.inverse(' ')}`);
    if (hint) lines.push(paint.yellow(hint));
    if (given) lines.push('', ...verdictLines(q, given.verdict, lang, width, paint));
    const keys = given ? footerOf(VERDICT_KEYS, ['next', 'back', 'quit'], lang, width) : footerOf(QUIZ_KEYS, ['answer', 'erase', 'back', 'quit'], lang, width);
    lines.push('', paint.dim(keys));
  } else {
    const right = answers.filter((a) => a.verdict.right).length;
    lines.push(paint.bold(SESSION.score(right, questions.length, lang)), ...weakestLines(answers, lang));
    lines.push('', ...wrap(SESSION.seed[lang](seed), width).map((l) => paint.dim(l)), paint.dim(footerOf(SCORE_KEYS, ['back'], lang, width)));
  }
  return (
    <Box flexDirection="column">
      {fitLines(lines, Math.max(1, rows - 1)).map((line, i) => (
        <Text key={i}>{line || ' '}</Text>
      ))}
    </Box>
  );
}

export interface TakeQuizOptions {
  questions: Question[];
  lang: Lang;
  seed: number;
  paint: ChalkInstance;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  onAnswer: (a: Answered) => void;
}

/**
 * Runs the quiz screen full-screen until the learner finishes or leaves (q, Esc
 * or Ctrl-C); answers are saved as they come, and returned for the summary.
 */
export async function takeQuiz(o: TakeQuizOptions): Promise<Answered[]> {
  const answers: Answered[] = [];
  const onAnswer = (a: Answered) => {
    answers.push(a);
    o.onAnswer(a);
  };
  await runFullScreen(<QuizScreen questions={o.questions} lang={o.lang} seed={o.seed} paint={o.paint} onAnswer={onAnswer} />, o);
  return answers;
}
