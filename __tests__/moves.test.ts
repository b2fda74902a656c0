import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { challengesDir, loadLevels } from '../src/challenge/index.js';
import { loadCatalog } from '../src/lessons/index.js';
import { EVENT_TYPES, IllegalEvent, initialState, movesOf, run, step, type EventType, type Script, type State } from '../src/model/index.js';
import { candidates } from '../src/model/moves.js';
import { ROOT } from './helpers/cli.js';
import { refusalText } from '../src/i18n/refusals.js';

const LESSONS = join(ROOT, 'lessons');
const lessons = loadCatalog(LESSONS).lessons;
const levels = loadLevels(challengesDir(LESSONS), lessons.map((l) => l.id)).levels;
const NAMES = [...new Set(lessons.flatMap((l) => l.steps.flatMap((s) => (s.event.type === 'syscall' ? [s.event.name] : []))))];

const scripts: [string, Script][] = [
  ...lessons.map((l): [string, Script] => [`lesson ${l.id}`, l]),
  ...levels.map((l): [string, Script] => [`level ${l.id}`, { payload: l.payload, machine: l.machine, steps: l.solution }]),
];

describe('the palette offers the moves the machine accepts', () => {
  // The sandbox and the challenges build paths only from these moves: every lesson and reference solution must be buildable.
  test.each(scripts)('%s can be built move by move', (_name, script) => {
    const timeline = run(script);
    script.steps.forEach((s, i) => {
      const { moves } = movesOf(timeline[i], s.event.type, NAMES);
      expect(moves.some((m) => JSON.stringify(m.next) === JSON.stringify(timeline[i + 1]))).toBe(true);
    });
  });

  test('every move offered is legal, leads where it says, and no two lead to the same state', () => {
    // Three lessons that between them visit every place, mappings, faults and pipes.
    for (const [, script] of scripts.filter(([name]) => ['lesson traditional', 'lesson cow', 'lesson splice'].includes(name))) {
      for (const state of run(script).filter((_, i) => i % 3 === 0)) {
        for (const type of EVENT_TYPES) {
          const { moves, refusal } = movesOf(state, type, NAMES);
          expect(moves.length > 0 || refusal !== null).toBe(true);
          const shapes = moves.map((m) => JSON.stringify(m.next));
          expect(new Set(shapes).size).toBe(shapes.length);
          for (const m of moves) expect(step(state, m.event)).toEqual(m.next);
        }
      }
    }
  });

  test('the search finds what stepping every candidate finds: the same moves, the simplest event for each state, the most common refusal', () => {
    // The oracle steps every candidate: the distinct resulting states, the simplest event for each, and the most common refusal.
    const everyCandidate = (state: State, type: EventType) => {
      const moves: string[] = [];
      const seen = new Set<string>();
      const codes = new Map<string, number>();
      for (const event of candidates(state, type, NAMES)) {
        try {
          const shape = JSON.stringify(step(state, event));
          if (!seen.has(shape)) moves.push(JSON.stringify(event));
          seen.add(shape);
        } catch (error) {
          if (!(error instanceof IllegalEvent)) throw error;
          codes.set(error.refusal.code, (codes.get(error.refusal.code) ?? 0) + 1);
        }
      }
      const refusal = moves.length ? null : ([...codes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null);
      return { moves, refusal };
    };
    for (const [, script] of scripts.filter(([name]) => ['lesson traditional', 'lesson msg-zerocopy', 'lesson kernel-bypass', 'level fbuf-share'].includes(name))) {
      for (const state of run(script).filter((_, i) => i % 2 === 0)) {
        for (const type of EVENT_TYPES) {
          const { moves, refusal } = movesOf(state, type, NAMES);
          expect({ type, moves: moves.map((m) => JSON.stringify(m.event)), refusal: refusal?.code ?? null }).toEqual({ type, ...everyCandidate(state, type) });
        }
      }
    }
  });

  test('a type the machine refuses says why, with the reason most of its candidates meet', () => {
    const start = initialState(['A', 'B']);
    // docs/MODEL.md: the process must be inside the kernel to reply from a system call; nothing is open at the start.
    expect(movesOf(start, 'sysret', NAMES)).toEqual({ moves: [], refusal: { code: 'sysretWithoutSyscall', params: {} } });
    expect(movesOf(start, 'handleInterrupt', NAMES).refusal?.code).toBe('noInterruptPending');
  });

  test('the simplest event is kept where two have the same effect, and `first` stops at one', () => {
    const inRead = step(initialState(['A', 'B']), { type: 'syscall', name: 'read' });
    expect(movesOf(inRead, 'sysret', NAMES).moves.map((m) => m.event)).toEqual([{ type: 'sysret' }]);
    expect(movesOf(initialState(['A']), 'syscall', NAMES, { first: true }).moves).toHaveLength(1);
    // Every call the lessons make may start on a fresh machine but splice(), which needs a pipe made first (docs/MODEL.md).
    const startable = movesOf(initialState(['A']), 'syscall', NAMES).moves.map((m) => (m.event as { name: string }).name);
    expect(startable.sort()).toEqual(NAMES.filter((n) => n !== 'splice').sort());
  });

  test('a kind the open call never makes is refused by its contract, naming no places', () => {
    const inRead = step(initialState(['A', 'B']), { type: 'syscall', name: 'read' });
    const { moves, refusal } = movesOf(inRead, 'pageRefMove', NAMES);
    expect(moves).toEqual([]);
    expect(refusal).toEqual({ code: 'outsideContract', params: { call: 'read', event: 'pageRefMove' } });
    expect(refusalText(refusal!, 'en')).toMatch(/^read\(\) cannot move page references: read\(\) fills the caller's buffer/);
    expect(refusalText(refusal!, 'zh')).toMatch(/^read\(\) 不能移动页引用：read\(\) 把文件读进调用者的缓冲区/);
  });
});
