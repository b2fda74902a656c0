import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { PROBLEMS } from '../i18n/problems.js';
import { closest } from '../term/suggest.js';
import { LessonError, lessonFilesIn, loadLessonFile } from './load.js';
import { GROUPS, type Lesson } from './types.js';

export interface Catalog {
  /** In teaching order: by group, then by each lesson's order. A prebuilt catalogue reads every lesson for this. */
  readonly lessons: Lesson[];
  /** The lesson an id or alias names (case-insensitive), or undefined. A prebuilt catalogue reads that lesson alone. */
  find(name: string): Lesson | undefined;
  /** The id of the lesson closest to a mistyped name (by id, alias or title), if one is close enough to suggest. */
  suggest(name: string): string | undefined;
  /** Whether `lesson` is one of the catalogue's own (a teacher's file of the same id is not). */
  has(lesson: Lesson): boolean;
}

/**
 * A folder's lessons. With `cacheDir`, they are read from the build's prebuilt
 * catalogue there while it is fresh: made from files of the same names and
 * sizes, none of them changed since (as make decides); each lesson is then read
 * when it is first asked for. Otherwise every file is read and parsed, and a
 * broken one is reported in `lang`.
 */
export function loadCatalog(dir: string, cacheDir?: string, lang: Lang = 'en'): Catalog {
  const files = lessonFilesIn(dir);
  const index = cacheDir ? readIndex(cacheDir, files) : null;
  return index ? prebuilt(index, cacheDir!, dir) : catalogOf(files.map((f) => loadLessonFile(f, lang)), lang);
}

/**
 * The prebuilt catalogue's index.json: what its freshness is judged by, and
 * every lesson's names, so that one lesson is found without reading the others
 * (each is `<id>.json` beside it).
 */
interface CacheIndex {
  files: { name: string; size: number }[];
  /** In file-name order, as catalogOf indexes them (a suggestion among equals takes the first). */
  /** Each lesson's title in every language, read for the words a suggestion may match. */
  lessons: { id: string; aliases: string[]; title: string }[];
  /** The ids in teaching order. */
  order: string[];
}

/**
 * Parses a folder's lessons and writes the catalogue `loadCatalog` reads into
 * `cacheDir`, emptied first (the build does this).
 */
export function writeCatalogCache(dir: string, cacheDir: string): number {
  const files = lessonFilesIn(dir);
  const lessons = files.map((f) => loadLessonFile(f));
  const index: CacheIndex = {
    files: files.map((f) => ({ name: basename(f), size: statSync(f).size })),
    lessons: lessons.map(({ id, aliases, title }) => ({ id, aliases, title: Object.values(title).join(' ') })),
    order: catalogOf(lessons).lessons.map((l) => l.id),
  };
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  // Sources are stored by file name: the package may be installed anywhere.
  for (const l of lessons) writeFileSync(join(cacheDir, `${l.id}.json`), JSON.stringify({ ...l, source: basename(l.source) }));
  // Written last: an index names only lessons already written.
  writeFileSync(join(cacheDir, 'index.json'), JSON.stringify(index));
  return lessons.length;
}

function readIndex(cacheDir: string, files: string[]): CacheIndex | null {
  try {
    const file = join(cacheDir, 'index.json');
    const written = statSync(file).mtimeMs;
    const index = JSON.parse(readFileSync(file, 'utf8')) as CacheIndex;
    if (index.files.length !== files.length) return null;
    const fresh = files.every((f, i) => {
      const st = statSync(f);
      return index.files[i].name === basename(f) && index.files[i].size === st.size && st.mtimeMs <= written;
    });
    return fresh ? index : null;
  } catch {
    return null; // no catalogue, or an unreadable one: parse the files instead
  }
}

/** The catalogue behind an index: a lesson is read when first asked for, and kept. */
function prebuilt(index: CacheIndex, cacheDir: string, dir: string): Catalog {
  const byName = new Map<string, string>();
  for (const { id, aliases } of index.lessons) for (const name of [id, ...aliases]) byName.set(name, id);
  const read = new Map<string, Lesson>();
  const lesson = (id: string): Lesson => {
    let found = read.get(id);
    if (!found) {
      const stored = JSON.parse(readFileSync(join(cacheDir, `${id}.json`), 'utf8')) as Lesson;
      found = { ...stored, source: join(dir, stored.source) };
      read.set(id, found);
    }
    return found;
  };
  let all: Lesson[] | undefined;
  return {
    get lessons() {
      return (all ??= index.order.map(lesson));
    },
    find: (name) => {
      const id = byName.get(name.trim().toLowerCase());
      return id === undefined ? undefined : lesson(id);
    },
    suggest: (name) => closest(name, index.lessons),
    has: (l) => read.get(l.id) === l,
  };
}

/** Indexes lessons by id and alias; two lessons answering to one name is an error. */
export function catalogOf(lessons: Lesson[], lang: Lang = 'en'): Catalog {
  const byName = new Map<string, Lesson>();
  for (const lesson of lessons) {
    for (const [i, name] of [lesson.id, ...lesson.aliases].entries()) {
      const other = byName.get(name);
      if (other && other !== lesson) {
        const field = i === 0 ? ['id'] : ['aliases', i - 1];
        throw new LessonError(lesson.source, [{ path: field, message: PROBLEMS[lang].taken(name, other.source) }]);
      }
      byName.set(name, lesson);
    }
  }
  const sorted = [...lessons].sort(
    (a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group) || a.order - b.order || a.id.localeCompare(b.id),
  );
  return {
    lessons: sorted,
    find: (name) => byName.get(name.trim().toLowerCase()),
    suggest: (name) => closest(name, lessons.map(({ id, aliases, title }) => ({ id, aliases, title: Object.values(title).join(' ') }))),
    has: (l) => byName.get(l.id) === l,
  };
}
