import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LANGS } from '../src/i18n/lang.js';
import * as BUILD from '../src/i18n/build.js';
import * as CHALLENGE from '../src/i18n/challenge.js';
import * as DESCRIBE from '../src/i18n/describe.js';
import * as GLOSSARY from '../src/i18n/glossary.js';
import * as GRADE from '../src/i18n/grade.js';
import * as HELP from '../src/i18n/help.js';
import * as KEYS from '../src/i18n/keys.js';
import * as LAB from '../src/i18n/lab.js';
import * as TRACE from '../src/i18n/trace.js';
import * as LANG from '../src/i18n/lang.js';
import * as MACHINE from '../src/i18n/machine.js';
import * as PROBLEMS from '../src/i18n/problems.js';
import * as PROGRESS from '../src/i18n/progress.js';
import * as PUNCTUATION from '../src/i18n/punctuation.js';
import * as QUIZ from '../src/i18n/quiz.js';
import * as REFUSALS from '../src/i18n/refusals.js';
import * as SCREENS from '../src/i18n/screens.js';
import * as STRINGS from '../src/i18n/strings.js';
import * as SYSCALLS from '../src/i18n/syscalls.js';
import * as VALIDATE from '../src/i18n/validate.js';
import * as YARGS from '../src/i18n/yargs.js';
import * as USAGE from '../src/i18n/usage.js';
import * as PAGES from '../src/i18n/pages.js';
import * as EXPORT from '../src/i18n/export.js';
import { ROOT } from './helpers/cli.js';

/*
 * src/i18n/lang.ts: every word is in a catalogue under src/i18n/, one table per language, each
 * with every message of the English one; no code elsewhere holds a word or asks which language
 * it speaks. So a third language is one more name in LANGS and one more table in each catalogue.
 */

const I18N = join(ROOT, 'src', 'i18n');
const MODULES: Record<string, Record<string, unknown>> = {
  'build.ts': BUILD,
  'challenge.ts': CHALLENGE,
  'describe.ts': DESCRIBE,
  'glossary.ts': GLOSSARY,
  'grade.ts': GRADE,
  'help.ts': HELP,
  'keys.ts': KEYS,
  'lab.ts': LAB,
  'lang.ts': LANG,
  'machine.ts': MACHINE,
  'problems.ts': PROBLEMS,
  'progress.ts': PROGRESS,
  'punctuation.ts': PUNCTUATION,
  'quiz.ts': QUIZ,
  'refusals.ts': REFUSALS,
  'screens.ts': SCREENS,
  'strings.ts': STRINGS,
  'usage.ts': USAGE,
  'validate.ts': VALIDATE,
  'syscalls.ts': SYSCALLS,
  'yargs.ts': YARGS,
  'pages.ts': PAGES,
  'export.ts': EXPORT,
  'trace.ts': TRACE,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sameKeys = (a: string[], b: readonly string[]) => a.length === b.length && b.every((k) => a.includes(k));
/** A catalogue: an object with one table per language and nothing else. */
const isCatalogue = (v: unknown): v is Record<string, unknown> => isObject(v) && sameKeys(Object.keys(v), LANGS);

/** Where `other` does not have what `en` has, message by message: a missing key, an extra one, a function missing or taking other parameters. */
export function mismatches(en: unknown, other: unknown, path: string): string[] {
  if (typeof en === 'function') {
    if (typeof other !== 'function') return [`${path}: a function in en, not here`];
    return en.length === other.length ? [] : [`${path}: takes ${other.length} parameters, en's ${en.length}`];
  }
  if (Array.isArray(en)) return Array.isArray(other) ? [] : [`${path}: a list in en, not here`];
  if (!isObject(en)) return typeof other === typeof en ? [] : [`${path}: a ${typeof en} in en, a ${typeof other} here`];
  if (!isObject(other)) return [`${path}: a table in en, not here`];
  // An English table with nothing in it is an open one: yargs' words, which only another language overrides.
  if (Object.keys(en).length === 0) return [];
  return [
    ...Object.keys(en).flatMap((k) => (k in other ? mismatches(en[k], other[k], `${path}.${k}`) : [`${path}.${k}: missing`])),
    ...Object.keys(other).filter((k) => !(k in en)).map((k) => `${path}.${k}: not in en`),
  ];
}

/** Tables inside tables keyed by language: the shape every catalogue left behind (`X.message[lang]`, `X[key][lang]`). */
export function keyedByLanguage(value: unknown, path: string, seen = new Set<unknown>()): string[] {
  if (!isObject(value) || seen.has(value)) return [];
  seen.add(value);
  if (isCatalogue(value)) return [path];
  return Object.entries(value).flatMap(([k, v]) => keyedByLanguage(v, `${path}.${k}`, seen));
}

describe('the catalogues', () => {
  test('every module of src/i18n is read here', () => {
    expect(readdirSync(I18N).filter((f) => f.endsWith('.ts')).sort()).toEqual(Object.keys(MODULES).sort());
  });

  test('the checks find what they are for', () => {
    expect(mismatches({ a: 'x', f: (n: number) => `${n}`, t: { b: 'y' } }, { a: 'x', f: (n: number) => `${n}`, t: { b: 'y' } }, 'T')).toEqual([]);
    expect(mismatches({ a: 'x', f: (n: number) => `${n}` }, { f: (n: number, m: number) => `${n}${m}`, c: 'z' }, 'T')).toEqual([
      'T.a: missing',
      'T.f: takes 2 parameters, en\'s 1',
      'T.c: not in en',
    ]);
    expect(mismatches({ open: {} }, { open: { 'Unknown argument: %s': '无法识别的参数：%s' } }, 'T')).toEqual([]);
    expect(keyedByLanguage({ a: { b: { en: 'x', zh: 'y' } } }, 'T')).toEqual(['T.a.b']);
    expect(keyedByLanguage({ en: { a: 'x' }, zh: { a: 'y' } }, 'T')).toEqual(['T']);
  });

  const catalogues = Object.entries(MODULES).flatMap(([file, module]) =>
    Object.entries(module)
      .filter(([, v]) => isCatalogue(v))
      .map(([name, v]) => [`${file} ${name}`, v as Record<string, unknown>] as const),
  );

  test('there are catalogues to check', () => {
    expect(catalogues.length).toBeGreaterThan(20);
  });

  test.each(catalogues)('%s has every message in every language, with the same parameters', (_name, c) => {
    expect(LANGS.flatMap((l) => mismatches(c.en, c[l], l))).toEqual([]);
  });

  test.each(Object.entries(MODULES))("%s keeps its words in one shape: no table keyed by language below a catalogue", (_file, module) => {
    const inside = Object.entries(module).flatMap(([name, v]) =>
      isCatalogue(v) ? LANGS.flatMap((l) => keyedByLanguage(v[l], `${name}.${l}`)) : keyedByLanguage(v, name).filter((p) => p !== name),
    );
    expect(inside).toEqual([]);
  });
});

/** Chinese characters and full-width forms. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Ways code asks which language it speaks, or holds words by language itself. */
const LANGUAGE_TESTS: [string, RegExp][] = [
  ['compares a language', /\b\w*[lL]ang\w*\s*[!=]==?\s*['"`]|['"`]\w+['"`]\s*[!=]==?\s*[\w.]*[lL]ang\b/],
  ['a Chinese ternary', /\bzh\s*\?/],
  ['isZh', /\bisZh\b/],
  ['names Chinese', /['"`]zh(_\w+)?['"`]/],
  ['a table keyed by language', /(?<![\w.])(en|zh)\s*:(?!:)/],
  ['reads a language by name', /\.(en|zh)\b(?!\s*\()|\[['"](en|zh)['"]\]/],
];

/** What a source file outside the catalogues must not hold, line by line. */
export function wordsInCode(source: string): string[] {
  return source.split('\n').flatMap((line, i) => [
    ...(CJK.test(line) ? [`${i + 1}: Chinese text`] : []),
    ...LANGUAGE_TESTS.filter(([, re]) => re.test(line)).map(([why]) => `${i + 1}: ${why}`),
  ]);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (join(dir, e.name) === I18N ? [] : sources(join(dir, e.name))) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('code outside the catalogues', () => {
  test('the scan finds each thing it looks for', () => {
    expect(wordsInCode("const s = lang === 'zh' ? '页缓存' : 'page cache';")).toEqual(['1: Chinese text', '1: compares a language', '1: names Chinese']);
    expect(wordsInCode('const sep = zh ? a : b;\nif (isZh) go();')).toEqual(['1: a Chinese ternary', '2: isZh']);
    expect(wordsInCode("const t = { en: 'x', zh: 'y' };")).toEqual(['1: a table keyed by language']);
    expect(wordsInCode('const x = text.en + NAMES.zh[k];')).toEqual(['1: reads a language by name']);
    expect(wordsInCode("if ('en' !== q.lang) return;")).toEqual(['1: compares a language']);
    // What the code may do: pass a language on, read a catalogue by it, default to English.
    expect(wordsInCode("const t = QUIZ[lang].prompt(id); f(x, lang = 'en'); const when = { cache: 'warm' }; open: true;")).toEqual([]);
  });

  const files = sources(join(ROOT, 'src')).map((f) => [relative(ROOT, f), f] as const);

  test('there are files to scan', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  test.each(files)('%s holds no words and asks no language', (_name, file) => {
    expect(wordsInCode(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
