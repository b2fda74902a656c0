// The worker behind zcopy() in __tests__/helpers/cli.ts: the built bundle, loaded once, runs one
// command line at a time with in-memory streams, posts the result with the call's id, and counts it
// in `signal`, which the test's thread waits on. Plain JavaScript: it runs in Node, outside jest.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { workerData } from 'node:worker_threads';

const { port, signal, root, version } = workerData;
const { main } = createRequire(import.meta.url)(join(root, 'bin/load-bundle.js')).loadBundle('print').exports;

port.on('message', async ({ id, args, env, input }) => {
  let stdout = '';
  let stderr = '';
  const sink = (write) => Object.assign(new Writable({ write: (chunk, _encoding, done) => (write(String(chunk)), done()) }), { isTTY: false });
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  stdin.end(input);
  // What reads the process's environment itself (yargs' completion asks for SHELL) sees the command
  // line's, as the binary's would: a worker's process.env is its own copy.
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, env);
  let result;
  try {
    const code = await main({ argv: args, env, stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)), stdin, lessonsDir: join(root, 'lessons/'), catalogCache: join(root, 'dist/lessons/'), version });
    result = { code, stdout, stderr };
  } catch {
    // What main() throws, the binary's process prints and exits on: the caller runs the binary to see it.
    result = null;
  }
  port.postMessage({ id, result });
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
