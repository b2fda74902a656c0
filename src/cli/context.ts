import type { Argv } from 'yargs';
import { appContext, type AppContext } from '../app/context.js';
import type { Lang } from '../i18n/lang.js';
import { painter } from '../term/color.js';

/** What the CLI needs from the outside world, passed in so tests can supply their own. */
export interface Io {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  lessonsDir: string;
  /** The prebuilt catalogue of lessonsDir, used while it matches the files. */
  catalogCache?: string;
  version: string;
}

/** What every command handler shares: the application's context, and where and how wide to print. */
export interface Ctx extends AppContext {
  io: Io;
  out: (text: string) => void;
  /** Columns to lay text out in: the terminal's (up to 100), or 80 in a pipe. */
  width: number;
}

/** A command module: the words it answers to and how it adds itself to the parser. */
export interface Command {
  names: string[];
  register: (y: Argv, ctx: Ctx) => void;
}

export function makeContext(io: Io, lang: Lang): Ctx {
  const { stdout } = io;
  const app = appContext({
    lang,
    env: io.env,
    lessonsDir: io.lessonsDir,
    catalogCache: io.catalogCache,
    paint: painter(io.env, stdout.isTTY === true),
    warn: (line) => void io.stderr.write(`zcopy: ${line}\n`),
  });
  return {
    ...app,
    io,
    out: (text) => void stdout.write(text),
    width: stdout.isTTY ? Math.max(40, Math.min(stdout.columns || 80, 100)) : 80,
  };
}

export { json } from '../term/layout.js';

/** A presenter's lines as a command prints them. */
export function asText(lines: string[]): string {
  return lines.join('\n') + '\n';
}
