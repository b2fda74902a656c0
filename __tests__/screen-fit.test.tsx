import { describe, expect, test } from '@jest/globals';
import { sessionWorld } from '../src/app/session.js';
import { MACHINE } from '../src/i18n/machine.js';
import { PUNCTUATION } from '../src/i18n/punctuation.js';
import { LEARN, LEARN_CLI } from '../src/i18n/strings.js';
import { asksAbout, varied, type Lesson } from '../src/lessons/index.js';
import type { Knobs, State } from '../src/model/index.js';
import { openStore, recordLessonFinished, recordLessonVisit } from '../src/progress/index.js';
import { displayWidth } from '../src/term/text.js';
import type { AppDeps, Route } from '../src/ui/app/route.js';
import type { BuildScreen } from '../src/ui/app/build.js';
import type { LessonScreen } from '../src/ui/app/lesson.js';
import { enter, frameOf, sessionKey, type SessionState } from '../src/ui/app/session.js';
import type { Size } from '../src/ui/size.js';
import { driveApp, testContext } from './helpers/app.js';

const SIZES: Size[] = [
  { cols: 72, rows: 20 },
  { cols: 80, rows: 24 },
];
const LANGS = ['en', 'zh'] as const;
const SMALL: Size = { cols: 60, rows: 15 };
const home: Route = { screen: 'home' };

/** A frame's words without the line breaks and spaces the screen's width put in. */
const squeezed = (lines: string | string[]) => (Array.isArray(lines) ? lines.join('') : lines).replace(/\s+/g, '');

/** What a terminal of `size` too small for `command` says, in `lang`. */
const needs = (command: string, size: Size, lang: 'en' | 'zh') => squeezed(LEARN[lang].tooSmall(command, 72, 20, size.cols, size.rows));

/** The world the command line wires the session to, at a size. */
function world(lang: 'en' | 'zh' = 'en', others: Lesson[] = []) {
  const { ctx, state } = testContext(lang);
  const w = sessionWorld(ctx, { others }, () => {});
  return { ctx, state, at: (size: Size): AppDeps => ({ ...w, size }) };
}

describe('a terminal too small for the app', () => {
  test('shrunk to 60x15 mid-lesson, l twelve times, then q: the lesson is left where it was, not finished', () => {
    const app = driveApp({ screen: 'learn', id: 'sendfile', predict: false, back: null });
    app.type('l', 'l', 'l');
    expect(app.frame()).toMatch(/step 3\/11/);
    app.resize(SMALL);
    expect(squeezed(app.frame())).toContain(needs('zcopy learn', SMALL, 'en'));
    app.type(...Array(12).fill('l'));
    expect(app.finished).toEqual([]);
    app.type('q');
    expect(app.ended).toEqual([{ kind: 'done' }]);
    expect(app.finished).toEqual([]);
    const record = openStore({ env: { XDG_STATE_HOME: app.state }, lang: 'en', warn: () => {} }).data.lessons.sendfile;
    expect({ finished: record.finished, lastStep: record.lastStep, seen: record.seen }).toEqual({ finished: 0, lastStep: 3, seen: [1, 2, 3] });
  });

  test("the sandbox's discard question cannot be answered yes while too small: q keeps the path, y does nothing (issue 21)", () => {
    const app = driveApp({ screen: 'sandbox', back: home });
    // The palette's first kind, first call, its fields filled in: one step, not written.
    app.type('\r', '\r', '\r');
    const steps = () => (app.session().state as BuildScreen).build.steps.length;
    expect(steps()).toBe(1);
    app.type('q');
    expect(app.frame()).toContain('Leave and discard this path of 1 step?');
    app.resize(SMALL);
    // y is no key while the question cannot be seen; q is "keep", as it is at full size.
    app.type('y', '\r', 'q');
    expect({ route: app.session().route.screen, steps: steps(), ended: app.ended }).toEqual({ route: 'sandbox', steps: 1, ended: [] });
    // q again asks again, and the answer to an unseen question is still never yes.
    app.type('q', 'y', 'q', 'q', 'y');
    expect({ route: app.session().route.screen, steps: steps(), ended: app.ended }).toEqual({ route: 'sandbox', steps: 1, ended: [] });
    app.resize({ cols: 80, rows: 24 });
    expect(app.frame()).toContain('Leave and discard this path of 1 step?');
    app.type('n');
    expect(app.frame()).not.toContain('discard');
    expect(steps()).toBe(1);
  });

  test('enlarged again, the screen is as it was left: the keys typed meanwhile did nothing', () => {
    const app = driveApp({ screen: 'learn', id: 'sendfile', predict: false, back: null });
    app.type('l', 'l', 'l', 'j');
    const before = app.frame();
    app.resize({ cols: 71, rows: 24 });
    app.type('l', 'G', 'h', '5', 'g', '?', 'p', 'n', '\u001b');
    app.resize({ cols: 80, rows: 24 });
    expect(app.frame()).toBe(before);
    expect(app.ended).toEqual([]);
  });

  test('on every screen only q and Ctrl-C act, q doing what it does at full size; the frame says what size the command needs', () => {
    const { ctx, at } = world();
    const level = ctx.levels().levels[0].id;
    const routes: Route[] = [
      home,
      { screen: 'picker', then: 'learn', back: home },
      { screen: 'picker', then: 'explain', back: home },
      { screen: 'learn', id: 'sendfile', predict: false, back: home, step: 3 },
      { screen: 'learn', id: 'sendfile', predict: true, back: home },
      { screen: 'vs', a: 'sendfile', b: 'traditional', back: home },
      { screen: 'quiz', back: home },
      { screen: 'levels', back: home },
      { screen: 'challenge', id: level, back: { screen: 'levels', back: home } },
      { screen: 'sandbox', back: home },
      { screen: 'explain', id: 'sendfile', back: home },
      { screen: 'compare', back: home },
      { screen: 'glossary', back: home },
      { screen: 'progress', back: home },
      { screen: 'terms', back: home },
    ];
    // Every key some screen takes: moving, choosing, typing an answer, building, scrolling, help, Esc.
    const keys = ['l', 'h', 'j', 'k', 'g', 'G', 'n', 'p', 'a', 'b', 'c', 'd', 'y', 'u', 'r', 't', 'w', '1', '5', '?', ' ', 'enter', 'esc', 'backspace', 'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', '/'];
    const small = at(SMALL);
    const full = at({ cols: 80, rows: 24 });
    for (const route of routes) {
      const where = `${route.screen}${'then' in route ? ` ${route.then}` : ''}`;
      const s = enter(route, full);
      const lines = frameOf(s, small);
      expect({ where, says: squeezed(lines).includes(needs('zcopy', SMALL, 'en')) }).toEqual({ where, says: true });
      expect({ where, rows: lines.length <= SMALL.rows - 1, cols: Math.max(...lines.map(displayWidth)) <= SMALL.cols }).toEqual({ where, rows: true, cols: true });
      const shown = JSON.stringify(frameOf(s, full));
      let acts = false;
      for (const key of keys) {
        const step = sessionKey(s, key, small);
        expect({ where, key, same: step.state === s, effects: step.effects ?? [] }).toEqual({ where, key, same: true, effects: [] });
        const large = sessionKey(s, key, full);
        acts ||= (large.effects ?? []).length > 0 || JSON.stringify(frameOf(large.state, full)) !== shown;
      }
      // The keys are ones this screen takes when it is large enough.
      expect({ where, acts }).toEqual({ where, acts: true });
      const q = sessionKey(s, 'q', small);
      const asFull = sessionKey(s, 'q', full);
      expect({ where, route: q.state.route, ended: q.state.ended, effects: q.effects }).toEqual({ where, route: asFull.state.route, ended: asFull.state.ended, effects: asFull.effects });
      expect({ where, quits: sessionKey(s, 'ctrl-c', small).state.ended }).toEqual({ where, quits: true });
    }
  });

  test('the message names the command that opened the session, in both languages', () => {
    const level = testContext().ctx.levels().levels[0].id;
    const picker: Route = { screen: 'picker', then: 'learn', back: null };
    const levels: Route = { screen: 'levels', back: null };
    const cases: [Route, string][] = [
      [home, 'zcopy'],
      [{ screen: 'explain', id: 'sendfile', back: { screen: 'picker', then: 'explain', back: home } }, 'zcopy'],
      [{ screen: 'challenge', id: level, back: { screen: 'levels', back: home } }, 'zcopy'],
      [picker, 'zcopy learn'],
      [{ screen: 'learn', id: 'sendfile', predict: true, back: picker }, 'zcopy learn'],
      [{ screen: 'learn', id: 'sendfile', predict: false, back: null }, 'zcopy learn'],
      [{ screen: 'vs', a: 'sendfile', b: 'traditional', back: null }, 'zcopy learn'],
      [levels, 'zcopy challenge'],
      [{ screen: 'challenge', id: level, back: levels }, 'zcopy challenge'],
      [{ screen: 'challenge', id: level, back: null }, 'zcopy challenge'],
      [{ screen: 'sandbox', back: null }, 'zcopy sandbox'],
      [{ screen: 'quiz', back: null }, 'zcopy quiz'],
    ];
    for (const lang of LANGS) {
      const { at } = world(lang);
      const size = { cols: 71, rows: 24 };
      for (const [route, command] of cases) {
        const said = squeezed(frameOf(enter(route, at(size)), at(size)));
        expect({ lang, route, command, said: said.includes(needs(command, size, lang)) }).toEqual({ lang, route, command, said: true });
        // Not a longer command's name either: "zcopy" is not "zcopy learn".
        expect({ lang, route, said: said.startsWith(squeezed(command) + (lang === 'en' ? 'needs' : '需要')) }).toEqual({ lang, route, said: true });
      }
    }
  });
});

/** The interrupt line as the machine must show it whole: `IRQ: NIC pending` beside the DMA registers, or the state alone on its own row. */
function irqText(state: State, lang: 'en' | 'zh'): string {
  const t = LEARN[lang];
  const line = state.interruptLine;
  const status = line ? t.pending({ dma: 'DMA', disk: MACHINE[lang].place.disk, nic: MACHINE[lang].place.nic }[line]) : '—';
  return state.machine.dma ? `${t.irq}${PUNCTUATION[lang].colon}${status}` : status;
}

/** Each lesson as written, and a what-if variant of it or two where one changes it. */
function lessonsAndVariants(ctx: ReturnType<typeof testContext>['ctx']): Lesson[] {
  const lessons = ctx.lessons().lessons;
  const knobs: Knobs[] = [{ cache: 'warm', nic: 'sg' }, { cache: 'cold', nic: 'nosg' }];
  return [...lessons, ...lessons.flatMap((l) => knobs.filter((k) => asksAbout(l, k)).map((k) => varied(l, k)))];
}

describe('the machine keeps its frame at 72x20 and 80x24', () => {
  test('every step of every lesson and of its what-if variants, both languages: no line too wide, the border whole, the interrupt line whole', () => {
    let frames = 0;
    let variants = 0;
    for (const lang of LANGS) {
      const { ctx } = testContext(lang);
      for (const lesson of lessonsAndVariants(ctx)) {
        if (lesson.knobs) variants++;
        const { at } = world(lang, [lesson]);
        for (const size of SIZES) {
          const deps = at(size);
          let s: SessionState = enter({ screen: 'learn', id: lesson.id, predict: false, back: null }, deps);
          const view = (s.state as LessonScreen).view;
          for (let position = 0; position <= view.steps.length; position++) {
            const lines = frameOf(s, deps);
            const where = `${lesson.id}${lesson.knobs ? ' (variant)' : ''} ${lang} ${size.cols}x${size.rows} step ${position}`;
            const box = lines.filter((l) => /^[┌├└│]/.test(l));
            expect({ where, rows: lines.length <= size.rows - 1, wide: lines.filter((l) => displayWidth(l) > size.cols) }).toEqual({ where, rows: true, wide: [] });
            expect({ where, broken: box.filter((l) => displayWidth(l) !== size.cols || !/[┐┤┘│]$/.test(l) || l.includes('…')) }).toEqual({ where, broken: [] });
            const state = position === 0 ? view.initial : view.steps[position - 1].state;
            expect({ where, irq: box.some((l) => l.includes(irqText(state, lang))) }).toEqual({ where, irq: true });
            frames++;
            s = sessionKey(s, 'l', deps).state;
          }
        }
      }
    }
    expect(variants).toBeGreaterThanOrEqual(4);
    expect(frames).toBeGreaterThan(1000);
  });

  test('fbufs step 13 at 72x20: the DMA registers on their row, the interrupt line whole under them', () => {
    const app = driveApp({ screen: 'learn', id: 'fbufs', predict: false, back: null, step: 13 }, { size: { cols: 72, rows: 20 } });
    const rows = app.frame().split('\n');
    const dma = rows.findIndex((l) => l.startsWith('│ DMA '));
    expect(rows[dma]).toMatch(/^│ DMA\s+MAR=socket buffer {2}ADR=NIC {2}WC=0 {2}done\s+│$/);
    expect(rows[dma + 1]).toMatch(/^│\s+IRQ: NIC pending\s+│$/);
  });
});

/** The session's lesson state. */
const lessonOf = (s: SessionState) => (s.state as LessonScreen).lesson;

describe('predict mode and the footers', () => {
  test("the final score is in sight at 80x24 and 72x20, and every footer keeps `? help` and `q back` (or quit), both languages", () => {
    const kept = { en: ['? help', /q (back|quit)/], zh: ['? 帮助', /q (返回|退出)/] } as const;
    let ends = 0;
    for (const lang of LANGS) {
      const { ctx, at } = world(lang);
      for (const size of SIZES) {
        const deps = at(size);
        for (const lesson of ctx.lessons().lessons) {
          for (const [predict, back] of [[true, home], [false, null], [false, home]] as const) {
            let s: SessionState = enter({ screen: 'learn', id: lesson.id, predict, back }, deps);
            const check = (state: SessionState, what: string) => {
              const footer = frameOf(state, deps).at(-1)!;
              const where = `${lesson.id} ${lang} ${size.cols}x${size.rows} ${predict ? 'predict' : ''} ${back ? 'behind' : 'lone'} step ${lessonOf(state).position} ${what}`;
              const [help, leave] = kept[lang];
              expect({ where, footer, kept: footer.includes(help) && leave.test(footer) }).toEqual({ where, footer, kept: true });
            };
            for (let i = 0; i < 200 && lessonOf(s).position < lesson.steps.length; i++) {
              check(s, '');
              // Scrolled, a footer offers the text above as well as below.
              check(sessionKey(sessionKey(s, 'j', deps).state, 'j', deps).state, 'scrolled');
              // Predict mode asks first: who moves the bytes (c), then whether the mode switches (y); elsewhere neither key does anything.
              for (const key of ['l', 'c', 'y']) s = sessionKey(s, key, deps).state;
            }
            check(s, 'end');
            check(sessionKey(s, 'j', deps).state, 'end scrolled');
            if (!predict) continue;
            const asked = Object.values(lessonOf(s).verdicts);
            const score = LEARN[lang].score(asked.filter((v) => v.moverRight && v.modeRight).length, asked.length);
            const where = `${lesson.id} ${lang} ${size.cols}x${size.rows}`;
            expect({ where, asked: asked.length > 0, score: frameOf(s, deps).some((l) => l.includes(score)) }).toEqual({ where, asked: true, score: true });
            ends++;
          }
        }
      }
    }
    expect(ends).toBe(2 * 2 * 16);
  });
});

describe('a what-if variant', () => {
  test('says it is one in the title on every step (the origin giving way on a short line); its words are at the start', () => {
    for (const lang of LANGS) {
      const { ctx } = testContext(lang);
      const warm = varied(ctx.lookup('sendfile'), { cache: 'warm', nic: 'sg' });
      const { at } = world(lang, [warm]);
      const mark = LEARN[lang].variant('--cache warm');
      for (const size of SIZES) {
        const deps = at(size);
        let s: SessionState = enter({ screen: 'learn', id: 'sendfile', predict: true, back: home }, deps);
        const view = (s.state as LessonScreen).view;
        expect(view.whatIf).toBeTruthy();
        for (let position = 0; position <= view.steps.length; position++) {
          const lines = frameOf(s, deps);
          const where = `${lang} ${size.cols}x${size.rows} step ${position}`;
          expect({ where, title: lines[0].includes(mark) && !lines[0].includes('…') }).toEqual({ where, title: true });
          expect({ where, words: squeezed(lines).includes(squeezed(view.whatIf!).slice(0, 20)) }).toEqual({ where, words: position === 0 });
          for (const key of ['l', 'c', 'y']) s = sessionKey(s, key, deps).state;
        }
      }
    }
  });

  test('the lesson as written has no such mark', () => {
    const app = driveApp({ screen: 'learn', id: 'sendfile', predict: false, back: null });
    expect(app.frame().split('\n')[0]).toMatch(/^ zcopy · sendfile · Linux 2\.2\s+start$/);
  });
});

describe('the explain picker', () => {
  test("has its own title, and none of learn's marks of lessons finished or left part-way", () => {
    for (const lang of LANGS) {
      const app = driveApp(home, { lang });
      const store = openStore({ env: { XDG_STATE_HOME: app.state }, lang, warn: () => {} });
      recordLessonFinished(store, app.ids[0]);
      recordLessonVisit(store, 'sendfile', { at: 5, seen: [1, 2, 3, 4, 5], predicted: { right: 0, asked: 0 } });
      const t = LEARN_CLI[lang];
      const resume = t.resumeAt(5, 11);
      // Home's sixth item is explain; the first, learn.
      app.type('j', 'j', 'j', 'j', 'j', '\r');
      const explain = app.frame();
      expect(explain.split('\n')[0].trim()).toBe(t.explainTitle);
      expect({ lang, resume: explain.includes(resume), finished: explain.includes('✓'), learn: explain.includes(t.pickTitle) }).toEqual({ lang, resume: false, finished: false, learn: false });
      app.type('q', 'g', '\r');
      const learn = app.frame();
      expect(learn.split('\n')[0].trim()).toBe(t.pickTitle);
      expect({ lang, resume: learn.includes(resume), finished: learn.includes('✓') }).toEqual({ lang, resume: true, finished: true });
    }
  });
});
