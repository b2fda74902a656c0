// Where a start's time goes, and what the bundle holds. Run: node scripts/startup-report.mjs [--all]
// (--all lists every source file; by default, packages and src/ folders with their largest files).
//
// A start is: Node itself, reading dist/cli.cjs and its code cache and making its code from them
// (bin/load-bundle.js), then the command. Each of the two is timed inside a fresh Node, several
// times, for `explain sendfile` (piped, the print cache); the sizes below are what is read.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ALL = process.argv.includes('--all');
const RUNS = 11;
const tmp = mkdtempSync(join(tmpdir(), 'zcopy-startup-'));

try {
  const metaPath = join(tmp, 'meta.json');
  execFileSync(process.execPath, ['scripts/build.mjs', '--force', `--metafile=${metaPath}`], { cwd: ROOT, stdio: 'inherit' });
  const meta = JSON.parse(readFileSync(metaPath, 'utf8'));

  const timing = `
    const t0 = performance.now();
    const { loadBundle } = require(${JSON.stringify(join(ROOT, 'bin/load-bundle.js'))});
    const { exports, cache } = loadBundle('print');
    const t1 = performance.now();
    const sink = Object.assign(new (require('node:stream').Writable)({ write: (c, e, done) => done() }), { isTTY: false });
    exports.main({ argv: ['explain', 'sendfile'], env: { ...process.env, LANG: 'C.UTF-8' }, stdout: sink, stderr: process.stderr, stdin: null,
      lessonsDir: ${JSON.stringify(join(ROOT, 'lessons/'))}, catalogCache: ${JSON.stringify(join(ROOT, 'dist/lessons/'))}, version: '0' })
      .then(() => console.log(JSON.stringify({ node: t0, load: t1 - t0, command: performance.now() - t1, cache })));`;
  const runs = Array.from({ length: RUNS }, () => JSON.parse(execFileSync(process.execPath, ['-e', timing], { cwd: ROOT, encoding: 'utf8' })));
  const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[RUNS >> 1];
  console.log(`\nzcopy explain sendfile, medians of ${RUNS} fresh Nodes (code cache: ${runs[0].cache}):`);
  console.log(`  ${ms(median('node'))}  Node, before the first line of bin/`);
  console.log(`  ${ms(median('load'))}  reading the bundle and its cache, making its code, running its top level`);
  console.log(`  ${ms(median('command'))}  the command`);
  for (const f of ['cli.cjs', 'cli.print.cache', 'cli.screen.cache']) console.log(`  ${kb(statSync(join(ROOT, 'dist', f)).size).padStart(9)}  dist/${f}`);

  const inputs = Object.entries(meta.outputs[Object.keys(meta.outputs).find((o) => o.endsWith('cli.cjs'))].inputs).filter(([, i]) => i.bytesInOutput);
  const groups = new Map();
  for (const [input, { bytesInOutput: bytes }] of inputs) {
    const g = groupOf(input);
    const entry = groups.get(g) ?? { bytes: 0, files: [] };
    entry.bytes += bytes;
    entry.files.push([input, bytes]);
    groups.set(g, entry);
  }
  console.log(`\ndist/cli.cjs, from ${inputs.length} inputs:`);
  for (const [g, { bytes, files }] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) {
    console.log(`  ${kb(bytes).padStart(9)}  ${g} (${files.length})`);
    if (!g.startsWith('src/')) continue;
    for (const [input, size] of files.sort((a, b) => b[1] - a[1]).slice(0, ALL ? undefined : 4)) console.log(`  ${''.padStart(9)}    ${kb(size).padStart(8)}  ${input}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** Where a bundle input comes from: a package, or a folder of src/. */
function groupOf(input) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1];
  const src = /^src\/([^/]+)\//.exec(input);
  return src ? `src/${src[1]}` : input;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function ms(value) {
  return `${value.toFixed(1).padStart(6)} ms`;
}
