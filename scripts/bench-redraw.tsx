// Redraw time of the learn screen, in the app the learner runs: for every step of every
// lesson, the time from a keypress to the new frame being written, on an 80x24 terminal
// held in memory. Then the same for the challenge screen, over a scripted solve of every
// level by keys (opening the palette, moving in it, choosing, each move applied).
// Build and run: npm run bench:redraw
import { Chalk } from 'chalk';
import { render } from 'ink';
import { EventEmitter } from 'node:events';
import { loadCatalog } from '../src/lessons/index.js';
import { judgePrediction } from '../src/quiz/predict.js';
import { Session } from '../src/ui/app/session.js';
import { learnView } from '../src/ui/learn/view.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionWorld } from '../src/app/session.js';
import { makeContext, type Io } from '../src/cli/context.js';
import { levelBench, syscallNames } from '../src/app/workbench.js';
import { initialBuild } from '../src/ui/builder/state.js';
import { buildByKeys } from '../__tests__/helpers/build.js';

// Stepping a lesson opens no other screen: anything else asked of the world is a bench bug.
const unused = () => {
  throw new Error('the redraw bench steps one lesson; nothing else is opened');
};

class FakeStdout extends EventEmitter {
  columns = 80;
  rows = 24;
  isTTY = true;
  onWrite: (() => void) | null = null;
  write(_chunk: string) {
    this.onWrite?.();
    return true;
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  setRawMode() {}
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  private queue: string[] = [];
  read() {
    return this.queue.shift() ?? null;
  }
  press(data: string) {
    this.queue.push(data);
    this.emit('readable');
  }
}

const lessonsDir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'lessons';
const paint = new Chalk({ level: 2 });
const samples: number[] = [];
const perLesson: { id: string; median: number }[] = [];

for (const lesson of loadCatalog(lessonsDir).lessons) {
  const view = learnView(lesson, 'en');
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const app = render(
    <Session
      start={{ screen: 'learn', id: lesson.id, predict: false, back: null }}
      lang="en"
      paint={paint}
      home={() => ({ title: '', note: '', items: [] })}
      picker={{ title: '', note: '', items: () => [] }}
      explainPicker={{ title: '', note: '', items: () => [] }}
      view={() => view}
      judge={(said, s) => judgePrediction(said, { mover: s.mover, switches: s.switchesMode, event: s.event }, 'en')}
      quiz={unused}
      explain={unused}
      compare={unused}
      glossary={unused}
      progress={unused}
      challenges={{ title: '', note: '', items: unused, bench: unused }}
      sandbox={unused}
      terms={{ title: '', note: '', items: unused, lineOf: unused }}
      onFinish={() => {}}
      onAnswer={unused}
      onEnd={() => {}}
    />,
    { stdout: stdout as never, stdin: stdin as never, patchConsole: false, exitOnCtrlC: false, maxFps: 1000 },
  );
  await new Promise((r) => setTimeout(r, 20));
  const mine: number[] = [];
  for (let i = 0; i < view.steps.length; i++) {
    const written = new Promise<void>((resolve) => (stdout.onWrite = resolve));
    const start = performance.now();
    stdin.press('\u001B[C');
    await written;
    mine.push(performance.now() - start);
    if (process.env.BENCH_TRACE) console.error(lesson.id, i + 1, (performance.now() - start).toFixed(2));
    stdout.onWrite = null;
    await new Promise((r) => setTimeout(r, 3));
  }
  app.unmount();
  samples.push(...mine);
  perLesson.push({ id: lesson.id, median: quantile(mine, 0.5) });
}

// The challenge screen: every level solved by keys, as a learner types them (the palette opened,
// moved in, chosen from; each move applied and judged), in the app wired as the command line wires it.
const challengeSamples: number[] = [];
{
  const state = mkdtempSync(join(tmpdir(), 'zcopy-bench-'));
  const io: Io = { argv: [], env: { XDG_STATE_HOME: state }, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, lessonsDir, version: '0' };
  const ctx = makeContext(io, 'en');
  const world = sessionWorld(ctx, {}, () => {});
  const levels = ctx.levels();
  const names = syscallNames();
  const TERMINAL: Record<string, string> = { enter: '\r', left: '\u001B[D', right: '\u001B[C' };
  for (const level of levels.levels) {
    const bench = levelBench(level, levels, names, 'en');
    const { keys } = buildByKeys(initialBuild(bench), level.solution, { bench, lang: 'en', size: { cols: 80, rows: 24 }, behind: false });
    const stdout = new FakeStdout();
    const stdin = new FakeStdin();
    const app = render(<Session {...world} paint={paint} start={{ screen: 'challenge', id: level.id, back: null }} onEnd={() => {}} />, {
      stdout: stdout as never,
      stdin: stdin as never,
      patchConsole: false,
      exitOnCtrlC: false,
      maxFps: 1000,
    });
    await new Promise((r) => setTimeout(r, 20));
    for (const key of keys) {
      const written = new Promise<void>((resolve) => (stdout.onWrite = resolve));
      const start = performance.now();
      stdin.press(TERMINAL[key] ?? key);
      await written;
      challengeSamples.push(performance.now() - start);
      if (process.env.BENCH_TRACE) console.error(level.id, key, (performance.now() - start).toFixed(2));
      stdout.onWrite = null;
      await new Promise((r) => setTimeout(r, 3));
    }
    app.unmount();
  }
  rmSync(state, { recursive: true, force: true });
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const report = { steps: samples.length, medianMs: quantile(samples, 0.5), p99Ms: quantile(samples, 0.99), maxMs: Math.max(...samples) };
const challenge = { keys: challengeSamples.length, medianMs: quantile(challengeSamples, 0.5), p99Ms: quantile(challengeSamples, 0.99), maxMs: Math.max(...challengeSamples) };
if (process.argv.includes('--json')) console.log(JSON.stringify({ ...report, perLesson, challenge }));
else {
  console.log(`learn redraw, ${report.steps} steps over ${perLesson.length} lessons (80x24, in memory):`);
  console.log(`  median ${report.medianMs.toFixed(2)} ms   p99 ${report.p99Ms.toFixed(2)} ms   max ${report.maxMs.toFixed(2)} ms`);
  console.log(`challenge redraw, ${challenge.keys} keys solving every level:`);
  console.log(`  median ${challenge.medianMs.toFixed(2)} ms   p99 ${challenge.p99Ms.toFixed(2)} ms   max ${challenge.maxMs.toFixed(2)} ms`);
}
