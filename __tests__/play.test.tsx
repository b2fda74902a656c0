import { describe, expect, test } from '@jest/globals';
import { LEARN } from '../src/i18n/strings.js';
import type { Route, Timer } from '../src/ui/app/route.js';
import type { LessonScreen } from '../src/ui/app/lesson.js';
import type { VsState } from '../src/ui/app/vs.js';
import { stepWords } from '../src/ui/learn/frame.js';
import { SPEEDS, holdMs, parseSpeed, readingSeconds, stepSpeed } from '../src/ui/play.js';
import { displayWidth } from '../src/term/text.js';
import { driveApp, openApp, testContext } from './helpers/app.js';
import { KEY } from './helpers/screen.js';

// Lecture mode (issue 22, section 1): the clock is the test's (driveApp's tick, or a fake timer), so no test waits or reads real time.

const SIZES = [
  { cols: 80, rows: 24 },
  { cols: 72, rows: 20 },
];
const LANGS = ['en', 'zh'] as const;

/** sendfile as `zcopy learn sendfile --play [--speed X]` opens it. */
const played = (extra: Partial<Extract<Route, { screen: 'learn' }>> = {}, lang: 'en' | 'zh' = 'en') =>
  driveApp({ screen: 'learn', id: 'sendfile', predict: false, back: null, step: 0, play: { play: 'playing' }, ...extra }, { lang });

type App = ReturnType<typeof driveApp>;
const lesson = (app: App) => (app.session().state as LessonScreen).lesson;
const footer = (app: App) => app.frame().split('\n').at(-1)!;
const stepsOf = (app: App) => (app.session().state as LessonScreen).view.steps.length;

describe('a lesson plays by itself', () => {
  test('each tick of the clock is one step; the footer says it plays and how fast; no key is pressed', () => {
    const app = played();
    expect(app.frame().split('\n')[0]).toMatch(/start$/);
    expect(footer(app)).toMatch(/^ ?▶ playing 1×/);
    expect(app.wait()).toBeGreaterThan(0);
    for (const n of [1, 2, 3]) {
      expect(app.tick()).toBe(true);
      expect(app.frame().split('\n')[0]).toMatch(new RegExp(`step ${n}/${stepsOf(app)}$`));
    }
    expect(footer(app)).toMatch(/▶ playing 1×/);
  });

  test('each step is held for its own words: a longer narration longer, within the bounds, and --speed divides it', () => {
    const app = played();
    const { view } = app.session().state as LessonScreen;
    for (let position = 0; position < view.steps.length; position++) {
      expect({ position, wait: app.wait() }).toEqual({ position, wait: holdMs(stepWords(view, position)) });
      app.tick();
    }
    const fast = played({ play: { play: 'playing', speed: 2 } });
    expect(fast.wait()).toBe(Math.round(holdMs(stepWords(view, 0)) / 2));
    // Longer words, a longer hold; never less than a few seconds, never more than half a minute.
    expect(holdMs('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen')).toBeGreaterThan(holdMs('one two three four five six seven eight'));
    expect(holdMs('')).toBe(holdMs('a'));
    expect(holdMs('word '.repeat(1000))).toBe(holdMs('word '.repeat(2000)));
    expect(holdMs('')).toBeGreaterThanOrEqual(3000);
    expect(holdMs('word '.repeat(1000))).toBeLessThanOrEqual(60_000);
  });

  test('Chinese is read by the character, not as one long word; English by the word', () => {
    // Twenty characters take as long as about twelve English words: neither is read as a single word.
    const zh = readingSeconds('数据从磁盘经过直接内存访问复制到页缓存里面');
    const en = readingSeconds('the data is copied from the disk into the page cache by direct memory access');
    expect(zh).toBeGreaterThan(readingSeconds('word word'));
    expect(Math.abs(zh - en)).toBeLessThan(3);
    // A Latin term inside Chinese text counts as a word.
    expect(readingSeconds('调用 sendfile 把数据')).toBeGreaterThan(readingSeconds('调用把数据'));
  });

  test('Space pauses and resumes; paused, the clock moves nothing', () => {
    const app = played();
    app.tick();
    app.type(' ');
    expect(footer(app)).toMatch(/‖ paused 1×/);
    expect(app.wait()).toBeNull();
    expect(app.tick()).toBe(false);
    expect(lesson(app).position).toBe(1);
    app.type(' ');
    expect(footer(app)).toMatch(/▶ playing 1×/);
    app.tick();
    expect(lesson(app).position).toBe(2);
  });

  test('+ and - change the speed a rung at a time, never past 0.25× or 4×; = is + without Shift', () => {
    const app = played();
    const at1 = app.wait()!;
    app.type('+');
    expect(footer(app)).toMatch(/▶ playing 1\.25×/);
    expect(app.wait()!).toBeLessThan(at1);
    app.type('=');
    expect(footer(app)).toMatch(/1\.5×/);
    app.type(...Array(12).fill('+'));
    expect(footer(app)).toMatch(/▶ playing 4×/);
    expect(lesson(app).speed).toBe(SPEEDS.max);
    app.type(...Array(20).fill('-'));
    expect(footer(app)).toMatch(/▶ playing 0\.25×/);
    expect(lesson(app).speed).toBe(SPEEDS.min);
    expect(app.wait()!).toBeGreaterThan(at1);
    // Paused, the speed still changes (for when it resumes).
    app.type(' ', '+');
    expect(footer(app)).toMatch(/‖ paused 0\.5×/);
    // A speed between the rungs goes to the next rung.
    expect([stepSpeed(1.1, 1), stepSpeed(1.1, -1), stepSpeed(4, 1), stepSpeed(0.25, -1)]).toEqual([1.25, 1, 4, 0.25]);
  });

  test('every other key still works while it plays: back a step, the help, a count, scrolling, predict, and play goes on', () => {
    const app = played();
    app.tick();
    app.tick();
    app.type(KEY.left);
    expect(lesson(app).position).toBe(1);
    expect(lesson(app).play).toBe('playing');
    // The help hides the lesson: the clock waits while it is open, and any key closes it.
    app.type('?');
    expect(app.frame()).toContain('Keys');
    expect(app.wait()).toBeNull();
    expect(app.tick()).toBe(false);
    app.type('x');
    expect(app.wait()).not.toBeNull();
    app.tick();
    expect(lesson(app).position).toBe(2);
    // A count waits for its g; Enter and → still step.
    app.type('5');
    expect(app.wait()).toBeNull();
    app.type('g');
    expect(lesson(app).position).toBe(5);
    app.type(KEY.enter, KEY.right);
    expect(lesson(app).position).toBe(7);
    // ↓ scrolls the words as it does when nothing plays (a 72x20 screen, where they overflow).
    const small = { size: { cols: 72, rows: 20 } };
    const still = driveApp({ screen: 'learn', id: 'sendfile', predict: false, back: null, step: 11 }, small);
    const moving = driveApp({ screen: 'learn', id: 'sendfile', predict: false, back: null, step: 11, play: { play: 'playing' } }, small);
    still.type('j', 'j');
    moving.type('j', 'j');
    expect(lesson(moving).scroll).toBe(lesson(still).scroll);
    expect(lesson(moving).scroll).toBeGreaterThan(0);
    app.type('a');
    expect(lesson(app).predict).toBe(true);
    expect(lesson(app).play).toBe('playing');
    app.type('q');
    expect(app.ended).toEqual([{ kind: 'done' }]);
  });

  test('a burst of keys in one read is each taken, play keys among them', () => {
    const app = played();
    app.type('lll+ ');
    expect(lesson(app)).toMatchObject({ position: 3, play: 'paused', speed: 1.25 });
    app.type(' -l');
    expect(lesson(app)).toMatchObject({ position: 4, play: 'playing', speed: 1 });
  });

  test('at the last step play stops (the lesson counts as finished); p there plays it again from the start', () => {
    const app = played();
    const last = stepsOf(app);
    for (let i = 0; i < last; i++) expect(app.tick()).toBe(true);
    expect(lesson(app).position).toBe(last);
    expect(lesson(app).play).toBeUndefined();
    expect(footer(app)).not.toMatch(/playing|paused/);
    expect(app.tick()).toBe(false);
    expect(app.finished).toEqual(['sendfile']);
    app.type('p');
    expect(lesson(app)).toMatchObject({ position: 0, play: 'playing' });
  });

  test('predict mode pauses play at each prediction; answered, it stays paused until Space', () => {
    const app = played({ predict: true });
    const asked = () => lesson(app).asking !== null;
    for (let i = 0; i < 20 && !asked(); i++) app.tick();
    expect(app.frame()).toMatch(/Predict step \d+/);
    expect(footer(app)).toMatch(/‖ paused 1×.*c CPU/);
    expect(app.tick()).toBe(false);
    const at = lesson(app).asking!.step;
    app.type('n', 'y');
    expect(lesson(app).position).toBe(at);
    expect(app.frame()).toMatch(/who moves the bytes/);
    expect(lesson(app).play).toBe('paused');
    app.type(' ');
    app.tick();
    expect(lesson(app).position === at + 1 || lesson(app).asking?.step === at + 1).toBe(true);
  });
});

describe('p in the app', () => {
  test('p starts play on a lesson opened without --play and stops it; stopped, Space is "next" again', () => {
    const app = driveApp({ screen: 'learn', id: 'sendfile', predict: false, back: null });
    expect(app.wait()).toBeNull();
    expect(footer(app)).toMatch(/p play/);
    app.type('p');
    expect(footer(app)).toMatch(/▶ playing 1×.*space pause.*p stop/);
    app.tick();
    app.type('p');
    expect(lesson(app).play).toBeUndefined();
    expect(app.wait()).toBeNull();
    app.type(' ');
    expect(lesson(app).position).toBe(2);
  });

  test('on the --vs screen: p plays both lessons in lockstep, Space pauses, + speeds up, and at the end play stops', () => {
    const app = driveApp({ screen: 'vs', a: 'traditional', b: 'sendfile', back: null });
    const vs = () => app.session().state as VsState;
    expect(app.wait()).toBeNull();
    app.type('p');
    expect(footer(app)).toMatch(/▶ playing 1×/);
    app.tick();
    expect(vs().position).toBe(1);
    app.type(' ');
    expect(footer(app)).toMatch(/‖ paused 1×/);
    expect(app.tick()).toBe(false);
    app.type(' ', '+');
    expect(footer(app)).toMatch(/▶ playing 1\.25×/);
    const last = Math.max(vs().a.steps.length, vs().b.steps.length);
    while (app.tick());
    expect(vs().position).toBe(last);
    expect(vs().play).toBeUndefined();
    app.type('p');
    expect(vs()).toMatchObject({ position: 0, play: 'playing', speed: 1.25 });
    app.type('p', ' ');
    expect(vs().position).toBe(1);
  });

  test('--play with no lesson named: the lesson picked from the list plays', () => {
    const app = driveApp({ screen: 'picker', then: 'learn', back: null, play: { play: 'playing', speed: 2 } });
    app.type(KEY.enter);
    expect(footer(app)).toMatch(/▶ playing 2×/);
  });

  test("the app's clock: set when the lesson plays, set again after a key, and a tick the state has moved past does nothing", async () => {
    const armed: { ms: number; fire: () => void; cancelled: boolean }[] = [];
    const timer: Timer = (ms, fire) => {
      const t = { ms, fire, cancelled: false };
      armed.push(t);
      return () => void (t.cancelled = true);
    };
    const app = await openApp({ screen: 'learn', id: 'sendfile', predict: false, back: null, step: 0, play: { play: 'playing' } }, { timer });
    expect(armed.filter((t) => !t.cancelled)).toHaveLength(1);
    const first = armed.at(-1)!;
    first.fire();
    expect(await app.waitFor((f) => f.includes('step 1/'))).toContain('step 1/');
    await app.type('l');
    expect(app.frame()).toContain('step 2/');
    // The timer set for step 1 was cancelled; a late one from it moves nothing.
    const stale = armed.find((t) => t.cancelled)!;
    stale.fire();
    expect(app.frame()).toContain('step 2/');
    // Paused: the clock is cancelled (React runs the effect's cleanup just after the frame is drawn).
    await app.type(' ');
    expect(app.frame()).toContain('‖ paused');
    const live = async () => {
      for (let i = 0; i < 200 && armed.some((t) => !t.cancelled); i++) await new Promise((r) => setTimeout(r, 10));
      return armed.filter((t) => !t.cancelled);
    };
    expect(await live()).toHaveLength(0);
    app.unmount();
  });
});

describe('every frame of lecture mode fits 80x24 and 72x20, in both languages', () => {
  test.each(LANGS)('%s: the lesson playing and paused at every step, its help, and --vs', (lang) => {
    const { ctx } = testContext(lang);
    const t = LEARN[lang];
    // How to get help and leave, as every lesson footer; and lecture mode's own keys, even at 72 columns.
    const kept = { en: ['\\? help', 'q quit', 'space pause', '\\+ - speed', 'p stop'], zh: ['\\? 帮助', 'q 退出', '空格 暂停', '\\+ - 调速', 'p 停止'] } as const;
    for (const size of SIZES) {
      for (const l of ctx.lessons().lessons) {
        const app = driveApp({ screen: 'learn', id: l.id, predict: false, back: null, step: 0, play: { play: 'playing', speed: 0.75 } }, { lang, size });
        const check = (what: string) => {
          const lines = app.frame().split('\n');
          const where = { lang, size: `${size.cols}x${size.rows}`, id: l.id, what, at: lesson(app).position };
          expect({ ...where, rows: lines.length <= size.rows - 1, cols: Math.max(...lines.map(displayWidth)) <= size.cols }).toEqual({ ...where, rows: true, cols: true });
          if (what !== 'help') expect({ ...where, kept: kept[lang].every((k) => new RegExp(k).test(lines.at(-1)!)) }).toEqual({ ...where, kept: true });
        };
        do {
          check('playing');
          expect(footer(app)).toContain(`▶ ${t.playing} 0.75×`);
          app.type(' ');
          check('paused');
          expect(footer(app)).toContain(`‖ ${t.paused} 0.75×`);
          app.type(' ');
        } while (app.tick() && lesson(app).play);
        app.type('p', '?');
        check('help');
      }
      const vs = driveApp({ screen: 'vs', a: 'traditional', b: 'sendfile', back: null, play: { play: 'playing' } }, { lang, size });
      do {
        const lines = vs.frame().split('\n');
        expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
        expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(size.cols);
      } while (vs.tick());
    }
  });

  test('the help says what p, Space, + and - do, in both languages', () => {
    for (const [lang, words] of [
      ['en', ['p', 'play by itself', 'space + = -', 'pause or resume', 'faster', 'slower']],
      ['zh', ['p', '自动播放', '空格 / + / = / -', '暂停或继续', '加快', '放慢']],
    ] as const) {
      const app = driveApp({ screen: 'learn', id: 'sendfile', predict: false, back: null }, { lang });
      app.type('?');
      for (const w of words) expect({ lang, w, shown: app.frame().includes(w) }).toEqual({ lang, w, shown: true });
    }
  });
});

describe('--speed', () => {
  test('a number from 0.25 to 4; anything else is not one', () => {
    expect(['1', '0.25', '4', '2', '.5', '1.5 '].map(parseSpeed)).toEqual([1, 0.25, 4, 2, 0.5, 1.5]);
    expect(['0', '0.2', '4.5', '-1', 'fast', '', '1e0', 'NaN', 'Infinity', '2x'].map(parseSpeed)).toEqual(Array(10).fill(null));
  });
});
