// Makes one of the bundle's code caches (bin/load-bundle.js says why there are two): a fresh Node
// loads dist/cli.cjs without a cache, runs what that kind of start runs, and keeps V8's code of
// everything it compiled. Run by the build: node scripts/warm-cache.mjs print|screen
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

// Under CI, ink draws only a last frame (is-in-ci reads CI as it loads): the pretend terminal would
// wait for a first frame that never comes. The warm-up is a terminal run, whatever runs the build.
delete process.env.CI;
const require = createRequire(import.meta.url);
const { loadBundle, cachePath } = require('../bin/load-bundle.js');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const kind = process.argv[2];
const path = cachePath(kind);
// A run that hangs must not hang the build.
const timer = setTimeout(() => {
  console.error(`warm-cache: the ${kind} run did not end within 20 s`);
  process.exit(1);
}, 20_000);

/** A terminal of 80x24 that is not one: what a screen writes is kept; keys are pushed in. */
function terminal() {
  let written = '';
  const stdout = Object.assign(new Writable({ write: (chunk, _encoding, done) => ((written += chunk), done()) }), { isTTY: true, columns: 80, rows: 24 });
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin, ref: () => stdin, unref: () => stdin });
  return { stdout, stdin, written: () => written };
}

const state = mkdtempSync(join(tmpdir(), 'zcopy-warm-'));
const { exports: bundle, makeCache } = loadBundle(undefined);
const io = (argv, streams) => ({
  argv,
  env: { ...process.env, LANG: 'C.UTF-8', XDG_STATE_HOME: state, NO_COLOR: '1' },
  stderr: new Writable({ write: (_c, _e, done) => done() }),
  lessonsDir: join(ROOT, 'lessons/'),
  catalogCache: join(ROOT, 'dist/lessons/'),
  version: '0.0.0',
  ...streams,
});
try {
  const printed = terminal();
  const code = await bundle.main(io(['explain', 'sendfile'], { stdout: Object.assign(printed.stdout, { isTTY: false }), stdin: new PassThrough() }));
  if (code !== 0) throw new Error(`explain sendfile exited ${code}`);
  if (kind === 'screen') {
    const screen = terminal();
    const ended = bundle.main(io(['learn', 'sendfile'], screen));
    while (!screen.written().includes('USER SPACE')) await new Promise((resolve) => setTimeout(resolve, 10));
    screen.stdin.write('q');
    const learned = await ended;
    if (learned !== 0) throw new Error(`learn sendfile exited ${learned}`);
  }
  writeFileSync(path, makeCache());
} finally {
  rmSync(state, { recursive: true, force: true });
  clearTimeout(timer);
}
