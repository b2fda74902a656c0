// `npm test`: the type check and jest, run side by side. Run one after the other they took about
// 20 s + 150 s on the 2-core machines; jest's workers wait on real terminals and child processes
// for much of their time, and the type check fills those waits. jest's output streams as it runs;
// the type check's is printed when both are done. Arguments go to jest (`npm test -- FILE`).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// jest does not export its bin, so it is found where npm installs it.
const tscBin = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const jestBin = fileURLToPath(new URL('../node_modules/jest/bin/jest.js', import.meta.url));

/** Runs a Node script to its end; its output is passed through, or kept to print later. */
function run(args, { keep = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: keep ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (keep) for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => (output += d));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const [types, tests] = await Promise.all([
  run([tscBin, '--noEmit', '-p', '.'], { keep: true }),
  run(['--experimental-vm-modules', jestBin, ...process.argv.slice(2)]),
]);
if (types.code !== 0) process.stderr.write(`\nThe type check failed (tsc --noEmit -p .):\n${types.output}`);
else process.stdout.write('Type check: no errors.\n');
process.exit(types.code || tests.code);
