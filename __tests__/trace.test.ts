import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadCatalog } from '../src/lessons/index.js';
import { COUNTER_KEYS, traceOf, type Counters } from '../src/model/index.js';
import { explain } from '../src/present/explain.js';
import { compareRows } from '../src/present/compare.js';
import { factsOf } from '../src/quiz/facts.js';
import { learnView } from '../src/ui/learn/view.js';
import { ROOT } from './helpers/cli.js';

const catalog = loadCatalog(join(ROOT, 'lessons'));
const lesson = (id: string) => catalog.find(id)!;

// How many steps raise each counter, written by hand from docs/MODEL.md's agreed figures: each
// CPU or DMA copy, each mode switch and each call is one step of its own.
const RISES: Record<string, Partial<Counters>> = {
  traditional: { cpuCopies: 2, dmaCopies: 2, modeSwitches: 4, syscalls: 2 },
  sendfile: { cpuCopies: 1, dmaCopies: 2, modeSwitches: 2, syscalls: 1 },
  'sendfile-sg': { cpuCopies: 0, dmaCopies: 2, modeSwitches: 2, syscalls: 1 },
  'programmed-io': { cpuCopies: 2, dmaCopies: 0, modeSwitches: 2, interrupts: 0 },
};

describe('one trace per lesson', () => {
  test('a lesson is run once: every reader gets the same trace', () => {
    const l = lesson('sendfile');
    expect(traceOf(l)).toBe(traceOf(l));
    expect(factsOf(l).timeline).toBe(traceOf(l).timeline);
    // A what-if variant is a lesson of its own, with its own trace.
    expect(traceOf({ ...l })).not.toBe(traceOf(l));
  });

  test.each(Object.entries(RISES))('%s: the steps that raise each counter', (id, expected) => {
    const { rises, steps } = traceOf(lesson(id));
    for (const [k, n] of Object.entries(expected)) expect([k, rises[k as keyof Counters].length]).toEqual([k, n]);
    // rises and each step's own list say the same thing.
    for (const k of COUNTER_KEYS) expect(steps.filter((s) => s.rose.includes(k)).map((s) => s.n)).toEqual(rises[k]);
  });

  test('each step is the machine either side of its event, and its phases add up to the total', () => {
    for (const l of catalog.lessons) {
      const t = traceOf(l);
      expect(t.steps).toHaveLength(l.steps.length);
      t.steps.forEach((s, i) => {
        expect(s.before).toBe(t.timeline[i]);
        expect(s.after).toBe(t.timeline[i + 1]);
        expect(s.event).toBe(l.steps[i].event);
      });
      for (const k of COUNTER_KEYS) expect(t.phases.setup[k] + t.phases.perTransfer[k] + t.phases.teardown[k]).toBe(t.end.counts[k]);
    }
  });

  test('a scale is folded once per size and chunk', () => {
    const t = traceOf(lesson('traditional'));
    const big = t.atScale({ size: 1 << 30, chunk: 1 << 16 });
    expect(t.atScale({ size: 1 << 30, chunk: 1 << 16 })).toBe(big);
    // docs/MODEL.md: read + write moves each chunk with 2 calls, so 16384 chunks of 64 KiB make 32768.
    expect(big.counts.syscalls).toBe(32768);
  });

  test('explain, learn, the quiz and compare read the trace rather than deriving their own', () => {
    for (const id of ['traditional', 'sendfile', 'splice']) {
      const t = traceOf(lesson(id));
      const x = explain(lesson(id), 'en');
      const v = learnView(lesson(id), 'en');
      expect(x.steps.map((s) => s.mover)).toEqual(t.steps.map((s) => s.mover));
      expect(v.steps.map((s) => s.state)).toEqual(t.steps.map((s) => s.after));
      expect(v.places).toBe(t.places);
      expect(compareRows([lesson(id)])[0].perTransfer).toEqual(t.phases.perTransfer);
    }
  });
});

describe('no consumer runs a lesson on its own', () => {
  // A new reader of a lesson (an export, a trace of a real program) asks traceOf(), never run().
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
  const importsRun = (source: string) => /import\s*\{[^}]*\brun\b[^}]*\}\s*from\s*'[./]*\/?(model\/index|model\/run)\.js'/.test(source);

  test('the detector finds an import of run', () => {
    expect(importsRun("import { COUNTER_KEYS, run, type State } from '../model/index.js';")).toBe(true);
    expect(importsRun("import { traceOf } from '../../model/index.js';")).toBe(false);
  });

  test('outside src/model, no source file imports run', () => {
    const src = join(ROOT, 'src');
    const offenders = files(src)
      .filter((f) => !relative(src, f).startsWith('model/'))
      .filter((f) => importsRun(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
