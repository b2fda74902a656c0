// What the build changes in the packages it bundles, kept apart from the build so that a test can
// check every change still applies to the versions installed. package.json pins each package named
// here to one exact version: a new version is taken on purpose, after its test passes again.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The packages whose source or dependencies the build replaces, each pinned exactly: yargs',
 * ink's, yoga-layout's, slice-ansi's and ansi-tokenize's source (SOURCE_PATCHES), and ink's string-width (lightTextMeasure),
 * whose calls ink must keep making as the shim answers them.
 */
export const PATCHED_PACKAGES = ['yargs', 'ink', 'yoga-layout', 'slice-ansi', '@alcalzone/ansi-tokenize'];

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
  {
    // A new parser guesses its program's version by walking up from yargs' own folder to a
    // package.json and reading it: file system calls at every start, for a version that zcopy
    // then gives it (.version(io.version) in src/cli/main.ts), replacing the guess.
    file: 'yargs/build/lib/yargs-factory.js',
    find: `        yargs.help();
        yargs.version();
`,
    apply: (source, find) => source.replace(find, '        yargs.help();\n        yargs.version(false);\n'),
  },
  {
    // slice-ansi makes a grapheme segmenter as it loads, which loads ICU's break rules: about ten
    // milliseconds of every screen's start, for clipping that zcopy's frames, laid out to fit, never
    // ask of ink. Made when first used instead; every use is a call of its segment().
    file: 'slice-ansi/tokenize-ansi.js',
    find: "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
    apply: (source, find) =>
      source.replace(find, "let graphemeSegmenter;\nconst GRAPHEME_SEGMENTER = {segment: (text) => (graphemeSegmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text)};"),
  },
  {
    // ink splits every line of every frame into graphemes through this tokenizer: with
    // scripts/shims/graphemes.js, a line of zcopy's text is split by code point, and the segmenter
    // (milliseconds to make, and slow per line) is made only for a line that needs it.
    file: '@alcalzone/ansi-tokenize/build/tokenize.js',
    find: 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
    apply: (source, find) => source.replace(find, `import { graphemes as zcopyGraphemes } from ${JSON.stringify(new URL('./shims/graphemes.js', import.meta.url).pathname)};`),
  },
  {
    file: '@alcalzone/ansi-tokenize/build/tokenize.js',
    find: 'of segmenter.segment(str)',
    apply: (source, find) => source.replace(find, 'of zcopyGraphemes(str)'),
  },
  // The bundle is CommonJS (bin/load-bundle.js says why), and CommonJS has no top-level await. The
  // three in the packages it bundles wait for nothing a zcopy run needs: yoga's WebAssembly, which
  // can be made synchronously from the bytes it carries, and two imports ink makes only when the
  // environment says DEV=true, for React's devtools, which zcopy does not ship.
  {
    // Emscripten's loader asks for the module asynchronously; given `zcopySync`, it makes it at once
    // from the same embedded bytes (H, a base64 data: URL) and the same imports (d), and hands it to
    // the same callback (a) as the asynchronous path does.
    file: 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
    find: 'if(h.instantiateWasm)try{',
    apply: (source, find) =>
      source.replace(find, `if(h.zcopySync){a(new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(H.slice(H.indexOf(",")+1),"base64")),d));return{}}${find}`),
  },
  {
    // With the module made at once, Emscripten has run it by the time loadYoga returns: the object
    // passed in is the module that the promise would resolve to.
    file: 'yoga-layout/dist/src/index.js',
    find: 'const Yoga = wrapAssembly(await loadYoga());',
    apply: (source, find) => source.replace(find, 'const zcopyYoga = { zcopySync: true };\nloadYoga(zcopyYoga);\nconst Yoga = wrapAssembly(zcopyYoga);'),
  },
  {
    // DEV=true: ink says that React's devtools are not installed, as it does when the import fails.
    file: 'ink/build/reconciler.js',
    find: "        await import('./devtools.js');",
    apply: (source, find) => source.replace(find, "        throw Object.assign(new Error('react-devtools-core is not bundled'), { code: 'ERR_MODULE_NOT_FOUND' });"),
  },
  {
    // Read only for the devtools above.
    file: 'ink/build/reconciler.js',
    find: '? await loadPackageJson()',
    apply: (source, find) => source.replace(find, '? { name: undefined, version: undefined }'),
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
      b.onLoad({ filter: new RegExp(`node_modules[\\\\/](${PATCHED_PACKAGES.join('|')})[\\\\/]`) }, (args) => {
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
 * Node's built-ins where a package imports them in a way that costs a CommonJS bundle at every
 * start (see each shim): `process` as a default import, and util.format in yargs' messages.
 */
export const lightBuiltins = {
  name: 'light-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:)?process$/ }, (args) => (args.kind === 'import-statement' ? { path: new URL('./shims/process.js', import.meta.url).pathname } : undefined));
    b.onResolve({ filter: /^(node:)?util$/ }, (args) =>
      /node_modules[\\/](y18n|yargs-parser)[\\/]/.test(args.importer) ? { path: new URL('./shims/util-format.js', import.meta.url).pathname } : undefined,
    );
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

/** bin/load-bundle.js reads the bundle as Latin-1, which is the bundle's text only while every byte of it is ASCII. */
export function notAscii(name, text) {
  const at = text.search(/[^\x00-\x7f]/);
  if (at < 0) return [];
  const around = JSON.stringify(text.slice(Math.max(0, at - 40), at + 10));
  return [`${name} is not ASCII at ${at}: ${around} (esbuild keeps a regular expression's characters as written: escape them in the source)`];
}
