// Bundles the CLI so that start-up reads a few files instead of hundreds of modules.
// Interactive screens are separate chunks, loaded only when a screen is opened.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * string-width builds an Intl.Segmenter and Unicode-property regexes when it
 * loads (~35 ms of every start) and segments every line it measures (half of a
 * learn redraw). The whole bundle, ink included, measures with src/term's
 * displayWidth instead, the function zcopy lays its frames out with, so ink and
 * zcopy agree on every width. yargs's help layout also gets a light wrap-ansi.
 */
const lightTextMeasure = {
  name: 'light-text-measure',
  setup(b) {
    b.onResolve({ filter: /^(string-width|wrap-ansi)$/ }, (args) => {
      if (args.path === 'wrap-ansi' && !/node_modules[\\/](cliui|yargs)[\\/]/.test(args.importer)) return undefined;
      return { path: new URL(`./shims/${args.path}.js`, import.meta.url).pathname };
    });
  },
};

const shared = {
  plugins: [lightTextMeasure],
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
};

const target = process.argv[2] ?? 'cli';
if (target === 'cli') {
  // Chunk names carry content hashes; old ones would pile up.
  rmSync('dist/chunks', { recursive: true, force: true });
  await build({ ...shared, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]' });
} else if (target === 'check-lessons') {
  await build({ ...shared, entryPoints: ['scripts/check-lessons.ts'], outfile: 'dist/dev/check-lessons.js' });
} else if (target === 'bench-redraw') {
  // Split, like the CLI, so ink's optional devtools stay behind a dynamic import.
  await build({ ...shared, entryPoints: { 'bench-redraw': 'scripts/bench-redraw.tsx' }, outdir: 'dist/dev', splitting: true });
} else {
  throw new Error(`unknown build target ${target}`);
}
