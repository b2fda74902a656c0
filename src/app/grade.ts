import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { GRADE } from '../i18n/grade.js';
import { makeQuiz, parseSeed, seedOfName, type Question } from '../quiz/index.js';
import { fromKeyEntry, fromQuestion, grade, isKey, readCell, type Given, type GradedQuestion, type Grades, type StudentRow } from '../quiz/grade.js';
import type { AppContext } from './context.js';
import { refuse } from './problems.js';
import { planQuiz, type QuizArgs } from './quiz-plan.js';

/* `zcopy grade`: a class's answers file, read with a CSV library, each row graded against the quiz its seed (or its student's name, or a saved key) draws. */

export interface GradeArgs extends QuizArgs {
  file: string;
  /** A key saved with `quiz --reveal --json`, read in place of drawing quizzes (`--key FILE`). */
  keyFile?: string;
  csv?: boolean;
}

/** A problem in the answers file: its line (null where none applies) and what is wrong, in the learner's language. */
export interface FileProblem {
  line: number | null;
  message: string;
}

export interface GradeRun {
  grades: Grades;
  problems: FileProblem[];
  /** The header's question columns (0 without a header): a gradebook has them even when no row could be graded. */
  columns: number;
}

/** The options that say which quiz when the quiz is drawn, which a key file says instead. */
const QUIZ_OPTIONS = ['scenario', 'kind', 'count', 'seed', 'size', 'chunk', 'cache', 'nic', 'readers'] as const;

type Cells = { record: string[]; line: number };

/**
 * Grades every row that can be graded; every problem is returned with its line,
 * and a row with one is left out (the teacher fixes the cell and grades again).
 * Options that cannot be met (a key that is not one, --count against the
 * header) are refused as a whole.
 */
export function gradeFile(ctx: AppContext, args: GradeArgs): GradeRun {
  const t = GRADE[ctx.lang];
  if (args.json && args.csv) refuse({ code: 'gradeJsonOrCsv' });
  const keyQuestions = args.keyFile === undefined ? null : readKey(args.keyFile, args);
  const problems: FileProblem[] = [];
  const rows = readRows(args.file, problems, ctx);
  if (!rows.length) {
    problems.push({ line: 1, message: t.empty });
    return { grades: grade([]), problems, columns: 0 };
  }
  const [header, ...body] = rows;
  const names = header.record.map((h) => h.trim().toLowerCase());
  const studentAt = names.indexOf('student');
  if (studentAt < 0) {
    problems.push({ line: header.line, message: t.noHeader });
    return { grades: grade([]), problems, columns: 0 };
  }
  const seedAt = names.indexOf('seed');
  const questionAt = names.map((_, i) => i).filter((i) => i !== studentAt && i !== seedAt);
  const columns = questionAt.length;
  if (!columns) {
    problems.push({ line: header.line, message: t.noQuestions });
    return { grades: grade([]), problems, columns };
  }

  let quizOf: (seed: number) => GradedQuestion[] | FileProblem;
  if (keyQuestions) {
    quizOf = () => (keyQuestions.length === columns ? keyQuestions : { line: header.line, message: t.keyDiffers(columns, keyQuestions.length) });
  } else {
    // The count is the header's unless --count says it (and then they must agree).
    const plan = planQuiz({ ...args, count: args.count ?? String(columns), json: false }, ctx, () => 0);
    if (plan.count !== columns) {
      problems.push({ line: header.line, message: t.countDiffers(columns, plan.count) });
      return { grades: grade([]), problems, columns };
    }
    const drawn = new Map<number, Question[]>();
    quizOf = (seed) => {
      let qs = drawn.get(seed);
      if (!qs) drawn.set(seed, (qs = makeQuiz({ selected: plan.selected, catalog: ctx.lessons().lessons, kinds: plan.kinds, count: plan.count, seed, lang: ctx.lang, scale: plan.scale })));
      return qs.length === columns ? qs.map(fromQuestion) : { line: header.line, message: t.tooFewQuestions(columns, qs.length) };
    };
  }
  const shared = args.seed === undefined ? undefined : parseSeed(String(args.seed));

  const graded: StudentRow[] = [];
  let quizProblem: FileProblem | null = null;
  for (const { record, line } of body) {
    const say = (message: string) => void problems.push({ line, message });
    // A name is one line: a newline inside its quotes is a space, as the seed reads it too.
    const student = (record[studentAt] ?? '').trim().replace(/\s+/g, ' ');
    if (!student) {
      say(t.noName);
      continue;
    }
    const rawSeed = seedAt >= 0 ? (record[seedAt] ?? '').trim() : '';
    let seed: number | null = null;
    if (!keyQuestions) {
      const s = rawSeed ? parseSeed(rawSeed) : (shared ?? seedOfName(student));
      if (s === undefined) {
        say(t.badSeed(rawSeed));
        continue;
      }
      seed = s;
    }
    if (record.length !== header.record.length) {
      const given = Math.max(0, record.length - (header.record.length - columns));
      say(record.length < header.record.length ? t.tooFew(given, columns) : t.tooMany(given, columns));
      continue;
    }
    const quiz = quizOf(seed ?? 0);
    if (!Array.isArray(quiz)) {
      // The quiz itself does not fit the header: said once, for the first row it stops.
      quizProblem ??= quiz;
      continue;
    }
    const given: Given[] = [];
    let ok = true;
    quiz.forEach((q, i) => {
      const cell = readCell(q, record[questionAt[i]] ?? '', i + 1, ctx.lang);
      if ('problem' in cell) {
        say(cell.problem);
        ok = false;
      } else given.push(cell);
    });
    if (ok) graded.push({ student, seed, questions: quiz, given });
  }
  if (quizProblem) problems.unshift(quizProblem);
  return { grades: grade(graded), problems, columns };
}

/** The file's records with the line each begins on; a record the CSV library cannot read is a problem at its line. */
function readRows(file: string, problems: FileProblem[], ctx: AppContext): Cells[] {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (error) {
    return refuse({ code: 'cannotRead', file, why: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  const records = parse(buf, {
    bom: true,
    // Short and long rows are reported here, by line, not thrown.
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (error: { lines?: number; message: string } | undefined) => {
      if (error) problems.push({ line: error.lines ?? null, message: GRADE[ctx.lang].notCsv(error.message) });
    },
  }) as unknown as { record: string[]; info: { bytes: number } }[];
  // The line a record begins on: the library counts a CRLF inside quotes as two lines, so it is
  // counted here, back from where the record ends, by its line feeds (its terminator's and those in its quoted fields).
  let at = 0;
  let feeds = 0;
  return records.flatMap(({ record, info }) => {
    for (; at < info.bytes; at++) if (buf[at] === 0x0a) feeds++;
    const inside = record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    const line = 1 + feeds - (buf[info.bytes - 1] === 0x0a ? 1 : 0) - inside;
    // A row of empty cells (",,,") is a blank line in a spreadsheet's export, not a student.
    return record.some((c) => c.trim()) ? [{ record, line }] : [];
  });
}

/** A key file's questions; anything but a key `quiz --reveal --json` saved is refused, as are the options a key replaces. */
function readKey(file: string, args: GradeArgs): GradedQuestion[] {
  for (const option of QUIZ_OPTIONS) if (args[option] !== undefined) refuse({ code: 'keyAndOptions', option: `--${option}` });
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code) refuse({ code: 'cannotRead', file, why: code });
    refuse({ code: 'notKey', file });
  }
  if (!isKey(data)) refuse({ code: 'notKey', file });
  return (data as Parameters<typeof fromKeyEntry>[0][]).map(fromKeyEntry);
}
