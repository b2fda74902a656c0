import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import type { Lang } from '../i18n/lang.js';
import { PROBLEMS } from '../i18n/problems.js';
import type { Lesson } from './types.js';
import { formatPath, validateLesson, type Problem } from './validate.js';

/**
 * The YAML parser, loaded the first time a lesson is parsed: the built-in
 * lessons normally come from the prebuilt catalogue, so most runs never need it.
 */
let yamlModule: typeof import('yaml') | undefined;
export function yaml(): typeof import('yaml') {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

/** Lessons are small; anything larger is a mistake or an attack on the parser. */
export const MAX_LESSON_BYTES = 1024 * 1024;

/** A lesson that cannot be used, with every problem found in it. */
export class LessonError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(problems.map((p) => formatProblem(file, p)).join('\n'));
    this.name = 'LessonError';
  }
}

/** `file:line: field: message`, the shape editors and terminals link to. */
export function formatProblem(file: string, p: Problem): string {
  const where = p.line === undefined ? file : `${file}:${p.line}`;
  const field = p.path.length ? `${formatPath(p.path)}: ` : '';
  return `${where}: ${field}${p.message}`;
}

/** A lesson file, or a LessonError whose problems are said in `lang`. */
export function loadLessonFile(file: string, lang: Lang = 'en'): Lesson {
  return parseLesson(readLessonText(file, lang), file, lang);
}

/** A lesson file's text, refused past 1 MiB before it is read. */
export function readLessonText(file: string, lang: Lang = 'en'): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new LessonError(file, [{ path: [], message: describeFsError(error, lang) }]);
  }
  if (size > MAX_LESSON_BYTES) {
    throw new LessonError(file, [{ path: [], message: PROBLEMS[lang].tooLarge(size, MAX_LESSON_BYTES) }]);
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new LessonError(file, [{ path: [], message: describeFsError(error, lang) }]);
  }
}

/**
 * Parses YAML (JSON is YAML too) with the core schema only: no custom tags, so
 * nothing in a lesson is ever constructed or executed.
 */
export function parseLesson(text: string, file: string, lang: Lang = 'en'): Lesson {
  return parseWith(
    text,
    file,
    (data) => {
      const result = validateLesson(data, file, lang);
      return 'problems' in result ? result : { value: result.lesson };
    },
    lang,
  );
}

/**
 * Parses a data file zcopy reads (a lesson, a challenge level, a learner's
 * path) and checks it with `validate`; its problems come back located by file,
 * line and field as a LessonError.
 */
export function parseWith<T>(text: string, file: string, validate: (data: unknown) => { value: T } | { problems: Problem[] }, lang: Lang = 'en'): T {
  const { LineCounter, parseDocument } = yaml();
  const say = PROBLEMS[lang].yamlSyntax;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: true });
  const parseProblems = [...doc.errors, ...doc.warnings].map((e) => ({
    path: [],
    // prettyErrors adds "at line L, column C:" and a code frame; the line is reported on its own.
    message: say(e.code, e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')),
    line: e.linePos?.[0].line,
  }));
  if (parseProblems.length) throw new LessonError(file, parseProblems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // toJS throws only when aliases expand past maxAliasCount (a "billion laughs" file).
    throw new LessonError(file, [{ path: [], message: say('RESOURCE_EXHAUSTION', (error as Error).message) }]);
  }
  const result = validate(data);
  if ('problems' in result) {
    throw new LessonError(file, result.problems.map((p) => ({ ...p, line: lineOf(doc, lineCounter, p.path) })));
  }
  return result.value;
}

/**
 * The line of the deepest node along `path` that the document has; none for a
 * field missing from the top level, where "line 1" would only mislead.
 */
function lineOf(doc: Document, lines: LineCounter, path: Problem['path']): number | undefined {
  for (let depth = path.length; depth >= 1; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (yaml().isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Every `*.yaml` / `*.yml` / `*.json` data file (lessons, levels) in a folder, in file-name order. */
export function lessonFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new LessonError(dir, [{ path: [], message: describeFsError(error) }]);
  }
  return names
    .filter((n) => /\.(ya?ml|json)$/.test(n) && !basename(n).startsWith('.'))
    .sort()
    .map((n) => join(dir, n));
}

function describeFsError(error: unknown, lang: Lang = 'en'): string {
  const t = PROBLEMS[lang];
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return t.noFile;
  if (code === 'EACCES' || code === 'EPERM') return t.denied;
  if (code === 'EISDIR') return t.isFolder;
  return (error as Error).message;
}
