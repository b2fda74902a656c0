import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadCatalog } from '../src/lessons/index.js';
import { chunksOf, run, scaled, type Counters } from '../src/model/index.js';
import { GiB, KiB, TiB, parseSize } from '../src/term/bytes.js';
import { ROOT, zcopy } from './helpers/cli.js';

const catalog = loadCatalog(join(ROOT, 'lessons'));
const lesson = (id: string) => catalog.find(id)!;
const at = (id: string, size: number, chunk: number) => {
  const l = lesson(id);
  return scaled(l, run(l), { size, chunk });
};

describe('scale: totals = set-up + chunks x per chunk + teardown (MODEL.md, "Scale and what-if")', () => {
  test('read + write, 1 GiB in 64 KiB chunks, cold cache: the figures MODEL.md gives', () => {
    const s = at('traditional', GiB, 64 * KiB);
    expect(s.chunks).toBe(16384);
    expect(s.counts).toMatchObject({ syscalls: 32768, modeSwitches: 65536, cpuCopies: 32768, dmaCopies: 32768 } satisfies Partial<Counters>);
    expect(s.formula.syscalls).toEqual({ setup: 0, chunks: 16384, perChunk: 2, teardown: 0, total: 32768 });
  });

  test('set-up counts once: splice makes pipe() once, then two splice() calls per chunk', () => {
    // MODEL.md: splice = pipe() + 2 x splice(); per chunk 4 mode switches, set-up 2.
    const s = at('splice', 4 * 64 * KiB, 64 * KiB);
    expect(s.formula.modeSwitches).toMatchObject({ setup: 2, chunks: 4, perChunk: 4, total: 18 });
  });

  test('chunks = ceil(size / chunk), and without a partial chunk there is no extra call', () => {
    expect(chunksOf({ size: 100, chunk: 64 })).toBe(2);
    expect(chunksOf({ size: 128, chunk: 64 })).toBe(2);
    expect(chunksOf({ size: 1, chunk: 64 * KiB })).toBe(1);
  });

  test('1 TiB in 4 KiB chunks is exact: no overflow', () => {
    const s = at('traditional', TiB, 4 * KiB);
    expect(s.chunks).toBe(2 ** 28);
    expect(s.counts.modeSwitches).toBe(4 * 2 ** 28);
    expect(Number.isSafeInteger(at('traditional', TiB, 1).counts.modeSwitches)).toBe(true);
  });

  test('every lesson folds: its transfer steps leave the machine in the shape they found it', () => {
    for (const l of catalog.lessons) expect({ id: l.id, chunks: at(l.id, 10 * 64 * KiB, 64 * KiB).chunks }).toEqual({ id: l.id, chunks: 10 });
  });

  test('sizes parse with binary suffixes up to T', () => {
    expect(parseSize('1G')).toBe(GiB);
    expect(parseSize('64K')).toBe(64 * KiB);
    expect(parseSize('1TiB')).toBe(TiB);
    expect(parseSize('4096')).toBe(4096);
    for (const bad of ['', 'x', '-1', '1Q', '1e3']) expect(parseSize(bad)).toBeUndefined();
  });
});

describe('--size and --chunk on the command line', () => {
  test('explain traditional --size 1G --chunk 64K: 32768 system calls and 65536 mode switches, with the formula', () => {
    const r = zcopy(['explain', 'traditional', '--size', '1G', '--chunk', '64K']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Counts · 1 GiB in 64 KiB chunks: 16384 chunks$/m);
    expect(r.stdout).toMatch(/^  Syscalls\s+32768\s+0\s+2  = 16384 x 2/m);
    expect(r.stdout).toMatch(/^  Mode switches\s+65536\s+0\s+4  = 16384 x 4$/m);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  test('the JSON carries size, chunk, chunks, knobs, counts, setup, perTransfer and formula', () => {
    const x = JSON.parse(zcopy(['explain', 'splice', '--size', '1G', '--json']).stdout);
    // MODEL.md: splice sets up one pipe() (2 mode switches), then 4 mode switches per chunk; 64 KiB chunks by default.
    expect(x).toMatchObject({ size: GiB, chunk: 64 * KiB, chunks: 16384, knobs: { cache: 'cold', nic: 'sg' } });
    expect(x.counts.modeSwitches).toBe(2 + 16384 * 4);
    expect(x.setup.modeSwitches).toBe(2);
    expect(x.perTransfer.modeSwitches).toBe(4);
    expect(x.formula.modeSwitches).toBe('2 + 16384 x 4');
    // Without --size, one chunk, as before: no scale fields.
    expect(JSON.parse(zcopy(['explain', 'splice', '--json']).stdout).chunks).toBeUndefined();
  });

  test('compare --size gives each lesson\'s totals for the whole file, within 80 columns', () => {
    const rows = JSON.parse(zcopy(['compare', 'traditional', 'sendfile', '--size', '1G', '--json']).stdout);
    expect(rows.map((r: { id: string; counts: Counters }) => [r.id, r.counts.syscalls, r.counts.modeSwitches])).toEqual([
      ['traditional', 32768, 65536],
      // MODEL.md: sendfile is one call per chunk, 2 mode switches.
      ['sendfile', 16384, 32768],
    ]);
    // The JSON contract (README): the machine and each total's sum, as explain gives them.
    expect(rows[0]).toMatchObject({ size: 1024 ** 3, chunk: 64 * 1024, chunks: 16384, knobs: { cache: 'cold', nic: 'sg' }, formula: { syscalls: '16384 x 2', modeSwitches: '16384 x 4' } });
    expect(JSON.parse(zcopy(['compare', 'sendfile', '--cache', 'warm', '--json']).stdout)[0].knobs).toEqual({ cache: 'warm', nic: 'sg' });
    const text = zcopy(['compare', '--size', '1G', '--chunk', '4K']).stdout;
    expect(text).toMatch(/^Totals for a 1 GiB file in 4 KiB chunks \(262144 chunks\)/m);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  test('1 TiB works; bad sizes get one line and exit 1, in the learner\'s language', () => {
    expect(JSON.parse(zcopy(['explain', 'traditional', '--size', '1T', '--chunk', '4K', '--json']).stdout).counts.modeSwitches).toBe(4 * 2 ** 28);
    for (const args of [['--size', '0'], ['--size', '-1'], ['--size', 'big'], ['--size', '1K', '--chunk', '4K'], ['--chunk', '4K'], ['--size', '1G', '--chunk', '0'], ['--size', '2000T']]) {
      const r = zcopy(['explain', 'traditional', ...args]);
      expect({ args, code: r.code, lines: r.stderr.trim().split('\n').length, stdout: r.stdout }).toEqual({ args, code: 1, lines: 1, stdout: '' });
    }
    expect(zcopy(['explain', 'traditional', '--size', 'big', '--lang', 'zh']).stderr).toMatch(/^zcopy: --size 必须是/);
    // A size smaller than the default chunk is one chunk.
    expect(JSON.parse(zcopy(['explain', 'traditional', '--size', '4K', '--json']).stdout).chunks).toBe(1);
  });
});

describe('learn --size shows the loop once, then the whole file', () => {
  test('the transfer steps are marked repeated; a summary step ends it with the totals and their formulas', () => {
    const l = lesson('traditional');
    const out = zcopy(['learn', 'traditional', '--size', '1G']).stdout;
    const frames = out.split(/\n\n(?= zcopy · )/);
    // One frame per step, the start, and the summary step.
    expect(frames).toHaveLength(l.steps.length + 2);
    expect(frames[1]).toContain('↻ chunk 1 of 16384, repeated');
    expect(frames[0]).not.toContain('↻');
    const summary = frames.at(-1)!;
    expect(summary).toContain(`step ${l.steps.length + 1}/${l.steps.length + 1}`);
    expect(summary).toMatch(/The whole file: 1 GiB in 64 KiB chunks, 16384 chunks/);
    // MODEL.md: read + write, 1 GiB in 64 KiB chunks: 65536 mode switches, 32768 system calls.
    expect(summary).toMatch(/Mode switches\s+65536 = 16384 x 4/);
    expect(summary).toMatch(/Syscalls\s+32768 = 16384 x 2/);
    // traditional is the baseline itself.
    expect(zcopy(['learn', 'sendfile', '--size', '1G']).stdout).toMatch(/Per chunk, set-up left out: -1 CPU copy, -2 mode\s+switches, -1 system call/);
  });

  test('a set-up step is not marked repeated', () => {
    const l = lesson('splice');
    const frames = zcopy(['learn', 'splice', '--size', '1M']).stdout.split(/\n\n(?= zcopy · )/);
    l.steps.forEach((s, i) => expect({ step: i + 1, marked: frames[i + 1].includes('↻') }).toEqual({ step: i + 1, marked: s.phase === 'transfer' }));
  });
});

describe('quiz --size asks about the whole file', () => {
  test('the answers are the whole file\'s, and one chunk\'s figure is named as the mistake it is', () => {
    const key = JSON.parse(zcopy(['quiz', '--size', '1G', '--kind', 'counts', '--scenario', 'traditional', '--reveal', '--json', '--count', '4', '--seed', '1']).stdout);
    const answer = (id: string) => key.find((q: { id: string }) => q.id === id)?.answer;
    // MODEL.md: read + write, 1 GiB in 64 KiB chunks: 65536 mode switches, 32768 CPU copies.
    expect(answer('counts:traditional:modeSwitches:file')).toBe('65536');
    expect(answer('counts:traditional:cpuCopies:file')).toBe('32768');
    const q = key.find((x: { id: string }) => x.id === 'counts:traditional:modeSwitches:file');
    expect(q.prompt).toContain('1 GiB');
    // Answered by lines: one chunk's 4 mode switches for the whole file.
    const order = key.map((x: { id: string }) => x.id);
    const answers = order.map((id: string) => (id === 'counts:traditional:modeSwitches:file' ? '4' : answer(id))).join('\n') + '\n';
    const out = zcopy(['quiz', '--size', '1G', '--kind', 'counts', '--scenario', 'traditional', '--count', '4', '--seed', '1'], {}, answers).stdout;
    expect(out).toContain("That is one chunk's figure: the file is 16384 chunks");
    expect(out.trimEnd().split('\n').at(-1)).toBe('Score: 3/4');
  });

  test('a bad --size is one line, exit 1', () => {
    const r = zcopy(['quiz', '--size', 'lots']);
    expect([r.code, r.stderr.trim().split('\n').length]).toEqual([1, 1]);
  });
});

test("a teacher's lesson whose per-chunk steps do not end as they began is refused by --size in one line", () => {
  const dir = mkdtempSync(join(tmpdir(), 'zcopy-scale-'));
  const file = join(dir, 'open.yaml');
  // read() entered and never returned: a second chunk would start inside the first call.
  writeFileSync(file, stringify({ id: 'open', group: 'io-modes', job: 'read', title: { en: 'open', zh: '开' }, summary: { en: 'open', zh: '开' }, payload: ['A'], steps: [{ event: { type: 'syscall', name: 'read' }, text: { en: 'in', zh: '进' } }] }));
  const r = zcopy(['explain', '--file', file, '--size', '1M']);
  expect({ code: r.code, lines: r.stderr.trim().split('\n').length }).toEqual({ code: 1, lines: 1 });
  expect(r.stderr).toContain('privilege');
});
