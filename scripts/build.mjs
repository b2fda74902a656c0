// Bundles the CLI into one file with its code caches, so that a start reads a handful of files instead of compiling dozens of modules (bin/load-bundle.js).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleProblems, lightBuiltins, lightTextMeasure, notAscii, sourcePatches } from './patches.mjs';
import { STAMP, inputsHash, isFresh, writeStamp } from './stamp.mjs';

const shared = {
  plugins: [lightTextMeasure, sourcePatches().plugin],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Some dependencies (yaml) ship CommonJS that calls require(); an ESM bundle needs one.
  banner: { js: "import { createRequire as __zcopyRequire } from 'node:module'; const require = __zcopyRequire(import.meta.url);" },
  define: { 'process.env.NODE_ENV': '"production"' },
  // ink imports react-devtools-core only when DEV is set; it is not a dependency.
  external: ['react-devtools-core'],
  logLevel: 'warning',
  legalComments: 'none',
  // Less to parse at every start; names are kept, so a stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
};

/**
 * The CLI: one CommonJS file, every screen included (bin/load-bundle.js says why). A screen's code
 * is still imported when a command opens one: esbuild runs a module of the bundle only when its
 * import is reached. import.meta.url, which CommonJS lacks, is the file's own URL.
 */
const cli = {
  ...shared,
  format: 'cjs',
  banner: { js: "const __zcopyUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { ...shared.define, 'import.meta.url': '__zcopyUrl' },
  // No longer reached: the patched ink never imports its devtools (scripts/patches.mjs).
  external: [],
};

const target = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'cli';
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
// --metafile=PATH also writes esbuild's account of what went into each output (scripts/startup-report.mjs reads it).
const metafileOut = process.argv.find((a) => a.startsWith('--metafile='))?.slice('--metafile='.length);
// Built from these very sources already (every jest run asks): nothing to do. --force builds anyway.
if (target === 'cli' && !process.argv.includes('--force') && !metafileOut && isFresh(root, dist)) process.exit(0);
if (target === 'cli') {
  const inputs = inputsHash(root);
  rmSync(join(dist, STAMP), { force: true });
  // What earlier builds wrote (an ES module bundle split into chunks) would otherwise stay.
  for (const old of ['chunks', 'cli.js']) rmSync(join(dist, old), { recursive: true, force: true });
  const patches = sourcePatches();
  const { metafile } = await build({ ...cli, plugins: [lightTextMeasure, lightBuiltins, patches.plugin], metafile: true, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs' });
  if (metafileOut) writeFileSync(metafileOut, JSON.stringify(metafile));
  const problems = [...bundleProblems(metafile, patches.applied), ...notAscii('dist/cli.cjs', readFileSync(join(dist, 'cli.cjs'), 'latin1'))];
  if (problems.length) throw new Error(`the bundle is not what scripts/patches.mjs makes it:\n  ${problems.join('\n  ')}`);
  // The lessons, parsed and validated once here, so that a run reads JSON instead of YAML,
  // and only the lessons it shows: dist/lessons/index.json names them, one file each beside it.
  const { writeCatalogCache } = createRequire(import.meta.url)('../dist/cli.cjs');
  writeCatalogCache('lessons', 'dist/lessons');
  // Each code cache in a Node of its own, which compiles only what that kind of run compiles.
  // Its stderr is kept apart: ink, leaving the pretend screen, shows the real terminal's cursor.
  for (const kind of ['print', 'screen']) {
    const run = spawnSync(process.execPath, ['scripts/warm-cache.mjs', kind], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`making the ${kind} code cache failed:\n${run.stderr}`);
  }
  // Last, once everything is written; the hash is of the inputs as they were when the build began.
  writeStamp(root, dist, inputs);
} else if (target === 'check-lessons') {
  await build({ ...shared, entryPoints: ['scripts/check-lessons.ts'], outfile: 'dist/dev/check-lessons.js' });
} else if (target === 'prove-pars') {
  await build({ ...shared, entryPoints: ['scripts/prove-pars.ts'], outfile: 'dist/dev/prove-pars.js' });
} else if (target === 'bench-redraw') {
  // Split, like the CLI, so ink's optional devtools stay behind a dynamic import.
  await build({ ...shared, entryPoints: { 'bench-redraw': 'scripts/bench-redraw.tsx' }, outdir: 'dist/dev', splitting: true });
} else {
  throw new Error(`unknown build target ${target}`);
}
