// Bundles the CLI so that start-up reads a few files instead of hundreds of modules.
// Interactive screens are separate chunks, loaded only when a screen is opened.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleProblems, lightTextMeasure, sourcePatches } from './patches.mjs';
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
  // Chunk names carry content hashes; old ones would pile up.
  rmSync('dist/chunks', { recursive: true, force: true });
  const patches = sourcePatches();
  const { metafile } = await build({ ...shared, plugins: [lightTextMeasure, patches.plugin], metafile: true, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]' });
  if (metafileOut) writeFileSync(metafileOut, JSON.stringify(metafile));
  const problems = bundleProblems(metafile, patches.applied);
  if (problems.length) throw new Error(`the bundle is not what scripts/patches.mjs makes it:\n  ${problems.join('\n  ')}`);
  // The lessons, parsed and validated once here, so that a run reads JSON instead of YAML,
  // and only the lessons it shows: dist/lessons/index.json names them, one file each beside it.
  const { writeCatalogCache } = await import(`../dist/cli.js?${Date.now()}`);
  writeCatalogCache('lessons', 'dist/lessons');
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
