import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers/cli.js';

// The README's layering: bin -> src/cli -> src/app (the application layer) -> the screens, views,
// quiz, challenges, lessons, progress and lab -> src/model; the words (src/i18n) and src/term are
// leaves. An arrow pointing back up is how a layer starts to know about its caller.
const SRC = join(ROOT, 'src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

/**
 * The top-level folder of src/ each relative import in `source` (the text of `file`) reaches: its
 * code, or with `types` what it names only in `import type` (a type is no arrow at run time).
 */
function reaches(file: string, source = readFileSync(file, 'utf8'), types = false): string[] {
  const all = [...source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  const typeOnly = [...source.matchAll(/import\s+type\s[^;]*?from\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  const code = [...all];
  for (const t of typeOnly) code.splice(code.indexOf(t), 1);
  return (types ? typeOnly : code).map((s) => relative(SRC, resolve(dirname(file), s)).split('/')[0]);
}

const areaOf = (file: string) => relative(SRC, file).split('/')[0];

/** The imports of `file` that point at a layer it may not use. */
const wrongArrows = (file: string, source?: string) => [
  ...reaches(file, source).filter((to) => to !== areaOf(file) && !MAY[areaOf(file)]?.includes(to)),
  ...reaches(file, source, true).filter((to) => to !== areaOf(file) && !MAY[areaOf(file)]?.includes(to) && !MAY_NAME[areaOf(file)]?.includes(to)),
];

/** What each area may import besides itself. */
const MAY: Record<string, readonly string[]> = {
  model: [],
  term: [],
  i18n: ['model', 'term'],
  lessons: ['model', 'i18n', 'term'],
  glossary: ['model', 'i18n', 'term', 'lessons'],
  challenge: ['model', 'i18n', 'term', 'lessons'],
  progress: ['model', 'i18n', 'term', 'lessons'],
  quiz: ['model', 'i18n', 'term', 'lessons', 'progress'],
  present: ['model', 'i18n', 'term', 'lessons', 'glossary', 'progress', 'quiz', 'challenge'],
  lab: ['model', 'i18n', 'term', 'lessons', 'present'],
  // A real program's strace, read through the lab's figures of the model.
  trace: ['model', 'i18n', 'term', 'lessons', 'present', 'lab'],
  ui: ['model', 'i18n', 'term', 'lessons', 'glossary', 'progress', 'quiz', 'challenge', 'present', 'lab', 'trace'],
  app: ['model', 'i18n', 'term', 'lessons', 'glossary', 'progress', 'quiz', 'challenge', 'present', 'lab', 'trace', 'ui'],
  cli: ['model', 'i18n', 'term', 'lessons', 'glossary', 'progress', 'quiz', 'challenge', 'present', 'lab', 'trace', 'ui', 'app'],
};

/**
 * The types an area may name besides: a catalogue's messages take the data of the area whose
 * words they are (a level's unmet condition, a quiz's kind), and import none of its code.
 */
const MAY_NAME: Record<string, readonly string[]> = {
  i18n: ['lessons', 'challenge', 'quiz'],
};

describe('dependencies point one way', () => {
  test('every area of src/ is placed in a layer', () => {
    const areas = new Set(files(SRC).map(areaOf));
    expect([...areas].filter((a) => !(a in MAY))).toEqual([]);
  });

  test('no file imports a layer above its own', () => {
    const wrong = files(SRC).flatMap((f) => wrongArrows(f).map((to) => `${relative(ROOT, f)} -> src/${to}`));
    expect(wrong).toEqual([]);
  });

  test('the check sees a wrong arrow, static or lazy', () => {
    const model = join(SRC, 'model', 'x.ts');
    expect(wrongArrows(model, "import { UsageError } from '../cli/errors.js';\nimport { PAGE } from './scale.js';")).toEqual(['cli']);
    expect(wrongArrows(join(SRC, 'app', 'x.ts'), "const m = await import('../cli/main.js');")).toEqual(['cli']);
    expect(wrongArrows(join(SRC, 'cli', 'x.ts'), "import type { AppProblem } from '../app/problems.js';")).toEqual([]);
    // The words name the quiz's types, and never run its code.
    expect(wrongArrows(join(SRC, 'i18n', 'x.ts'), "import type { Kind } from '../quiz/topics.js';")).toEqual([]);
    expect(wrongArrows(join(SRC, 'i18n', 'x.ts'), "import { KINDS, type Kind } from '../quiz/topics.js';")).toEqual(['quiz']);
    expect(wrongArrows(join(SRC, 'i18n', 'x.ts'), "import type { AppProblem } from '../app/problems.js';")).toEqual(['app']);
  });
});
