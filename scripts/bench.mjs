// zcopy's performance, measured as ratios against baselines taken in the same run
// (these machines are noisy, so absolute times mean little). Run: npm run bench
//
//   1. `zcopy explain sendfile`, whole process, against `node -e 0`            goal <= 1.5x
//   2. `zcopy learn sendfile` in a pseudo-terminal, time to its first frame,
//      against a bare node script printing one line under the same harness    goal <= 2.5x
//   3. learn's redraw time per step over every step of every lesson            goal p99 <= 16 ms
//      and the challenge screen's per key, solving every level by keys          goal p99 <= 16 ms
//   4. peak RSS of `zcopy learn`, stepped through a whole lesson               goal <= 100 MiB
//   5. `explain traditional --size 1G --chunk 4K` against `explain traditional`
//      (the transfer phase is folded, not stepped 262144 times)                 goal <= 1.2x
//      and its peak RSS                                                          goal <= 100 MiB
//   6. `zcopy trace --json` of a 100 MB trace (nginx's pread64 + writev lines, repeated) against
//      reading its lines alone (node's readline: the floor of any reader by line)  goal <= 8x
//      and its peak RSS against a 10 MB trace's: ten times the trace, a little more of V8's
//      garbage before it collects, never ten times the memory (read as a stream)  goal <= 1.5x
//
// Runs are interleaved (baseline, subject, baseline, ...) so drift hits both alike. The goals are
// issue 20's; the last line says whether every one is met, and the exit status is 1 when one is not.
// `--start` measures the start-up goals (1 and 2) alone, for a quick look at a change;
// ZCOPY_BENCH_BIN=path measures another binary (an older checkout's bin/zcopy.js) in the same harness.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = process.env.ZCOPY_BENCH_BIN ?? fileURLToPath(new URL('../bin/zcopy.js', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const env = { ...process.env, LANG: 'C.UTF-8', NO_COLOR: '1', TERM: 'xterm-256color', XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'zcopy-bench-state-')) };
delete env.CI; // ink draws only a final frame when CI is set; the learner's terminal does not set it

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function wallMs(command, args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A node process's peak resident memory, in MiB. */
const peakMiB = (args) => Number(/PEAK_KB (\d+)/.exec(spawnSync('/usr/bin/time', ['-f', 'PEAK_KB %M', process.execPath, ...args], { env, encoding: 'utf8' }).stderr)[1]) / 1024;

/** Milliseconds until `marker` appears on the pseudo-terminal `script` gives the command; then it is told to quit. */
function firstFrameMs(commandLine, marker) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', commandLine, '/dev/null'], { env: { ...env, COLUMNS: '80', LINES: '24' }, cwd: ROOT });
    let seen = '';
    let done = false;
    const timer = setTimeout(() => finish(new Error(`no "${marker}" within 10 s from: ${commandLine}`)), 10_000);
    const finish = (error, ms) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.stdin.write('q');
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
      child.on('close', () => (error ? reject(error) : resolve(ms)));
    };
    child.stdout.on('data', (d) => {
      seen += d;
      if (seen.includes(marker)) finish(null, Number(process.hrtime.bigint() - start) / 1e6);
    });
  });
}

/** Peak resident memory of `zcopy learn` stepped through every step of a long lesson, in MiB. */
function learnPeakRssMiB() {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', `stty rows 24 cols 80; /usr/bin/time -f 'PEAK_KB %M' node ${BIN} learn msg-zerocopy`, '/dev/null'], { env, cwd: ROOT });
    let seen = '';
    child.stdout.on('data', (d) => (seen += d));
    const press = (keys, delay) => new Promise((r) => setTimeout(() => (child.stdin.write(keys), r()), delay));
    (async () => {
      await press('', 1500);
      for (let i = 0; i < 30; i++) await press('l', 40);
      await press('q', 300);
    })();
    child.on('close', () => {
      const kb = /PEAK_KB (\d+)/.exec(seen);
      return kb ? resolve(Number(kb[1]) / 1024) : reject(new Error('no peak RSS reported'));
    });
  });
}

function redraw() {
  execFileSync(process.execPath, ['scripts/build.mjs', 'bench-redraw'], { cwd: ROOT });
  // ink shows the cursor on stderr as it lets go of its (fake) terminal; that is not output.
  const json = execFileSync(process.execPath, ['dist/dev/bench-redraw.js', '--json'], { cwd: ROOT, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(json.trim().split('\n').at(-1));
}

const baseline = [];
const explain = [];
for (let i = 0; i < RUNS; i++) {
  baseline.push(wallMs(process.execPath, ['-e', '0']));
  explain.push(wallMs(process.execPath, [BIN, 'explain', 'sendfile']));
}

const START_ONLY = process.argv.includes('--start');

const oneChunk = [];
const wholeFile = [];
const BIG = ['explain', 'traditional', '--size', '1G', '--chunk', '4K'];
for (let i = 0; i < (START_ONLY ? 0 : RUNS); i++) {
  oneChunk.push(wallMs(process.execPath, [BIN, 'explain', 'traditional']));
  wholeFile.push(wallMs(process.execPath, [BIN, ...BIG]));
}
const bigRss = START_ONLY ? 0 : peakMiB([BIN, ...BIG]);

/** A trace of about `bytes`: a real capture's set-up lines, then its pread64 and writev lines again and again. */
function makeTrace(path, bytes) {
  const lines = readFileSync(join(ROOT, 'traces/nginx-sendfile-off.trace'), 'utf8').split('\n').filter(Boolean);
  const moving = (l) => /\b(?:pread64|writev)\(/.test(l);
  const fd = openSync(path, 'w');
  let written = writeSync(fd, lines.filter((l) => !moving(l)).join('\n') + '\n');
  const block = lines.filter(moving).join('\n') + '\n';
  while (written < bytes) written += writeSync(fd, block);
  closeSync(fd);
  return path;
}

const traceDir = mkdtempSync(join(tmpdir(), 'zcopy-bench-trace-'));
const bigTrace = START_ONLY ? '' : makeTrace(join(traceDir, 'big.trace'), 100e6);
const lineReader = `const rl = require('readline').createInterface({ input: require('fs').createReadStream(process.argv[1]), crlfDelay: Infinity }); let n = 0; rl.on('line', () => n++);`;
const readLines = [];
const traced = [];
for (let i = 0; i < (START_ONLY ? 0 : 3); i++) {
  readLines.push(wallMs(process.execPath, ['-e', lineReader, bigTrace]));
  traced.push(wallMs(process.execPath, [BIN, 'trace', '--json', bigTrace]));
}
const traceRss = START_ONLY ? null : { big: peakMiB([BIN, 'trace', '--json', bigTrace]), small: peakMiB([BIN, 'trace', '--json', makeTrace(join(traceDir, 'small.trace'), 10e6)]) };
rmSync(traceDir, { recursive: true, force: true });

const bare = [];
const learn = [];
for (let i = 0; i < Math.ceil(RUNS / 2); i++) {
  bare.push(await firstFrameMs(`${process.execPath} -e "console.log('READY')"`, 'READY'));
  learn.push(await firstFrameMs(`stty rows 24 cols 80; ${process.execPath} ${BIN} learn sendfile`, 'USER SPACE'));
}

const frames = START_ONLY ? null : redraw();
const rss = START_ONLY ? 0 : await learnPeakRssMiB();

const GOAL = { explain: 1.5, learn: 2.5 };
const rows = [
  ['explain sendfile vs node -e 0', `${(median(explain) / median(baseline)).toFixed(2)}x`, `<= ${GOAL.explain}x`, `${median(explain).toFixed(0)} ms vs ${median(baseline).toFixed(0)} ms`, median(explain) / median(baseline) <= GOAL.explain],
  ['learn first frame vs bare node line', `${(median(learn) / median(bare)).toFixed(2)}x`, `<= ${GOAL.learn}x`, `${median(learn).toFixed(0)} ms vs ${median(bare).toFixed(0)} ms`, median(learn) / median(bare) <= GOAL.learn],
];
if (frames) {
  rows.push(
    ['learn redraw per step, p99', `${frames.p99Ms.toFixed(1)} ms`, '<= 16 ms', `median ${frames.medianMs.toFixed(1)} ms over ${frames.steps} steps`, frames.p99Ms <= 16],
    ['challenge redraw per key, p99', `${frames.challenge.p99Ms.toFixed(1)} ms`, '<= 16 ms', `median ${frames.challenge.medianMs.toFixed(1)} ms over ${frames.challenge.keys} keys, every level`, frames.challenge.p99Ms <= 16],
    ['explain --size 1G --chunk 4K vs without', `${(median(wholeFile) / median(oneChunk)).toFixed(2)}x`, '<= 1.2x', `${median(wholeFile).toFixed(0)} ms vs ${median(oneChunk).toFixed(0)} ms`, median(wholeFile) / median(oneChunk) <= 1.2],
    ['explain --size 1G --chunk 4K, peak RSS', `${bigRss.toFixed(0)} MiB`, '<= 100 MiB', 'traditional', bigRss <= 100],
    ['learn peak RSS', `${rss.toFixed(0)} MiB`, '<= 100 MiB', 'msg-zerocopy, every step', rss <= 100],
    ['trace 100 MB vs reading its lines', `${(median(traced) / median(readLines)).toFixed(2)}x`, '<= 8x', `${median(traced).toFixed(0)} ms vs ${median(readLines).toFixed(0)} ms, 3 runs`, median(traced) / median(readLines) <= 8],
    ['trace peak RSS, 100 MB vs 10 MB', `${(traceRss.big / traceRss.small).toFixed(2)}x`, '<= 1.5x', `${traceRss.big.toFixed(0)} MiB vs ${traceRss.small.toFixed(0)} MiB`, traceRss.big / traceRss.small <= 1.5],
  );
}
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows.map(([what, value, goal, detail, ok]) => ({ what, value, goal, detail, ok }))));
} else {
  console.log(`zcopy bench (${RUNS} runs each, medians; node ${process.version})`);
  for (const [what, value, goal, detail, ok] of rows) console.log(`  ${ok ? 'ok  ' : 'OVER'}  ${what.padEnd(38)} ${value.padStart(7)}  (goal ${goal}; ${detail})`);
  const over = rows.filter((r) => !r[4]).length;
  console.log(over ? `FAIL: ${over} of ${rows.length} goals missed` : `PASS: all ${rows.length} goals met`);
}
if (rows.some((r) => !r[4])) process.exitCode = 1;
rmSync(env.XDG_STATE_HOME, { recursive: true, force: true });
