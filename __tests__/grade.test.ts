import { describe, expect, test } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { appContext } from '../src/app/context.js';
import { gradeFile } from '../src/app/grade.js';
import type { AppProblem } from '../src/app/problems.js';
import { problemOf } from './helpers/problems.js';
import { planQuiz } from '../src/app/quiz-plan.js';
import { problemText } from '../src/cli/problems.js';
import { seedOfName, studentKey } from '../src/quiz/index.js';
import type { KeyEntry } from '../src/quiz/render.js';
import { ROOT, zcopy } from './helpers/cli.js';

/* Issue 22, sections 3 and 4: worksheets and their keys, a seed per student, grading a class, and many challenge paths at once. */

const work = mkdtempSync(join(tmpdir(), 'zcopy-grade-'));
const LESSONS = join(ROOT, 'lessons');

const keyOf = (args: string[]): KeyEntry[] => {
  const r = zcopy(['quiz', '--reveal', '--json', ...args]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

const file = (name: string, text: string | Buffer) => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};

/** A letter that is not the key's answer (the first choice that is not). */
const wrongOf = (e: KeyEntry) => (e.choices.length ? 'abcdefgh'[[...e.choices.keys()].find((i) => 'abcdefgh'[i] !== e.answer)!] : String(Number(e.answer) + 1));

describe('a seed from a student\'s name', () => {
  test('is FNV-1a (32 bits) of the trimmed, NFC, lower-cased name: fixed values worked out from the algorithm, not from zcopy', () => {
    // FNV-1a's published test vector: "a" -> 0xe40c292c.
    expect(seedOfName('a')).toBe(0xe40c292c);
    // The empty string is the offset basis, 0x811c9dc5.
    expect(seedOfName('   ')).toBe(0x811c9dc5);
    // docs/REFERENCE.md's example, worked out with Python's own FNV-1a over the UTF-8 bytes of "ada lovelace".
    expect(seedOfName('Ada Lovelace')).toBe(2551461758);
    expect(seedOfName('  ada   LOVELACE ')).toBe(2551461758);
    // The same name typed with a combining diaeresis (NFD) or a precomposed ë (NFC) is one student.
    expect(studentKey('Zoe\u0308')).toBe('zo\u00eb');
    expect(seedOfName('Zoe\u0308')).toBe(seedOfName('Zo\u00eb'));
    expect(seedOfName('Zo\u00eb')).toBe(1125401212);
    expect(seedOfName('李雷')).toBe(887838239);
  });

  test('--student draws the quiz of that seed, and says it on the sheet', () => {
    const byName = zcopy(['quiz', '--sheet', '--student', 'Ada Lovelace', '--count', '3']);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toContain('Seed 2551461758 · Student: Ada Lovelace · 3 questions');
    const bySeed = zcopy(['quiz', '--sheet', '--seed', '2551461758', '--count', '3']);
    const questions = (s: string) => s.split('\n').filter((l) => l.startsWith('## ') || l.startsWith('- '));
    expect(questions(byName.stdout)).toEqual(questions(bySeed.stdout));
    expect(keyOf(['--student', ' ada lovelace', '--count', '3'])).toEqual(keyOf(['--seed', '2551461758', '--count', '3']));
  });

  test('--seed and --student together, an empty name, --format without a sheet, and a sheet with --reveal are refused', () => {
    expect(zcopy(['quiz', '--sheet', '--seed', '1', '--student', 'Ada'])).toMatchObject({ code: 1, stderr: "zcopy: Give --seed or --student, not both: the student's name is the seed.\n" });
    expect(zcopy(['quiz', '--sheet', '--student', ' '])).toMatchObject({ code: 1, stderr: 'zcopy: --student needs a name.\n' });
    expect(zcopy(['quiz', '--format', 'html', '--reveal'])).toMatchObject({ code: 1, stderr: 'zcopy: --format goes with --sheet or --key.\n' });
    expect(zcopy(['quiz', '--sheet', '--reveal']).code).toBe(1);
    expect(zcopy(['quiz', '--key', '--json', '--lang', 'zh']).stderr).toMatch(/^zcopy: --sheet 和 --key 打印练习卷，不能和 --json 一起用/);
  });
});

describe('worksheets and answer keys', () => {
  const args = ['--seed', '41', '--count', '6'];

  test('the same options print the same sheet; it carries its seed and no answer', () => {
    const a = zcopy(['quiz', '--sheet', ...args]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(zcopy(['quiz', '--sheet', ...args]).stdout);
    expect(a.stdout).toMatch(/^# zcopy worksheet\n\nSeed 41 · 6 questions\n\nName: _+\n/);
    expect(a.stdout.match(/^## \d+\. /gm)).toHaveLength(6);
    for (const e of keyOf(args)) expect(a.stdout).not.toContain(e.explanation);
    expect(a.stdout).not.toMatch(/\*\*Answer/);
  });

  test('the key asks the sheet\'s questions, in its order, with the answers --reveal --json gives', () => {
    const sheet = zcopy(['quiz', '--sheet', ...args]).stdout;
    const key = zcopy(['quiz', '--key', ...args]).stdout;
    const heads = (s: string) => s.split('\n').filter((l) => l.startsWith('## ') || l.startsWith('- '));
    expect(heads(key)).toEqual(heads(sheet));
    const answers = [...key.matchAll(/^\*\*Answer: (\S+?)[)*]/gm)].map((m) => m[1].replace(/,/g, ''));
    expect(answers).toEqual(keyOf(args).map((e) => e.answer));
  });

  test('html: one self-contained printable page, in both languages', () => {
    for (const [lang, tag, title] of [['en', 'en', 'zcopy worksheet'], ['zh', 'zh-CN', 'zcopy 练习卷']]) {
      const r = zcopy(['quiz', '--sheet', '--format', 'html', '--student', 'Grace Hopper', '--lang', lang, '--count', '4']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${tag}">`));
      expect(r.stdout).toContain(`<h1>${title}</h1>`);
      expect(r.stdout).toContain(String(seedOfName('Grace Hopper')));
      expect(r.stdout.match(/<section class="q">/g)).toHaveLength(4);
      // Nothing fetched: no address, no script, no stylesheet or image from elsewhere.
      expect(r.stdout).not.toMatch(/https?:|<script|<link|<img|@import|url\(/);
      expect(r.stdout).toContain('@media print');
    }
    const key = zcopy(['quiz', '--key', '--format', 'html', ...args]).stdout;
    expect(key.match(/<p class="answer">/g)).toHaveLength(6);
  });

  test('a count question asks for a number on the sheet', () => {
    const r = zcopy(['quiz', '--sheet', '--kind', 'counts', '--scenario', 'sendfile', '--count', '2', '--seed', '1']);
    expect(r.stdout.match(/^Answer \(a number\): _+$/gm)).toHaveLength(2);
    expect(zcopy(['quiz', '--sheet', '--kind', 'counts', '--scenario', 'sendfile', '--count', '1', '--seed', '1', '--lang', 'zh']).stdout).toContain('答案（填数字）：');
  });
});

describe('zcopy grade', () => {
  const SEED = 5;
  const key = keyOf(['--seed', String(SEED), '--count', '4']);
  const right = key.map((e) => e.answer);
  const wrong = key.map(wrongOf);
  const keyFile = file('key.json', JSON.stringify(key));

  /** The class: a BOM, CRLF line ends, a quoted name with a comma, an upper-case letter, an unknown letter, a short row, a blank answer. */
  const rows = [
    ['student', 'seed', 'q1', 'q2', 'q3', 'q4'],
    ['"Lovelace, Ada"', SEED, right[0].toUpperCase(), right[1], right[2], right[3]],
    ['Bob', SEED, wrong[0], right[1], wrong[2], ''],
    ['Cy', SEED, 'z', right[1], right[2], right[3]],
    ['Dee', SEED, right[0], right[1]],
    ['"Eve ""E"" Smith"', SEED, wrong[0], wrong[1], right[2], right[3]],
  ];
  const csv = file('class.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.map((r) => r.join(',')).join('\r\n') + '\r\n')]));
  const scoreOf = (answers: string[]) => answers.filter((a, i) => a.toLowerCase() === right[i]).length;

  test('each row graded against the key of its seed; a bad row is named by its line and left out; exit 1', () => {
    const r = zcopy(['grade', csv, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `zcopy: ${csv}:4: question 1: "z" is not one of the letters a-${'abcdefgh'[key[0].choices.length - 1]}: the row is not graded.\n` +
        `zcopy: ${csv}:5: 2 answers, the quiz has 4: the row is not graded.\n`,
    );
    const out = JSON.parse(r.stdout);
    expect(out.students.map((s: { student: string; score: number }) => [s.student, s.score])).toEqual([
      ['Lovelace, Ada', 4],
      ['Bob', scoreOf(rows[2].slice(2) as string[])],
      ['Eve "E" Smith', scoreOf(rows[5].slice(2) as string[])],
    ]);
    expect(out.students[1].answers[3]).toEqual({ n: 4, id: key[3].id, chosen: null, right: false });
  });

  test('the JSON is the README\'s contract, and the most common wrong answer names its misconception from the key', () => {
    const out = JSON.parse(zcopy(['grade', csv, '--json']).stdout);
    for (const s of out.students) {
      expect(Object.keys(s).sort()).toEqual(['answers', 'score', 'seed', 'student', 'total']);
      expect(s).toMatchObject({ seed: SEED, total: 4 });
      for (const a of s.answers) expect(Object.keys(a).sort()).toEqual(['chosen', 'id', 'n', 'right']);
    }
    expect(out.questions.map((q: { n: number; id: string; kind: string; scenario: string }) => [q.n, q.id, q.kind, q.scenario])).toEqual(key.map((e, i) => [i + 1, e.id, e.kind, e.scenario]));
    // Question 1: Ada right; Bob and Eve both chose wrong[0].
    const q1 = out.questions[0];
    expect(q1).toMatchObject({ asked: 3, right: 1, share: 0.3333 });
    const at = wrong[0].charCodeAt(0) - 97;
    expect(q1.mostCommonWrong).toEqual({ choice: wrong[0], text: key[0].choices[at] ?? null, times: 2, misconception: key[0].misconceptions[at] ?? null });
    // Seed 5's first question is one whose wrong choices each name a mistake.
    expect(q1.mostCommonWrong.misconception).toEqual(expect.stringMatching(/\w/));
    expect(out.questions[2].mostCommonWrong).toMatchObject({ choice: wrong[2], times: 1 });
  });

  test('--key FILE grades the same, with no seed needed', () => {
    const withKey = JSON.parse(zcopy(['grade', csv, '--key', keyFile, '--json']).stdout);
    const withSeed = JSON.parse(zcopy(['grade', csv, '--json']).stdout);
    expect(withKey.students.map((s: { score: number }) => s.score)).toEqual(withSeed.students.map((s: { score: number }) => s.score));
    expect(withKey.students[0].seed).toBeNull();
    expect(withKey.questions).toEqual(withSeed.questions);
    expect(zcopy(['grade', csv, '--key', keyFile, '--count', '4'])).toMatchObject({ code: 1, stderr: 'zcopy: --key says which quiz; --count does not go with it.\n' });
    expect(zcopy(['grade', csv, '--key', csv]).stderr).toBe(`zcopy: ${csv} is not an answer key saved with zcopy quiz --reveal --json.\n`);
    const three = file('three.csv', `student,q1,q2,q3\nAda,${right.slice(0, 3).join(',')}\n`);
    expect(zcopy(['grade', three, '--key', keyFile, '--json'])).toMatchObject({ code: 1, stderr: `zcopy: ${three}:1: the header has 3 question columns, but the key has 4 questions.\n` });
  });

  test('without a seed column each student\'s seed is their name\'s, as --student derives it', () => {
    const names = ['Grace Hopper', 'Alan Turing'];
    const keys = names.map((n) => keyOf(['--student', n, '--count', '3']));
    const lines = ['student,q1,q2,q3', ...names.map((n, k) => [n, ...keys[k].map((e, i) => (i === 1 ? wrongOf(e) : e.answer))].join(','))];
    const r = zcopy(['grade', file('names.csv', lines.join('\n') + '\n'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.students.map((s: { seed: number; score: number }) => [s.seed, s.score])).toEqual(names.map((n) => [seedOfName(n), 2]));
  });

  test('a count question takes a number, plain or grouped as the quiz prints it', () => {
    const args = ['--size', '1G', '--kind', 'counts', '--scenario', 'traditional', '--count', '2', '--seed', '1'];
    const k = keyOf(args);
    expect(Number(k[0].answer)).toBeGreaterThan(999);
    const grouped = Number(k[0].answer).toLocaleString('en-US');
    const text = `student,seed,q1,q2\nAda,1,"${grouped}",${k[1].answer}\nBob,1,${k[0].answer},x\n`;
    const r = zcopy(['grade', file('counts.csv', text), ...args.slice(0, -2), '--json']);
    expect(r.stderr).toBe(`zcopy: ${join(work, 'counts.csv')}:3: question 2: "x" is not a number (this question asks for one): the row is not graded.\n`);
    expect(JSON.parse(r.stdout).students).toMatchObject([{ student: 'Ada', score: 2, answers: [{ chosen: k[0].answer }, { chosen: k[1].answer }] }]);
  });

  test('--csv is a gradebook; the text report says scores, shares and misconceptions, in both languages', () => {
    const book = zcopy(['grade', csv, '--csv']).stdout.split('\n');
    expect(book[0]).toBe('student,seed,score,total,q1,q2,q3,q4');
    expect(book[1]).toBe(`"Lovelace, Ada",${SEED},4,4,right,right,right,right`);
    expect(book[3]).toBe(`"Eve ""E"" Smith",${SEED},2,4,wrong,wrong,right,right`);
    const en = zcopy(['grade', csv]).stdout;
    expect(en).toMatch(/^Scores\n {2}Lovelace, Ada +4\/4 +seed 5\n/);
    expect(en).toContain(`1. ${key[0].scenario} · `);
    expect(en).toContain(`most common wrong answer: ${wrong[0]}) `);
    expect(en).toContain(key[0].misconceptions[wrong[0].charCodeAt(0) - 97]!.slice(0, 40));
    expect(en).toMatch(/33% right \(1\/3\)/);
    const zh = zcopy(['grade', csv, '--lang', 'zh']).stdout;
    expect(zh).toMatch(/^成绩\n/);
    expect(zh).toMatch(/：答对 33%（1\/3）/);
    expect(zcopy(['grade', csv, '--csv', '--json'])).toMatchObject({ code: 1, stderr: 'zcopy: Give --json or --csv, not both.\n' });
    // A name a spreadsheet would run as a formula is led by a quote (CSV injection).
    const formula = file('formula.csv', `student,seed,q1\n=1+2,${SEED},a\n@cmd,${SEED},a\nPlain,${SEED},a\n`);
    const names = zcopy(['grade', formula, '--count', '1', '--csv']).stdout.split('\n').slice(1, 4).map((l) => l.split(',')[0]);
    expect(names).toEqual(["'=1+2", "'@cmd", 'Plain']);
  });

  test('a file without a header, or whose header does not fit the quiz, is one line-numbered problem and nothing graded', () => {
    const noHeader = zcopy(['grade', file('nohead.csv', `Ada,5,a,b,c,d\n`), '--json']);
    expect(noHeader.code).toBe(1);
    expect(noHeader.stderr).toBe(`zcopy: ${join(work, 'nohead.csv')}:1: no header: the first line names the columns (student, seed, q1, q2, ...), and it has no student column.\n`);
    expect(JSON.parse(noHeader.stdout)).toEqual({ students: [], questions: [] });
    const count = zcopy(['grade', csv, '--count', '3']);
    expect(count.stderr).toBe(`zcopy: ${csv}:1: the header has 4 question columns, but --count says 3.\n`);
    // The gradebook keeps its columns when no row could be graded.
    expect(zcopy(['grade', csv, '--count', '3', '--csv']).stdout).toBe('student,seed,score,total,q1,q2,q3,q4\n');
    expect(zcopy(['grade', join(work, 'missing.csv')])).toMatchObject({ code: 1, stderr: `zcopy: cannot read ${join(work, 'missing.csv')}: ENOENT\n` });
    // An unclosed quote is the CSV library's problem to find; the rows before it are graded.
    const quote = zcopy(['grade', file('quote.csv', `student,seed,q1,q2,q3,q4\nAda,${SEED},${right.join(',')}\n"Bob,${SEED},a,a,a,a\n`), '--json']);
    expect(quote.code).toBe(1);
    expect(quote.stderr).toMatch(/quote\.csv:\d+: not CSV: Quote Not Closed/);
    expect(JSON.parse(quote.stdout).students).toMatchObject([{ student: 'Ada', score: 4 }]);
  });

  test('a multi-line quoted name keeps the next rows\' line numbers right, with CRLF', () => {
    const text = `student,seed,q1,q2,q3,q4\r\n"Ada\r\nLovelace",${SEED},${right.join(',')}\r\nBob,${SEED},a\r\n`;
    const r = zcopy(['grade', file('multi.csv', text), '--json']);
    expect(r.stderr).toBe(`zcopy: ${join(work, 'multi.csv')}:4: 1 answer, the quiz has 4: the row is not graded.\n`);
    expect(JSON.parse(r.stdout).students).toMatchObject([{ student: 'Ada Lovelace', score: 4 }]);
  });
});

describe('zcopy challenge <level> --check FILE... | DIR', () => {
  const dir = join(work, 'paths');
  mkdirSync(dir);
  copyFileSync(join(LESSONS, 'sendfile.yaml'), join(dir, 'ada.yaml'));
  copyFileSync(join(LESSONS, 'traditional.yaml'), join(dir, 'bob.yaml'));
  writeFileSync(join(dir, 'cy.yaml'), 'steps:\n  - event: {type: teleport}\n');
  writeFileSync(join(dir, 'notes.txt'), 'not a path');
  const [ada, bob, cy] = ['ada', 'bob', 'cy'].map((n) => join(dir, `${n}.yaml`));

  test('a folder: one verdict a file, in name order, and exit 2 when one is broken', () => {
    const r = zcopy(['challenge', 'one-copy', '--check', dir]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(new RegExp(`^${ada} +solved +Mode switches 2 \\(par 2\\) · Steps 11 \\(par 11\\)$`));
    expect(lines[1]).toMatch(new RegExp(`^${bob} +not solved +CPU copies 2: this level allows at most 1$`));
    expect(lines[2]).toMatch(new RegExp(`^${cy} +broken +${cy}:2: steps\\[0\\]\\.event\\.type: must be one of`));
    expect(lines[3]).toBe('1 of 3 solved, 1 broken.');
    expect(zcopy(['challenge', 'one-copy', '--check', dir, '--lang', 'zh']).stdout).toContain('3 个中通过 1 个，1 个文件有误。');
  });

  test('files: exit 1 when one is not solved, 0 when all are; --json and --csv', () => {
    expect(zcopy(['challenge', 'one-copy', '--check', ada, bob]).code).toBe(1);
    expect(zcopy(['challenge', 'one-copy', '--check', ada, ada]).code).toBe(0);
    const j = zcopy(['challenge', 'one-copy', '--check', ada, bob, cy, '--json']);
    expect(j.code).toBe(2);
    const verdicts = JSON.parse(j.stdout);
    expect(verdicts.map((v: { file: string; solved: boolean; broken: string | null }) => [v.file, v.solved, v.broken === null])).toEqual([[ada, true, true], [bob, false, true], [cy, false, false]]);
    expect(verdicts[1].unmet).toMatchObject({ kind: 'limit', counter: 'cpuCopies', max: 1, count: 2 });
    const c = zcopy(['challenge', 'one-copy', '--check', ada, bob, '--csv']).stdout.split('\n');
    expect(c.slice(0, 3)).toEqual([
      'file,verdict,unmet,modeSwitches,steps,message',
      `${ada},solved,,2,11,`,
      `${bob},unsolved,limit,4,15,CPU copies 2: this level allows at most 1`,
    ]);
    // One file alone is judged as before: its verdict object, not a list.
    expect(JSON.parse(zcopy(['challenge', 'one-copy', '--check', ada, '--json']).stdout)).toMatchObject({ id: 'one-copy', solved: true });
  });

  test('a folder with no path file is one line, exit 1', () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    expect(zcopy(['challenge', 'one-copy', '--check', empty])).toMatchObject({ code: 1, stderr: `zcopy: ${empty} holds no .yaml or .yml file to judge.\n` });
  });
});

describe('the application refuses with typed problems, said in one line in both languages', () => {
  const app = appContext({ lang: 'en', env: {}, lessonsDir: LESSONS, paint: new Chalk({ level: 0 }), warn: () => {} });

  test('worksheet and grading options', () => {
    const csv = file('typed.csv', 'student,q1\nAda,a\n');
    const problems: [AppProblem, AppProblem][] = [
      [problemOf(() => planQuiz({ seed: '1', student: 'Ada' }, app)), { code: 'seedOrStudent' }],
      [problemOf(() => planQuiz({ student: '  ' }, app)), { code: 'noStudent' }],
      [problemOf(() => planQuiz({ format: 'html' }, app)), { code: 'formatNeedsSheet' }],
      [problemOf(() => planQuiz({ key: true, review: true }, app)), { code: 'sheetWith', option: '--review' }],
      [problemOf(() => gradeFile(app, { file: csv, json: true, csv: true })), { code: 'gradeJsonOrCsv' }],
      [problemOf(() => gradeFile(app, { file: csv, keyFile: csv, kind: ['mover'] })), { code: 'keyAndOptions', option: '--kind' }],
      [problemOf(() => gradeFile(app, { file: csv, keyFile: csv })), { code: 'notKey', file: csv }],
      [problemOf(() => gradeFile(app, { file: join(work, 'none.csv') })), { code: 'cannotRead', file: join(work, 'none.csv'), why: 'ENOENT' }],
    ];
    for (const [got, want] of problems) {
      expect(got).toEqual(want);
      for (const lang of ['en', 'zh'] as const) expect([got.code, problemText(got, lang).includes('\n')]).toEqual([got.code, false]);
    }
    expect(planQuiz({ student: 'Ada Lovelace' }, app)).toMatchObject({ seed: 2551461758, seedChosen: false });
  });
});
