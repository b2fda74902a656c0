// What a command loads at start-up, source file by source file: the bundle is rebuilt with esbuild's
// metafile, the command is run with a module hook noting each file of dist/ that Node loads, and
// each loaded output is traced back to its inputs. Run: node scripts/startup-report.mjs [--all]
// (--all lists every source file; by default, packages and src/ folders with their largest files).
//
// `explain sendfile` runs in a pipe; `learn sendfile` in a pseudo-terminal, and only what is loaded
// before its first frame is counted (what a screen loads afterwards is listed apart).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/zcopy.js');
const ALL = process.argv.includes('--all');
const tmp = mkdtempSync(join(tmpdir(), 'zcopy-startup-'));
const env = { ...process.env, LANG: 'C.UTF-8', NO_COLOR: '1', TERM: 'xterm-256color', XDG_STATE_HOME: join(tmp, 'state') };
delete env.CI;
let meta;

try {
  const metaPath = join(tmp, 'meta.json');
  execFileSync(process.execPath, ['scripts/build.mjs', '--force', `--metafile=${metaPath}`], { cwd: ROOT, stdio: 'inherit' });
  meta = JSON.parse(readFileSync(metaPath, 'utf8'));

  // The hook runs on Node's loader thread; each load is one line: milliseconds since the epoch, then the URL.
  const hooks = join(tmp, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith(${JSON.stringify(pathToFileURL(join(ROOT, 'dist')).href + '/')})) appendFileSync(process.env.ZCOPY_LOADED, Date.now() + ' ' + url + '\\n');
  return next(url, context);
}\n`);
  const register = join(tmp, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const nodeArgs = ['--import', pathToFileURL(register).href, BIN];

  const loadsOf = (file) => readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((line) => {
    const [ms, url] = line.split(' ');
    return { ms: Number(ms), file: relative(ROOT, fileURLToPath(url)) };
  });

  const explainLog = join(tmp, 'explain.log');
  writeFileSync(explainLog, '');
  const r = spawnSync(process.execPath, [...nodeArgs, 'explain', 'sendfile'], { env: { ...env, ZCOPY_LOADED: explainLog }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`explain exited ${r.status}`);
  report('zcopy explain sendfile', loadsOf(explainLog).map((l) => l.file), []);

  const learnLog = join(tmp, 'learn.log');
  writeFileSync(learnLog, '');
  const framedAt = await firstFrame(`stty rows 24 cols 80; ${process.execPath} ${nodeArgs.join(' ')} learn sendfile`, 'USER SPACE', { ...env, ZCOPY_LOADED: learnLog });
  const learnLoads = loadsOf(learnLog);
  report('zcopy learn sendfile, to its first frame', learnLoads.filter((l) => l.ms <= framedAt).map((l) => l.file), learnLoads.filter((l) => l.ms > framedAt).map((l) => l.file));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** When (ms since the epoch) `marker` first appears on the pseudo-terminal; the command is then told to quit. */
function firstFrame(commandLine, marker, env) {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', commandLine, '/dev/null'], { env: { ...env, COLUMNS: '80', LINES: '24' }, cwd: ROOT });
    let seen = '';
    let at = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (d) => {
      seen += d;
      if (!at && seen.includes(marker)) {
        at = Date.now();
        // A moment for what the screen loads once it is up, then quit.
        setTimeout(() => child.stdin.write('q'), 1000);
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      return at ? resolve(at) : reject(new Error(`no "${marker}" from: ${commandLine}`));
    });
  });
}

/** Where a bundle input comes from: a package, or a folder of src/. */
function groupOf(input) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1];
  const src = /^src\/([^/]+)\//.exec(input);
  return src ? `src/${src[1]}` : input;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function report(title, files, later) {
  const inputs = new Map();
  let total = 0;
  for (const file of files) {
    const out = meta.outputs[file];
    if (!out) continue;
    total += out.bytes;
    for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) if (bytesInOutput) inputs.set(input, bytesInOutput);
  }
  const groups = new Map();
  for (const [input, bytes] of inputs) {
    const g = groupOf(input);
    const entry = groups.get(g) ?? { bytes: 0, files: [] };
    entry.bytes += bytes;
    entry.files.push([input, bytes]);
    groups.set(g, entry);
  }
  console.log(`\n${title}: ${files.length} files of dist/, ${kb(total)}, from ${inputs.size} inputs`);
  for (const [g, { bytes, files: members }] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) {
    console.log(`  ${kb(bytes).padStart(9)}  ${g} (${members.length})`);
    if (!g.startsWith('src/')) continue;
    const shown = members.sort((a, b) => b[1] - a[1]).slice(0, ALL ? undefined : 4);
    for (const [input, bytes] of shown) console.log(`  ${''.padStart(9)}    ${kb(bytes).padStart(8)}  ${input}`);
  }
  if (later.length) console.log(`  loaded after the first frame: ${later.join(', ')}`);
}
