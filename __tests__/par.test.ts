import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { challengesDir, judge, loadLevels, pathText, searchPar, validateLevel, type Level, type Par } from '../src/challenge/index.js';
import { syscallNames } from '../src/app/workbench.js';
import { loadCatalog, type LessonStep } from '../src/lessons/index.js';
import { ROOT } from './helpers/cli.js';

const LESSONS = join(ROOT, 'lessons');
const catalog = loadCatalog(LESSONS);
const lessonIds = catalog.lessons.map((l) => l.id);
const names = syscallNames();
const levels = loadLevels(challengesDir(LESSONS), lessonIds);
const level = (id: string): Level => levels.find(id)!;
/** A level file's data, to change one field and check it again. */
const dataOf = (id: string): Record<string, unknown> => parse(readFileSync(level(id).source, 'utf8'));
const below = (a: Par, b: Par) => a.modeSwitches < b.modeSwitches || (a.modeSwitches === b.modeSwitches && a.steps < b.steps);
const stepOf = (event: LessonStep['event']) => ({ event });

// The search steps the model a few thousand times per level: more than jest's default five seconds on a loaded machine.
const SLOW = 300_000;

describe('par is proved, not typed', () => {
  test.each(levels.levels.map((l) => [l.id]))(
    '%s: its par is the fewest mode switches, then steps, of any passing path',
    (id) => {
      const found = searchPar(level(id), names);
      const shown = found.kind === 'proved' ? { par: found.par, path: pathText(found.path) } : { bound: found.expanded };
      expect({ id, ...shown }).toEqual({ id, par: level(id).par, path: expect.any(String) });
    },
    SLOW,
  );

  test(
    'a par above the fewest is refused, naming a path that passes and beats it',
    () => {
      // dma-read as it was: the DMA moved the file in two halves, so its par counted a step one transfer saves.
      const data = dataOf('dma-read');
      const solution = data.solution as { event: Record<string, unknown> }[];
      const halves = [...solution.slice(0, 2), stepOf({ type: 'dmaTransfer', count: 2 }), stepOf({ type: 'dmaTransfer', count: 2 }), ...solution.slice(3)];
      const file = { ...data, solution: halves, par: { modeSwitches: 2, steps: halves.length } };
      const checked = validateLevel(file, 'dma-read.yaml', lessonIds, 'en', { names });
      expect('problems' in checked && checked.problems).toEqual([{ path: ['par'], message: expect.stringMatching(/^the par is not the fewest: this path passes in \d+ mode switch(es)? and \d+ steps?: \S/) }]);

      const found = searchPar(level('dma-read'), names);
      expect(found.kind).toBe('proved');
      if (found.kind !== 'proved') return;
      // The path it names is one the judge passes, and it beats the par it was given.
      expect(judge(level('dma-read'), found.path).unmet).toBeNull();
      expect(below(found.par, { modeSwitches: 2, steps: halves.length })).toBe(true);
      expect((checked as { problems: { message: string }[] }).problems[0].message).toContain(pathText(found.path));
      const zh = validateLevel(file, 'dma-read.yaml', lessonIds, 'zh', { names });
      expect('problems' in zh && zh.problems[0].message).toBe(
        `标准不是最少的：这条路径用模式切换 ${found.par.modeSwitches} 次、${found.par.steps} 步就能通过：${pathText(found.path)}`,
      );
    },
    SLOW,
  );

  test('a par below what the reference solution takes is refused: the par must be reached by the level itself', () => {
    const data = { ...dataOf('dma-read'), par: { modeSwitches: 2, steps: level('dma-read').solution.length - 1 } };
    const checked = validateLevel(data, 'dma-read.yaml', lessonIds, 'en', { names });
    expect('problems' in checked && checked.problems).toEqual([
      { path: ['par', 'steps'], message: `the par is ${level('dma-read').solution.length - 1} steps, but the reference solution takes ${level('dma-read').solution.length}` },
    ]);
  });

  test('a search stopped by its bound says the par is not proved rather than pass it', () => {
    const data = dataOf('zero-copy');
    const checked = validateLevel(data, 'zero-copy.yaml', lessonIds, 'en', { names, bound: { maxSteps: 32, maxExpanded: 1 } });
    expect('problems' in checked && checked.problems).toEqual([{ path: ['par'], message: 'the par is not proved: the search stopped at its bound (1 states, paths of at most 32 steps)' }]);
    // Nor is anything proved where no passing path fits the horizon.
    const short = searchPar(level('zero-copy'), names, { maxSteps: 1, maxExpanded: 100_000 });
    expect(short.kind).toBe('bound');
  });

  test('a path the search names passes the judge with phases that keep a per-chunk limit', () => {
    const l = level('into-a-pipe');
    const found = searchPar(l, names);
    expect(found.kind).toBe('proved');
    if (found.kind !== 'proved') return;
    expect(judge(l, found.path)).toMatchObject({ unmet: null, steps: found.par.steps });
  });
});
