import type { ChalkInstance } from 'chalk';
import { Box, Text, useApp, useInput, useStdin, type Key } from 'ink';
import { useRef, useState } from 'react';
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
import { runFullScreen } from './screen.js';
import { useTerminalSize } from './terminal-size.js';

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

/** One question at a time: type a number or a letter, Enter; the verdict; Enter for the next. */
export function QuizScreen({ questions, lang, seed, paint, onAnswer, ...fixed }: QuizScreenProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const terminal = useTerminalSize();
  const columns = fixed.columns ?? terminal.cols;
  const rows = fixed.rows ?? terminal.rows;
  // Keys can arrive together ("1" and Enter in one read); each must see what the last one left.
  const current = useRef({ index: 0, typed: '', hint: null as string | null, answers: [] as Answered[] });
  const [, redraw] = useState(0);
  const { index, typed, hint, answers } = current.current;
  const width = Math.max(40, Math.min(columns, 100));
  const q = questions[index] as Question | undefined;
  const given = answers.length > index ? answers[index] : undefined;

  useInput(
    (input, key) => {
      // Typed ahead or pasted, "3<Enter>" comes as one input: take it as the keys it was.
      if (!key.return && /[\r\n]/.test(input) && input.length > 1) {
        for (const part of input.split(/(\r\n|\r|\n)/)) {
          if (/^(\r\n|\r|\n)$/.test(part)) onKey('', { ...key, return: true });
          else if (part) onKey(part, key);
        }
        return;
      }
      onKey(input, key);
    },
    { isActive: isRawModeSupported === true },
  );

  /** One key (or typed text) against the state the previous key left. */
  function onKey(input: string, key: Key) {
    const now = current.current;
    const set = (change: Partial<typeof now>) => {
      current.current = { ...now, ...change };
      redraw((n) => n + 1);
    };
    const question = questions[now.index] as Question | undefined;
    if (key.ctrl && input === 'c') return exit();
    if (!question) {
      if (key.return || input === 'q' || key.escape) exit();
      return;
    }
    if (now.answers.length > now.index) {
      if (key.return) set({ index: now.index + 1, typed: '' });
      return;
    }
    if (key.return) {
      if (!now.typed.trim()) return;
      if (!parseAnswer(question, now.typed)) {
        set({ hint: question.choices.length ? Q.typeChoice[lang](letter(question.choices.length - 1)) : Q.typeNumber[lang] });
        return;
      }
      const a = { question, verdict: judge(question, now.typed) };
      set({ hint: null, answers: [...now.answers, a] });
      onAnswer(a);
      return;
    }
    if (key.backspace || key.delete) return set({ typed: now.typed.slice(0, -1) });
    const printable = input.replace(/[\u0000-\u001f\u007f]/g, '');
    if (printable) set({ typed: (now.typed + printable).slice(0, 60) });
  }

  const lines: string[] = [];
  if (q) {
    lines.push(paint.dim(SESSION.seed[lang](seed)), ...questionLines(q, index + 1, questions.length, lang, width, paint), '');
    lines.push(`> ${typed}${given ? '' : paint.inverse(' ')}`);
    if (hint) lines.push(paint.yellow(hint));
    if (given) lines.push('', ...verdictLines(q, given.verdict, lang, width, paint));
    lines.push('', paint.dim(given ? SESSION.nextKey[lang] : SESSION.typeKey[lang]));
  } else {
    const right = answers.filter((a) => a.verdict.right).length;
    lines.push(paint.bold(SESSION.score(right, questions.length)), ...weakestLines(answers, lang));
    lines.push('', ...wrap(SESSION.seed[lang](seed), width).map((l) => paint.dim(l)), paint.dim(SESSION.doneKey[lang]));
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
 * Runs the quiz screen full-screen until the learner finishes or leaves (Ctrl-C,
 * q at the end); answers are saved as they come, and returned for the summary.
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
