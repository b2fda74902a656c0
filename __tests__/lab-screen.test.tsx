import { describe, expect, test } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLabInApp } from '../src/app/lab.js';
import { labRunner } from '../src/app/session.js';
import { LabError } from '../src/lab/errors.js';
import { LAB_ERRORS } from '../src/i18n/lab.js';
import { DEFAULTS, roughSeconds } from '../src/lab/limits.js';
import { TECHNIQUES } from '../src/lab/model.js';
import type { HelperOutput, RunHelperOptions } from '../src/lab/run.js';
import type { LabEvent, LabRunner } from '../src/ui/app/route.js';
import { displayWidth } from '../src/term/text.js';
import { driveApp, testContext } from './helpers/app.js';

const LANGS = ['en', 'zh'] as const;
const SIZES = [
  { cols: 80, rows: 24 },
  { cols: 72, rows: 20 },
];

/** The real lab's words before it starts, with a run that only reports what the test tells it to. */
function fakeLab(lang: 'en' | 'zh' = 'en') {
  const reports: ((e: LabEvent) => void)[] = [];
  let stops = 0;
  const runner: LabRunner = {
    describe: labRunner(testContext(lang).ctx).describe,
    start: (report) => {
      reports.push(report);
      return {
        stop: () => {
          stops++;
          report({ kind: 'stopped' });
        },
      };
    },
  };
  return { runner, report: (e: LabEvent) => reports.at(-1)!(e), started: () => reports.length, stops: () => stops };
}

/** Each technique's runs after `done` runs in all, as the lab counts them: a warm-up and the measured runs, technique by technique. */
const rows = (done: number) => {
  const per = DEFAULTS.warmup + DEFAULTS.runs;
  return TECHNIQUES.map((technique, i) => ({ technique, done: Math.max(0, Math.min(per, done - i * per)), of: per }));
};

const fits = (frame: string, size: { cols: number; rows: number }) => {
  const lines = frame.split('\n');
  return lines.length <= size.rows - 1 && lines.every((l) => displayWidth(l) <= size.cols);
};

describe('the lab in the app', () => {
  test.each(LANGS)('%s: the home menu\'s lab says what it will do and roughly how long, and starts only on Enter', (lang) => {
    const lab = fakeLab(lang);
    const app = driveApp({ screen: 'home' }, { lang, lab: lab.runner });
    app.type('G', '\r');
    const frame = app.frame().replace(/\s+/g, lang === 'zh' ? '' : ' ');
    const seconds = roughSeconds({ ...DEFAULTS, techniques: TECHNIQUES });
    expect(frame).toContain(lang === 'en' ? `each of ${TECHNIQUES.length} techniques` : `${TECHNIQUES.length}种技术`);
    expect(frame).toContain(lang === 'en' ? `roughly ${seconds} seconds` : `大约需要${seconds}秒`);
    expect(lab.started()).toBe(0);
    expect(app.ended).toEqual([]);
    app.type('\r');
    expect(lab.started()).toBe(1);
  });

  test('while it runs: a line per technique (✓ done, ▸ measuring, · waiting) and what is measured now; the report is a page that scrolls, q goes home', () => {
    const lab = fakeLab();
    const app = driveApp({ screen: 'home' }, { lab: lab.runner });
    app.type('G', '\r', '\r');
    lab.report({ kind: 'building' });
    expect(app.frame()).toContain('building the C helper');
    lab.report({ kind: 'progress', techniques: rows(8), label: 'measuring mmap-write (run 2 of 5)' });
    const frame = app.frame();
    expect(frame).toMatch(/^ {3}✓ read-write +6\/6 +done$/m);
    expect(frame).toMatch(/^ {3}▸ mmap-write +2\/6 +measuring$/m);
    expect(frame).toMatch(/^ {3}· sendfile +0\/6 +waiting$/m);
    expect(frame).toContain('measuring mmap-write (run 2 of 5)');
    // Keys other than stop do nothing while it runs: Enter does not start a second run.
    app.type('\r', 'j');
    expect(lab.started()).toBe(1);
    const report = Array.from({ length: 60 }, (_, i) => `report line ${i + 1}`);
    lab.report({ kind: 'done', report: () => report });
    expect(app.frame()).toMatch(/^report line 1$/m);
    expect(app.frame()).toMatch(/lines 1-22 of 60/);
    app.type('\u001b[6~');
    expect(app.frame()).toMatch(/^report line 23$/m);
    app.type('\u001b[5~');
    expect(app.frame()).toMatch(/^report line 1$/m);
    app.type('q');
    expect(app.frame()).toMatch(/› lab /);
    expect(app.ended).toEqual([]);
  });

  test('q while it runs stops it, says so once it has stopped, and Enter runs it again; q then goes home', () => {
    const lab = fakeLab();
    const app = driveApp({ screen: 'lab', back: { screen: 'home', at: 'lab' } }, { lab: lab.runner });
    app.type('\r');
    lab.report({ kind: 'progress', techniques: rows(1), label: 'measuring read-write (run 1 of 5)' });
    app.type('q');
    expect(lab.stops()).toBe(1);
    expect(app.frame()).toContain('Stopped; the temporary files and child processes are gone.');
    expect(app.frame()).not.toMatch(/✓|▸/);
    app.type('\r');
    expect(lab.started()).toBe(2);
    lab.report({ kind: 'stopped' });
    app.type('q');
    expect(app.frame()).toMatch(/› lab /);
  });

  test('Ctrl-C while it runs stops the run and leaves zcopy', () => {
    const lab = fakeLab();
    const app = driveApp({ screen: 'lab', back: null }, { lab: lab.runner });
    app.type('\r', '\u0003');
    expect(lab.stops()).toBe(1);
    expect(app.ended).toEqual([{ kind: 'done' }]);
  });

  test.each(LANGS)('%s: where the lab cannot run, one line says why, and q goes back', (lang) => {
    const lab = fakeLab(lang);
    const app = driveApp({ screen: 'lab', back: { screen: 'home', at: 'lab' } }, { lang, lab: lab.runner });
    app.type('\r');
    const why = LAB_ERRORS[lang].noCompiler('cc');
    lab.report({ kind: 'failed', message: why });
    // Compared without spaces: a Chinese line may break anywhere.
    const bare = (t: string) => t.replace(/\s+/g, '');
    expect(bare(app.frame())).toContain(bare(why));
    app.type('\r');
    expect(lab.started()).toBe(1);
    app.type('q');
    expect(app.frame()).toMatch(/› lab /);
  });

  test.each(LANGS)('%s: every phase fits 80x24 and 72x20', (lang) => {
    for (const size of SIZES) {
      const lab = fakeLab(lang);
      const app = driveApp({ screen: 'lab', back: null }, { lang, size, lab: lab.runner });
      const frames = [app.frame()];
      app.type('\r');
      lab.report({ kind: 'building' });
      frames.push(app.frame());
      lab.report({ kind: 'progress', techniques: rows(20), label: 'measuring msg-zerocopy (run 1 of 5)' });
      frames.push(app.frame());
      app.type('q');
      frames.push(app.frame());
      app.type('\r');
      lab.report({ kind: 'failed', message: LAB_ERRORS[lang].notLinux('darwin') });
      frames.push(app.frame());
      for (const f of frames) expect({ size, f, fits: fits(f, size) }).toEqual({ size, f, fits: true });
    }
  });
});

describe('runLabInApp: the lab run the app starts', () => {
  const ctx = () => testContext().ctx;
  const output = (plan: RunHelperOptions['plan']): HelperOutput => ({
    env: { type: 'env', kernel: '6.1', machine: 'x86_64', fs: 'ext4', pageSize: 4096, pid: 1 },
    runs: [],
    refused: plan.techniques.map((technique) => ({ type: 'refused', technique, call: 'sendfile', errno: 'EINVAL', message: 'refused' })),
  });

  test('reports building, each technique\'s runs as the helper counts them, then the report as a page', async () => {
    const events: LabEvent[] = [];
    await runLabInApp(ctx(), (e) => events.push(e), new EventEmitter(), {
      args: { size: '1M', runs: '1', technique: ['sendfile', 'splice'] },
      ensure: async () => '/bin/true',
      run: async (o) => {
        o.onProgress?.(1, 4, 'sendfile');
        o.onProgress?.(2, 4, 'sendfile');
        return output(o.plan);
      },
    });
    expect(events.map((e) => e.kind)).toEqual(['building', 'progress', 'progress', 'progress', 'done']);
    // One warm-up and one run each: after two runs sendfile is done and splice waits.
    expect(events[3]).toEqual({ kind: 'progress', techniques: [{ technique: 'sendfile', done: 2, of: 2 }, { technique: 'splice', done: 0, of: 2 }], label: 'measuring splice (warm-up)' });
    const page = (events[4] as Extract<LabEvent, { kind: 'done' }>).report(72);
    expect(page.join('\n')).toMatch(/sendfile/);
    expect(Math.max(...page.map(displayWidth))).toBeLessThanOrEqual(72);
  });

  test('a lab that cannot run here is one failed line, the lab\'s own', async () => {
    const events: LabEvent[] = [];
    const why = LAB_ERRORS.en.noCompiler('cc');
    await runLabInApp(ctx(), (e) => events.push(e), new EventEmitter(), {
      ensure: async () => {
        throw new LabError(why, 69);
      },
    });
    expect(events.at(-1)).toEqual({ kind: 'failed', message: why });
  });

  test('a SIGINT on its signals while the helper runs ends in stopped, not failed', async () => {
    const events: LabEvent[] = [];
    const signals = new EventEmitter();
    const running = runLabInApp(ctx(), (e) => events.push(e), signals, {
      args: { size: '1M', runs: '1', technique: ['sendfile'] },
      ensure: async () => '/bin/true',
      run: (o) =>
        new Promise((_, fail) => {
          o.signals!.once('SIGINT', () => fail(new LabError(LAB_ERRORS.en.interrupted, 130)));
        }),
    });
    await new Promise((done) => setImmediate(done));
    signals.emit('SIGINT', 'SIGINT');
    await running;
    expect(events.at(-1)).toEqual({ kind: 'stopped' });
  });

  test('a real run at a tiny size, on this machine: the helper built and run, every technique reported, then its report', async () => {
    if (process.platform !== 'linux') return;
    const events: LabEvent[] = [];
    const cache = mkdtempSync(join(tmpdir(), 'zcopy-labapp-'));
    const c = { ...ctx(), env: { ...process.env, XDG_CACHE_HOME: cache } };
    try {
      await runLabInApp(c, (e) => events.push(e), new EventEmitter(), { args: { size: '64K', runs: '1', technique: ['read-write', 'sendfile'] } });
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
    const last = events.at(-1)!;
    if (last.kind === 'failed') throw new Error(last.message);
    expect(last.kind).toBe('done');
    const final = events.filter((e): e is Extract<LabEvent, { kind: 'progress' }> => e.kind === 'progress').at(-1)!;
    expect(final.techniques).toEqual([
      { technique: 'read-write', done: 2, of: 2 },
      { technique: 'sendfile', done: 2, of: 2 },
    ]);
  }, 120_000);
});
