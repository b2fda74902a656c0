import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { RECOMMENDED_PATH, loadCatalog, nextOnPath } from '../src/lessons/index.js';
import { BASELINES, savedLines } from '../src/present/savings.js';
import { ROOT } from './helpers/cli.js';

const catalog = loadCatalog(join(ROOT, 'lessons'));
const lesson = (id: string) => catalog.find(id)!;
const saved = (id: string, lang: 'en' | 'zh' = 'en') => {
  const base = BASELINES[lesson(id).job];
  return savedLines(lesson(id), base ? lesson(base) : null, lang);
};

describe('the recommended path', () => {
  test('names every lesson of the catalogue exactly once', () => {
    expect([...RECOMMENDED_PATH].sort()).toEqual(catalog.lessons.map((l) => l.id).sort());
    expect(new Set(RECOMMENDED_PATH).size).toBe(RECOMMENDED_PATH.length);
  });

  test('starts with the I/O modes and walks read() + write() towards zero-copy in the order the issue gives', () => {
    expect(RECOMMENDED_PATH.slice(0, 3)).toEqual(['programmed-io', 'interrupt-io', 'dma-io']);
    const core = ['traditional', 'mmap', 'sendfile', 'sendfile-sg', 'splice', 'msg-zerocopy'];
    const at = core.map((id) => RECOMMENDED_PATH.indexOf(id));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(nextOnPath('traditional')).toBe('mmap');
    expect(nextOnPath('sendfile')).toBe('sendfile-sg');
    expect(nextOnPath(RECOMMENDED_PATH.at(-1)!)).toBeNull();
    expect(nextOnPath('my-own-lesson')).toBeNull();
  });
});

describe("a lesson's end: what it saved against read() + write()", () => {
  // docs/MODEL.md's agreed figures (CPU copies, DMA copies, mode switches, system calls), one chunk's totals.
  const AGREED = { traditional: [2, 2, 4, 2], sendfile: [1, 2, 2, 1], 'sendfile-sg': [0, 2, 2, 1], mmap: [1, 2, 4, 2] };
  const UNITS = [
    ['CPU copy', 'CPU copies'],
    ['DMA copy', 'DMA copies'],
    ['mode switch', 'mode switches'],
    ['system call', 'system calls'],
  ];
  /** "-1 CPU copy, -2 mode switches": each of the four counters that differs from traditional, from the agreed table. */
  const expected = (id: keyof typeof AGREED) =>
    AGREED[id]
      .map((n, i) => n - AGREED.traditional[i])
      .flatMap((d, i) => (d === 0 ? [] : [`${d > 0 ? '+' : ''}${d} ${UNITS[i][Math.abs(d) === 1 ? 0 : 1]}`]));

  test.each(['sendfile', 'sendfile-sg', 'mmap'] as const)('%s: the agreed differences, and no other of the four counters', (id) => {
    const [total] = saved(id);
    expect(total).toMatch(/^Against read\(\) \+ write\(\) \(traditional\): /);
    for (const change of expected(id)) expect(total).toContain(change);
    // A counter the agreed table keeps equal is not named.
    AGREED[id].forEach((n, i) => {
      if (n === AGREED.traditional[i]) expect(total).not.toMatch(new RegExp(`[+-]\\d+ ${UNITS[i][0]}`));
    });
  });

  test('sendfile: -1 CPU copy, -2 mode switches, -1 system call', () => {
    expect(saved('sendfile')[0]).toBe('Against read() + write() (traditional): -1 CPU copy, -2 mode switches, -1 system call.');
  });

  test('mmap makes set-up calls, so the per-chunk figure is shown too, and it comes from the model', () => {
    const lines = saved('mmap');
    expect(lines).toHaveLength(2);
    // Per chunk mmap makes only write(): one call, two switches fewer than read() + write().
    expect(lines[1]).toMatch(/^Per chunk, set-up left out: .*-2 mode switches, -1 system call/);
    expect(lines[1]).toContain('-1 CPU copy');
    // sendfile has no set-up: one line is all.
    expect(saved('sendfile')).toHaveLength(1);
  });

  test('the baselines say so, other jobs say the comparison does not apply, reads compare with dma-io', () => {
    expect(saved('traditional')[0]).toMatch(/baseline/);
    expect(saved('cow')[0]).toMatch(/does not apply/);
    expect(saved('page-cache')[0]).toMatch(/does not apply/);
    // fbufs shares a pool and still reads a file and sends it: what its job says must hold for it too.
    const sends = catalog.find('fbufs')!.steps.some((s) => 'to' in s.event && s.event.to === 'nic');
    expect(sends).toBe(true);
    for (const lang of ['en', 'zh'] as const) expect(saved('fbufs', lang)[0]).not.toMatch(/sends no file|no file|不发送文件|并不发送/);
    expect(saved('direct-io')[0]).toMatch(/^Against a plain read\(\) with DMA \(dma-io\): -1 CPU copy/);
    expect(saved('sendfile', 'zh')[0]).toBe('与 read() + write()（traditional）相比：CPU 拷贝 -1，模式切换 -2，系统调用 -1。');
  });
});
