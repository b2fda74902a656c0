import { displayWidth } from '../src/term/text.js';
import { describe, expect, test } from '@jest/globals';
import { Chalk } from 'chalk';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { homeMenu, resumePoint } from '../src/app/session.js';
import { challengesDir, loadLevels } from '../src/challenge/index.js';
import { RECOMMENDED_PATH, loadCatalog, nextOnPath } from '../src/lessons/index.js';
import { emptyData, openStore, recordAnswer, recordLessonFinished, recordLessonVisit, recordLevelSolved } from '../src/progress/index.js';
import { KINDS, makeQuiz, revisitText, type Picked, type Question } from '../src/quiz/index.js';
import { judgePrediction } from '../src/quiz/predict.js';
import { learnKey, type Judge, type LearnEffect } from '../src/ui/learn/controller.js';
import { initialLesson, renderLesson, type LessonState } from '../src/ui/learn/frame.js';
import { pointedAt, type Route } from '../src/ui/app/route.js';
import { learnView } from '../src/ui/learn/view.js';
import { ROOT, zcopy } from './helpers/cli.js';
import { driveApp, openApp, testContext } from './helpers/app.js';
import { main } from '../src/cli/main.js';

const catalog = loadCatalog(join(ROOT, 'lessons'));
const plain = new Chalk({ level: 0 });
const judge: Judge = (said, step) => judgePrediction(said, { mover: step.mover, switches: step.switchesMode, event: step.event }, 'en');
const size = { cols: 80, rows: 24 };
const sendfile = learnView(catalog.find('sendfile')!, 'en', { nextId: nextOnPath('sendfile') });
const last = sendfile.steps.length;

/** The keys in order through the pure reducer: the state they leave and every effect on the way. */
function press(keys: string[], ui: LessonState = initialLesson(false, true), view = sendfile) {
  const effects: LearnEffect[] = [];
  for (const k of keys) {
    const step = learnKey(ui, k, { view, judge, size });
    ui = step.state;
    effects.push(...(step.effects ?? []));
  }
  return { ui, effects };
}

describe('a count before g, G or Enter goes to that step', () => {
  test('5g, 12 Enter, 3G; a count past the end goes to the end', () => {
    expect(press(['5', 'g']).ui.position).toBe(5);
    expect(press(['1', '0', 'enter']).ui.position).toBe(10);
    expect(press(['l', 'l', '3', 'G']).ui.position).toBe(3);
    expect(press(['9', '9', 'g']).ui.position).toBe(last);
    // Without a count, g and Enter do what they always did.
    expect(press(['l', 'l', 'g']).ui.position).toBe(0);
    expect(press(['l', 'enter']).ui.position).toBe(2);
  });

  test('a count then another key drops the count and the key does its usual thing; Esc only drops it', () => {
    const typed = press(['l', '5']);
    expect(typed.ui.count).toBe('5');
    const then = press(['l'], typed.ui);
    expect(then.ui).toMatchObject({ position: 2, count: '' });
    // The count is gone: g now goes to the start, not to step 5.
    expect(press(['g'], then.ui).ui.position).toBe(0);
    const esc = press(['esc'], typed.ui);
    expect(esc.ui).toMatchObject({ position: 1, count: '' });
    expect(esc.effects).toEqual([]);
    // 0 alone is no count; after a digit it is one.
    expect(press(['0']).ui.count).toBe('');
    expect(press(['1', '0']).ui.count).toBe('10');
  });

  test('the footer says what a pending count does, and the frame still fits', () => {
    for (const s of [size, { cols: 72, rows: 20 }]) {
      const lines = renderLesson(sendfile, press(['1', '2']).ui, s, plain);
      expect(lines.at(-1)).toContain('12: g or Enter goes to step 12, Esc cancels');
      expect(lines.length).toBeLessThanOrEqual(s.rows - 1);
    }
  });

  test('5g in one read, on screen', async () => {
    const app = await openApp({ screen: 'learn', id: 'sendfile', predict: false, back: null });
    await app.burst('5', 'g');
    expect(app.frame()).toContain(`step 5/${last}`);
    await app.burst('1', '1', '\r');
    expect(app.frame()).toContain(`step 11/${last}`);
    app.unmount();
  });
});

describe('finished means every step was seen', () => {
  test('G then q does not finish; seeing the steps skipped does, once', () => {
    const jumped = press(['G', 'q']);
    expect(jumped.effects.map((e) => e.kind)).toEqual(['leave', 'stopped']);
    const back = press(Array(last).fill('h'), press(['G']).ui);
    expect(back.effects.filter((e) => e.kind === 'finished')).toHaveLength(1);
    expect(press(['l', 'l'], back.ui).effects).toEqual([]);
  });

  test('steps seen on an earlier visit count: a resumed lesson need not be seen again', () => {
    const resumed = initialLesson(false, true, 6, [1, 2, 3, 4, 5]);
    const { effects } = press(Array(last - 6).fill('l'), resumed);
    expect(effects.map((e) => e.kind)).toEqual(['finished']);
  });

  test("leaving says where: the step, the steps seen, and predict mode's score", () => {
    const predicting = initialLesson(true, true);
    // Step 1 is a system call: the CPU moves nothing and the mode switches.
    const { effects } = press(['l', 'n', 'y', 'q'], predicting);
    expect(effects).toEqual([
      { kind: 'leave', leaving: 'screen' },
      { kind: 'stopped', at: 1, seen: [1], predicted: { right: 1, asked: 1 }, moved: true },
    ]);
    // Opened and left without going anywhere: progress keeps the step it had.
    expect(press(['q'], initialLesson(false, true, 2, [2])).effects[1]).toMatchObject({ at: 2, seen: [2], moved: false });
  });
});

describe('the picker marks a lesson left at its last step with steps unseen (issue 21)', () => {
  test('it reopens at the start, and the picker says how many steps were seen', () => {
    const state = mkdtempSync(join(tmpdir(), 'zcopy-nav-'));
    const last = catalog.find('sendfile')!.steps.length;
    recordLessonVisit(openStore({ env: { XDG_STATE_HOME: state }, lang: 'en', warn: () => {} }), 'sendfile', { at: last, seen: [1, 2, last], predicted: { right: 0, asked: 0 } });
    const en = driveApp({ screen: 'picker', then: 'learn', back: null, at: 'sendfile' }, { state });
    expect(en.frame()).toMatch(new RegExp(`› sendfile .*3/${last} seen · `));
    const zh = driveApp({ screen: 'picker', then: 'learn', back: null, at: 'sendfile' }, { state, lang: 'zh' });
    expect(zh.frame()).toMatch(new RegExp(`› sendfile .*已看 3/${last} 步 · `));
  });
});

describe('after n, q comes back to the list on the one just left (issue 21)', () => {
  test('a lesson opened by n from the picker', () => {
    const app = driveApp({ screen: 'picker', then: 'learn', back: null, at: 'sendfile' });
    app.type('\r', 'G', 'n');
    expect(app.session().route).toMatchObject({ screen: 'learn', id: nextOnPath('sendfile') });
    app.type('q');
    expect(app.session().route).toMatchObject({ screen: 'picker', at: nextOnPath('sendfile') });
    expect(app.frame()).toMatch(new RegExp(`› ${nextOnPath('sendfile')} `));
  });

  test('a level opened by n: the level list behind it points at the new one; anything else behind is left as it was', () => {
    const list: Route = { screen: 'levels', back: null, at: 'dma-read' };
    expect(pointedAt(list, 'no-dma-read')).toEqual({ screen: 'levels', back: null, at: 'no-dma-read' });
    const home: Route = { screen: 'home' };
    expect(pointedAt(home, 'no-dma-read')).toBe(home);
    expect(pointedAt(null, 'no-dma-read')).toBeNull();
  });
});

describe('a lesson reopens where it was left, however it is opened', () => {
  const learn = (extra: Partial<Extract<Route, { screen: 'learn' }>> = {}): Route => ({ screen: 'learn', id: 'sendfile', predict: false, back: null, ...extra });
  const saved = (state: string) => openStore({ env: { XDG_STATE_HOME: state }, lang: 'en', warn: () => {} }).data.lessons;

  test('zcopy learn sendfile, five steps, q; again by name, q: the steps seen and the resume offer are kept', () => {
    const first = driveApp(learn());
    first.type('l', 'l', 'l', 'l', 'l', 'q');
    expect(saved(first.state).sendfile).toMatchObject({ lastStep: 5, seen: [1, 2, 3, 4, 5] });
    const again = driveApp(learn(), { state: first.state });
    expect(again.frame()).toContain(`step 5/${last}`);
    expect(again.frame()).toContain(`Resumed at step 5/${last}, where you left it (Home: from the start).`);
    again.type('q');
    expect(saved(first.state).sendfile).toMatchObject({ lastStep: 5, seen: [1, 2, 3, 4, 5] });
    const picker = driveApp({ screen: 'picker', then: 'learn', back: null, at: 'sendfile' }, { state: first.state });
    expect(picker.frame()).toMatch(new RegExp(`› sendfile .*resume at 5/${last}`));
    // The note goes once the learner moves; the rest of the lesson finishes it, the steps before counted.
    const resumed = driveApp(learn(), { state: first.state });
    resumed.type('l');
    expect(resumed.frame()).not.toContain('Resumed at');
    resumed.type(...Array(last - 6).fill('l'));
    expect(resumed.finished).toEqual(['sendfile']);
  });

  test('in Chinese too', () => {
    const first = driveApp(learn(), { lang: 'zh' });
    first.type('l', 'l', 'q');
    expect(driveApp(learn(), { lang: 'zh', state: first.state }).frame()).toContain(`从你上次离开的第 2/${last} 步继续（Home：从头开始）。`);
  });

  test('n at the end of a lesson opens the next where it was left, and q then keeps it', () => {
    const first = driveApp(learn({ id: 'sendfile-sg' }));
    first.type('l', 'l', 'l', 'q');
    const app = driveApp(learn(), { state: first.state });
    app.type('G', 'n');
    expect(app.frame()).toContain('zcopy · sendfile-sg');
    expect(app.frame()).toMatch(/step 3\/\d+/);
    app.type('q');
    expect(saved(first.state)['sendfile-sg']).toMatchObject({ lastStep: 3, seen: [1, 2, 3] });
  });

  test('--step N opens there, as asked; the steps seen before are kept, and a peek does not move where it reopens', () => {
    const first = driveApp(learn());
    first.type('l', 'l', 'l', 'l', 'l', 'q');
    const peek = driveApp(learn({ step: 8 }), { state: first.state });
    expect(peek.frame()).toContain(`step 8/${last}`);
    expect(peek.frame()).not.toContain('Resumed at');
    peek.type('q');
    expect(saved(first.state).sendfile).toMatchObject({ lastStep: 5, seen: [1, 2, 3, 4, 5, 8] });
    // Going back a step is where the learner chose to stop.
    const back = driveApp(learn({ step: 3 }), { state: first.state });
    back.type('h', 'q');
    expect(saved(first.state).sendfile).toMatchObject({ lastStep: 2, seen: [1, 2, 3, 4, 5, 8] });
  });

  test('in one session, the picker a lesson goes back to offers to resume it at once', () => {
    const app = driveApp({ screen: 'picker', then: 'learn', back: null, at: 'sendfile' });
    app.type('\r', 'l', 'l', 'l', 'q');
    expect(app.frame()).toMatch(new RegExp(`› sendfile .*resume at 3/${last}`));
    app.type('\r');
    expect(app.frame()).toContain(`step 3/${last}`);
  });
});

describe('at the end, n opens the next lesson of the path', () => {
  test('n opens it only at the end, and the footer offers it there', () => {
    expect(press(['l', 'n']).effects).toEqual([]);
    const { effects } = press(['G', 'n']);
    expect(effects[0]).toEqual({ kind: 'open', id: 'sendfile-sg' });
    expect(effects[1]).toMatchObject({ kind: 'stopped', at: last });
    expect(renderLesson(sendfile, press(['G']).ui, { cols: 72, rows: 20 }, plain).at(-1)).toMatch(/^ n next lesson/);
    expect(renderLesson(sendfile, press(['l']).ui, size, plain).at(-1)).not.toContain('next lesson');
  });

  test('in a session: n opens it, and q from it goes back to the picker the first came from', () => {
    const app = driveApp({ screen: 'picker', then: 'learn', back: null, at: 'sendfile' });
    app.type('\r', 'G', 'n');
    expect(app.frame()).toContain('zcopy · sendfile-sg');
    expect(app.frame()).toContain('start');
    app.type('l', 'q');
    expect(app.frame()).toContain('choose a scenario');
    // Where each was left is what progress keeps.
    const lessons = openStore({ env: { XDG_STATE_HOME: app.state }, lang: 'en', warn: () => {} }).data.lessons;
    expect(lessons.sendfile.lastStep).toBe(last);
    expect(lessons['sendfile-sg'].lastStep).toBe(1);
  });

  test('a session opened at a step (--step, a resumed lesson) starts there', () => {
    const start: Route = { screen: 'learn', id: 'sendfile', predict: false, back: null, step: 5 };
    const app = driveApp(start);
    expect(app.frame()).toContain(`step 5/${last}`);
  });
});

/** The number in a transcript's first step header. */
const firstStep = (out: string) => Number(/(?:step|第) (\d+)\/\d+/.exec(out.split('\n')[0])?.[1]);

describe('zcopy learn --step', () => {
  test('piped: the transcript starts at that step', () => {
    const r = zcopy(['learn', 'sendfile', '--step', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`step 5/${last} $`));
    expect(r.stdout).not.toContain(' start ');
    expect(r.stdout).not.toContain(`step 4/${last}`);
    expect(r.stdout).toContain(`step ${last}/${last}`);
  });

  test.each([['0'], [String(last + 1)], ['five'], ['2.5'], ['']])('--step %p: one line naming the range, exit 1', (n) => {
    const r = zcopy(['learn', 'sendfile', '--step', n]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`zcopy: --step must be a whole number from 1 to ${last} (the steps of sendfile), not "${n}"`]);
  });

  test('in Chinese, and without a scenario', () => {
    const zh = zcopy(['learn', 'sendfile', '--step', '99', '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`--step 必须是 1 到 ${last} 之间的整数`);
    const none = zcopy(['learn', '--step', '3']);
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe('zcopy: --step needs a scenario: zcopy learn sendfile --step 5');
  });
});

/** The command line run in this process, piped, as the binary runs it (the lessons read from the catalogue the build wrote): its exit code and what it printed. */
async function run(argv: string[]) {
  const out: string[] = [];
  const stdout = { isTTY: false, columns: 0, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream;
  const code = await main({ ...testContext('en', stdout).ctx.io, argv, catalogCache: join(ROOT, 'dist', 'lessons') });
  return { code, stdout: out.join('') };
}

describe("the quiz's Revisit commands work as printed", () => {
  test('for many seeds, every learn command parses and opens the step it names', async () => {
    const lessons = catalog.lessons;
    const commands = new Set<string>();
    const wrong = (q: Question): Picked => (q.choices.length ? { choice: (q.answer.charCodeAt(0) - 96) % q.choices.length } : { number: Number(q.answer) + 1 });
    for (let seed = 1; seed <= 40; seed++) {
      for (const lang of ['en', 'zh'] as const) {
        for (const q of makeQuiz({ selected: lessons, catalog: lessons, count: 20, seed, lang, kinds: [...KINDS] })) {
          commands.add(revisitText(q.revisit));
          commands.add(revisitText(q.diagnose(wrong(q)).revisit));
        }
      }
    }
    const learn = [...commands].filter((c) => c.startsWith('zcopy learn ') && c.includes('--step'));
    expect(learn.length).toBeGreaterThan(10);
    for (const command of learn) {
      const args = command.split(' ').slice(1);
      const [, , id, flag, n] = ['zcopy', ...args];
      expect({ command, shape: flag === '--step' && /^\d+$/.test(n) && catalog.find(id) !== undefined }).toEqual({ command, shape: true });
      const r = await run(args);
      expect({ command, code: r.code, step: firstStep(r.stdout) }).toEqual({ command, code: 0, step: Number(n) });
    }
    // The command line in this process is the binary's: the first and the last print the same there.
    for (const command of [learn[0], learn.at(-1)!]) {
      const args = command.split(' ').slice(1);
      const r = zcopy(args);
      expect({ command, code: r.code, stdout: r.stdout }).toEqual({ command, code: 0, stdout: (await run(args)).stdout });
    }
  });
});

const temp = () => mkdtempSync(join(tmpdir(), 'zcopy-nav-'));
const at = new Date('2030-01-02T03:04:05.678Z');
const store = (xdg: string) => openStore({ env: { XDG_STATE_HOME: xdg }, lang: 'en', warn: () => {}, now: () => at });

describe('progress remembers where each lesson was left', () => {
  test('lastStep, the steps seen and predict scores are saved; predictions add up over visits', () => {
    const xdg = temp();
    recordLessonVisit(store(xdg), 'sendfile', { at: 5, seen: [1, 2, 3, 4, 5], predicted: { right: 2, asked: 3 } });
    recordLessonVisit(store(xdg), 'sendfile', { at: 6, seen: [1, 2, 3, 4, 5, 6], predicted: { right: 1, asked: 1 } });
    const saved = JSON.parse(readFileSync(join(xdg, 'zcopy', 'progress.json'), 'utf8'));
    expect(saved.version).toBe(1);
    expect(saved.lessons.sendfile).toEqual({ finished: 0, lastAt: at.toISOString(), lastStep: 6, seen: [1, 2, 3, 4, 5, 6], predicted: { right: 3, asked: 4 } });
    expect(resumePoint(saved.lessons.sendfile, last)).toEqual({ step: 6, seen: [1, 2, 3, 4, 5, 6] });
    // Left at its end, a lesson starts again; never visited, from the start.
    expect(resumePoint({ finished: 1, lastAt: '', lastStep: last, seen: [] }, last)).toBeNull();
    expect(resumePoint(undefined, last)).toBeNull();
    const shown = zcopy(['progress'], { XDG_STATE_HOME: xdg });
    expect(shown.stdout).toMatch(new RegExp(`^  sendfile\\s+in progress, 6/${last} seen\\s+last 2030-01-02  predictions 3/4$`, 'm'));
  });

  test('a visit adds the steps it saw to those recorded; finishing starts a new pass', () => {
    const xdg = temp();
    const none = { right: 0, asked: 0 };
    recordLessonVisit(store(xdg), 'sendfile', { at: 5, seen: [1, 2, 3, 4, 5], predicted: none, moved: true });
    // Another terminal, opened at step 8 and left there: nothing seen is lost, and it still reopens at 5.
    recordLessonVisit(store(xdg), 'sendfile', { at: 8, seen: [8], predicted: none, moved: false });
    expect(store(xdg).data.lessons.sendfile).toMatchObject({ lastStep: 5, seen: [1, 2, 3, 4, 5, 8] });
    recordLessonVisit(store(xdg), 'sendfile', { at: 7, seen: [7], predicted: none, moved: true });
    expect(store(xdg).data.lessons.sendfile).toMatchObject({ lastStep: 7, seen: [1, 2, 3, 4, 5, 7, 8] });
    recordLessonFinished(store(xdg), 'sendfile');
    recordLessonVisit(store(xdg), 'sendfile', { at: last, seen: [], predicted: none, moved: true });
    expect(store(xdg).data.lessons.sendfile).toMatchObject({ finished: 1, lastStep: last, seen: [] });
    // A first visit that never moved still says where it was left.
    recordLessonVisit(store(xdg), 'mmap', { at: 4, seen: [4], predicted: none, moved: false });
    expect(store(xdg).data.lessons.mmap).toMatchObject({ lastStep: 4, seen: [4] });
  });

  test('a file written before these fields still loads, and keeps its records when one is added', () => {
    const xdg = temp();
    mkdirSync(join(xdg, 'zcopy'));
    const old = {
      version: 1,
      quiz: { mmap: { counts: { right: 1, wrong: 0, lastAt: '2025-01-01T00:00:00.000Z', lastRight: true } } },
      lessons: { mmap: { finished: 2, lastAt: '2025-01-01T00:00:00.000Z' } },
    };
    writeFileSync(join(xdg, 'zcopy', 'progress.json'), JSON.stringify(old));
    const s = store(xdg);
    expect(s.data).toEqual(old);
    expect(resumePoint(s.data.lessons.mmap, 9)).toBeNull();
    recordLessonVisit(s, 'sendfile', { at: 3, seen: [3], predicted: { right: 0, asked: 0 } });
    const now = store(xdg).data;
    expect(now.lessons.mmap).toEqual(old.lessons.mmap);
    expect(now.quiz).toEqual(old.quiz);
    expect(now.lessons.sendfile.predicted).toBeUndefined();
  });

  test('a malformed new field is refused like any other (the file is moved aside)', () => {
    const xdg = temp();
    mkdirSync(join(xdg, 'zcopy'));
    writeFileSync(join(xdg, 'zcopy', 'progress.json'), JSON.stringify({ version: 1, quiz: {}, lessons: { mmap: { finished: 0, lastAt: '', lastStep: -1 } } }));
    expect(store(xdg).data).toEqual(emptyData());
  });
});

describe('the home menu says how far the learner is', () => {
  const ids = catalog.lessons.map((l) => l.id);
  test('lessons finished out of the sixteen, and quiz accuracy', () => {
    const xdg = temp();
    const s = store(xdg);
    expect(homeMenu('en', ids, s.data).note).toBe('0/16 finished');
    recordLessonFinished(s, 'sendfile');
    recordLessonFinished(s, 'mmap');
    recordLessonVisit(s, 'splice', { at: 2, seen: [1, 2], predicted: { right: 0, asked: 0 } });
    recordAnswer(s, 'sendfile', 'counts', true);
    recordAnswer(s, 'sendfile', 'mover', true);
    recordAnswer(s, 'mmap', 'counts', false);
    expect(homeMenu('en', ids, s.data).note).toBe('2/16 finished · quiz 67%');
    expect(homeMenu('zh', ids, s.data).note).toBe('已学完 2/16 · 测验 67%');
    expect(ids).toHaveLength(RECOMMENDED_PATH.length);
  });

  const levelIds = loadLevels(challengesDir(join(ROOT, 'lessons')), ids).levels.map((l) => l.id);

  test('once a lesson is finished, the learn item says what is next on the recommended path (issue 21)', () => {
    const s = store(temp());
    const learnHint = (lang: 'en' | 'zh' = 'en') => homeMenu(lang, ids, s.data).items.find((i) => i.value === 'learn')!.hint;
    // Nothing finished: the item says what learn is.
    expect(learnHint()).toBe('step through a scenario and watch the machine');
    recordLessonFinished(s, RECOMMENDED_PATH[0]);
    expect(learnHint()).toBe(`next: ${RECOMMENDED_PATH[1]} · step through a scenario`);
    expect(learnHint('zh')).toBe(`下一课：${RECOMMENDED_PATH[1]} · 逐步演示一个场景`);
    // A lesson finished out of order is skipped over; the first one not finished is next.
    recordLessonFinished(s, RECOMMENDED_PATH[2]);
    recordLessonFinished(s, RECOMMENDED_PATH[1]);
    expect(learnHint()).toBe(`next: ${RECOMMENDED_PATH[3]} · step through a scenario`);
    for (const id of RECOMMENDED_PATH) recordLessonFinished(s, id);
    expect(learnHint()).toBe('step through a scenario and watch the machine');
  });


  test('challenge levels solved out of the levels shipped, once one is', () => {
    const s = store(temp());
    recordLessonFinished(s, 'sendfile');
    // Not asked for the levels while none is solved: reading them is slow.
    const never = () => {
      throw new Error('levels read');
    };
    expect(homeMenu('en', ids, s.data, never).note).toBe('1/16 finished');
    recordLevelSolved(s, 'zero-copy', { modeSwitches: 2, steps: 11 });
    recordLevelSolved(s, 'zero-copy', { modeSwitches: 2, steps: 11 });
    recordLevelSolved(s, 'one-copy', { modeSwitches: 2, steps: 11 });
    recordAnswer(s, 'sendfile', 'counts', true);
    expect(homeMenu('en', ids, s.data, () => levelIds).note).toBe(`1/16 finished · quiz 100% · challenges 2/${levelIds.length}`);
    expect(homeMenu('zh', ids, s.data, () => levelIds).note).toBe(`已学完 1/16 · 测验 100% · 挑战 2/${levelIds.length}`);
  });

  test('a solved level no longer shipped is not counted, and alone says nothing', () => {
    const s = store(temp());
    recordLevelSolved(s, 'renamed-since', { modeSwitches: 2, steps: 11 });
    expect(homeMenu('en', ids, s.data, () => levelIds).note).toBe('0/16 finished');
    recordLevelSolved(s, 'dma-read', { modeSwitches: 2, steps: 8 });
    expect(homeMenu('en', ids, s.data, () => levelIds).note).toBe(`0/16 finished · challenges 1/${levelIds.length}`);
  });

  test('the note fits beside the keys on the smallest screen, in both languages', async () => {
    const data = emptyData();
    data.lessons.sendfile = { finished: 1, lastAt: '' };
    data.quiz.sendfile = { counts: { right: 100, wrong: 0, lastAt: '', lastRight: true } };
    for (const lang of ['en', 'zh'] as const) {
      const home = homeMenu(lang, ids, data);
      const { renderMenu } = await import('../src/ui/menu-lines.js');
      const { footerOf, HOME_KEYS } = await import('../src/ui/keys.js');
      const keys = footerOf(HOME_KEYS, ['down', 'up', 'choose', 'back'], lang);
      const lines = renderMenu(home.title, home.items, 0, keys, { cols: 72, rows: 20 }, plain, lang, home.note);
      expect(lines.at(-1)).toContain(home.note);
    }
  });

  test('with challenges solved too, the note is shown whole: beside the keys where both fit, else on its own line above them', async () => {
    const data = emptyData();
    data.lessons.sendfile = { finished: 1, lastAt: '' };
    data.quiz.sendfile = { counts: { right: 100, wrong: 0, lastAt: '', lastRight: true } };
    data.challenges = Object.fromEntries(levelIds.map((id) => [id, { solved: 1, firstAt: '', lastAt: '', best: { modeSwitches: 2, steps: 11 } }]));
    const { renderMenu } = await import('../src/ui/menu-lines.js');
    const { footerOf, HOME_KEYS } = await import('../src/ui/keys.js');
    for (const lang of ['en', 'zh'] as const) {
      const home = homeMenu(lang, ids, data, () => levelIds);
      expect(home.note).toContain(`${levelIds.length}/${levelIds.length}`);
      const keys = footerOf(HOME_KEYS, ['down', 'up', 'choose', 'back'], lang);
      const wide = renderMenu(home.title, home.items, 0, keys, { cols: 100, rows: 24 }, plain, lang, home.note);
      expect(wide.at(-1)).toBe(` ${keys}   ${home.note}`);
      for (const size of [{ cols: 80, rows: 24 }, { cols: 72, rows: 20 }]) {
        const lines = renderMenu(home.title, home.items, 0, keys, size, plain, lang, home.note);
        const together = ` ${keys}   ${home.note}`;
        expect(lines.slice(-2)).toEqual(displayWidth(together) <= size.cols ? ['', together] : [` ${home.note}`, ` ${keys}`]);
        expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
      }
    }
  });
});

describe('a state directory that cannot be written is said once, at the start (issue 21)', () => {
  test('in place of the keys until the first key, in both languages, and not again when the session ends', () => {
    for (const lang of ['en', 'zh'] as const) {
      const file = join(mkdtempSync(join(tmpdir(), 'zcopy-nav-')), 'not-a-dir');
      writeFileSync(file, '');
      const app = driveApp({ screen: 'learn', id: 'sendfile', predict: false, back: null }, { lang, state: file });
      const said = lang === 'en' ? 'cannot save progress in' : '无法在';
      const first = app.frame().split('\n');
      expect(first.slice(-2).join(' ')).toContain(said);
      expect(first.length).toBeLessThanOrEqual(23);
      expect(first.every((l) => displayWidth(l) <= 80)).toBe(true);
      // The first key acts, and the keys line is back.
      app.type('l');
      expect(app.frame()).not.toContain(said);
      expect(app.frame()).toMatch(lang === 'en' ? /step 1\// : /第 1\//);
      // Leaving saves the visit, which fails again: nothing more is said.
      app.type('q');
      expect(app.warnings).toEqual([]);
    }
  });
});
