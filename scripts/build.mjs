// Bundles the CLI so that start-up reads a few files instead of hundreds of modules.
// Interactive screens are separate chunks, loaded only when a screen is opened.
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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

/**
 * yargs finds its translations (zh_CN for --lang zh) next to its own source,
 * through import.meta.url; bundled, that would point into dist/. Give it the
 * installed package's real location instead.
 */
const yargsLocales = {
  name: 'yargs-locales',
  setup(b) {
    b.onLoad({ filter: /node_modules[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const prefix =
        "import { createRequire as __yargsCr } from 'node:module'; import { pathToFileURL as __yargsUrl } from 'node:url';\n" +
        "const __yargsShim = __yargsUrl(__yargsCr(import.meta.url).resolve('yargs/package.json').replace(/package\\.json$/, 'lib/platform-shims/esm.mjs')).href;\n";
      return { contents: prefix + source.replaceAll('import.meta.url', '__yargsShim'), loader: 'js' };
    });
  },
};

const shared = {
  plugins: [lightTextMeasure, yargsLocales],
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

const target = process.argv[2] ?? 'cli';
if (target === 'cli') {
  // Chunk names carry content hashes; old ones would pile up.
  rmSync('dist/chunks', { recursive: true, force: true });
  await build({ ...shared, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]' });
  // The lessons, parsed and validated once here, so that a run reads JSON instead of YAML.
  const { writeCatalogCache } = await import(`../dist/cli.js?${Date.now()}`);
  writeCatalogCache('lessons', 'dist/lessons.json');
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
