import type { ChalkInstance } from 'chalk';
import type { Argv } from 'yargs';
import { challengesDir, loadLevels, type Levels } from '../challenge/index.js';
import type { Lang } from '../i18n/lang.js';
import { MESSAGES } from '../i18n/strings.js';
import { loadCatalog, loadLessonFile, type Catalog, type Lesson } from '../lessons/index.js';
import { painter } from '../term/color.js';
import { UsageError } from './errors.js';

/** What the CLI needs from the outside world, passed in so tests can supply their own. */
export interface Io {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  lessonsDir: string;
  /** The folder of the prebuilt catalogue of lessonsDir, used while it matches the files. */
  catalogCache?: string;
  version: string;
}

/** What every command handler shares: the language, the output, and the lessons (loaded on first use). */
export interface Ctx {
  io: Io;
  lang: Lang;
  out: (text: string) => void;
  paint: ChalkInstance;
  /** Columns to lay text out in: the terminal's (up to 100), or 80 in a pipe. */
  width: number;
  lessons: () => Catalog;
  /**
   * The challenge levels, loaded on first use and then kept: they have no
   * prebuilt catalogue, so parsing them costs about a quarter of a second.
   */
  levels: () => Levels;
  /** The lesson an id or alias names, or a UsageError with a suggestion. */
  lookup: (name: string) => Lesson;
  /** A one-line warning on stderr; the command goes on. */
  warn: (line: string) => void;
  /** The lesson a command was pointed at: a scenario id, a teacher's `--file`, or neither (null). */
  lessonArg: (scenario: string | undefined, file: string | undefined) => Lesson | null;
}

/** A command module: the words it answers to and how it adds itself to the parser. */
export interface Command {
  names: string[];
  register: (y: Argv, ctx: Ctx) => void;
}

export function makeContext(io: Io, lang: Lang): Ctx {
  let catalog: Catalog | undefined;
  const lessons = () => (catalog ??= loadCatalog(io.lessonsDir, io.catalogCache, lang));
  let levels: Levels | undefined;
  const lookup = (name: string): Lesson => {
    const found = lessons().find(name);
    if (found) return found;
    const guess = lessons().suggest(name);
    throw new UsageError(MESSAGES.then[lang](MESSAGES.unknownScenario[lang](name), guess ? MESSAGES.didYouMean[lang](guess) : MESSAGES.seeList[lang]));
  };
  const { stdout } = io;
  return {
    io,
    lang,
    out: (text) => void stdout.write(text),
    paint: painter(io.env, stdout.isTTY === true),
    width: stdout.isTTY ? Math.max(40, Math.min(stdout.columns || 80, 100)) : 80,
    lessons,
    levels: () => (levels ??= loadLevels(challengesDir(io.lessonsDir), lessons().lessons.map((l) => l.id), lang)),
    lookup,
    warn: (line) => void io.stderr.write(`zcopy: ${line}\n`),
    lessonArg: (scenario, file) => {
      if (scenario !== undefined && file !== undefined) throw new UsageError(MESSAGES.scenarioOrFile[lang]);
      if (file !== undefined) return loadLessonFile(file, lang);
      return scenario === undefined ? null : lookup(scenario);
    },
  };
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** A presenter's lines as a command prints them. */
export function asText(lines: string[]): string {
  return lines.join('\n') + '\n';
}
