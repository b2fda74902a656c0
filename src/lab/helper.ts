import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { LAB_EXIT, LabError } from './errors.js';
import { LAB_ERRORS } from '../i18n/lab.js';

export const CFLAGS = ['-std=gnu11', '-O2', '-Wall'];

/** The helper's source sits beside the lessons, in the package's lab/ directory. */
export function helperSource(lessonsDir: string): string {
  return resolve(lessonsDir, '..', 'lab', 'zcopy-lab.c');
}

/** `$XDG_CACHE_HOME/zcopy`, or `~/.cache/zcopy`. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache'), 'zcopy');
}

export type Compile = (cc: string, args: string[]) => Promise<{ stderr: string }>;

const compileWithExecFile: Compile = (cc, args) =>
  new Promise((done, fail) => {
    execFile(cc, args, { timeout: 120_000 }, (error, _stdout, stderr) => {
      if (error) fail(Object.assign(error, { stderr }));
      else done({ stderr });
    });
  });

export interface HelperDeps {
  env: NodeJS.ProcessEnv;
  lang: Lang;
  source: string;
  platform?: NodeJS.Platform;
  compile?: Compile;
}

/**
 * The path of the built helper: built with the system's C compiler on first
 * use into the cache directory, and rebuilt when its source, the compiler or
 * the flags change (the file name carries a hash of all three).
 */
export async function ensureHelper({ env, lang, source, platform = process.platform, compile = compileWithExecFile }: HelperDeps): Promise<string> {
  const e = LAB_ERRORS[lang];
  if (platform !== 'linux') throw new LabError(e.notLinux(platform), LAB_EXIT.unavailable);
  const cc = env.CC?.trim() || 'cc';
  const text = readFileSync(source);
  const hash = createHash('sha256').update(text).update(`\0${cc}\0${CFLAGS.join(' ')}\0${process.arch}`).digest('hex').slice(0, 16);
  const dir = cacheDir(env);
  const binary = join(dir, `zcopy-lab-${hash}`);
  try {
    accessSync(binary, constants.X_OK);
    return binary;
  } catch {
    // Not built yet, or built from another source: build it below.
  }
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new LabError(e.cacheUnwritable(dir, (error as NodeJS.ErrnoException).code ?? String(error)), LAB_EXIT.unavailable);
  }
  const partial = `${binary}.partial-${process.pid}`;
  try {
    await compile(cc, [...CFLAGS, '-o', partial, source]);
  } catch (error) {
    rmSync(partial, { force: true });
    const err = error as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new LabError(e.noCompiler(cc), LAB_EXIT.unavailable);
    const lines = String(err.stderr ?? err.message).split('\n');
    const line = lines.find((l) => /error/i.test(l)) ?? lines.find((l) => l.trim()) ?? err.message;
    throw new LabError(e.buildFailed(cc, line.trim()), LAB_EXIT.unavailable);
  }
  renameSync(partial, binary);
  // Helpers built from older sources are of no more use.
  for (const name of readdirSync(dirname(binary))) {
    if (/^zcopy-lab-[0-9a-f]{16}$/.test(name) && join(dir, name) !== binary) rmSync(join(dir, name), { force: true });
  }
  return binary;
}
