'use strict';
// How zcopy starts fast. Most of a short command's time was Node itself loading code: its ES module
// loader resolving and linking a few dozen files, then V8 parsing and compiling them. So the build
// makes one CommonJS file (dist/cli.cjs: no module loader, one read), and it keeps V8's compiled code
// of that file from a run of it (a "code cache"), so that a start deserialises code instead of
// compiling it. Two caches, because a screen compiles ink and React too: "screen", made by running a
// lesson's first frame, is for a terminal at both ends; "print", made by `explain`, for the rest.
// A cache made by another Node is refused by V8 (`cachedDataRejected`), and the file is compiled as
// if there were none: slower, never wrong.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const KINDS = ['print', 'screen'];

/** Where the code cache of one kind of run is kept. */
function cachePath(kind, dist = DIST) {
  if (!KINDS.includes(kind)) throw new Error(`no code cache of kind ${kind}: ${KINDS.join(', ')}`);
  return join(dist, `cli.${kind}.cache`);
}

/**
 * The exports of the bundle in `dist`, compiled with the code cache of `kind` when there is one
 * (none: compiled as any file is). `cache` says whether a cache was used; `makeCache()` is V8's
 * code of everything compiled so far, for the build to keep.
 */
function loadBundle(kind, dist = DIST) {
  const bundle = join(dist, 'cli.cjs');
  let cachedData;
  if (kind !== undefined) {
    try {
      cachedData = readFileSync(cachePath(kind, dist));
    } catch {
      // Not built yet, or removed: compiled without.
    }
  }
  // The build makes the bundle ASCII, so it is read as Latin-1: the same text, copied rather than
  // decoded (UTF-8 decoding of a megabyte is milliseconds of every start).
  const source = readFileSync(bundle).toString('latin1');
  // The wrapper Node gives every CommonJS file, so the bundle runs as it would under require().
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dist);
  return {
    exports: module.exports,
    cache: cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used',
    makeCache: () => script.createCachedData(),
  };
}

module.exports = { loadBundle, cachePath, KINDS };
