// Whether dist/ was built from the sources as they are now, so that a build (every jest run starts
// one) can skip the work without ever leaving a stale bundle. Contents are compared, not times: a
// checkout or a copy changes times without changing a byte, and an edit within the same second
// changes bytes without changing the time.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the CLI's build reads: the sources (src/, and the shims and patches it bundles with them),
 * the lessons it turns into dist/lessons/, the build itself and the runs that make the code caches
 * (with the loader they go through), and what decides the packages it bundles (the lock files, the
 * installed tree's own). The challenge levels are not here: they are read at run time, not built.
 */
const INPUTS = ['src', 'lessons', 'scripts/build.mjs', 'scripts/patches.mjs', 'scripts/shims', 'scripts/warm-cache.mjs', 'bin/load-bundle.js', 'package.json', 'package-lock.json', 'tsconfig.json', 'node_modules/.package-lock.json'];

/** Where the stamp is kept, inside the folder it describes. */
export const STAMP = '.build-stamp.json';

function filesUnder(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(root, join(path, name)));
}

function hashOf(root, files) {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(root, f))).update('\0');
  return hash.digest('hex');
}

/**
 * One hash of every input's path and content under `root`, and of the Node that builds: a code
 * cache is V8's, and another Node's V8 refuses it.
 */
export function inputsHash(root) {
  return `${process.version}:${hashOf(root, INPUTS.flatMap((p) => filesUnder(root, p)))}`;
}

/** What the CLI's build writes into its folder (dist/dev/ is the dev tools', built apart). */
const OUTPUTS = ['cli.cjs', 'cli.print.cache', 'cli.screen.cache', 'lessons'];

/** Every file the build wrote into `out`, with its hash. */
function outputs(out) {
  const files = OUTPUTS.flatMap((p) => filesUnder(out, p));
  return Object.fromEntries(files.map((f) => [f, hashOf(out, [f])]));
}

/** Records that `out` holds what was built from `root`'s inputs as they hash to `inputs`. */
export function writeStamp(root, out, inputs) {
  writeFileSync(join(out, STAMP), JSON.stringify({ inputs, outputs: outputs(out) }, null, 1));
}

/**
 * Whether `out` was built from `root`'s inputs as they are now and is still as it was written:
 * not a file of it changed, gone or added since.
 */
export function isFresh(root, out) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(out, STAMP), 'utf8'));
  } catch {
    return false;
  }
  if (stamp.inputs !== inputsHash(root)) return false;
  const now = outputs(out);
  const was = stamp.outputs ?? {};
  return Object.keys(now).length === Object.keys(was).length && Object.entries(was).every(([f, h]) => now[f] === h);
}
