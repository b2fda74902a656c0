import { describe, expect, test } from '@jest/globals';
import { main } from '../src/cli/main.js';
import { sessionWorld } from '../src/app/session.js';
import { drawQuiz } from '../src/app/quiz-plan.js';
import { recordAnswer, openStore, recordLessonFinished, recordLevelSolved } from '../src/progress/index.js';
import { displayWidth } from '../src/term/text.js';
import type { AppDeps, Route } from '../src/ui/app/route.js';
import { enter, frameOf, sessionKey, type SessionState } from '../src/ui/app/session.js';
import { driveApp, openApp, testContext } from './helpers/app.js';
import { zcopy } from './helpers/cli.js';
import { KEY } from './helpers/screen.js';

const SIZES = [
  { cols: 72, rows: 20 },
  { cols: 80, rows: 24 },
];

/** Each home item, the keys that open it from its place on the menu, and what its screen shows. */
const FROM_HOME: { item: string; open: string[]; shows: RegExp; levels: number }[] = [
  { item: 'learn', open: ['\r', '\r'], shows: /zcopy · programmed-io/, levels: 2 },
  { item: 'predict', open: ['\r', '\r'], shows: /predict on/, levels: 2 },
  // Through the chooser (issue 21): all lessons, the first item.
  { item: 'quiz', open: ['\r', '\r'], shows: /Question 1\/10/, levels: 2 },
  { item: 'challenge', open: ['\r', '\r'], shows: /zcopy · challenge · dma-read/, levels: 2 },
  { item: 'sandbox', open: ['\r'], shows: /zcopy · sandbox/, levels: 1 },
  { item: 'explain', open: ['\r', '\r'], shows: /^programmed-io · Programmed I\/O/m, levels: 2 },
  { item: 'compare', open: ['\r'], shows: /^Scenario\s+CPU\s+DMA/m, levels: 1 },
  // Through its index: the first term, opened, starts the page.
  { item: 'glossary', open: ['\r', '\r'], shows: /^DMA \(direct memory access\)/m, levels: 2 },
  { item: 'progress', open: ['\r'], shows: /^Progress \(/m, levels: 1 },
];

describe('from home, every screen and back', () => {
  test('each item opens its screen, and q as many times as levels went in comes back to home, to that item', () => {
    for (const [i, c] of FROM_HOME.entries()) {
      const app = driveApp();
      app.type(...Array(i).fill('j'), ...c.open);
      expect({ item: c.item, shows: c.shows.test(app.frame()) }).toEqual({ item: c.item, shows: true });
      app.type(...Array(c.levels).fill('q'));
      expect({ item: c.item, home: app.frame() }).toEqual({ item: c.item, home: expect.stringMatching(new RegExp(`› ${c.item} `)) });
      expect(app.ended).toEqual([]);
    }
  });

  test('explain goes through the picker, and q from the explanation returns to the picker at that lesson', () => {
    const app = driveApp();
    app.type('j', 'j', 'j', 'j', 'j', '\r', 'j', 'j', '\r');
    expect(app.frame()).toMatch(new RegExp(`^${app.ids[2]} · `, 'm'));
    app.type('q');
    expect(app.frame()).toMatch(new RegExp(`› ${app.ids[2]} `));
    app.type('q');
    expect(app.frame()).toMatch(/› explain /);
  });

  test('the lab stays in the app: its screen says what it will do, and q comes back to the menu at it (issue 21)', () => {
    const app = driveApp();
    app.type('G', '\r');
    expect(app.ended).toEqual([]);
    expect(app.frame()).toMatch(/^ zcopy lab: /m);
    expect(app.frame()).toMatch(/Press Enter to start/);
    app.type('q');
    expect(app.frame()).toMatch(/› lab /);
  });

  test('the progress screen shows what was just recorded: a quiz answer given in the same session', () => {
    // A fixed draw: a random one may open on a count, which a letter does not answer.
    const app = driveApp({ screen: 'home' }, { quiz: QUIZ });
    app.type('j', 'j', '\r', '\r', 'a', '\r', 'q', 'q');
    expect(app.answers).toHaveLength(1);
    app.type('G', 'k', '\r');
    expect(app.frame()).toContain(app.answers[0].question.scenario);
    // Saved in the store, as `zcopy quiz` saves it.
    const saved = openStore({ env: { XDG_STATE_HOME: app.state }, lang: 'en', warn: () => {} }).data.quiz;
    expect(Object.keys(saved)).toEqual([app.answers[0].question.scenario]);
  });

  test('the progress screen shows a solved level against its par', () => {
    const app = driveApp({ screen: 'home' });
    recordLevelSolved(openStore({ env: { XDG_STATE_HOME: app.state }, lang: 'en', warn: () => {} }), 'zero-copy', { modeSwitches: 4, steps: 13 });
    app.type('G', 'k', '\r');
    expect(app.frame()).toMatch(/^ *zero-copy +1 +4 \(par 2\) +13 \(par 11\)/m);
  });
});

const EVERY: Route[] = [
  { screen: 'home' },
  { screen: 'picker', then: 'learn', back: { screen: 'home' } },
  { screen: 'learn', id: 'sendfile', predict: false, back: { screen: 'home' } },
  { screen: 'quiz', back: { screen: 'home' } },
  { screen: 'explain', id: 'sendfile', back: { screen: 'home' } },
  { screen: 'compare', back: { screen: 'home' } },
  { screen: 'glossary', back: { screen: 'home' } },
  { screen: 'terms', back: { screen: 'home' } },
  { screen: 'progress', back: { screen: 'home' } },
];

describe('Ctrl-C quits from every screen', () => {
  for (const route of EVERY) {
    test(route.screen, () => {
      const app = driveApp(route);
      app.type('j', KEY.ctrlC);
      expect(app.ended).toEqual([{ kind: 'done' }]);
      // Nothing after it is read: the session has ended, so a key changes nothing and asks nothing of the world.
      const ended = app.session();
      expect(sessionKey(ended, 'j', app.deps)).toEqual({ state: ended });
    });
  }

  test('on a terminal the app ends, and a key after it draws nothing', async () => {
    for (const route of EVERY.filter((r) => r.screen === 'learn' || r.screen === 'quiz')) {
      const app = await openApp(route);
      await app.type('j', KEY.ctrlC);
      expect({ route: route.screen, ended: app.ended }).toEqual({ route: route.screen, ended: [{ kind: 'done' }] });
      const drawn = app.frames().length;
      await app.type('j');
      expect(app.frames().length).toBe(drawn);
      app.unmount();
    }
  });
});

/** Keys in one read do what the same keys do one at a time, on the new screens. */
describe('bursts of keys are the same keys typed slowly', () => {
  const cases: { what: string; start: Route; keys: string[] }[] = [
    { what: 'jjj G k on the explanation', start: { screen: 'explain', id: 'mmap', back: null }, keys: ['j', 'j', 'j', 'G', 'k'] },
    { what: 'space space b on compare', start: { screen: 'compare', back: null }, keys: [' ', ' ', 'b'] },
    { what: 'Down PgDn on the glossary', start: { screen: 'glossary', back: null }, keys: [KEY.down, '\u001b[6~', 'j'] },
    { what: 'home: glossary, q, progress', start: { screen: 'home' }, keys: ['j', 'j', 'j', 'j', 'j', '\r', 'j', 'q', 'j', '\r'] },
    { what: 'home: explain via the picker, q q', start: { screen: 'home' }, keys: ['j', 'j', 'j', '\r', 'j', '\r', 'G', 'q', 'q'] },
    { what: 'home: quiz, an answer, q, compare', start: { screen: 'home' }, keys: ['j', 'j', '\r', '\r', 'a', '\r', '\r', 'q', 'q', 'j', 'j', '\r', 'j'] },
    { what: 'q on a page with nothing behind ends', start: { screen: 'progress', back: null }, keys: ['j', 'q'] },
    // No Esc in a read: with a key after it, a terminal's Esc is Alt with that key.
    { what: '/sendf Enter in the picker, q, PgDn, / typed and erased, Backspace once more closes it', start: { screen: 'picker', then: 'learn', back: null }, keys: ['/', 's', 'e', 'n', 'd', 'f', '\r', 'q', '\u001b[6~', '/', 'x', '\u007f', '\u007f'] },
    { what: '/pin Enter in the glossary index, then a page down', start: { screen: 'terms', back: null }, keys: ['/', 'p', 'i', 'n', '\r', ' '] },
  ];
  for (const c of cases) {
    test(c.what, async () => {
      // The same keys one at a time, through the session's reducer.
      const one = driveApp(c.start, { quiz: QUIZ });
      one.type(...c.keys);
      const all = await openApp(c.start, { quiz: QUIZ });
      await all.burst(...c.keys);
      // Each app has a store of its own: its path is no difference.
      const seen = (s: typeof one | typeof all) => ({ frame: s.ended.length ? null : s.frame().replace(s.state, 'STATE'), answers: s.answers.map((a) => a.question.id), ended: s.ended });
      expect(seen(all)).toEqual(seen(one));
      expect(one.ended.length > 0 || one.frame() !== one.frames()[0]).toBe(true);
      all.unmount();
    });
  }
});

/** The pure session stands in for the app in most tests: on a terminal, ink must draw exactly its frames. */
describe('on a terminal, the app draws the frames the session computes', () => {
  test('home, a lesson and its help, the quiz, a page, the picker, a challenge and its palette: key by key, frame for frame', async () => {
    // prettier-ignore
    const keys = [
      '\r', '\r', 'l', 'l', KEY.right, '?', 'x', 'j', 'q', 'q', // a lesson, its help, back home
      'j', 'j', '\r', '\r', 'a', '\r', '\r', 'q', 'q', // the quiz (all lessons): an answer, the next question, home
      'j', 'j', 'j', 'j', '\r', ' ', 'b', 'G', 'q', // compare, paged
      'k', '\r', KEY.down, '\r', 'j', 'q', 'q', // explain, through the picker
      'k', 'k', '\r', '\r', '\r', 'l', 'q', '?', 'x', 'q', 'q', // a challenge: the palette, the help
    ];
    const pure = driveApp({ screen: 'home' }, { quiz: QUIZ, lang: 'zh' });
    const ink = await openApp({ screen: 'home' }, { quiz: QUIZ, lang: 'zh' });
    const shown = (s: typeof pure | typeof ink) => s.frame().replace(s.state, 'STATE');
    expect(shown(ink)).toBe(shown(pure));
    const screens = new Set<string>();
    for (const [i, key] of keys.entries()) {
      pure.type(key);
      await ink.type(key);
      screens.add(pure.session().route.screen);
      expect({ i, key, frame: shown(ink) }).toEqual({ i, key, frame: shown(pure) });
    }
    expect(ink.answers.map((a) => a.question.id)).toEqual(pure.answers.map((a) => a.question.id));
    expect(pure.answers).toHaveLength(1);
    expect([...screens].sort()).toEqual(['challenge', 'compare', 'explain', 'home', 'learn', 'levels', 'picker', 'quiz', 'quizAim']);
    ink.unmount();
  });
});

/** A fixed quiz, so that two runs ask the same questions: the first a choice, the second a count. */
const QUIZ = () => drawQuiz(testContext().ctx, { seed: '3', count: '3' }).quiz;

/** Every line of a page, read by paging through it with space, as a learner would. */
function readAll(app: ReturnType<typeof driveApp>) {
  const lines: string[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const frame = app.frame().split('\n');
    const where = /lines (\d+)-(\d+) of (\d+)/.exec(frame.at(-1)!);
    if (!where) return frame.slice(0, -1);
    const [from, to, of] = where.slice(1).map(Number);
    // The page's lines are the last of the frame's: a table's head kept in sight above them is not among them.
    frame.slice(0, -1).slice(-(to - from + 1)).forEach((l, i) => (lines[from - 1 + i] = l));
    if (to === of) return lines;
    app.type(' ');
  }
  throw new Error('the page never ended');
}

describe('the explain view is what `zcopy explain` prints', () => {
  test('at 80 columns, line for line the binary\'s output in a pipe', () => {
    for (const id of ['sendfile', 'splice']) {
      const app = driveApp({ screen: 'explain', id, back: null }, { size: { cols: 80, rows: 24 } });
      const printed = zcopy(['explain', id]).stdout.replace(/\n$/, '').split('\n');
      expect(readAll(app)).toEqual(printed);
    }
  });

  test('at 72 columns, line for line what the command prints on a 72-column terminal', async () => {
    const written: string[] = [];
    const tty = { isTTY: true, columns: 72, rows: 20, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const io = { ...testContext('en', tty).ctx.io, argv: ['explain', 'mmap'], env: { NO_COLOR: '1' } };
    expect(await main(io)).toBe(0);
    const app = driveApp({ screen: 'explain', id: 'mmap', back: null }, { size: { cols: 72, rows: 20 } });
    expect(readAll(app)).toEqual(written.join('').replace(/\n$/, '').split('\n'));
  });

  test('compare shows the lines its command prints, a line wider than the screen folded', () => {
    const app = driveApp({ screen: 'compare', back: null });
    expect(readAll(app)).toEqual(zcopy(['compare']).stdout.replace(/\n$/, '').split('\n').flatMap((l) => (l.length > 80 ? [l.slice(0, 80), l.slice(80)] : [l])));
  });
});

describe('every frame of the new views fits 72x20 and 80x24, in both languages', () => {
  test('home, quiz, and every page from top to bottom', () => {
    let frames = 0;
    for (const lang of ['en', 'zh'] as const) {
      const { ctx, state } = testContext(lang);
      // Some progress to show, so that its page is not empty.
      const store = openStore({ env: { XDG_STATE_HOME: state }, lang, warn: () => {} });
      recordAnswer(store, 'sendfile', 'mover', false);
      recordLessonFinished(store, 'traditional-nodma');
      const world = sessionWorld(ctx, {}, () => {});
      const routes: Route[] = [
        { screen: 'home' },
        { screen: 'quiz', back: null },
        { screen: 'compare', back: null },
        { screen: 'glossary', back: null },
        { screen: 'terms', back: { screen: 'home' } },
        { screen: 'progress', back: null },
        ...ctx.lessons().lessons.map((l): Route => ({ screen: 'explain', id: l.id, back: null })),
      ];
      for (const size of SIZES) {
        const deps: AppDeps = { ...world, size };
        for (const route of routes) {
          let s: SessionState = enter(route, deps);
          // j moves down the pages and the home menu; in the quiz, a letter or a number is an answer, Enter moves on.
          const keys = route.screen === 'quiz' ? ['a', 'enter', '1', 'enter', 'enter'] : ['j'];
          // The menus go round: once round is enough.
          const limit = route.screen === 'home' ? 10 : route.screen === 'terms' ? 20 : 200;
          for (let i = 0; i < limit && !s.ended; i++) {
            const lines = frameOf(s, deps);
            const where = `${lang} ${size.cols}x${size.rows} ${route.screen} ${'id' in route ? route.id : ''} #${i}`;
            expect({ where, rows: lines.length <= size.rows - 1, cols: Math.max(...lines.map(displayWidth)) <= size.cols }).toEqual({ where, rows: true, cols: true });
            // However narrow the screen, a page's footer says how to leave it.
            if (!['home', 'quiz'].includes(route.screen)) expect({ where, footer: /q (back|返回)/.test(lines.at(-1)!) }).toEqual({ where, footer: true });
            frames++;
            const next = sessionKey(s, keys[i % keys.length], deps).state;
            if (JSON.stringify(frameOf(next, deps)) === JSON.stringify(lines) && route.screen !== 'quiz') break;
            s = next;
          }
        }
      }
    }
    expect(frames).toBeGreaterThan(500);
  });
});


describe('a text page does what its footer says', () => {
  /** The "lines a-b of n" the footer shows. */
  const window = (frame: string) => {
    const m = /lines (\d+)-(\d+) of (\d+)/.exec(frame.split('\n').at(-1)!);
    return m ? { from: Number(m[1]), to: Number(m[2]), of: Number(m[3]) } : null;
  };

  test('glossary: j and k move a line, space a page, b back a page, g the top, G the end, q back', () => {
    const app = driveApp({ screen: 'glossary', back: { screen: 'home' } });
    const footer = app.frame().split('\n').at(-1)!;
    for (const word of ['↓ j down', '↑ k up', 'space page', '? help', 'q back', 'g top']) expect(footer).toContain(word);
    // On 80 columns beside `? help` the last jump gives way (the footer keeps help and back): the help `?` opens says it.
    expect(footer).not.toContain('G end');
    app.type('?');
    expect(app.frame()).toMatch(/G End\s+the end/);
    app.type('x');
    const start = window(app.frame())!;
    expect(start.from).toBe(1);
    const page = start.to - start.from + 1;
    app.type('j');
    expect(window(app.frame())!.from).toBe(2);
    app.type('k');
    expect(window(app.frame())!.from).toBe(1);
    app.type(' ');
    expect(window(app.frame())!.from).toBe(1 + page);
    app.type('b');
    expect(window(app.frame())!.from).toBe(1);
    app.type('G');
    expect(window(app.frame())!.to).toBe(start.of);
    app.type('g');
    expect(window(app.frame())!.from).toBe(1);
    app.type('q');
    expect(app.frame()).toMatch(/› learn /);
  });
});

describe('the home menu counts what was just done', () => {
  test('a lesson finished in this session shows in the note when q comes back home', () => {
    const app = driveApp();
    expect(app.frame()).toContain('0/16 finished');
    app.type('\r', '\r');
    const steps = app.ctx.lookup(app.ids[0]).steps.length;
    app.type(...Array(steps).fill('l'));
    expect(app.finished).toEqual([app.ids[0]]);
    app.type('q', 'q');
    expect(app.frame()).toContain('1/16 finished');
  });

  test('a level solved meanwhile shows in the note when q comes back home', () => {
    const app = driveApp();
    expect(app.frame()).not.toContain('challenges');
    recordLevelSolved(openStore({ env: { XDG_STATE_HOME: app.state }, lang: 'en', warn: () => {} }), 'zero-copy', { modeSwitches: 2, steps: 11 });
    app.type('G', 'k', '\r', 'q');
    expect(app.frame()).toContain(`0/16 finished · challenges 1/${app.ctx.levels().levels.length}`);
  });
});
