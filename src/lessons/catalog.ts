import { LessonError, lessonFilesIn, loadLessonFile } from './load.js';
import { closest } from '../term/suggest.js';
import { GROUPS, type Lesson } from './types.js';

export interface Catalog {
  /** In teaching order: by group, then by each lesson's order. */
  lessons: Lesson[];
  /** The lesson an id or alias names (case-insensitive), or undefined. */
  find(name: string): Lesson | undefined;
  /** The closest id or alias to a mistyped name, if one is close enough to suggest. */
  suggest(name: string): string | undefined;
}

export function loadCatalog(dir: string): Catalog {
  return catalogOf(lessonFilesIn(dir).map(loadLessonFile));
}

/** Indexes lessons by id and alias; two lessons answering to one name is an error. */
export function catalogOf(lessons: Lesson[]): Catalog {
  const byName = new Map<string, Lesson>();
  for (const lesson of lessons) {
    for (const [i, name] of [lesson.id, ...lesson.aliases].entries()) {
      const other = byName.get(name);
      if (other && other !== lesson) {
        const field = i === 0 ? ['id'] : ['aliases', i - 1];
        throw new LessonError(lesson.source, [{ path: field, message: `"${name}" is already taken by ${other.source}` }]);
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
