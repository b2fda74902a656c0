import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { loadCatalog } from '../src/lessons/index.js';
import { run, type Counters } from '../src/model/index.js';
import { ROOT } from './helpers/cli.js';

// Written by hand from ../shared/MODEL.md, "The figures the sources agree on", and from its
// "What real programs do" table for the call order. Never copied from the engine's output.
const FIGURES: Record<string, { counts: Partial<Counters>; syscalls: string[] }> = {
  traditional: { counts: { cpuCopies: 2, dmaCopies: 2, modeSwitches: 4, syscalls: 2 }, syscalls: ['read', 'write'] },
  mmap: { counts: { cpuCopies: 1, dmaCopies: 2, modeSwitches: 4, syscalls: 2 }, syscalls: ['mmap', 'write'] },
  sendfile: { counts: { cpuCopies: 1, dmaCopies: 2, modeSwitches: 2, syscalls: 1 }, syscalls: ['sendfile'] },
  'sendfile-sg': { counts: { cpuCopies: 0, dmaCopies: 2, modeSwitches: 2, syscalls: 1 }, syscalls: ['sendfile'] },
};

const catalog = loadCatalog(join(ROOT, 'lessons'));

describe('the engine reproduces the agreed figures', () => {
  test.each(Object.entries(FIGURES))('%s', (id, expected) => {
    const lesson = catalog.find(id);
    expect(lesson?.id).toBe(id);
    const end = run(lesson!).at(-1)!;
    expect(end.counts).toMatchObject(expected.counts);
    expect(end.syscallLog).toEqual(expected.syscalls);
  });

  test('sendfile-sg copies a descriptor instead of the bytes', () => {
    expect(run(catalog.find('sendfile-sg')!).at(-1)!.counts.descriptorCopies).toBeGreaterThanOrEqual(1);
  });
});
