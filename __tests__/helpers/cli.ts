import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/zcopy.js', import.meta.url));

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

let home: string | undefined;
/** A home of its own for every test file, so no test reads or writes the real one. */
function scratchHome(): string {
  return (home ??= mkdtempSync(join(tmpdir(), 'zcopy-home-')));
}

/**
 * Runs the built binary as a user would, piped, with a plain English locale unless told otherwise;
 * `input` is what it reads on stdin (nothing by default).
 */
export function zcopy(args: string[], env: Record<string, string> = {}, input?: string): Result {
  const base: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: scratchHome(), LANG: 'C.UTF-8' };
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...base, ...env }, encoding: 'utf8', timeout: 20_000, input: input ?? '' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Bundle {
  main: (io: object) => Promise<number>;
}
let bundle: Bundle | undefined;

/**
 * The built bundle's main(), run in this process: what `zcopy(args)` runs, without starting a Node
 * for it. For tests that run the command line many times over (its parsing and its words); a test
 * of what a process does (exit, signals, pipes) runs the binary with zcopy().
 */
export async function zcopyHere(args: string[], env: Record<string, string> = {}): Promise<Result> {
  bundle ??= (createRequire(import.meta.url)(join(ROOT, 'bin/load-bundle.js')) as { loadBundle: (kind: string) => { exports: Bundle } }).loadBundle('print').exports;
  let stdout = '';
  let stderr = '';
  const sink = (write: (s: string) => void) => Object.assign(new Writable({ write: (chunk, _encoding, done) => (write(String(chunk)), done()) }), { isTTY: false });
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  stdin.end();
  const code = await bundle.main({
    argv: args,
    env: { PATH: process.env.PATH ?? '', HOME: scratchHome(), LANG: 'C.UTF-8', ...env },
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    stdin,
    lessonsDir: join(ROOT, 'lessons/'),
    catalogCache: join(ROOT, 'dist/lessons/'),
    version: '0',
  });
  return { code, stdout, stderr };
}
