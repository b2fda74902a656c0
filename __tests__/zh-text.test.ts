import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { TERMS } from '../src/glossary/index.js';
import { loadLevels } from '../src/challenge/index.js';
import { knobsTaken, varied } from '../src/lessons/index.js';
import { describeStep } from '../src/i18n/describe.js';
import { loadCatalog, type Lesson } from '../src/lessons/index.js';
import { combinations, run, type Knobs } from '../src/model/index.js';
import * as BUILD_TEXT from '../src/i18n/build.js';
import * as HELP_TEXT from '../src/i18n/help.js';
import * as PROBLEM_TEXT from '../src/i18n/problems.js';
import * as REFUSAL_TEXT from '../src/i18n/refusals.js';
import * as STRINGS from '../src/i18n/strings.js';
import * as YARGS_TEXT from '../src/i18n/yargs.js';
import * as LAB_STRINGS from '../src/i18n/lab.js';
import * as TRACE_STRINGS from '../src/i18n/trace.js';
import * as CHALLENGE_STRINGS from '../src/i18n/challenge.js';
import * as PROGRESS_STRINGS from '../src/i18n/progress.js';
import * as QUIZ_STRINGS from '../src/i18n/quiz.js';
import * as MACHINE_TEXT from '../src/i18n/machine.js';
import * as DESCRIBE_TEXT from '../src/i18n/describe.js';
import * as GLOSSARY_TEXT from '../src/i18n/glossary.js';
import * as KEYS_TEXT from '../src/i18n/keys.js';
import * as SCREENS_TEXT from '../src/i18n/screens.js';
import * as SYSCALLS_TEXT from '../src/i18n/syscalls.js';
import * as USAGE_TEXT from '../src/i18n/usage.js';
import * as PAGES_TEXT from '../src/i18n/pages.js';
import * as EXPORT_TEXT from '../src/i18n/export.js';
import * as GRADE_TEXT from '../src/i18n/grade.js';
import { ROOT, zcopy } from './helpers/cli.js';

const { GLOSSARY } = GLOSSARY_TEXT;

/*
 * Chinese typography, for every Chinese string zcopy can show: no space between two Chinese
 * characters ("磁盘 发出中断"), no space after a full-width full stop (the double space after
 * 。 that English habits leave), and full-width colons after Chinese text ("相关课程：", not
 * "相关课程: "). Latin words and numbers keep a space from the Chinese beside them ("3 次 CPU
 * 拷贝"), which these checks allow.
 */

/** Chinese characters and full-width punctuation (the ideographic space itself is not one). */
const CJK = '\\u3400-\\u9fff\\u3001-\\u303f\\uff01-\\uffef';

interface Check {
  why: string;
  re: RegExp;
}

/** The checks on a string as written: any run of spaces counts. */
const STRING_CHECKS: Check[] = [
  { why: 'a space between Chinese characters', re: new RegExp(`[${CJK}][ \\t]+[${CJK}]`) },
  { why: 'a space after 。', re: /。[ \t]+\S/ },
  { why: 'an ASCII colon after Chinese', re: /[\u3400-\u9fff）]:(?!\/\/)/ },
  { why: 'no space between a Latin word or number and Chinese', re: /[A-Za-z0-9][\u3400-\u9fff]|[\u3400-\u9fff][A-Za-z0-9]/ },
  { why: 'an ASCII double quote (Chinese quotes with “”)', re: /"/ },
  { why: 'a space beside “ or ” (full-width quotes carry their own spacing)', re: /[\u3400-\u9fff] “|” [\u3400-\u9fff]/ },
];

/**
 * The checks on a screen as printed: tables pad their columns with two spaces or more, so only
 * a single space between Chinese characters is stray there.
 */
const SCREEN_CHECKS: Check[] = [
  { why: 'a single space between Chinese characters', re: new RegExp(`[${CJK}] (?=[${CJK}])`) },
  // yargs prints an option's values as code, in ASCII quotes (可选值： "en", "zh"): values as typed, not prose.
  ...STRING_CHECKS.slice(1).filter((c) => !c.why.startsWith('an ASCII double quote')),
];

/** Where each check fails in `text`: `where: why: …context…`. */
function flaws(where: string, text: string, checks: Check[]): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    for (const { why, re } of checks) {
      const m = re.exec(line);
      if (m) out.push(`${where}: ${why}: …${line.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12)}…`);
    }
  }
  return out;
}

const HAS_CJK = /[\u3400-\u9fff]/;

/**
 * What an argument prints as: a mark that is neither Latin nor Chinese, since an argument may be
 * either (a number, a place's Chinese name), so the checks judge only the words around it. The
 * lookup of a table with an argument finds nothing and prints "undefined": the same hole.
 */
const HOLE = '\u25a1';

/** What ANY prints as: HOLE, or for the check of how arguments are joined, a word as a place's name is written. */
let holeText = HOLE;

/**
 * Stands for any argument a table's function is called with: it prints as HOLE, and every
 * property or call on it is itself, so a function that joins a list, counts one or reads a
 * field of it still returns its words.
 */
const ANY: unknown = new Proxy(function () {}, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => holeText : key === Symbol.iterator ? function* () {} : key === 'length' ? 0 : ANY),
  apply: () => ANY,
});

/**
 * Every Chinese string under `value`: beneath a `zh` key, or everything when `zh` is already
 * true. Functions are called with ANY, and what they return is read the same way (a function
 * that returns `{en, zh}` is read under its zh key).
 */
function zhStrings(value: unknown, path: string, zh: boolean, out: [string, string][], seen = new Set<unknown>()): void {
  if (value === null || value === undefined || value === ANY) return;
  if (typeof value === 'string') {
    if (zh && HAS_CJK.test(value)) out.push([path, path.includes('()') ? value.replace(/undefined/g, holeText) : value]);
    return;
  }
  if (typeof value === 'function') {
    let result: unknown;
    try {
      result = (value as (...args: unknown[]) => unknown)(ANY, ANY, ANY, ANY, ANY, ANY);
    } catch {
      return;
    }
    zhStrings(result, `${path}()`, zh, out, seen);
    return;
  }
  if (typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  for (const [key, v] of Object.entries(value)) zhStrings(v, `${path}.${key}`, zh || key === 'zh', out, seen);
}

/**
 * Where the functions of `module` join an argument to Chinese without the space a Latin word
 * takes: each is called with arguments that begin with a Latin word and end in Chinese, as a
 * place's name may ("socket 缓冲区"), and only the space between Latin and Chinese is checked
 * (a number's slot, "第 X 步", would read as a stray space between characters).
 */
function joinFlaws(file: string, module: object): string[] {
  const out: [string, string][] = [];
  holeText = 'socket 缓冲区';
  try {
    for (const [name, value] of Object.entries(module)) zhStrings(value, name, false, out);
  } finally {
    holeText = HOLE;
  }
  const latin = STRING_CHECKS.filter((c) => c.why.startsWith('no space between a Latin'));
  return out.filter(([where]) => where.includes('()')).flatMap(([where, text]) => flaws(`${file} ${where}`, text, latin));
}

/** Every catalogue of words, by file. */
const TABLES = [
  ['src/i18n/strings.ts', STRINGS],
  ['src/i18n/build.ts', BUILD_TEXT],
  ['src/i18n/help.ts', HELP_TEXT],
  ['src/i18n/problems.ts', PROBLEM_TEXT],
  ['src/i18n/refusals.ts', REFUSAL_TEXT],
  ['src/i18n/yargs.ts', YARGS_TEXT],
  ['src/i18n/lab.ts', LAB_STRINGS],
  ['src/i18n/challenge.ts', CHALLENGE_STRINGS],
  ['src/i18n/progress.ts', PROGRESS_STRINGS],
  ['src/i18n/quiz.ts', QUIZ_STRINGS],
  ['src/i18n/machine.ts', MACHINE_TEXT],
  ['src/i18n/describe.ts', DESCRIBE_TEXT],
  ['src/i18n/glossary.ts', GLOSSARY_TEXT],
  ['src/i18n/keys.ts', KEYS_TEXT],
  ['src/i18n/screens.ts', SCREENS_TEXT],
  ['src/i18n/syscalls.ts', SYSCALLS_TEXT],
  ['src/i18n/usage.ts', USAGE_TEXT],
  ['src/i18n/pages.ts', PAGES_TEXT],
  ['src/i18n/export.ts', EXPORT_TEXT],
  ['src/i18n/grade.ts', GRADE_TEXT],
  ['src/i18n/trace.ts', TRACE_STRINGS],
] as const;

const catalog = loadCatalog(join(ROOT, 'lessons'));
const levels = loadLevels(join(ROOT, 'challenges'), catalog.lessons.map((l) => l.id), 'zh');

/** A lesson's every variant: the knobs it answers to, readers from 1 to 4 where it has readers. */
function variantsOf(l: Lesson): Lesson[] {
  const knobs = combinations(knobsTaken(l).filter((k) => k !== 'readers'));
  const all: Knobs[] = knobsTaken(l).includes('readers') ? knobs.flatMap((k) => [1, 2, 3, 4].map((readers) => ({ ...k, readers }))) : knobs;
  return all.map((k) => varied(l, k));
}

function lessonTexts(l: Lesson): [string, string][] {
  const texts: [string, string][] = [
    ['title', l.title.zh],
    ['summary', l.summary.zh],
    ...l.limits.map((t, i) => [`limits[${i}]`, t.zh] as [string, string]),
    ...l.usedBy.map((t, i) => [`usedBy[${i}]`, t.zh] as [string, string]),
    ...l.notes.map((t, i) => [`notes[${i}]`, t.zh] as [string, string]),
    ...Object.entries(l.unaffected ?? {}).map(([k, t]) => [`unaffected.${k}`, t!.zh] as [string, string]),
    ...(l.variantSummaries ?? []).flatMap((v, i) => [[`variantSummaries[${i}]`, v.text.zh], ...(v.title ? [[`variantSummaries[${i}].title`, v.title.zh]] : [])] as [string, string][]),
  ];
  for (const v of variantsOf(l)) {
    // What the engine says of each step (the screen's "does" line) beside the lesson's narration.
    const timeline = run(v);
    v.steps.forEach((s, i) => {
      texts.push([`steps[${i}] ${JSON.stringify(v.knobs ?? {})}`, s.text.zh]);
      texts.push([`steps[${i}] described`, describeStep(timeline[i], timeline[i + 1], s.event, 'zh')]);
    });
    texts.push([`${JSON.stringify(v.knobs ?? {})} summary`, v.summary.zh], [`${JSON.stringify(v.knobs ?? {})} title`, v.title.zh]);
  }
  return texts;
}

describe('the checks', () => {
  test('find what they are for, and let Latin words keep their spaces', () => {
    expect(flaws('t', '磁盘 发出中断', STRING_CHECKS)).toHaveLength(1);
    expect(flaws('t', '返回。  然后', STRING_CHECKS).length).toBeGreaterThan(0);
    expect(flaws('t', '相关课程: zcopy explain', STRING_CHECKS)).toHaveLength(1);
    expect(flaws('t', '合计：3 次 CPU 拷贝、2 次系统调用。DMA 拷贝 1 次', STRING_CHECKS)).toEqual([]);
    expect(flaws('t', '内核态           网卡  网卡', SCREEN_CHECKS)).toEqual([]);
    expect(flaws('t', '内核态  网卡 发出中断', SCREEN_CHECKS)).toHaveLength(1);
  });

  test('one space rule between Latin and Chinese, and one quote style', () => {
    expect(flaws('t', '从 fbuf 缓冲池到 socket 缓冲区', STRING_CHECKS)).toEqual([]);
    expect(flaws('t', '从fbuf 缓冲池到 socket 缓冲区', STRING_CHECKS)).toHaveLength(1);
    expect(flaws('t', '共 3 段', STRING_CHECKS)).toEqual([]);
    expect(flaws('t', '共3段', STRING_CHECKS)).toHaveLength(1);
    expect(flaws('t', '无SG则拷贝', STRING_CHECKS)).toHaveLength(1);
    expect(flaws('t', '文章里“上下文切换”只统计系统调用', STRING_CHECKS)).toEqual([]);
    expect(flaws('t', '文章里"上下文切换"只统计系统调用', STRING_CHECKS)).toHaveLength(1);
    expect(flaws('t', '文章里 “上下文切换” 只统计系统调用', STRING_CHECKS)).toHaveLength(1);
    expect(joinFlaws('t', { T: { zh: (place: string) => `写进${place}的数据` } })).toHaveLength(1);
    expect(joinFlaws('t', { T: { zh: (n: number) => `第 ${n} 步` } })).toEqual([]);
  });

  test('the tables are read: words under zh keys, and the words of functions', () => {
    const out: [string, string][] = [];
    zhStrings({ a: { en: 'x', zh: '页缓存' }, f: { zh: (n: number) => `共 ${n} 段` }, g: (n: number) => ({ en: `${n}`, zh: `第 ${n} 个` }) }, 'T', false, out);
    expect(out).toEqual([['T.a.zh', '页缓存'], ['T.f.zh()', `共 ${HOLE} 段`], ['T.g().zh', `第 ${HOLE} 个`]]);
  });
});

describe('every Chinese string zcopy can show', () => {
  test.each(catalog.lessons.map((l) => [l.id, l] as const))('lesson %s, in every variant, with what the engine says of each step', (id, l) => {
    expect(lessonTexts(l).flatMap(([where, text]) => flaws(`${id} ${where}`, text, STRING_CHECKS))).toEqual([]);
  });

  test('the glossary', () => {
    expect(TERMS.flatMap((t) => [...flaws(`${t.id} name`, GLOSSARY.zh.terms[t.id].name, STRING_CHECKS), ...flaws(`${t.id} definition`, GLOSSARY.zh.terms[t.id].definition, STRING_CHECKS)])).toEqual([]);
  });

  test('the challenge levels', () => {
    const texts = levels.levels.flatMap((l) => [[`${l.id} title`, l.title.zh], [`${l.id} summary`, l.summary.zh], ...l.hints.map((h, i) => [`${l.id} hints[${i}]`, h.zh])]);
    expect(texts.flatMap(([where, text]) => flaws(where, text, STRING_CHECKS))).toEqual([]);
  });

  test.each(TABLES)('the tables of %s', (file, module) => {
    const out: [string, string][] = [];
    for (const [name, value] of Object.entries(module)) zhStrings(value, name, false, out);
    expect(out.length).toBeGreaterThan(0);
    expect(out.flatMap(([where, text]) => flaws(`${file} ${where}`, text, STRING_CHECKS))).toEqual([]);
  });

  // An argument may begin with a Latin word and end in Chinese ("socket 缓冲区", "CPU 拷贝"): joined by
  // hand beside Chinese ("写进${place}的") it loses its space, where PUNCTUATION.zh.phrase keeps it.
  test.each(TABLES)('the functions of %s keep a space before an argument that begins with a Latin word', (file, module) => {
    expect(joinFlaws(file, module)).toEqual([]);
  });
});

describe('what the commands print in Chinese', () => {
  const screens: [string, string[]][] = [
    ...['', 'explain', 'learn', 'quiz', 'compare', 'glossary', 'lab', 'challenge', 'sandbox', 'progress', 'validate'].map((c) => [`${c} --help`, [...(c ? [c] : []), '--help']] as [string, string[]]),
    ...catalog.lessons.map((l) => [`explain ${l.id}`, ['explain', l.id]] as [string, string[]]),
    ['explain page-cache --readers 3', ['explain', 'page-cache', '--readers', '3']],
    ['explain sendfile --size 1G', ['explain', 'sendfile', '--size', '1G']],
    ['compare', ['compare']],
    ['glossary', ['glossary']],
    ...TERMS.map((t) => [`glossary ${t.id}`, ['glossary', t.id]] as [string, string[]]),
    ['challenge --list', ['challenge', '--list']],
    ['progress', ['progress']],
    ['export --help', ['export', '--help']],
    ...['md', 'mermaid', 'svg'].map((f) => [`export sendfile --format ${f}`, ['export', 'sendfile', '--format', f]] as [string, string[]]),
    ['export sendfile --format svg --step 6', ['export', 'sendfile', '--format', 'svg', '--step', '6']],
    ['grade --help', ['grade', '--help']],
    ['trace --help', ['trace', '--help']],
    ...['http-server.trace', 'dd-direct.trace', 'cp.trace'].map((f) => [`trace traces/${f}`, ['trace', join(ROOT, 'traces', f)]] as [string, string[]]),
    ['quiz --sheet', ['quiz', '--sheet', '--seed', '3']],
    ['quiz --key', ['quiz', '--key', '--seed', '3']],
  ];

  // In this process: each would otherwise be a Node's start.
  test.each(screens)('%s', (_name, args) => {
    const r = zcopy([...args, '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(flaws(args.join(' '), r.stdout, SCREEN_CHECKS)).toEqual([]);
  });

  test.each([1, 2, 3, 4, 5])('quiz --reveal --json --seed %i: prompts, choices and explanations', (seed) => {
    const r = zcopy(['quiz', '--reveal', '--json', '--lang', 'zh', '--seed', String(seed)]);
    expect(r.code).toBe(0);
    const out: [string, string][] = [];
    zhStrings(JSON.parse(r.stdout), 'quiz', true, out);
    expect(out.length).toBeGreaterThan(0);
    expect(out.flatMap(([where, text]) => flaws(where, text, STRING_CHECKS))).toEqual([]);
  });
});

describe('lists in a Chinese explanation', () => {
  test('the calls after the syscall count are listed with 、, as Chinese lists are', async () => {
    const { explain, renderExplanation } = await import('../src/present/explain.js');
    const { Chalk } = await import('chalk');
    const lesson = loadCatalog(join(ROOT, 'lessons')).find('traditional')!;
    const zh = renderExplanation(explain(lesson, 'zh'), 'zh', 80, new Chalk({ level: 0 })).join('\n');
    expect(zh).toMatch(/系统调用 +2 +read、write$/m);
    const en = renderExplanation(explain(lesson, 'en'), 'en', 80, new Chalk({ level: 0 })).join('\n');
    expect(en).toMatch(/Syscalls +2 +read, write$/m);
  });
});
