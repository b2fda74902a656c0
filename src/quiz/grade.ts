import { csvRow } from '../term/csv.js';
import type { ChalkInstance } from 'chalk';
import { paragraph } from '../term/layout.js';
import { displayWidth, padEnd } from '../term/text.js';
import type { Lang } from '../i18n/lang.js';
import { GRADE } from '../i18n/grade.js';
import { PUNCTUATION } from '../i18n/punctuation.js';
import { KIND_LABELS } from '../i18n/quiz.js';
import type { Kind } from './topics.js';
import { parseAnswer } from './check.js';
import { letter, type Picked, type Question } from './generate.js';
import type { KeyEntry } from './render.js';

/* Grading a class: each student's answers against their own quiz, and what the class got wrong most. */

/** What grading needs of a question: drawn by the engine, or read from a saved key. */
export interface GradedQuestion {
  id: string;
  kind: string;
  scenario: string;
  /** Empty for count questions, which take a number. */
  choices: string[];
  answer: string;
  /** What a wrong answer reveals, if it names a known mistake. */
  misconception: (picked: Picked) => string | null;
}

export const fromQuestion = (q: Question): GradedQuestion => ({
  id: q.id,
  kind: q.kind,
  scenario: q.scenario,
  choices: q.choices,
  answer: q.answer,
  misconception: (picked) => q.diagnose(picked).misconception,
});

/** A saved key's entry: a number answered wrong names no mistake here (the key keeps only the choices'). */
export const fromKeyEntry = (e: KeyEntry): GradedQuestion => ({
  id: e.id,
  kind: e.kind,
  scenario: e.scenario,
  choices: e.choices,
  answer: e.answer,
  misconception: (picked) => ('choice' in picked ? (e.misconceptions?.[picked.choice] ?? null) : null),
});

/** Whether parsed JSON is a key `quiz --reveal --json` saved. */
export function isKey(data: unknown): data is KeyEntry[] {
  return (
    Array.isArray(data) &&
    data.length > 0 &&
    data.every((e) => typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.kind === 'string' && typeof e.scenario === 'string' && typeof e.answer === 'string' && Array.isArray(e.choices))
  );
}

/** One student's answer: the letter or the number as the key writes it (null for a blank cell), and its picked form. */
export interface Given {
  chosen: string | null;
  picked: Picked | null;
}

/**
 * A cell of the answers file as an answer to `q`, or the problem with it: a
 * letter (any case, `b` or `b)`) for a choice, a whole number for a count
 * question (plain or grouped, 67108866 or 67,108,866, as the quiz takes it); a
 * blank cell is an answer left blank, wrong, not a problem.
 */
export function readCell(q: GradedQuestion, cell: string, n: number, lang: Lang): Given | { problem: string } {
  const raw = cell.trim();
  if (!raw) return { chosen: null, picked: null };
  const picked = q.choices.length ? letterOf(q, raw) : parseAnswer(q, raw);
  if (!picked) return { problem: q.choices.length ? GRADE[lang].notChoice(n, raw, letter(q.choices.length - 1)) : GRADE[lang].notNumber(n, raw) };
  return { chosen: 'choice' in picked ? letter(picked.choice) : String(picked.number), picked };
}

/** A choice by its letter alone: a sheet's cell holds what a student circled, never a choice's words. */
function letterOf(q: GradedQuestion, raw: string): Picked | undefined {
  const m = /^([a-z])\)?$/i.exec(raw);
  const i = m ? m[1].toLowerCase().charCodeAt(0) - 97 : -1;
  return i >= 0 && i < q.choices.length ? { choice: i } : undefined;
}

export interface StudentRow {
  student: string;
  /** null where a key file, not a seed, said which quiz. */
  seed: number | null;
  questions: GradedQuestion[];
  given: Given[];
}

export interface StudentGrade {
  student: string;
  seed: number | null;
  score: number;
  total: number;
  answers: { n: number; id: string; chosen: string | null; right: boolean }[];
}

export interface QuestionStats {
  /** Numbered in the order the report meets them: a shared quiz's own order. */
  n: number;
  id: string;
  kind: string;
  scenario: string;
  asked: number;
  right: number;
  /** right / asked, from 0 to 1. */
  share: number;
  /** The wrong answer given most often (ties: the first met), with the mistake it stands for; null when nobody was wrong, or only blank. */
  mostCommonWrong: { choice: string; text: string | null; times: number; misconception: string | null } | null;
}

export interface Grades {
  students: StudentGrade[];
  questions: QuestionStats[];
}

const isRight = (q: GradedQuestion, g: Given) => g.picked !== null && ('choice' in g.picked ? letter(g.picked.choice) === q.answer : String(g.picked.number) === q.answer);

/**
 * The grades of every row, and each question's share of right answers. With
 * per-student seeds the students' quizzes differ: a question is the same
 * question wherever its id is, so the statistics gather by id, and a wrong
 * choice by its words (a letter may name other words on another student's sheet).
 */
export function grade(rows: StudentRow[]): Grades {
  const stats = new Map<string, QuestionStats & { q: GradedQuestion; wrong: Map<string, { choice: string; text: string | null; times: number; picked: Picked }> }>();
  const students = rows.map((row) => {
    const answers = row.questions.map((q, i) => {
      const g = row.given[i];
      const right = isRight(q, g);
      let s = stats.get(q.id);
      if (!s) stats.set(q.id, (s = { n: stats.size + 1, id: q.id, kind: q.kind, scenario: q.scenario, asked: 0, right: 0, share: 0, mostCommonWrong: null, q, wrong: new Map() }));
      s.asked++;
      if (right) s.right++;
      else if (g.picked && g.chosen !== null) {
        const text = 'choice' in g.picked ? q.choices[g.picked.choice] : null;
        const tally = text ?? g.chosen;
        const w = s.wrong.get(tally) ?? { choice: g.chosen, text, times: 0, picked: g.picked };
        w.times++;
        s.wrong.set(tally, w);
      }
      return { n: i + 1, id: q.id, chosen: g.chosen, right };
    });
    const score = answers.filter((a) => a.right).length;
    return { student: row.student, seed: row.seed, score, total: answers.length, answers };
  });
  const questions = [...stats.values()].map(({ q, wrong, ...s }) => {
    let top: { choice: string; text: string | null; times: number; picked: Picked } | undefined;
    for (const w of wrong.values()) if (!top || w.times > top.times) top = w;
    return {
      ...s,
      share: s.asked ? s.right / s.asked : 0,
      mostCommonWrong: top ? { choice: top.choice, text: top.text, times: top.times, misconception: q.misconception(top.picked) } : null,
    };
  });
  return { students, questions };
}

/** The JSON the README documents: `{students: [{student, seed, score, total, answers: [{n, chosen, right}]}], questions: [{n, kind, scenario, share, mostCommonWrong}]}`. */
export function gradesJson(g: Grades): unknown {
  return {
    students: g.students,
    questions: g.questions.map((q) => ({ ...q, share: Math.round(q.share * 10000) / 10000 })),
  };
}

/**
 * A name as a spreadsheet should show it: one that begins with = + - @ (or a tab or return) would be
 * read as a formula when the gradebook is opened (CSV injection, OWASP), so it is led by a quote.
 */
const asText = (name: string) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name);

/** A gradebook to import: student, seed, score, total, then `right` or `wrong` per question (q1..qN, each student's own quiz in its order). */
export function gradesCsv(g: Grades, columns = 0): string {
  const n = Math.max(columns, ...g.students.map((s) => s.answers.length));
  const head = ['student', 'seed', 'score', 'total', ...Array.from({ length: n }, (_, i) => `q${i + 1}`)];
  const rows = g.students.map((s) => [asText(s.student), s.seed, s.score, s.total, ...s.answers.map((a) => (a.right ? 'right' : 'wrong'))]);
  return [head, ...rows].map(csvRow).join('\n') + '\n';
}

/** The report for a terminal: each student's score, then each question's share right and its most common wrong answer with the mistake it reveals. */
export function gradesText(g: Grades, lang: Lang, paint: ChalkInstance, width: number): string {
  const t = GRADE[lang];
  if (!g.students.length) return `${t.nobody}\n`;
  const nameWidth = Math.max(...g.students.map((s) => displayWidth(s.student)));
  const out = [paint.bold(t.scores)];
  for (const s of g.students) out.push(`  ${padEnd(s.student, nameWidth)}  ${t.score(s.score, s.total).padStart(7)}  ${paint.dim(t.seedOf(s.seed))}`);
  const mean = g.students.reduce((n, s) => n + s.score / s.total, 0) / g.students.length;
  out.push(t.average(`${Math.round(mean * 100)}%`, g.students.length), '', paint.bold(t.questions));
  for (const q of g.questions) {
    const label = `${q.n}. ${q.scenario} · ${KIND_LABELS[lang][q.kind as Kind]}`;
    out.push(`  ${label}${PUNCTUATION[lang].colon}${t.share(q.right, q.asked)}`);
    const w = q.mostCommonWrong;
    out.push(`     ${w ? t.mostWrong(w.text === null ? w.choice : `${w.choice}) ${w.text}`, w.times) : paint.dim(t.noneWrong)}`);
    if (w?.misconception) out.push(...paragraph(w.misconception, width, '     ').map((l) => paint.yellow(l)));
  }
  return out.join('\n') + '\n';
}
