import type { ChalkInstance } from 'chalk';
import { Box, Text, useApp, useInput, useStdin } from 'ink';
import { useState } from 'react';
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
  const [index, setIndex] = useState(0);
  const [typed, setTyped] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answered[]>([]);
  const width = Math.max(40, Math.min(columns, 100));
  const q = questions[index] as Question | undefined;
  const current = answers.length > index ? answers[index] : undefined;

  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') return exit();
      if (!q) {
        if (key.return || input === 'q' || key.escape) exit();
        return;
      }
      if (current) {
        if (key.return) {
          setIndex(index + 1);
          setTyped('');
        }
        return;
      }
      if (key.return) {
        if (!typed.trim()) return;
        if (!parseAnswer(q, typed)) {
          setHint(q.choices.length ? Q.typeChoice[lang](letter(q.choices.length - 1)) : Q.typeNumber[lang]);
          return;
        }
        const a = { question: q, verdict: judge(q, typed) };
        setHint(null);
        setAnswers([...answers, a]);
        onAnswer(a);
        return;
      }
      if (key.backspace || key.delete) return setTyped(typed.slice(0, -1));
      const printable = input.replace(/[\u0000-\u001f\u007f]/g, '');
      if (printable) setTyped((typed + printable).slice(0, 60));
    },
    { isActive: isRawModeSupported === true },
  );

  const lines: string[] = [];
  if (q) {
    lines.push(paint.dim(SESSION.seed[lang](seed)), ...questionLines(q, index + 1, questions.length, lang, width, paint), '');
    lines.push(`> ${typed}${current ? '' : paint.inverse(' ')}`);
    if (hint) lines.push(paint.yellow(hint));
    if (current) lines.push('', ...verdictLines(q, current.verdict, lang, width, paint));
    lines.push('', paint.dim(current ? SESSION.nextKey[lang] : SESSION.typeKey[lang]));
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
