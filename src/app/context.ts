import type { ChalkInstance } from 'chalk';
import { challengesDir, loadLevels, type Levels } from '../challenge/index.js';
import type { Lang } from '../i18n/lang.js';
import { loadCatalog, loadLessonFile, type Catalog, type Lesson } from '../lessons/index.js';
import { refuse } from './problems.js';

/** What the application's services share, whoever calls them (a command, a screen, a test): the language and the lessons, loaded on first use. */
export interface AppContext {
  lang: Lang;
  env: NodeJS.ProcessEnv;
  /** Where the lessons are; the challenge levels are beside them. */
  lessonsDir: string;
  paint: ChalkInstance;
  lessons: () => Catalog;
  /**
   * The challenge levels, loaded on first use and then kept: they have no
   * prebuilt catalogue, so parsing them costs about a quarter of a second.
   */
  levels: () => Levels;
  /** The lesson an id or alias names; an unknown one is refused with a suggestion. */
  lookup: (name: string) => Lesson;
  /** The lesson a command was pointed at: a scenario id, a teacher's `--file`, or neither (null). */
  lessonArg: (scenario: string | undefined, file: string | undefined) => Lesson | null;
  /** A one-line warning; the work goes on. */
  warn: (line: string) => void;
}

export interface AppSetting {
  lang: Lang;
  env: NodeJS.ProcessEnv;
  lessonsDir: string;
  /** The prebuilt catalogue of lessonsDir, used while it matches the files. */
  catalogCache?: string;
  paint: ChalkInstance;
  warn: (line: string) => void;
}

export function appContext({ lang, env, lessonsDir, catalogCache, paint, warn }: AppSetting): AppContext {
  let catalog: Catalog | undefined;
  const lessons = () => (catalog ??= loadCatalog(lessonsDir, catalogCache, lang));
  let levels: Levels | undefined;
  const lookup = (name: string): Lesson => lessons().find(name) ?? refuse({ code: 'unknownScenario', name, guess: lessons().suggest(name) ?? null });
  return {
    lang,
    env,
    lessonsDir,
    paint,
    lessons,
    levels: () => (levels ??= loadLevels(challengesDir(lessonsDir), lessons().lessons.map((l) => l.id), lang)),
    lookup,
    lessonArg: (scenario, file) => {
      if (scenario !== undefined && file !== undefined) refuse({ code: 'scenarioOrFile' });
      if (file !== undefined) return loadLessonFile(file, lang);
      return scenario === undefined ? null : lookup(scenario);
    },
    warn,
  };
}
