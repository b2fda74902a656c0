import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { PROBLEMS } from '../i18n/problems.js';
import { closest } from '../term/suggest.js';
import { LessonError, lessonFilesIn, loadLessonFile } from './load.js';
import { GROUPS, type Lesson } from './types.js';

export interface Catalog {
  /** In teaching order: by group, then by each lesson's order. */
  lessons: Lesson[];
  /** The lesson an id or alias names (case-insensitive), or undefined. */
  find(name: string): Lesson | undefined;
  /** The closest id or alias to a mistyped name, if one is close enough to suggest. */
  suggest(name: string): string | undefined;
}

/**
 * A folder's lessons. With `cacheFile`, parsed lessons are read from there
 * while it is fresh: made from files of the same names and sizes, none of them
 * changed since (as make decides). Otherwise every file is read and parsed,
 * and a broken one is reported in `lang`.
 */
export function loadCatalog(dir: string, cacheFile?: string, lang: Lang = 'en'): Catalog {
  const files = lessonFilesIn(dir);
  const cached = cacheFile ? readCache(cacheFile, files, dir) : null;
  return catalogOf(cached ?? files.map((f) => loadLessonFile(f, lang)), lang);
}

interface CacheFile {
  files: { name: string; size: number }[];
  lessons: Lesson[];
}

/** Parses a folder's lessons and writes the cache `loadCatalog` reads (the build does this). */
export function writeCatalogCache(dir: string, cacheFile: string): number {
  const files = lessonFilesIn(dir);
  const lessons = catalogOf(files.map((f) => loadLessonFile(f))).lessons;
  const cache: CacheFile = {
    files: files.map((f) => ({ name: basename(f), size: statSync(f).size })),
    // Sources are stored by file name: the package may be installed anywhere.
    lessons: lessons.map((l) => ({ ...l, source: basename(l.source) })),
  };
  writeFileSync(cacheFile, JSON.stringify(cache));
  return lessons.length;
}

function readCache(cacheFile: string, files: string[], dir: string): Lesson[] | null {
  try {
    const written = statSync(cacheFile).mtimeMs;
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheFile;
    if (cache.files.length !== files.length) return null;
    const fresh = files.every((f, i) => {
      const st = statSync(f);
      return cache.files[i].name === basename(f) && cache.files[i].size === st.size && st.mtimeMs <= written;
    });
    return fresh ? cache.lessons.map((l) => ({ ...l, source: join(dir, l.source) })) : null;
  } catch {
    return null; // no cache, or an unreadable one: parse the files instead
  }
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
    suggest: (name) => closest(name.trim().toLowerCase(), [...byName.keys()]),
  };
}
