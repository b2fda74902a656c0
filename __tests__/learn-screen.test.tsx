import { describe, expect, test } from '@jest/globals';
import { Chalk } from 'chalk';
import { join } from 'node:path';
import { loadCatalog } from '../src/lessons/index.js';
import type { Route } from '../src/ui/app/route.js';
import { learnView } from '../src/ui/learn/view.js';
import { driveApp, openApp } from './helpers/app.js';
import { ROOT } from './helpers/cli.js';
import { KEY } from './helpers/screen.js';

const catalog = loadCatalog(join(ROOT, 'lessons'));
const plain = new Chalk({ level: 0 });

/** A lesson opened by name, as `zcopy learn <id>` opens it: nothing behind it, so q leaves the app. */
function open(id: string, { predict = false, lang = 'en' as 'en' | 'zh' } = {}) {
  const view = learnView(catalog.find(id)!, lang);
  const app = driveApp({ screen: 'learn', id, predict, back: null }, { lang });
  return { view, app, press: app.type, frame: app.frame };
}

/** The counters line as numbers, read off the screen. */
function countersOn(frame: string) {
  const read = (label: string) => Number(new RegExp(`${label} (\\d+)`).exec(frame)?.[1]);
  return { cpuCopies: read('CPU copies'), dmaCopies: read('DMA copies'), modeSwitches: read('Mode switches'), syscalls: read('Syscalls') };
}

describe('zcopy learn, on screen', () => {
  test('starts before step 1 and steps forward, back, to the last and the first', () => {
    const { press, frame, view } = open('sendfile');
    expect(frame()).toContain('start');
    press(KEY.right);
    expect(frame()).toContain(`step 1/${view.steps.length}`);
    expect(frame()).toContain('system call sendfile()');
    press('l', ' ', '\r');
    expect(frame()).toContain(`step 4/${view.steps.length}`);
    press(KEY.left, 'h');
    expect(frame()).toContain(`step 2/${view.steps.length}`);
    press('G');
    expect(frame()).toContain(`step ${view.steps.length}/${view.steps.length}`);
    // On a screen, keys do what the commands would (issue 21); the transcript keeps the commands (below).
    expect(frame()).toContain('Done. Next: z quiz me on this, or n the next lesson, sendfile-sg.');
    expect(frame()).not.toContain('zcopy quiz --scenario');
    press(KEY.right);
    expect(frame()).toContain(`step ${view.steps.length}/${view.steps.length}`);
    press('g');
    expect(frame()).toContain('start');
  });

  test('the counters follow the engine at every step and end at the agreed sendfile figures', () => {
    const { press, frame, view } = open('sendfile');
    for (const step of view.steps) {
      press(KEY.right);
      expect(countersOn(frame())).toEqual({
        cpuCopies: step.state.counts.cpuCopies,
        dmaCopies: step.state.counts.dmaCopies,
        modeSwitches: step.state.counts.modeSwitches,
        syscalls: step.state.counts.syscalls,
      });
    }
    // docs/MODEL.md: sendfile makes 1 CPU copy, 2 DMA copies, 2 mode switches, 1 system call.
    expect(countersOn(frame())).toEqual({ cpuCopies: 1, dmaCopies: 2, modeSwitches: 2, syscalls: 1 });
  });

  test('the step that copies shows its arrow, its mode and what changed', () => {
    const { press, frame } = open('sendfile');
    press(...Array(6).fill(KEY.right));
    expect(frame()).toMatch(/socket buffer\s+\[A\]\[B\]\[C\]\[D\]\s+◀══ CPU copy ══ page cache/);
    expect(frame()).toContain('CPU: KERNEL (ring 0) · copying');
    expect(frame()).toContain('CPU copies 1▲');
  });

  test('? shows the keys and the legend, and any key goes back', () => {
    const { press, frame } = open('sendfile');
    press('?');
    expect(frame()).toContain('Keys');
    expect(frame()).toContain('<A> a reference to them');
    expect(frame()).toContain('pin pinned for a device');
    press('x');
    expect(frame()).toContain('USER SPACE');
  });

  test('predict mode asks before a step, then names the misconception of a wrong guess', () => {
    const { press, frame } = open('sendfile', { predict: true });
    press(KEY.right);
    expect(frame()).toContain('Predict step 1');
    expect(frame()).toContain('Who moves the bytes?');
    press('n'); // nobody moves bytes on a system call: right
    expect(frame()).toContain('Does this step add to the mode-switch count?');
    press('n'); // but it does switch mode: wrong
    expect(frame()).toContain('step 1/');
    expect(frame()).toMatch(/✓ who moves the bytes: nobody\s+✗ mode switch: no/);
    expect(frame()).toContain('Forgot that a system call switches mode');

    // Step 2 programs the DMA, moving nothing; step 3 is the DMA copy: guess CPU.
    press(KEY.right, 'n', 'n', KEY.right, 'c', 'n');
    expect(frame()).toContain('step 3/');
    expect(frame()).toContain('Counted the DMA copy as a CPU copy');
  });

  test('predict mode asks at the traps (interrupts, page faults) too, and its prompts never name the mode a step ends in', () => {
    for (const lesson of catalog.lessons) {
      for (const lang of ['en', 'zh'] as const) {
        const view = learnView(lesson, lang);
        view.steps.forEach((s, i) => {
          const at = `${lesson.id} step ${i + 1} (${s.event})`;
          if (['handleInterrupt', 'pageFault', 'faultReturn'].includes(s.event)) expect({ at, asked: s.predictable }).toEqual({ at, asked: true });
          for (const word of lang === 'en' ? ['user mode', 'kernel mode'] : ['用户态', '内核态']) {
            expect({ at, tease: s.tease, names: s.tease.includes(word) }).toEqual({ at, tease: s.tease, names: false });
          }
        });
      }
    }
    // sendfile's interrupt handler (step 5): it enters the kernel's handler, but is no mode switch.
    const step5 = learnView(catalog.find('sendfile')!, 'en').steps[4];
    expect([step5.predictable, step5.switchesMode]).toEqual([true, false]);
  });

  test('predict mode: a right answer is marked right, and a turns the mode off', () => {
    const { press, frame } = open('sendfile', { predict: true });
    press(KEY.right, 'n', 'y');
    expect(frame()).toMatch(/✓ who moves the bytes: nobody\s+✓ mode switch: yes/);
    press('a', KEY.right);
    expect(frame()).toContain('step 2/');
    expect(frame()).not.toContain('Predict step');
  });

  test('Chinese labels, aligned', () => {
    const { press, frame } = open('sendfile', { lang: 'zh' });
    press(...Array(6).fill(KEY.right));
    expect(frame()).toContain('CPU 拷贝 1▲');
    expect(frame()).toContain('用户空间');
    expect(frame()).toMatch(/◀══ CPU 拷贝 ══ 页缓存/);
  });

  test('q, Esc and Ctrl-C quit', () => {
    for (const key of ['q', KEY.escape, KEY.ctrlC]) {
      const { app } = open('sendfile');
      app.type(key);
      expect({ key, ended: app.ended }).toEqual({ key, ended: [{ kind: 'done' }] });
    }
  });

  test('on a terminal, a lone Esc is read as Esc: it quits', async () => {
    const app = await openApp({ screen: 'learn', id: 'sendfile', predict: false, back: null });
    await app.type(KEY.escape);
    expect(app.ended).toEqual([{ kind: 'done' }]);
    app.unmount();
  });

  test('the help closes on any key, and that key does nothing else', () => {
    for (const key of ['q', KEY.escape, 'l', KEY.right, 'G', 'a', 'p']) {
      const { app } = open('sendfile');
      app.type('?', key);
      const frame = app.frame();
      expect({ key, ended: app.ended.length, start: frame.split('\n')[0].trim().endsWith('start'), predict: frame.includes('predict on'), playing: frame.includes('▶ playing') }).toEqual({ key, ended: 0, start: true, predict: false, playing: false });
    }
  });
});

describe('every frame fits its screen', () => {
  test('at the smallest size, in both languages, every step, the help included', async () => {
    const { renderLesson, initialLesson } = await import('../src/ui/learn/frame.js');
    const { MIN_COLS, MIN_ROWS } = await import('../src/ui/size.js');
    const { displayWidth } = await import('../src/term/text.js');
    for (const lang of ['en', 'zh'] as const) {
      for (const lesson of catalog.lessons) {
        const view = learnView(lesson, lang);
        for (let position = 0; position <= view.steps.length; position++) {
          for (const help of [false, true]) {
            const lines = renderLesson(view, { ...initialLesson(false), position, help }, { cols: MIN_COLS, rows: MIN_ROWS }, plain);
            const where = `${lesson.id} ${lang} ${position}${help ? ' help' : ''}`;
            expect({ where, rows: lines.length <= MIN_ROWS - 1 }).toEqual({ where, rows: true });
            expect({ where, cols: Math.max(...lines.map(displayWidth)) <= MIN_COLS }).toEqual({ where, cols: true });
          }
        }
      }
    }
  });
});

/** The whole session as the learner meets it, with what it recorded: through its reducer, and on a terminal. */
const driveSession = (start: Route = { screen: 'home' }) => driveApp(start);
const openSession = (start: Route = { screen: 'home' }) => openApp(start);

describe('one session: home, picker, lesson', () => {
  test('q steps back a level, Enter goes in, and the picker returns to the lesson just left', () => {
    const app = driveSession();
    const { ids, finished, ended } = app;
    expect(app.frame()).toContain('zcopy · Linux I/O');
    app.type('\r');
    expect(app.frame()).toContain('choose a scenario');
    app.type('j', 'j', '\r');
    expect(app.frame()).toContain(`zcopy · ${ids[2]}`);
    // Jumping to the end skips what the lesson teaches: it is not finished until every step was seen.
    app.type('G');
    expect(finished).toEqual([]);
    app.type(...Array(catalog.find(ids[2])!.steps.length).fill('h'));
    expect(finished).toEqual([ids[2]]);
    app.type('q');
    expect(app.frame()).toMatch(new RegExp(`› ${ids[2]}\\s+✓`));
    app.type('q');
    expect(app.frame()).toMatch(/› learn /);
    app.type('j', 'j', '\r', '\r'); // the quiz, on all lessons, opens in the same app
    expect(app.frame()).toMatch(/Question 1\/10/);
    expect(ended).toEqual([]);
  });
});

/**
 * Keys that arrive in one read (a slow ssh link, a held key) do exactly what the
 * same keys do one at a time: the same frames end, the same things are recorded.
 */
describe('every key counts, in order', () => {
  const cases: { what: string; start: Route; keys: string[] }[] = [
    { what: 'lll in a lesson', start: { screen: 'learn', id: 'sendfile', predict: false, back: null }, keys: ['l', 'l', 'l'] },
    { what: 'jjj Enter in the picker', start: { screen: 'picker', then: 'learn', back: null }, keys: ['j', 'j', 'j', '\r'] },
    { what: 'Down Enter in the picker', start: { screen: 'picker', then: 'learn', back: null }, keys: [KEY.down, '\r'] },
    { what: 'ny in predict mode', start: { screen: 'learn', id: 'sendfile', predict: true, back: null }, keys: [KEY.right, 'n', 'y'] },
    { what: 'qq from a lesson to the end', start: { screen: 'picker', then: 'learn', back: { screen: 'home' } }, keys: ['\r', 'q', 'q', 'q'] },
    { what: 'Enter jj Enter from home into a lesson', start: { screen: 'home' }, keys: ['\r', 'j', 'j', '\r', 'l', 'l'] },
    { what: 'G then q records the end and leaves', start: { screen: 'picker', then: 'learn', back: null }, keys: ['j', '\r', 'G', 'q'] },
    { what: 'help then a key', start: { screen: 'learn', id: 'mmap', predict: false, back: null }, keys: ['?', 'q', 'l', KEY.ctrlRight, 'l'] },
  ];
  for (const c of cases) {
    test(c.what, async () => {
      // The same keys one at a time, through the session's reducer.
      const one = driveSession(c.start);
      one.type(...c.keys);
      const all = await openSession(c.start);
      await all.burst(...c.keys);
      // Once the session has ended no frame is drawn, so only what it recorded is compared.
      const seen = (s: typeof one | typeof all) => ({ frame: s.ended.length ? null : s.frame(), finished: s.finished, ended: s.ended });
      expect(seen(all)).toEqual(seen(one));
      // And the keys did something: the frame moved on from the first one.
      expect(one.ended.length > 0 || one.frame() !== one.frames()[0]).toBe(true);
      all.unmount();
    });
  }

  test('lll moves three steps, Down Enter opens the lesson under the cursor, qq quits', async () => {
    const lesson = await openSession({ screen: 'learn', id: 'sendfile', predict: false, back: null });
    await lesson.burst('lll');
    expect(lesson.frame()).toContain('step 3/');
    const picker = await openSession({ screen: 'picker', then: 'learn', back: null });
    await picker.burst(KEY.down, '\r');
    expect(picker.frame()).toContain(`zcopy · ${picker.ids[1]}`);
    const quits = await openSession({ screen: 'picker', then: 'learn', back: { screen: 'home' } });
    await quits.burst('\r', 'qqq');
    expect(quits.ended).toEqual([{ kind: 'done' }]);
    for (const s of [lesson, picker, quits]) s.unmount();
  });
});
