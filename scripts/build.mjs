// Bundles the CLI so that start-up reads a few files instead of hundreds of modules.
// Interactive screens are separate chunks, loaded only when a screen is opened.
import { build } from 'esbuild';

/** yargs's help layout gets the light text helpers; ink keeps the real ones. */
const lightHelpLayout = {
  name: 'light-help-layout',
  setup(b) {
    b.onResolve({ filter: /^(string-width|wrap-ansi)$/ }, (args) => {
      if (!/node_modules[\\/](cliui|yargs)[\\/]/.test(args.importer)) return undefined;
      return { path: new URL(`./shims/${args.path}.js`, import.meta.url).pathname };
    });
  },
};

const shared = {
  plugins: [lightHelpLayout],
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
  await build({ ...shared, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]' });
} else if (target === 'check-lessons') {
  await build({ ...shared, entryPoints: ['scripts/check-lessons.ts'], outfile: 'dist/dev/check-lessons.js' });
} else {
  throw new Error(`unknown build target ${target}`);
}
