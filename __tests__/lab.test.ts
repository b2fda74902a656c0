import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabError } from '../src/lab/errors.js';
import { ensureHelper, helperSource, type Compile } from '../src/lab/helper.js';
import { modelFigure, TECHNIQUES, type ModelFigure, type Technique } from '../src/lab/model.js';
import { parseSize, planLab } from '../src/lab/options.js';
import { claimPlans, DIRECT_CHUNKS, judgeClaim } from '../src/lab/claims.js';
import { differences, summarize, type LabResult } from '../src/lab/report.js';
import { helperArgs, parseHelperLine, type EnvLine, type HelperOutput, type RunLine } from '../src/lab/run.js';
import { loadCatalog } from '../src/lessons/index.js';
import { ROOT, zcopy } from './helpers/cli.js';
import { displayWidth } from '../src/term/text.js';

const LESSONS = join(ROOT, 'lessons');
const SOURCE = helperSource(LESSONS);
const BIN = fileURLToPath(new URL('../bin/zcopy.js', import.meta.url));
const catalog = loadCatalog(LESSONS);
const models = Object.fromEntries(TECHNIQUES.map((t) => [t, modelFigure(t, catalog)])) as Record<Technique, ModelFigure>;
const scratches: string[] = [];
const scratch = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `zcopy-${name}-`));
  scratches.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratches) rmSync(dir, { recursive: true, force: true });
});

const onLinux = process.platform === 'linux';
const hasCc = spawnSync(process.env.CC || 'cc', ['--version']).status === 0;
/** Why the lab cannot run here, printed when its tests are skipped; undefined when it can. */
const labBlocked = !onLinux ? `not Linux (${process.platform})` : !hasCc ? 'no C compiler (cc)' : undefined;
if (labBlocked) console.warn(`lab tests that run the helper are skipped: ${labBlocked}`);
const labTest = labBlocked ? test.skip : test;

/** The built helper, in a cache of the test's own. */
let helper: Promise<string> | undefined;
const builtHelper = () => (helper ??= ensureHelper({ env: { HOME: scratch('lab-home') }, lang: 'en', source: SOURCE }));

/** Runs the helper directly; `wrap` puts a command (strace) in front of it. */
function runHelperSync(args: string[], binary: string, wrap: string[] = []): { lines: ReturnType<typeof parseHelperLine>[]; status: number | null; stderr: string } {
  const [cmd, ...rest] = wrap.length ? [...wrap, binary] : [binary];
  const r = spawnSync(cmd, [...rest, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { lines: r.stdout.trim().split('\n').filter(Boolean).map(parseHelperLine), status: r.status, stderr: r.stderr };
}

/** Skips, out loud, the checks of a technique this kernel refused. */
function refusedHere(r: LabResult): boolean {
  if (!r.refused) return false;
  console.warn(`lab: ${r.technique} skipped: this kernel refused it (${r.refused.call}: ${r.refused.errno} ${r.refused.message})`);
  return true;
}

describe('lab options', () => {
  test('sizes take K, M and G suffixes, in binary units', () => {
    expect(parseSize('64K')).toBe(65536);
    expect(parseSize('16M')).toBe(16 * 1024 * 1024);
    expect(parseSize('1g')).toBe(1024 ** 3);
    expect(parseSize('4096')).toBe(4096);
    expect(parseSize('2MiB')).toBe(2 * 1024 * 1024);
    expect(parseSize('ten')).toBeUndefined();
    expect(parseSize('-1M')).toBeUndefined();
    expect(parseSize('0.5K')).toBe(512);
    expect(parseSize('0.3')).toBeUndefined();
  });

  test('defaults: 64 MiB in 64 KiB chunks, 5 runs, every technique', () => {
    expect(planLab({}, 'en')).toEqual({ size: 64 * 1024 * 1024, chunk: 65536, runs: 5, warmup: 1, techniques: [...TECHNIQUES] });
    expect(planLab({ technique: ['splice,sendfile'] }, 'en').techniques).toEqual(['sendfile', 'splice']);
  });

  test.each([
    [['--size', '0'], /^zcopy: --size must be a size from 1 B to 4 GiB \(like 64K, 16M, 1G\), not "0"$/],
    [['--size', '5G'], /--size must be a size from 1 B to 4 GiB/],
    [['--size', 'lots'], /not "lots"/],
    [['--chunk=-64K'], /--chunk must be a size from 512 B to 64 MiB/],
    [['--runs', '0'], /^zcopy: --runs must be a whole number from 1 to 100, not "0"$/],
    [['--runs', '2.5'], /--runs must be a whole number/],
    [['--technique', 'sendfil'], /^zcopy: no technique called "sendfil"; did you mean sendfile\?$/],
    [['--technique', 'zzzzzzzz'], /the techniques are read-write, mmap-write, sendfile/],
  ])('zcopy lab %j: one line, exit 1, nothing run', (args, message) => {
    const r = zcopy(['lab', ...args]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });

  test('--lang zh explains a bad size in Chinese', () => {
    const r = zcopy(['lab', '--size', '0', '--lang', 'zh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--size 须是');
  });
});

describe('the model beside the lab', () => {
  test('calls per chunk are the system calls of the lessons\' transfer steps; set-up calls are made once', () => {
    expect(models['read-write']).toMatchObject({ syscallsPerChunk: 2, calls: ['read', 'write'], source: 'lesson traditional' });
    expect(models['mmap-write']).toMatchObject({ syscallsPerChunk: 1, calls: ['write'], source: 'lesson mmap' });
    expect(models.sendfile).toMatchObject({ syscallsPerChunk: 1, calls: ['sendfile'], source: 'lesson sendfile' });
    expect(models.splice).toMatchObject({ syscallsPerChunk: 2, calls: ['splice', 'splice'], source: 'lesson splice' });
    // docs/MODEL.md: the reference program mmap()s the file once; per chunk a send and a completion read.
    expect(models['msg-zerocopy']).toMatchObject({ syscallsPerChunk: 2, calls: ['sendto', 'recvmsg'], source: 'lesson msg-zerocopy' });
    expect(models['direct-io']).toMatchObject({ syscallsPerChunk: 2, calls: ['read', 'write'], source: "lesson direct-io + docs/MODEL.md's strace table" });
    expect(models['copy-file-range']).toMatchObject({ syscallsPerChunk: 1, calls: ['copy_file_range'], source: "docs/MODEL.md's strace table" });
  });

  test('the model beside a warm run is the warm one: no disk DMA and no disk interrupt', () => {
    // docs/MODEL.md, "Scale and what-if": read + write, 1 GiB in 64 KiB chunks is 16384 chunks, 32768 system
    // calls, 65536 mode switches, 32768 CPU copies, 32768 DMA copies with a cold cache; warm drops the
    // disk's DMA copy and interrupt from every chunk.
    const scale = { size: 1024 ** 3, chunk: 65536 };
    const cold = modelFigure('read-write', catalog, scale, 'cold');
    const warm = modelFigure('read-write', catalog, scale, 'warm');
    expect(cold).toMatchObject({ cache: 'cold', totals: { syscalls: 32768, modeSwitches: 65536, cpuCopies: 32768, dmaCopies: 32768, interrupts: 32768 } });
    expect(warm).toMatchObject({ cache: 'warm', totals: { syscalls: 32768, modeSwitches: 65536, cpuCopies: 32768, dmaCopies: 16384, interrupts: 16384 } });
  });

  test('differences name each call whose count per run is not the model\'s', () => {
    expect(differences({ splice: 32 }, models.splice, 16)).toEqual([]);
    expect(differences({ splice: 40 }, models.splice, 16)).toEqual([{ call: 'splice', measured: 40, model: 32 }]);
    // ppoll is poll on architectures without poll().
    expect(differences({ sendto: 4, recvmsg: 3 }, models['msg-zerocopy'], 4)).toEqual([{ call: 'recvmsg', measured: 3, model: 4 }]);
    expect(differences({ sendto: 4, recvmsg: 4, ppoll: 1 }, models['msg-zerocopy'], 4)).toEqual([{ call: 'poll', measured: 1, model: 0 }]);
  });

  const run = (over: Partial<RunLine>): RunLine => ({
    type: 'run', technique: 'sendfile', warmup: false, index: 0, pid: 1, size: 4096, chunk: 1024, chunks: 4, sent: 4096, received: 4096,
    verified: false, wallNs: 2e6, sendNs: 1e6, lifeNs: 1.2e6, cpuNs: 1.5e6, userUs: 0, sysUs: 1000, nvcsw: 1, nivcsw: 0, minflt: 0, majflt: 0, cold: false, cachedPages: 1, cachedAfter: 1, filePages: 1,
    zcCompletions: 0, zcCopied: 0, syscalls: { openat: 1, sendfile: 4, close: 2, exit_group: 1 }, loop: { sendfile: 4 }, ...over,
  });
  const env = { type: 'env' as const, kernel: '6.1', machine: 'x86_64', fs: 'ext4', pageSize: 4096, pid: 1 };
  const plan = { size: 4096, chunk: 1024, runs: 3, warmup: 1, techniques: ['sendfile' as const] };

  test('medians with min and max over the measured runs; the warm-up is left out', () => {
    const out: HelperOutput = {
      env,
      refused: [],
      runs: [run({ warmup: true, wallNs: 9e9 }), run({ wallNs: 3e6 }), run({ index: 1, wallNs: 1e6, loop: { sendfile: 5 }, syscalls: { sendfile: 5 } }), run({ index: 2, wallNs: 2e6 })],
    };
    const [r] = summarize(out, plan, models, 'en');
    expect(r.wallS).toEqual({ min: 0.001, median: 0.002, max: 0.003 });
    expect(r.syscallsPerChunk).toBe(1);
    expect(r.syscalls!.sendfile).toBe(4);
    expect(r.bytes).toBe(4096);
    expect(r.differences).toEqual([]);
  });

  test('the page cache around the runs: cold or not, and the fractions cached before and after (warm-ups left out)', () => {
    const out: HelperOutput = {
      env,
      refused: [],
      runs: [
        run({ warmup: true, cachedPages: 4, cachedAfter: 4, filePages: 4 }),
        run({ cold: true, cachedPages: 0, cachedAfter: 4, filePages: 4 }),
        run({ index: 1, cold: true, cachedPages: 1, cachedAfter: 2, filePages: 4 }),
        run({ index: 2, cold: true, cachedPages: 0, cachedAfter: 4, filePages: 4 }),
      ],
    };
    const [r] = summarize(out, { ...plan, cold: true }, models, 'en');
    expect(r.cache).toEqual({ cold: true, before: { min: 0, median: 0, max: 0.25 }, after: { min: 0.5, median: 1, max: 1 } });
    expect(r.pageCached).toBe(0);
    expect(summarize(out, plan, models, 'en')[0].cache!.cold).toBe(false);
  });

  test('a run whose receiver counted other than the size is an error, not a result', () => {
    const out: HelperOutput = { env, refused: [], runs: [run({}), run({ index: 1, received: 4000 }), run({ index: 2 })] };
    expect(() => summarize(out, plan, models, 'en')).toThrow(/sendfile: 4096 bytes sent and 4000 received, not 4096/);
  });

  test('a refused technique says what refused it and has no figures', () => {
    const out: HelperOutput = { env, runs: [], refused: [{ type: 'refused', technique: 'direct-io', call: 'openat', errno: 'EINVAL', message: 'Invalid argument' }] };
    const [r] = summarize(out, { ...plan, techniques: ['direct-io'] }, models, 'en');
    expect(r).toMatchObject({ bytes: null, wallS: null, cache: null, refused: { call: 'openat', errno: 'EINVAL' } });
    expect(r.notes[0]).toMatch(/refused it: openat\(\) gave EINVAL \(Invalid argument\) on ext4/);
  });

  test('helperArgs passes --cold only for a cold plan', () => {
    expect(helperArgs(plan, '/d')).not.toContain('--cold');
    expect(helperArgs({ ...plan, cold: true }, '/d').at(-1)).toBe('--cold');
  });

  test('the helper\'s lines are checked before they are believed', () => {
    expect(parseHelperLine('{"type":"run","technique":"sendfile"}')).toBeUndefined();
    expect(parseHelperLine('not json')).toBeUndefined();
    expect(parseHelperLine(JSON.stringify({ ...run({}), syscalls: { 'rm -rf': 1 } }))).toBeUndefined();
    expect(parseHelperLine(JSON.stringify(run({})))).toMatchObject({ technique: 'sendfile' });
    // A run line says whether the cache was dropped before it, and what was cached after it.
    const { cold: _cold, ...noCold } = run({});
    expect(parseHelperLine(JSON.stringify(noCold))).toBeUndefined();
    expect(parseHelperLine(JSON.stringify({ ...run({}), cachedAfter: 'all' }))).toBeUndefined();
  });
});

describe('building the helper', () => {
  const source = () => {
    const dir = scratch('lab-src');
    writeFileSync(join(dir, 'zcopy-lab.c'), 'int main(void) { return 0; }\n');
    return join(dir, 'zcopy-lab.c');
  };

  test('not Linux: one clear LabError with exit code 3, and no compiler is run', async () => {
    let compiled = 0;
    const compile: Compile = async () => {
      compiled++;
      return { stderr: '' };
    };
    const p = ensureHelper({ env: { HOME: scratch('lab-home') }, lang: 'en', source: source(), platform: 'darwin', compile });
    await expect(p).rejects.toThrow(new LabError('the lab measures the Linux kernel and this is darwin; the other commands work here', 3));
    await expect(p).rejects.toMatchObject({ exitCode: 3 });
    expect(compiled).toBe(0);
  });

  test('no compiler: exit code 3 and what to install', async () => {
    const compile: Compile = () => Promise.reject(Object.assign(new Error('spawn cc ENOENT'), { code: 'ENOENT' }));
    const p = ensureHelper({ env: { HOME: scratch('lab-home') }, lang: 'en', source: source(), platform: 'linux', compile });
    await expect(p).rejects.toMatchObject({ exitCode: 3, message: expect.stringMatching(/found no C compiler \(cc\); install gcc or clang/) });
  });

  test('built once into $XDG_CACHE_HOME/zcopy, rebuilt when the source changes', async () => {
    const cache = scratch('lab-cache');
    const calls: string[][] = [];
    const compile: Compile = async (_cc, args) => {
      calls.push(args);
      writeFileSync(args[args.indexOf('-o') + 1], '#!/bin/sh\n', { mode: 0o755 });
      return { stderr: '' };
    };
    const src = source();
    const deps = { env: { XDG_CACHE_HOME: cache, HOME: '/nonexistent' }, lang: 'en' as const, source: src, platform: 'linux' as const, compile };
    const first = await ensureHelper(deps);
    expect(first.startsWith(join(cache, 'zcopy', 'zcopy-lab-'))).toBe(true);
    expect(await ensureHelper(deps)).toBe(first);
    expect(calls).toHaveLength(1);
    writeFileSync(src, 'int main(void) { return 1; }\n');
    const second = await ensureHelper(deps);
    expect(second).not.toBe(first);
    expect(calls).toHaveLength(2);
    // The helper built from the old source is removed.
    expect(readdirSync(join(cache, 'zcopy'))).toEqual([second.split('/').at(-1)]);
  });

  labTest('zcopy lab with CC naming no compiler: one line, exit 3', () => {
    const r = zcopy(['lab', '--size', '1M', '--runs', '1'], { CC: '/nonexistent/cc', XDG_CACHE_HOME: scratch('lab-cache') });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('zcopy: the lab builds a small C helper on first use and found no C compiler (/nonexistent/cc); install gcc or clang, or set CC\n');
  });
});

describe('zcopy lab on this kernel', () => {
  labTest('system calls per chunk equal the model\'s, and every run moves exactly the size', () => {
    const size = 2 * 1024 * 1024;
    const r = zcopy(['lab', '--size', '2M', '--chunk', '64K', '--runs', '2', '--json'], {}, undefined);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as LabResult[];
    expect(results.map((x) => x.technique)).toEqual([...TECHNIQUES]);
    const by = Object.fromEntries(results.map((x) => [x.technique, x])) as Record<Technique, LabResult>;
    for (const x of results) {
      for (const key of ['technique', 'bytes', 'chunk', 'runs', 'syscalls', 'wallS', 'userS', 'sysS', 'nvcsw', 'nivcsw', 'zerocopyCopied', 'cache', 'model', 'notes']) {
        expect(x).toHaveProperty(key);
      }
      expect(x.model.syscallsPerChunk).toBe(models[x.technique].syscallsPerChunk);
      if (refusedHere(x)) continue;
      // zcopy lab keeps the cache warm: nothing was dropped, and the file was cached before every run.
      expect(x.cache).toMatchObject({ cold: false, before: { min: x.pageCached } });
      expect(x).toMatchObject({ bytes: size, chunk: 65536, runs: 2, chunks: 32 });
      expect(x.wallS!.min).toBeLessThanOrEqual(x.wallS!.median);
      expect(x.wallS!.median).toBeLessThanOrEqual(x.wallS!.max);
      expect(x.wallS!.min).toBeGreaterThan(0);
      // The scheduler's clock, not a tick: every sender spends some time on the CPU. It is not
      // compared with a wall clock here: two clocks read on a loaded machine bound nothing.
      if (existsSync('/proc/self/schedstat')) expect(x.cpuS).toBeGreaterThan(0);
      expect(x.lifeS).toBeGreaterThan(0);
    }
    const chunks = 32;
    // docs/MODEL.md: splice makes pipe() once, then 2 splice() calls and 4 mode switches per chunk. The lab's
    // file is cached, and warm means no disk DMA and no disk interrupt: 1 DMA copy per chunk, the NIC's.
    expect(by.splice.model.cache).toBe('warm');
    expect(by.splice.model.totals).toMatchObject({ syscalls: 1 + 2 * chunks, modeSwitches: 2 + 4 * chunks, dmaCopies: chunks, interrupts: chunks, cpuCopies: 0 });
    expect(by.splice.model.perChunk).toMatchObject({ syscalls: 2, modeSwitches: 4 });
    // No lesson does copy_file_range's whole job, nor direct-io's send half: no totals rather than wrong ones.
    expect(by['copy-file-range'].model.totals).toBeNull();
    expect(by['direct-io'].model.totals).toBeNull();
    for (const [technique, perChunk, calls] of [
      ['read-write', 2, { read: chunks, write: chunks }],
      ['sendfile', 1, { sendfile: chunks }],
      ['splice', 2, { splice: 2 * chunks, pipe2: 1 }],
      ['copy-file-range', 1, { copy_file_range: chunks }],
    ] as const) {
      const x = by[technique];
      if (refusedHere(x)) continue;
      expect({ technique, perChunk: x.syscallsPerChunk }).toEqual({ technique, perChunk });
      expect(x.syscallsPerChunk).toBe(x.model.syscallsPerChunk);
      expect(x.syscalls).toMatchObject(calls);
      expect(x.differences).toEqual([]);
    }
    const zc = by['msg-zerocopy'];
    if (!refusedHere(zc)) {
      // The lesson's calls (docs/MODEL.md): the file mapped once, then per chunk sendto and the completion read.
      expect(zc.syscallsPerChunk).toBe(2);
      expect(zc.syscalls).toMatchObject({ sendto: chunks });
      // After the loop, poll() and recvmsg() collect the completions still out (docs/MODEL.md: "poll at the end").
      expect(zc.syscalls!.recvmsg).toBeGreaterThanOrEqual(chunks);
      expect(zc.syscalls?.read).toBeUndefined();
      expect(zc.differences).toEqual([]);
      // On loopback every completion reports that the kernel copied anyway (docs/MODEL.md).
      expect(zc.zerocopyCompletions).toBe(chunks);
      expect(zc.zerocopyCopied).toBe(chunks);
      expect(zc.notes[0]).toMatch(/^32 of 32 completions per run said SO_EE_CODE_ZEROCOPY_COPIED/);
    }
    expect(by.sendfile.zerocopyCopied).toBeNull();
  }, 60_000);

  /** strace's calls by pid; undefined (with the reason printed) where strace cannot run here. */
  const straceCounts = (trace: string) => {
    const counted = new Map<number, Record<string, number>>();
    for (const line of readFileSync(trace, 'utf8').split('\n')) {
      // A call's first line: "PID name(args..." ("<... name resumed>" continues one already counted).
      const m = /^(\d+)\s+([a-z0-9_]+)\(/.exec(line);
      if (!m) continue;
      const calls = counted.get(Number(m[1])) ?? {};
      calls[m[2]] = (calls[m[2]] ?? 0) + 1;
      counted.set(Number(m[1]), calls);
    }
    return counted;
  };
  const straceHere = () => {
    const probe = spawnSync('strace', ['-f', '-c', '-o', '/dev/null', 'true'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      const why = probe.error ? 'strace is not installed' : `strace cannot trace here: ${probe.stderr.trim().split('\n')[0]}`;
      // .ci/run installs strace, so in CI its absence is a failure, not a skip.
      if (process.env.CI && probe.error) throw new Error(`${why} (.ci/run should have installed it)`);
      console.warn(`lab strace test skipped: ${why}`);
      return false;
    }
    return true;
  };
  /** Every technique once after a warm-up under strace -f, warm or --cold; the sender's calls by pid beside the helper's own counts. */
  const traced = async (cold: boolean) => {
    const binary = await builtHelper();
    const dir = scratch('lab-run');
    const trace = join(dir, 'strace.txt');
    const plan = { size: 1024 * 1024, chunk: 65536, runs: 1, warmup: 1, techniques: [...TECHNIQUES], cold };
    // strace -f -c would add up all three processes (parent, receiver, sender); -o with -f
    // writes one line per call with its pid, so the sender's calls can be counted alone.
    const r = runHelperSync(helperArgs(plan, dir), binary, ['strace', '-f', '-qq', '-o', trace]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const counted = straceCounts(trace);
    const runs = r.lines.filter((l): l is RunLine => l?.type === 'run');
    const refused = r.lines.filter((l) => l?.type === 'refused');
    for (const x of refused) console.warn(`lab strace test: ${JSON.stringify(x)} (skipped: this kernel refused it)`);
    expect(runs).toHaveLength(2 * (TECHNIQUES.length - refused.length));
    for (const run of runs) {
      expect({ technique: run.technique, pid: run.pid, calls: counted.get(run.pid) }).toEqual({ technique: run.technique, pid: run.pid, calls: run.syscalls });
    }
    expect(readdirSync(dir)).toEqual(['strace.txt']);
    const env = r.lines.find((l) => l?.type === 'env') as EnvLine;
    return { runs, counted, parent: env.pid };
  };

  labTest('the sender\'s life, the span its CPU time covers, holds its first call to its last: one clock, read around both', async () => {
    const dir = scratch('lab-run');
    const plan = { size: 1024 * 1024, chunk: 65536, runs: 1, warmup: 0, techniques: [...TECHNIQUES] };
    const r = runHelperSync(helperArgs(plan, dir), await builtHelper());
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    const runs = r.lines.filter((l): l is RunLine => l?.type === 'run');
    expect(runs.length).toBeGreaterThan(0);
    // The parent reads CLOCK_MONOTONIC before clone() and after waitid(); the sender reads it after
    // its birth and before its exit. An order of events, not a bound on how long they took.
    for (const x of runs) expect({ technique: x.technique, nested: x.sendNs > 0 && x.lifeNs >= x.sendNs }).toEqual({ technique: x.technique, nested: true });
  }, 60_000);

  labTest('the helper\'s own counts equal what strace counted for the sender\'s pid', async () => {
    if (!straceHere()) return;
    const { runs } = await traced(false);
    expect(runs.every((r) => !r.cold)).toBe(true);
  }, 60_000);

  labTest('--cold: the parent drops the cache (fdatasync + fadvise) before each measured run, and the sender\'s calls do not change', async () => {
    if (!straceHere()) return;
    const warm = await traced(false);
    const cold = await traced(true);
    const measured = cold.runs.filter((r) => !r.warmup);
    expect(cold.runs.map((r) => r.cold)).toEqual(cold.runs.map((r) => !r.warmup));
    // fadvise64 (fadvise64_64 on some architectures) only in the parent, once per measured run.
    const fadvise = (calls: Record<string, number> = {}) => Object.entries(calls).filter(([n]) => /^fadvise64/.test(n)).reduce((a, [, k]) => a + k, 0);
    for (const [pid, calls] of cold.counted) {
      if (pid !== cold.parent) expect({ pid, fadvise: fadvise(calls), fdatasync: calls.fdatasync ?? 0 }).toEqual({ pid, fadvise: 0, fdatasync: 0 });
    }
    expect(fadvise(cold.counted.get(cold.parent))).toBe(measured.length);
    expect(cold.counted.get(cold.parent)!.fdatasync).toBe(measured.length);
    expect(fadvise(warm.counted.get(warm.parent))).toBe(0);
    // The techniques whose calls do not hang on timing (every read of a regular file and every
    // blocking write to the socket moves the whole chunk) make the same calls cold as warm.
    for (const technique of ['read-write', 'direct-io', 'mmap-write', 'copy-file-range'] as const) {
      const [w, c] = [warm, cold].map((x) => x.runs.find((r) => r.technique === technique && !r.warmup));
      if (!w || !c) continue;
      expect({ technique, calls: c.syscalls }).toEqual({ technique, calls: w.syscalls });
    }
  }, 60_000);

  /** The helper's lines for read-write and direct-io, 4 MiB in 64 KiB chunks, two runs after a warm-up, in `base`. */
  const coldRun = async (base: string, cold: boolean) => {
    const dir = mkdtempSync(join(base, 'zcopy-lab-cold-'));
    scratches.push(dir);
    const plan = { size: 4 * 1024 * 1024, chunk: 65536, runs: 2, warmup: 1, techniques: ['read-write', 'direct-io'] as Technique[], cold };
    const r = runHelperSync(helperArgs(plan, dir), await builtHelper());
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    const env = r.lines.find((l) => l?.type === 'env') as EnvLine;
    const runs = r.lines.filter((l): l is RunLine => l?.type === 'run');
    const refused = r.lines.filter((l) => l?.type === 'refused');
    for (const x of refused) console.warn(`lab cold test: ${JSON.stringify(x)} (this filesystem refused it)`);
    return { fs: env.fs, runs, of: (t: Technique) => runs.filter((x) => x.technique === t) };
  };
  const inMemory = (fs: string) => fs === 'tmpfs' || fs === 'ramfs';

  labTest('--cold on a filesystem with a disk: every measured run starts with the file out of the cache; buffered reads put it back, O_DIRECT does not', async () => {
    // The lab's files go to $TMPDIR (os.tmpdir()); where that is tmpfs, the worktree's own filesystem is tried.
    let got = await coldRun(tmpdir(), true);
    if (inMemory(got.fs)) got = await coldRun(ROOT, true);
    if (inMemory(got.fs)) {
      console.warn(`lab cold test skipped: ${tmpdir()} and ${ROOT} are both on ${got.fs}`);
      return;
    }
    const { runs, of } = got;
    expect(of('read-write')).toHaveLength(3);
    for (const r of runs) {
      const at = { technique: r.technique, warmup: r.warmup, index: r.index };
      if (r.warmup) {
        // The warm-up is not dropped, and its receiver still checks every byte.
        expect({ ...at, cold: r.cold, verified: r.verified }).toEqual({ ...at, cold: false, verified: true });
        continue;
      }
      expect({ ...at, cold: r.cold, cachedAtMost10Pct: r.cachedPages >= 0 && r.cachedPages <= r.filePages / 10 }).toEqual({ ...at, cold: true, cachedAtMost10Pct: true });
    }
    for (const r of of('read-write').filter((x) => !x.warmup)) expect(r.cachedAfter).toBeGreaterThanOrEqual(r.filePages / 2);
    for (const r of of('direct-io').filter((x) => !x.warmup)) expect(r.cachedAfter).toBeLessThanOrEqual(r.filePages / 10);
    // Without --cold the file stays cached: what dropped it is the option.
    const warm = await coldRun(tmpdir(), false);
    if (!inMemory(warm.fs)) {
      for (const r of warm.of('read-write')) expect({ cold: r.cold, cached: r.cachedPages }).toEqual({ cold: false, cached: r.filePages });
    }
  }, 60_000);

  labTest('--cold on tmpfs: the pages cannot be dropped, and the run lines say so (cachedPages stays the whole file)', async () => {
    if (!existsSync('/dev/shm')) {
      console.warn('lab tmpfs test skipped: no /dev/shm');
      return;
    }
    const got = await coldRun('/dev/shm', true);
    if (got.fs !== 'tmpfs') {
      console.warn(`lab tmpfs test skipped: /dev/shm is ${got.fs}, not tmpfs`);
      return;
    }
    const measured = got.runs.filter((r) => !r.warmup);
    expect(measured.length).toBeGreaterThan(0);
    for (const r of measured) expect({ technique: r.technique, cold: r.cold, cached: r.cachedPages }).toEqual({ technique: r.technique, cold: true, cached: r.filePages });
  }, 60_000);

  labTest('piped: plain text under 80 columns that states the runs, the medians and the page cache; --lang zh too', () => {
    const r = zcopy(['lab', '--size', '1M', '--runs', '3', '--technique', 'sendfile,splice']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toMatch(/^zcopy lab: 1 MiB in 64 KiB chunks \(16\), 3 runs after a warm-up$/m);
    expect(r.stdout).toMatch(/Page cache: (warm|partly warm)/);
    expect(r.stdout).toMatch(/^sendfile +1 +1 +[\d.]+ +[\d.]+ +\([\d.]+-[\d.]+\)$/m);
    // The CPU time is the scheduler's, the getrusage split only a hint under each technique.
    expect(r.stdout).toMatch(/getrusage's user\/system split, a hint/);
    // What each clock covers is said, so a CPU figure above the wall time reads as what it is.
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain("CPU ms is the sender's time on a CPU over its whole life, from its creation to its exit");
    expect(flat).toContain('wall ms runs from its first system call until the receiver holds the last byte');
    expect(r.stdout).toMatch(/^ {2}lived [\d.]+ ms from its creation to its exit, [\d.]+ ms of it on a CPU$/m);
    expect(r.stdout).toMatch(/^ {2}calls: openat 1 · pipe2 1 · splice 32 · close 4 · exit_group 1$/m);
    // The file was cached, and the model line says it counts a warm cache (1 DMA copy per chunk, docs/MODEL.md).
    expect(flat).toMatch(/model for this run \(16 chunks, the file already cached: no disk DMA\): \d+ system calls, \d+ mode switches, \d+ CPU cop(?:y|ies), 16 DMA copies, 16 interrupts/);
    expect(r.stdout).not.toContain('read-write');
    for (const line of r.stdout.split('\n')) expect({ line, fits: line.length <= 80 }).toEqual({ line, fits: true });
    const zh = zcopy(['lab', '--size', '1M', '--runs', '1', '--technique', 'sendfile', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('页缓存');
    expect(zh.stdout).toContain('上下文切换');
    expect(zh.stdout).toMatch(/^ {2}从创建到退出存活 [\d.]+ ms，其中占用 CPU [\d.]+ ms$/m);
  }, 60_000);

  labTest('Ctrl-C: exit 130, one line, and no temporary file or child process left', async () => {
    const tmp = scratch('lab-tmp');
    const child = spawn(process.execPath, [BIN, 'lab', '--size', '256M', '--runs', '20'], {
      env: { PATH: process.env.PATH ?? '', HOME: scratch('lab-home'), LANG: 'C.UTF-8', TMPDIR: tmp },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let ended = false;
    const exited = new Promise<number | string | null>((done) =>
      child.on('close', (code, sig) => {
        ended = true;
        done(code ?? sig);
      }),
    );
    // Wait until the helper has written its file, then interrupt.
    const started = Date.now();
    let helperDir: string | undefined;
    try {
      while (Date.now() - started < 30_000 && !ended) {
        // (The compiler keeps its own temporary files in TMPDIR too.)
        const dir = readdirSync(tmp).find((d) => d.startsWith('zcopy-lab-'));
        if (dir && readdirSync(join(tmp, dir)).length) {
          helperDir = join(tmp, dir);
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      expect({ helperDir: helperDir !== undefined, stderr }).toEqual({ helperDir: true, stderr: '' });
      child.kill('SIGINT');
      expect(await exited).toBe(130);
    } finally {
      child.kill('SIGKILL');
    }
    expect(stderr).toBe('zcopy: interrupted; the temporary files and child processes are gone\n');
    expect(readdirSync(tmp)).toEqual([]);
    // No process is left running the helper on that directory.
    const left = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(helperDir!);
      } catch {
        return false;
      }
    });
    expect(left).toEqual([]);
  }, 60_000);
});

test('the helper source is where the CLI looks for it', () => {
  expect(existsSync(SOURCE)).toBe(true);
});

describe('the direct I/O claim, judged from cold runs', () => {
  const MiB = 1024 * 1024;
  const same = (x: number) => ({ min: x, median: x, max: x });
  /** One technique's result: CPU and wall in ms, the fractions of the file cached before and after. */
  const result = (technique: 'read-write' | 'direct-io', o: { cpu: number; wall?: number; before?: number; after: number }): LabResult => ({
    technique, bytes: 32 * MiB, chunk: 65536, chunks: 512, runs: 3, syscalls: {}, syscallsPerChunk: 2, wallS: same((o.wall ?? 20) / 1000), cpuS: o.cpu / 1000, lifeS: (o.wall ?? 20) / 1000,
    userS: 0, sysS: o.cpu / 1000, nvcsw: 0, nivcsw: 0, zerocopyCopied: null, zerocopyCompletions: null, pageCached: o.before ?? 0,
    cache: { cold: true, before: same(o.before ?? 0), after: same(o.after) }, kernel: '6.1', fs: 'ext4', model: models[technique], differences: [], refused: null, notes: [],
  });
  const refusedDirect = (): LabResult => ({
    ...result('direct-io', { cpu: 0, after: 0 }), bytes: null, syscalls: null, syscallsPerChunk: null, wallS: null, cpuS: null, lifeS: null, userS: null, sysS: null,
    nvcsw: null, nivcsw: null, pageCached: null, cache: null, refused: { call: 'openat', errno: 'EINVAL', message: 'Invalid argument' },
  });
  /** At 64 KiB and 1 MiB: [read-write, direct-io] each. */
  const judge = (rows: [LabResult, LabResult][], fs = 'ext4', lang: 'en' | 'zh' = 'en') => judgeClaim('directIoHugeFiles', rows, fs, lang);
  const typical = (): [LabResult, LabResult][] => [
    [result('read-write', { cpu: 9, wall: 21, after: 1 }), result('direct-io', { cpu: 15, wall: 85, after: 0 })],
    [result('read-write', { cpu: 9, wall: 22, after: 1 }), result('direct-io', { cpu: 5.5, wall: 30, after: 0 })],
  ];

  test('planned: read-write against direct-io, 32 MiB, cold, at 64 KiB and at 1 MiB', () => {
    const plan = claimPlans().find((c) => c.id === 'directIoHugeFiles')!;
    expect(DIRECT_CHUNKS).toEqual([65536, MiB]);
    expect(plan.runs).toEqual(DIRECT_CHUNKS.map((chunk) => ({ size: 32 * MiB, chunk, runs: 3, techniques: ['read-write', 'direct-io'], cold: true })));
  });

  test('holds: O_DIRECT leaves the file out of the cache, buffered reads leave it in, uses less CPU at both sizes and is no slower', () => {
    const rows = typical();
    rows[0][1] = result('direct-io', { cpu: 8, wall: 20, after: 0 });
    rows[1][1] = result('direct-io', { cpu: 5.5, wall: 22, after: 0 });
    const c = judge(rows);
    expect(c.verdict).toBe('holds');
    expect(c.says).toBe('O_DIRECT left 0% of the file in the page cache where buffered reads left 100%, and with 1 MiB reads it used 5.5 ms of CPU against 9.0 ms (64 KiB reads: 8.0 ms against 9.0 ms)');
  });

  test('mixed, not holds: O_DIRECT kept the cache clean and saved CPU on large reads, but cost more on small ones and was slower by the clock', () => {
    const c = judge(typical());
    expect(c.verdict).toBe('mixed');
    expect(c.measured).toEqual([
      'read-write: 0% of the file in the page cache before each run, 100% after it',
      'direct-io: 0% of the file in the page cache before each run, 0% after it',
      "64 KiB reads: read-write 9.0 ms of the sender's CPU, direct-io 15.0 ms; wall time 21.0 ms and 85.0 ms (medians)",
      "1 MiB reads: read-write 9.0 ms of the sender's CPU, direct-io 5.5 ms; wall time 22.0 ms and 30.0 ms (medians)",
    ]);
    // What went against it is said too: small O_DIRECT reads cost more CPU, and O_DIRECT was slower by the clock.
    expect(c.says).toBe(
      'O_DIRECT left 0% of the file in the page cache where buffered reads left 100%, and with 1 MiB reads it used 5.5 ms of CPU against 9.0 ms; with 64 KiB reads it used more (15.0 ms against 9.0 ms): without read-ahead every O_DIRECT read is a request to the disk of its own; by the clock its 1 MiB reads were slower (30.0 ms against 22.0 ms), one request at a time',
    );
    expect(c.caveats.join('\n')).toMatch(/32 MiB, far smaller than memory/);
    expect(c.caveats.join('\n')).toMatch(/no asynchronous I\/O/);
    expect(c.caveats.join('\n')).toMatch(/loopback/);
    expect(c.caveats).toContain('one filesystem (ext4), one kernel, one machine');
    expect(c.caveats.join('\n')).not.toMatch(/warm page cache/);
    // Either alone is enough: slower by the clock only, or dearer by CPU at 64 KiB only.
    const slowerOnly = typical();
    slowerOnly[0][1] = result('direct-io', { cpu: 8, wall: 85, after: 0 });
    expect(judge(slowerOnly).verdict).toBe('mixed');
    const dearerOnly = typical();
    dearerOnly[1][1] = result('direct-io', { cpu: 5.5, wall: 20, after: 0 });
    expect(judge(dearerOnly).verdict).toBe('mixed');
  });

  test('does not hold: O_DIRECT costs more CPU even with large reads', () => {
    const rows = typical();
    rows[1][1] = result('direct-io', { cpu: 12, after: 0 });
    const c = judge(rows);
    expect(c.verdict).toBe('doesNotHold');
    expect(c.says).toBe('O_DIRECT kept the file out of the page cache (0%, buffered reads 100%) but used more CPU even with 1 MiB reads: 12.0 ms against 9.0 ms');
  });

  test('does not hold: O_DIRECT left the file in the cache, or buffered reads did not leave it there', () => {
    const dirty = typical();
    dirty[0][1] = result('direct-io', { cpu: 15, after: 0.5 });
    expect(judge(dirty)).toMatchObject({ verdict: 'doesNotHold', says: 'O_DIRECT left 50% of the file in the page cache (buffered reads 100%): it did not keep the file out of the cache' });
    const clean = typical();
    clean[1][0] = result('read-write', { cpu: 9, after: 0.2 });
    expect(judge(clean)).toMatchObject({ verdict: 'doesNotHold', says: expect.stringMatching(/^buffered reads left only 20% of the file in the page cache \(O_DIRECT 0%\)/) });
  });

  test('not measured: O_DIRECT refused, with the call and errno in words', () => {
    const rows = typical();
    rows[0][1] = refusedDirect();
    rows[1][1] = refusedDirect();
    const c = judge(rows, 'tmpfs');
    expect(c).toMatchObject({ verdict: 'notMeasured', measured: [], says: 'O_DIRECT was refused on tmpfs (openat() gave EINVAL): nothing read around the page cache, so there was nothing to compare' });
    expect(judge(rows, 'tmpfs', 'zh').says).toBe('O_DIRECT 在 tmpfs 上被拒绝（openat() 返回 EINVAL）：没有绕过页缓存的读取，也就无从比较');
  });

  test('cannot be tested: the cache was not dropped (tmpfs), so the reads were not cold, whatever they cost', () => {
    const rows = typical().map(() => [result('read-write', { cpu: 9, before: 1, after: 1 }), result('direct-io', { cpu: 2, before: 1, after: 1 })] as [LabResult, LabResult]);
    const c = judge(rows, 'tmpfs');
    expect(c.verdict).toBe('notTestableHere');
    expect(c.says).toBe('posix_fadvise(POSIX_FADV_DONTNEED) still left 100% of the file in the page cache before a run (on tmpfs the page cache is where the file lives): the reads were not cold, so they cannot show what reading around the cache saves');
    expect(c.measured[0]).toBe('read-write: 100% of the file in the page cache before each run, 100% after it');
    // One run that was not cold is enough.
    const once = typical();
    once[1][0] = { ...once[1][0], cache: { cold: true, before: { min: 0, median: 0, max: 0.4 }, after: same(1) } };
    expect(judge(once)).toMatchObject({ verdict: 'notTestableHere', says: expect.stringMatching(/^posix_fadvise\(POSIX_FADV_DONTNEED\) still left 40% of the file in the page cache before a run: /) });
    expect(judge(once).measured.slice(0, 2)).toEqual([
      'read-write: 0%-40% of the file in the page cache before each run, 100% after it',
      'direct-io: 0% of the file in the page cache before each run, 0% after it',
    ]);
    // mincore() failed (-1 pages): nothing is claimed about the cache.
    const blind = typical();
    blind[0][0] = { ...blind[0][0], cache: { cold: true, before: same(-1 / 8192), after: same(-1 / 8192) } };
    expect(judge(blind)).toMatchObject({ verdict: 'notTestableHere', measured: [], says: expect.stringMatching(/^mincore\(\) could not see/) });
    expect(judge(rows, 'tmpfs', 'zh').says).toMatch(/^posix_fadvise\(POSIX_FADV_DONTNEED\) 之后，每轮开始前仍有 100% 的文件在页缓存里（tmpfs 上的文件本来就存放在页缓存里）/);
  });

  test('in Chinese: the verdict and every measured line', () => {
    const c = judge(typical(), 'ext4', 'zh');
    expect(c.verdict).toBe('mixed');
    expect(c.measured[0]).toBe('read-write：每轮开始前文件有 0% 在页缓存中，结束后有 100%');
    expect(c.says).toMatch(/^O_DIRECT 读完后文件只有 0% 留在页缓存里，带缓存的读取则留下 100%；每次读 1 MiB 时，O_DIRECT 用了 5.5 ms CPU/);
    expect(c.caveats).toContain('只有一种文件系统（ext4）、一个内核、一台机器');
  });
});

describe('zcopy lab --claims', () => {
  test('each claim with its source, what was measured, a verdict and its caveats; --json the same', () => {
    const r = zcopy(['lab', '--claims', '--json']);
    expect(r.code).toBe(0);
    const claims = JSON.parse(r.stdout) as { claim: string; source: string; measured: string[]; verdict: string; says: string; caveats: string[] }[];
    expect(claims).toHaveLength(3);
    for (const c of claims) {
      expect(Object.keys(c)).toEqual(['claim', 'source', 'measured', 'verdict', 'says', 'caveats']);
      expect(['holds', 'mixed', 'doesNotHold', 'notTestableHere', 'notMeasured']).toContain(c.verdict);
      expect(c.caveats.length).toBeGreaterThan(0);
      // A source a learner can look up: a title or a document's path, never the project's own seed numbering.
      expect(c.source).not.toMatch(/seed/i);
      expect(c.source).toMatch(/“[^”]+”|Documentation\//);
    }
    // sendfile against read() + write(): wall and CPU of each; MSG_ZEROCOPY at five chunk sizes, 4 KiB to 1 MiB.
    expect(claims[0].measured).toHaveLength(4);
    expect(claims[1].measured.map((m) => m.split(' chunks')[0])).toEqual(['4 KiB', '16 KiB', '64 KiB', '256 KiB', '1 MiB']);
    // The verdict follows from the figures: at least 2x is "holds".
    const ratio = Number(/took ([\d.]+)x/.exec(claims[0].says)![1]);
    expect(claims[0].verdict).toBe(ratio >= 2 ? 'holds' : 'doesNotHold');
    // Direct I/O, cold: on a filesystem with a disk both ways of reading were measured, and the verdict agrees with the figures.
    const direct = claims[2];
    if (direct.verdict === 'holds' || direct.verdict === 'mixed' || direct.verdict === 'doesNotHold') {
      expect(direct.measured).toHaveLength(4);
      expect(direct.measured.map((m) => m.split(':')[0])).toEqual(['read-write', 'direct-io', '64 KiB reads', '1 MiB reads']);
      // What each left after a run: one figure, or a range "a%-b%" (the least for buffered reads, the most for O_DIRECT, as the judge reads them).
      const after = (t: string) => / (\S+) after it$/.exec(direct.measured.find((m) => m.startsWith(`${t}:`))!)![1].split('-').map((p) => Number(p.replace('%', '')));
      const left = (t: string) => (t === 'direct-io' ? Math.max(...after(t)) : Math.min(...after(t)));
      const reads = (line: string) => /reads: read-write ([\d.]+) ms of the sender's CPU, direct-io ([\d.]+) ms; wall time ([\d.]+) ms and ([\d.]+) ms/.exec(line)!.slice(1).map(Number);
      const [smallRw, smallDio] = reads(direct.measured[2]);
      const [rwCpu, dioCpu, rwWall, dioWall] = reads(direct.measured[3]);
      const holds = left('direct-io') <= 10 && left('read-write') >= 50 && dioCpu < rwCpu;
      // The figures are printed to 0.1 ms and judged unrounded: where two print alike, either side is right.
      const against = smallDio > smallRw || dioWall > rwWall;
      const tie = smallDio === smallRw || dioWall === rwWall;
      const expected = !holds ? ['doesNotHold'] : tie ? ['holds', 'mixed'] : [against ? 'mixed' : 'holds'];
      expect({ verdict: expected.includes(direct.verdict), says: direct.says }).toEqual({ verdict: true, says: direct.says });
    } else {
      // Only a filesystem without a disk or without O_DIRECT leaves it untested, and it says why.
      console.warn(`lab --claims: direct I/O ${direct.verdict}: ${direct.says}`);
      expect(direct.says).toMatch(/O_DIRECT was refused|posix_fadvise\(POSIX_FADV_DONTNEED\) still left|mincore/);
    }
    const zh = zcopy(['lab', '--claims', '--lang', 'zh']);
    expect(zh.stdout).toContain('在本机上检验的说法');
    // The verdict and what it says are joined by a full-width colon, as Chinese text is.
    expect(zh.stdout).toMatch(/^ {2}(在这里成立|在这里有利有弊|在这里不成立|在这里无法检验|未测量)：/m);
    expect(zh.stdout).not.toMatch(/(成立|有利有弊|检验|未测量): /);
    for (const line of zh.stdout.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  }, 120_000);

  test('--claims with a size of its own is one line, exit 1', () => {
    const r = zcopy(['lab', '--claims', '--size', '1M']);
    expect([r.code, r.stderr.trim().split('\n').length]).toEqual([1, 1]);
  });
});

describe("the lab's long numbers are grouped (issue 21)", () => {
  test('a 1 GiB file in 64 KiB chunks: 16,384 chunks; sendfile 16,384 system calls and 32,768 mode switches', async () => {
    const { LAB_TEXT } = await import('../src/i18n/lab.js');
    // 2^30 / 2^16 = 16384 chunks; docs/MODEL.md: sendfile makes 1 system call and 2 mode switches per chunk.
    const counts = { syscalls: 16384, modeSwitches: 32768, cpuCopies: 16384, dmaCopies: 32768, interrupts: 16384, descriptorCopies: 0, pageFaults: 0 };
    const en = LAB_TEXT.en.modelTotals(counts, 16384, 16384, 'warm');
    expect(en).toContain('16,384 chunks');
    expect(en).toContain('16,384 system calls, 32,768 mode switches');
    expect(LAB_TEXT.zh.modelTotals(counts, 16384, 16384, 'warm')).toContain('（16,384 段，');
    expect(LAB_TEXT.en.heading('1 GiB', '64 KiB', 16384, 5)).toBe('zcopy lab: 1 GiB in 64 KiB chunks (16,384), 5 runs after a warm-up');
  });
});
