import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';

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

const baseEnv = (): Record<string, string> => ({ PATH: process.env.PATH ?? '', HOME: scratchHome(), LANG: 'C.UTF-8' });

/**
 * Runs the built binary as a user would, piped, with a plain English locale unless told otherwise;
 * `input` is what it reads on stdin (nothing by default). For what only a process shows (its exit
 * on a signal, a closed pipe, the loader): zcopy() runs the same main() without starting a Node.
 */
export function zcopyBin(args: string[], env: Record<string, string> = {}, input?: string): Result {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...baseEnv(), ...env }, encoding: 'utf8', timeout: 20_000, input: input ?? '' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Runner {
  port: MessagePort;
  /** How many results the worker has posted: a change wakes the thread waiting for one. */
  signal: Int32Array;
  /** Command lines sent so far: each result carries the id of the one it answers. */
  calls: number;
}
let runner: Runner | undefined;

function startRunner(): Runner {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const worker = new Worker(new URL('./in-process.mjs', import.meta.url), { workerData: { port: port2, signal, root: ROOT, version }, transferList: [port2] });
  // The worker waits for the next command line for as long as the test file runs, and no longer.
  worker.unref();
  port1.unref();
  return { port: port1, signal, calls: 0 };
}

/**
 * What `zcopyBin(args, env, input)` prints and exits with, from the built bundle's main() run in a
 * worker this thread waits for: the same code and words, without the 100 ms of starting a Node for
 * each of the suite's hundreds of command lines. A main() that throws (which the binary would print
 * as a crash) is run again as the binary, so that the test sees what a user would.
 */
export function zcopy(args: string[], env: Record<string, string> = {}, input?: string): Result {
  runner ??= startRunner();
  const id = ++runner.calls;
  runner.port.postMessage({ id, args, env: { ...baseEnv(), ...env }, input: input ?? '' });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const posted = Atomics.load(runner.signal, 0);
    // The wake-up and the message are not one event: the message can come a moment after the count
    // changed, so it is looked for again until the answer to this call is there.
    const got = receiveMessageOnPort(runner.port)?.message as { id: number; result: Result | null } | undefined;
    if (got?.id === id) return got.result ?? zcopyBin(args, env, input);
    if (got) continue;
    if (Date.now() > deadline) throw new Error(`zcopy ${args.join(' ')}: no result in 20 s`);
    Atomics.wait(runner.signal, 0, posted, 50);
  }
}
