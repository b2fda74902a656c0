import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
