import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { displayWidth } from '../term/text.js';
import type { Ctx } from './context.js';

/** What decides whether a text is paged: the terminal, the environment and the learner's --no-pager. */
export interface PageAsk {
  isTTY: boolean;
  /** The terminal's rows and columns (0 where unknown). */
  rows: number;
  columns: number;
  env: NodeJS.ProcessEnv;
  /** false after --no-pager. */
  pager?: boolean;
}

/**
 * The pager's command line, or undefined to print directly: as git does, only on a terminal, only
 * when the text is taller than it (less -F would quit at once anyway, but another pager might not),
 * ZCOPY_PAGER before PAGER before less; an empty one or `cat` means none.
 */
export function pagerFor(text: string, ask: PageAsk): string | undefined {
  if (!ask.isTTY || ask.pager === false || !ask.rows) return undefined;
  const command = (ask.env.ZCOPY_PAGER ?? ask.env.PAGER ?? 'less').trim();
  if (command === '' || command === 'cat') return undefined;
  return rowsOf(text, ask.columns) > ask.rows ? command : undefined;
}

/** Rows the text takes in a terminal `columns` wide: a line wider than it wraps. */
function rowsOf(text: string, columns: number): number {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  return lines.reduce((n, line) => n + (columns > 0 ? Math.max(1, Math.ceil(displayWidth(line) / columns)) : 1), 0);
}

/**
 * How the pager is started, passed in so a test can watch it. A command without shell syntax runs
 * itself (so a pager that is not installed fails to start, and the text is printed instead); one
 * with it runs through sh, as git's does.
 */
export type Spawner = (command: string, options: SpawnOptions) => ChildProcess;

export const spawnPager: Spawner = (command, options) => spawn(...pagerArgv(command), options);

/** The program and arguments that run `command`. */
export function pagerArgv(command: string): [string, string[]] {
  if (/[|&;<>()$`\\"'*?[\]#~=%\t\n]/.test(command)) return ['sh', ['-c', command]];
  const [file, ...args] = command.split(/ +/);
  return [file, args];
}

/**
 * Prints a command's long output the way git does: through the pager on a terminal (less with
 * FRX unless LESS says otherwise: colours kept, the text left on the screen after q), directly
 * otherwise or if the pager cannot start.
 */
export async function paged(ctx: Ctx, text: string, pager: boolean | undefined, start: Spawner = spawnPager): Promise<void> {
  const { stdout, stderr, env } = ctx.io;
  const command = pagerFor(text, { isTTY: stdout.isTTY === true, rows: stdout.rows ?? 0, columns: stdout.columns ?? 0, env, pager });
  if (!command) return ctx.out(text);
  const shown = await new Promise<boolean>((resolve) => {
    let child: ChildProcess;
    try {
      child = start(command, { stdio: ['pipe', stdout, stderr], env: { LESS: 'FRX', LV: '-c', ...env } });
    } catch {
      return resolve(false);
    }
    // Ctrl-C is the pager's to handle (less leaves its prompt); zcopy waits for it, as git does.
    const ignore = () => {};
    process.on('SIGINT', ignore);
    const done = (ok: boolean) => {
      process.off('SIGINT', ignore);
      resolve(ok);
    };
    child.once('error', () => done(false));
    child.once('spawn', () => {
      // A learner who quits before the end closes the pipe: not an error.
      child.stdin?.on('error', () => {});
      child.stdin?.end(text);
    });
    child.once('close', () => done(true));
  });
  if (!shown) ctx.out(text);
}
