import { describe, expect, test } from '@jest/globals';
import { Chalk } from 'chalk';
import { join } from 'node:path';
import { appContext } from '../src/app/context.js';
import type { AppProblem } from '../src/app/problems.js';
import { problemOf } from './helpers/problems.js';
import { planQuiz } from '../src/app/quiz-plan.js';
import { checkScale, knobsAsked, scaleOf, variedOrRefused } from '../src/app/scale.js';
import { problemText } from '../src/cli/problems.js';
import { DEFAULT_KNOBS } from '../src/model/index.js';
import { ROOT } from './helpers/cli.js';

const app = appContext({ lang: 'en', env: {}, lessonsDir: join(ROOT, 'lessons'), paint: new Chalk({ level: 0 }), warn: () => {} });


describe('the application refuses with typed problems', () => {
  test('options it cannot take', () => {
    expect(problemOf(() => scaleOf({ chunk: '64K' }))).toEqual({ code: 'chunkNeedsSize' });
    expect(problemOf(() => scaleOf({ size: 'big' }))).toEqual({ code: 'badSize', flag: 'size', raw: 'big' });
    expect(problemOf(() => scaleOf({ size: '4K', chunk: '8K' }))).toEqual({ code: 'chunkOverSize', chunk: 8192, size: 4096 });
    expect(problemOf(() => knobsAsked({ readers: '0' }))).toEqual({ code: 'badReaders', raw: '0', max: 1000 });
    expect(problemOf(() => planQuiz({ count: '0' }, app))).toEqual({ code: 'badCount', raw: '0', max: 100 });
    expect(problemOf(() => planQuiz({ kind: ['movr'] }, app))).toEqual({ code: 'badKind', kind: 'movr', guess: 'mover' });
    expect(problemOf(() => app.lookup('sendfil'))).toEqual({ code: 'unknownScenario', name: 'sendfil', guess: 'sendfile' });
  });

  test('a knob a lesson does not answer to, and a chunk the kernel would not move whole', () => {
    // docs/MODEL.md, "Scale and what-if": only page-cache serves several readers.
    const p = problemOf(() => variedOrRefused(app.lookup('sendfile'), { ...DEFAULT_KNOBS, readers: 3 }));
    expect(p).toMatchObject({ code: 'knobNotHere', knob: 'readers', value: '3', id: 'sendfile' });
    // docs/MODEL.md, "The kernel's limits on a chunk": a chunk that is not whole pages is refused.
    expect(problemOf(() => checkScale({ size: 1 << 20, chunk: 6000 }, [app.lookup('traditional')]))).toMatchObject({ code: 'scaleRefused', id: 'traditional' });
  });

  test('the command line says each in one line, in both languages', () => {
    const problems: AppProblem[] = [
      problemOf(() => scaleOf({ chunk: '64K' })),
      problemOf(() => scaleOf({ size: '2000T' })),
      problemOf(() => planQuiz({ json: true }, app)),
      problemOf(() => planQuiz({ seed: 'x' }, app)),
      problemOf(() => planQuiz({ cache: 'warm', kind: ['mover'] }, app)),
      problemOf(() => app.lessonArg('sendfile', 'x.yaml')),
    ];
    for (const p of problems)
      for (const lang of ['en', 'zh'] as const) {
        const text = problemText(p, lang);
        expect([p.code, text.includes('\n'), text.length > 10]).toEqual([p.code, false, true]);
      }
  });
});
