import type { Kind } from '../quiz/topics.js';
import { catalogue } from './lang.js';
import { KIND_LABELS } from './quiz.js';

/* A teacher's words: worksheets and their keys (`zcopy quiz --sheet`, `--key`), grading a class (`zcopy grade`), and many challenge paths at once (`zcopy challenge <level> --check FILE...`). */

/** A printed worksheet and its answer key. */
export const SHEET = catalogue({
  en: {
    /** The html document's language tag. */
    sheetTitle: 'zcopy worksheet',
    keyTitle: 'zcopy answer key',
    seed: (seed: number) => `Seed ${seed}`,
    student: (name: string) => `Student: ${name}`,
    questions: (n: number) => `${n} question${n === 1 ? '' : 's'}`,
    nameLine: 'Name: ______________________',
    question: (i: number, heading: string, kind: Kind) => `${i}. ${heading} · ${KIND_LABELS.en[kind]}`,
    answerLine: 'Answer: ______',
    numberLine: 'Answer (a number): ______',
    answer: 'Answer: ',
  },
  zh: {
    sheetTitle: 'zcopy 练习卷',
    keyTitle: 'zcopy 答案',
    seed: (seed: number) => `种子 ${seed}`,
    student: (name: string) => `学生：${name}`,
    questions: (n: number) => `共 ${n} 题`,
    nameLine: '姓名：______________________',
    question: (i: number, heading: string, kind: Kind) => `${i}. ${heading} · ${KIND_LABELS.zh[kind]}`,
    answerLine: '答案：______',
    numberLine: '答案（填数字）：______',
    answer: '答案：',
  },
});

/** The quiz's options for worksheets, as --help says them, and what it refuses. */
export const SHEET_HELP = catalogue({
  en: {
    sheet: 'print a worksheet to hand out: the questions without answers, with the seed',
    key: "print the worksheet's answer key with the explanations",
    student: 'draw this student\'s own variant: the seed comes from the name (see docs/REFERENCE.md)',
    format: 'the worksheet\'s format: md (Markdown, the default) or html (one printable page)',
    formatNeedsSheet: '--format goes with --sheet or --key.',
    seedOrStudent: 'Give --seed or --student, not both: the student\'s name is the seed.',
    noStudent: '--student needs a name.',
    sheetWith: (option: string) => `--sheet and --key print a worksheet; ${option} does not go with them (--reveal --json prints the key as JSON).`,
  },
  zh: {
    sheet: '打印练习卷：题目不带答案，附种子',
    key: '打印练习卷的答案与解析',
    student: '按学生姓名出题：种子由姓名算出（见 docs/REFERENCE.md）',
    format: '练习卷格式：md（Markdown，默认）或 html（一页可打印的网页）',
    formatNeedsSheet: '--format 要和 --sheet 或 --key 一起用。',
    seedOrStudent: '--seed 和 --student 只能给一个：学生姓名就是种子。',
    noStudent: '--student 需要一个姓名。',
    sheetWith: (option: string) => `--sheet 和 --key 打印练习卷，不能和 ${option} 一起用（--reveal --json 以 JSON 输出答案）。`,
  },
});

/** `zcopy grade`. */
export const GRADE = catalogue({
  en: {
    command: "grade a class's quiz answers from a CSV file (a row per student)",
    file: 'the CSV file: student, seed (optional: else from the name), then one column per question',
    key: 'grade against this key (saved with zcopy quiz --reveal --json): the whole class took one quiz',
    json: 'print the grades as JSON',
    csv: 'print a gradebook as CSV: student, seed, score, total, then right or wrong per question',
    seed: 'the seed the whole class used, where the file has no seed column',
    both: 'Give --json or --csv, not both.',
    keyAndOptions: (option: string) => `--key says which quiz; ${option} does not go with it.`,
    unreadable: (file: string, why: string) => `cannot read ${file}: ${why}`,
    notKey: (file: string) => `${file} is not an answer key saved with zcopy quiz --reveal --json.`,
    // Problems in the answers file, each after `file:line:`.
    notCsv: (why: string) => `not CSV: ${why}`,
    empty: 'the file is empty: its first line names the columns (student, seed, q1, q2, ...).',
    noHeader: 'no header: the first line names the columns (student, seed, q1, q2, ...), and it has no student column.',
    noQuestions: 'the header names no question column after student and seed.',
    tooFewQuestions: (columns: number, drawn: number) =>
      `the header has ${columns} question columns, but this quiz has only ${drawn} questions (check --count, --scenario, --kind).`,
    countDiffers: (columns: number, count: number) => `the header has ${columns} question columns, but --count says ${count}.`,
    keyDiffers: (columns: number, key: number) => `the header has ${columns} question columns, but the key has ${key} questions.`,
    noName: 'no student name.',
    badSeed: (raw: string) => `the seed "${raw}" is not a whole number from 0 to 4294967295.`,
    tooFew: (given: number, asked: number) => `${given} answer${given === 1 ? '' : 's'}, the quiz has ${asked}: the row is not graded.`,
    tooMany: (given: number, asked: number) => `${given} answers, the quiz has ${asked}: the row is not graded.`,
    notChoice: (n: number, raw: string, last: string) => `question ${n}: "${raw}" is not one of the letters a-${last}: the row is not graded.`,
    notNumber: (n: number, raw: string) => `question ${n}: "${raw}" is not a number (this question asks for one): the row is not graded.`,
    // The report.
    scores: 'Scores',
    score: (right: number, total: number) => `${right}/${total}`,
    seedOf: (seed: number | null) => (seed === null ? 'key' : `seed ${seed}`),
    questions: 'Questions',
    share: (right: number, asked: number) => `${asked ? Math.round((100 * right) / asked) : 0}% right (${right}/${asked})`,
    mostWrong: (choice: string, times: number) => `most common wrong answer: ${choice} (${times}×)`,
    noneWrong: 'no wrong answer',
    nobody: 'No row could be graded.',
    average: (mean: string, n: number) => `Class average: ${mean} (${n} student${n === 1 ? '' : 's'})`,
  },
  zh: {
    command: '从 CSV 文件给全班的测验答案评分（每行一名学生）',
    file: 'CSV 文件：student、seed（可省略：省略时由姓名算出），然后每题一列',
    key: '按这份答案评分（用 zcopy quiz --reveal --json 保存）：全班做同一份测验',
    json: '以 JSON 输出成绩',
    csv: '以 CSV 输出成绩册：student、seed、score、total，然后每题 right 或 wrong',
    seed: '全班共用的种子，用于文件没有 seed 列时',
    both: '--json 和 --csv 只能给一个。',
    keyAndOptions: (option: string) => `--key 已指明是哪份测验，不能再给 ${option}。`,
    unreadable: (file: string, why: string) => `无法读取 ${file}：${why}`,
    notKey: (file: string) => `${file} 不是用 zcopy quiz --reveal --json 保存的答案。`,
    notCsv: (why: string) => `不是 CSV：${why}`,
    empty: '文件是空的：第一行应写出各列的名字（student、seed、q1、q2……）。',
    noHeader: '没有表头：第一行应写出各列的名字（student、seed、q1、q2……），这一行没有 student 列。',
    noQuestions: '表头在 student 和 seed 之后没有题目列。',
    tooFewQuestions: (columns: number, drawn: number) => `表头有 ${columns} 个题目列，但这份测验只有 ${drawn} 题（请检查 --count、--scenario、--kind）。`,
    countDiffers: (columns: number, count: number) => `表头有 ${columns} 个题目列，但 --count 是 ${count}。`,
    keyDiffers: (columns: number, key: number) => `表头有 ${columns} 个题目列，但答案有 ${key} 题。`,
    noName: '没有学生姓名。',
    badSeed: (raw: string) => `种子“${raw}”不是 0 到 4294967295 之间的整数。`,
    tooFew: (given: number, asked: number) => `只有 ${given} 个答案，测验有 ${asked} 题：这一行不评分。`,
    tooMany: (given: number, asked: number) => `有 ${given} 个答案，测验只有 ${asked} 题：这一行不评分。`,
    notChoice: (n: number, raw: string, last: string) => `第 ${n} 题：“${raw}”不是字母 a-${last} 之一：这一行不评分。`,
    notNumber: (n: number, raw: string) => `第 ${n} 题：“${raw}”不是数字（这道题要填数字）：这一行不评分。`,
    scores: '成绩',
    score: (right: number, total: number) => `${right}/${total}`,
    seedOf: (seed: number | null) => (seed === null ? '按答案' : `种子 ${seed}`),
    questions: '各题',
    share: (right: number, asked: number) => `答对 ${asked ? Math.round((100 * right) / asked) : 0}%（${right}/${asked}）`,
    mostWrong: (choice: string, times: number) => `最常见的错误答案：${choice}（${times} 次）`,
    noneWrong: '没有人答错',
    nobody: '没有一行能评分。',
    average: (mean: string, n: number) => `全班平均：${mean}（${n} 名学生）`,
  },
});

/** `zcopy challenge <level> --check` with many files. */
export const CHECKS = catalogue({
  en: {
    check: 'judge the steps in these files (lesson files, or files with only steps:), or every .yaml file in a folder',
    csv: 'print one row per file as CSV: file, verdict (solved, unsolved or broken), unmet, modeSwitches, steps, message',
    noFiles: (dir: string) => `${dir} holds no .yaml or .yml file to judge.`,
    solved: 'solved',
    notSolved: 'not solved',
    broken: 'broken',
    summary: (solved: number, total: number, broken: number) => `${solved} of ${total} solved${broken ? `, ${broken} broken` : ''}.`,
    jsonOrCsv: 'Give --json or --csv, not both.',
  },
  zh: {
    check: '评判这些文件里的步骤（课程文件，或只有 steps: 的文件），或一个文件夹里的全部 .yaml 文件',
    csv: '以 CSV 每个文件输出一行：file、verdict（solved、unsolved 或 broken）、unmet、modeSwitches、steps、message',
    noFiles: (dir: string) => `${dir} 里没有可评判的 .yaml 或 .yml 文件。`,
    solved: '通过',
    notSolved: '未通过',
    broken: '文件有误',
    summary: (solved: number, total: number, broken: number) => `${total} 个中通过 ${solved} 个${broken ? `，${broken} 个文件有误` : ''}。`,
    jsonOrCsv: '--json 和 --csv 只能给一个。',
  },
});
