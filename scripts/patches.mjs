// What the build changes in the packages it bundles, kept apart from the build so that a test can
// check every change still applies to the versions installed. package.json pins each package named
// here to one exact version: a new version is taken on purpose, after its test passes again.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The packages whose source or dependencies the build replaces, each pinned exactly: yargs'
 * source (SOURCE_PATCHES), and ink's string-width (lightTextMeasure), whose calls ink must keep
 * making as the shim answers them.
 */
export const PATCHED_PACKAGES = ['yargs', 'ink'];

/**
 * Text replaced in a package's source as it is bundled. `find` must occur exactly once in the
 * file, or the build refuses: a patch that silently stops applying would bring back what it removed.
 */
export const SOURCE_PATCHES = [
  {
    // yargs finds its translations (zh_CN for --lang zh) next to its own source, through
    // import.meta.url; bundled, that would point into dist/. It is given the installed package's
    // real location instead (every occurrence; the first is the one checked for).
    file: 'yargs/lib/platform-shims/esm.mjs',
    find: 'const __dirname = fileURLToPath(import.meta.url);',
    apply: (source) =>
      "import { createRequire as __yargsCr } from 'node:module'; import { pathToFileURL as __yargsUrl } from 'node:url';\n" +
      "const __yargsShim = __yargsUrl(__yargsCr(import.meta.url).resolve('yargs/package.json').replace(/package\\.json$/, 'lib/platform-shims/esm.mjs')).href;\n" +
      source.replaceAll('import.meta.url', '__yargsShim'),
  },
  {
    // node:assert is not loaded at Node's start, and loading it costs every run a few
    // milliseconds (it sets up colours for its messages, and with them stderr) for two
    // invariant checks yargs makes on itself. The same checks, without the module.
    file: 'yargs/lib/platform-shims/esm.mjs',
    find: "import { notStrictEqual, strictEqual } from 'assert'",
    apply: (source, find) =>
      source.replace(
        find,
        'const notStrictEqual = (a, b, m) => { if (a === b) throw new Error(m ?? `yargs: ${String(a)} must not be ${String(b)}`) };\n' +
          'const strictEqual = (a, b, m) => { if (a !== b) throw new Error(m ?? `yargs: ${String(a)} must be ${String(b)}`) };',
      ),
  },
  {
    // After a command's handler, yargs lays out that command's whole help text and keeps it,
    // for a failure that comes later to print: about ten milliseconds of every run of
    // `zcopy explain`. zcopy's fail handler never prints a command's help (a usage error is
    // one line), so the text was never read.
    file: 'yargs/build/lib/command.js',
    find: `            if (!isDefaultCommand) {
                yargs.getInternalMethods().getUsageInstance().cacheHelpMessage();
            }
`,
    apply: (source, find) => source.replace(find, ''),
  },
];

/** A file of an installed package, by its path under node_modules (not every package exports package.json to resolve). */
export function packageFile(file) {
  // Real paths, as esbuild reports them: node_modules may be a link.
  return realpathSync(fileURLToPath(new URL(`../node_modules/${file}`, import.meta.url)));
}

/** The problems with the source patches against the installed packages: none when every one applies. */
export function patchProblems() {
  return SOURCE_PATCHES.flatMap(({ file, find }) => {
    const count = readFileSync(packageFile(file), 'utf8').split(find).length - 1;
    return count === 1 ? [] : [`${file}: the text to patch is found ${count} times, not once: ${JSON.stringify(find.trim().slice(0, 60))}`];
  });
}

/**
 * Applies SOURCE_PATCHES as esbuild loads each package file, refusing a patch that no longer
 * applies. `applied` holds the patches applied so far: a build that bundles yargs and leaves
 * one out must fail too (the file moved, and the patch went nowhere).
 */
export function sourcePatches() {
  const applied = new Set();
  const plugin = {
    name: 'source-patches',
    setup(b) {
      const byFile = new Map();
      for (const p of SOURCE_PATCHES) byFile.set(packageFile(p.file), [...(byFile.get(packageFile(p.file)) ?? []), p]);
      b.onLoad({ filter: /node_modules[\\/]yargs[\\/]/ }, (args) => {
        const patches = byFile.get(args.path);
        if (!patches) return undefined;
        let source = readFileSync(args.path, 'utf8');
        for (const p of patches) {
          const count = source.split(p.find).length - 1;
          if (count !== 1) throw new Error(`${p.file}: the text to patch is found ${count} times, not once (see scripts/patches.mjs)`);
          source = p.apply(source, p.find);
          applied.add(p);
        }
        return { contents: source, loader: 'js' };
      });
    },
  };
  return { plugin, applied };
}

/**
 * string-width builds an Intl.Segmenter and Unicode-property regexes when it
 * loads (~35 ms of every start) and segments every line it measures (half of a
 * learn redraw). The whole bundle, ink included, measures with src/term's
 * displayWidth instead, the function zcopy lays its frames out with, so ink and
 * zcopy agree on every width. yargs's help layout (cliui) also gets a light wrap-ansi.
 */
export const lightTextMeasure = {
  name: 'light-text-measure',
  setup(b) {
    b.onResolve({ filter: /^(string-width|wrap-ansi)$/ }, (args) => {
      if (args.path === 'wrap-ansi' && !/node_modules[\\/](cliui|yargs)[\\/]/.test(args.importer)) return undefined;
      return { path: new URL(`./shims/${args.path}.js`, import.meta.url).pathname };
    });
  },
};

/**
 * The problems with a build's esbuild metafile and the patches it applied: a patch left
 * unapplied, a real string-width anywhere in the bundle, or ink or cliui no longer importing
 * what lightTextMeasure stands in for, means the bundle is not what this file says.
 */
export function bundleProblems(metafile, applied) {
  const inputs = Object.entries(metafile.inputs);
  const problems = SOURCE_PATCHES.filter((p) => !applied.has(p)).map((p) => `${p.file} was not patched (is it still bundled?)`);
  problems.push(...inputs.filter(([path]) => /node_modules[\\/]string-width[\\/]/.test(path)).map(([path]) => `the real string-width is bundled: ${path}`));
  for (const [who, importer, shims] of [
    ['ink', /node_modules[\\/]ink[\\/]build[\\/]output\.js$/, ['string-width']],
    ['cliui', /node_modules[\\/]cliui[\\/]index\.mjs$/, ['string-width', 'wrap-ansi']],
  ]) {
    const entry = inputs.find(([path]) => importer.test(path));
    if (!entry) {
      problems.push(`${who}'s file that measures text (${importer.source}) is not in the bundle`);
      continue;
    }
    for (const shim of shims) {
      if (!entry[1].imports.some((i) => i.path.endsWith(`scripts/shims/${shim}.js`))) problems.push(`${who} no longer imports ${shim} through scripts/shims/${shim}.js`);
    }
  }
  return problems;
}
