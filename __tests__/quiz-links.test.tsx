import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import type { Lang } from '../src/i18n/lang.js';
import { loadCatalog, varied } from '../src/lessons/index.js';
import { DEFAULT_KNOBS } from '../src/model/index.js';
import { openStore, recordAnswer } from '../src/progress/index.js';
import { makeQuiz, type Question } from '../src/quiz/index.js';
import { displayWidth } from '../src/term/text.js';
import { transcript } from '../src/ui/learn/frame.js';
import { learnView } from '../src/ui/learn/view.js';
import { Chalk } from 'chalk';
import { driveApp, testContext } from './helpers/app.js';
import { sessionWorld } from '../src/app/session.js';
import { ROOT } from './helpers/cli.js';

/*
 * Issue 21: what the app used to print as commands it could not run ("Next: zcopy
 * quiz --scenario sendfile", "Revisit: zcopy learn sendfile --step 6") are keys.
 */

const catalog = loadCatalog(join(ROOT, 'lessons'));
const SIZES = [
  { cols: 72, rows: 20 },
  { cols: 80, rows: 24 },
];
const LANGS: Lang[] = ['en', 'zh'];
const last = (id: string) => catalog.find(id)!.steps.length;

/** Every line of a frame fits the screen: no wider than it, and one line short of its height. */
function fits(frame: string, size: { cols: number; rows: number }) {
  const lines = frame.split('\n');
  return { tall: lines.length <= size.rows - 1, wide: lines.filter((l) => displayWidth(l) > size.cols) };
}

type App = ReturnType<typeof driveApp>;
/** The quiz the session shows, read off its state (the questions drawn, the learner's place and answers). */
const quizOf = (app: App) => {
  const s = app.session();
  if (s.route.screen !== 'quiz') throw new Error(`not on the quiz but on ${s.route.screen}`);
  return s.state as unknown as { quiz: { questions: Question[] }; at: { index: number; answers: unknown[] } };
};

describe('"quiz me on this" at the end of a lesson', () => {
  for (const lang of LANGS) {
    for (const size of SIZES) {
      test(`${lang} ${size.cols}x${size.rows}: z at the end opens a quiz on that lesson; q comes back to the end`, () => {
        const app = driveApp({ screen: 'learn', id: 'sendfile', predict: false, back: null }, { lang, size });
        // Not in the middle: z would skip the rest of the lesson.
        app.type('l', 'z');
        expect(app.session().route.screen).toBe('learn');
        app.type('G');
        const end = app.frame();
        expect(end).toMatch(lang === 'en' ? /z quiz me on this/ : /z 测验本课/);
        expect(fits(end, size)).toEqual({ tall: true, wide: [] });
        app.type('z');
        const { questions } = quizOf(app).quiz;
        expect(questions.length).toBeGreaterThan(0);
        // Asked about sendfile only ("which fits" and "which technique" have it as their answer).
        expect([...new Set(questions.map((q) => q.scenario))]).toEqual(['sendfile']);
        expect(fits(app.frame(), size)).toEqual({ tall: true, wide: [] });
        app.type('q');
        expect(app.session().route).toMatchObject({ screen: 'learn', id: 'sendfile' });
        expect(app.frame()).toContain(lang === 'en' ? `step ${last('sendfile')}/${last('sendfile')}` : `第 ${last('sendfile')}/${last('sendfile')} 步`);
        expect(app.ended).toEqual([]);
      });
    }
  }

  test('a lesson opened from the picker: z, q, q goes back to the picker on that lesson', () => {
    const app = driveApp({ screen: 'picker', then: 'learn', back: null });
    app.type('j', '\r', 'G', 'z', 'q', 'q');
    expect(app.frame()).toMatch(new RegExp(`› ${app.ids[1]} `));
  });

  test("a what-if variant's quiz asks about the variant; a teacher's own lesson file, about itself", () => {
    const { ctx } = testContext('en');
    const warm = varied(ctx.lookup('sendfile'), { ...DEFAULT_KNOBS, cache: 'warm' });
    const variant = sessionWorld(ctx, { own: warm }, () => {}).quiz({ scenario: 'sendfile' });
    expect(variant.questions.length).toBeGreaterThan(0);
    for (const q of variant.questions) expect({ id: q.id, knobs: q.knobs }).toEqual({ id: q.id, knobs: warm.knobs });
    // A what-if asks count questions only, as `zcopy quiz --cache warm` does: fewer than ten, and the screen says so.
    expect(variant.notes).toEqual([`Only ${variant.questions.length} different questions fit this choice of scenarios and kinds (asked for 10).`]);
    const own = { ...ctx.lookup('sendfile'), id: 'my-own' };
    const mine = sessionWorld(ctx, { own }, () => {}).quiz({ scenario: 'my-own' });
    expect(mine.questions.length).toBe(10);
    expect([...new Set(mine.questions.map((q) => q.scenario))]).toEqual(['my-own']);
  });

  test('a lesson taken at a file size: its quiz counts for the whole file', () => {
    const scale = { size: 2 ** 30, chunk: 2 ** 16 };
    const { ctx } = testContext('en');
    const sized = sessionWorld(ctx, { scale }, () => {}).quiz({ scenario: 'traditional', kind: 'counts' });
    // docs/MODEL.md: traditional makes 4 mode switches per chunk; 1 GiB in 64 KiB chunks is 16,384 chunks.
    const switches = sized.questions.find((q) => q.id === 'counts:traditional:modeSwitches:file');
    expect(switches?.answer).toBe(String(4 * 16384));
    // And from a question at a size, the lesson opened there, then z at its end.
    const app = driveApp({ screen: 'learn', id: 'traditional', predict: false, back: null, step: 1, scale });
    app.type('G', 'z');
    expect(app.session().route).toMatchObject({ screen: 'quiz', aim: { scenario: 'traditional', scale } });
    // Drawn at random: whichever totals it counts are the whole file's.
    for (const q of quizOf(app).quiz.questions.filter((x) => x.kind === 'counts' && !x.perTransfer)) expect(q.scale).toEqual(scale);
  });

  test('piped, the transcript still says the commands', () => {
    const text = transcript(learnView(catalog.find('sendfile')!, 'en', { nextId: 'sendfile-sg' }), new Chalk({ level: 0 }));
    expect(text).toContain('Done. Next: zcopy quiz --scenario sendfile or zcopy learn sendfile-sg');
    expect(text).not.toContain('quiz me on this');
  });
});

/** sendfile's DMA copies (a count that rises at two steps), then who moves the bytes at step 6. */
function sendfileQuiz(lang: Lang): Question[] {
  const all = makeQuiz({ selected: [catalog.find('sendfile')!], catalog: catalog.lessons, kinds: ['counts', 'mover'], count: 100, seed: 1, lang });
  return [all.find((q) => q.id === 'counts:sendfile:dmaCopies')!, all.find((q) => q.id === 'mover:sendfile:6')!];
}

describe('from a quiz answer, the step it cites, and back', () => {
  for (const lang of LANGS) {
    for (const size of SIZES) {
      test(`${lang} ${size.cols}x${size.rows}: s opens the first step cited; q comes back to the same verdict, the score kept`, () => {
        const questions = sendfileQuiz(lang);
        const steps = 'steps' in questions[0].revisit ? questions[0].revisit.steps : [];
        // docs/MODEL.md: sendfile makes 2 DMA copies; the feedback cites both steps.
        expect(steps).toHaveLength(2);
        const app = driveApp({ screen: 'quiz', back: null }, { lang, size, quiz: () => ({ questions, seed: 1 }) });
        app.type('9', '\r');
        const verdict = app.frame();
        expect(verdict).toContain(lang === 'en' ? `Revisit steps ${steps[0]} and ${steps[1]} of sendfile: s opens step ${steps[0]}.` : `复习 sendfile 的第 ${steps[0]} 步和第 ${steps[1]} 步：按 s 打开第 ${steps[0]} 步。`);
        expect(verdict).toContain(lang === 'en' ? `s step ${steps[0]}` : `s 第 ${steps[0]} 步`);
        expect(verdict).not.toContain('zcopy learn');
        expect(fits(verdict, size)).toEqual({ tall: true, wide: [] });
        app.type('s');
        expect(app.session().route).toMatchObject({ screen: 'learn', id: 'sendfile', step: steps[0] });
        expect(app.frame()).toContain(lang === 'en' ? `step ${steps[0]}/${last('sendfile')}` : `第 ${steps[0]}/${last('sendfile')} 步`);
        // Stepping on to the second step cited, then back.
        app.type(...Array(steps[1] - steps[0]).fill('l'), 'q');
        expect(app.frame()).toBe(verdict);
        expect(app.answers).toHaveLength(1);
        // The quiz goes on from there: the second question, answered right, and the score counts both.
        app.type('\r', questions[1].answer, '\r', '\r');
        expect(app.frame()).toContain(lang === 'en' ? 'Score: 1/2' : '得分：1/2');
        expect(app.answers.map((a) => a.verdict.right)).toEqual([false, true]);
      });
    }
  }

  test("a what-if question's step opens in the what-if, and is not recorded as the lesson's", () => {
    const warm = varied(catalog.find('sendfile')!, { ...DEFAULT_KNOBS, cache: 'warm' });
    const q = makeQuiz({ selected: [warm], catalog: catalog.lessons, kinds: ['counts'], count: 100, seed: 1, lang: 'en' })[0];
    expect(q.knobs).toMatchObject({ cache: 'warm' });
    const app = driveApp({ screen: 'quiz', back: null }, { quiz: () => ({ questions: [q], seed: 1 }) });
    app.type('999', '\r', 's');
    expect(app.frame()).toContain('what if --cache warm');
    app.type('l', 'q');
    expect(app.session().route.screen).toBe('quiz');
    expect(openStore({ env: { XDG_STATE_HOME: app.state }, lang: 'en', warn: () => {} }).data.lessons.sendfile).toBeUndefined();
  });

  test('a right answer opens its step too; a compare revisit has no key', () => {
    const [, mover] = sendfileQuiz('en');
    const app = driveApp({ screen: 'quiz', back: null }, { quiz: () => ({ questions: [mover], seed: 1 }) });
    app.type(mover.answer, '\r');
    expect(app.frame()).toMatch(/s step 6/);
    app.type('s');
    expect(app.session().route).toMatchObject({ screen: 'learn', step: 6 });
    const fewer = makeQuiz({ selected: [catalog.find('sendfile')!], catalog: catalog.lessons, kinds: ['fewer'], count: 1, seed: 1, lang: 'en' });
    const other = driveApp({ screen: 'quiz', back: null }, { quiz: () => ({ questions: fewer, seed: 1 }) });
    other.type(fewer[0].answer === 'a' ? 'b' : 'a', '\r');
    expect(other.frame()).toMatch(/Revisit: zcopy compare /);
    other.type('s');
    expect(other.session().route.screen).toBe('quiz');
  });
});

describe('the home menu aims the quiz', () => {
  for (const lang of LANGS) {
    for (const size of SIZES) {
      test(`${lang} ${size.cols}x${size.rows}: all, one lesson, one kind; q comes back through the chooser`, () => {
        const app = driveApp({ screen: 'home' }, { lang, size });
        app.type('j', 'j', '\r');
        expect(app.session().route).toMatchObject({ screen: 'quizAim', pick: 'how' });
        expect(fits(app.frame(), size)).toEqual({ tall: true, wide: [] });
        // One lesson: the second of the catalogue.
        app.type('j', '\r');
        expect(fits(app.frame(), size)).toEqual({ tall: true, wide: [] });
        app.type('j', '\r');
        expect([...new Set(quizOf(app).quiz.questions.map((q) => q.scenario))]).toEqual([app.ids[1]]);
        app.type('q');
        expect(app.frame()).toMatch(new RegExp(`› ${app.ids[1]} `));
        app.type('q');
        // One kind: who moves the bytes.
        app.type('j', '\r');
        expect(fits(app.frame(), size)).toEqual({ tall: true, wide: [] });
        app.type('j', '\r');
        const kinds = quizOf(app).quiz.questions.map((q) => q.kind);
        expect(kinds.length).toBeGreaterThan(0);
        expect([...new Set(kinds)]).toEqual(['mover']);
        app.type('q', 'q', 'q');
        expect(app.frame()).toMatch(/› quiz /);
        expect(app.ended).toEqual([]);
      });
    }
  }

  test('review asks the weakest topics first', () => {
    const { state } = testContext('en');
    const store = openStore({ env: { XDG_STATE_HOME: state }, lang: 'en', warn: () => {} });
    for (let i = 0; i < 3; i++) recordAnswer(store, 'mmap', 'counts', false);
    recordAnswer(store, 'sendfile', 'mover', false);
    const app = driveApp({ screen: 'home' }, { state });
    app.type('j', 'j', '\r', 'G', '\r');
    const [first] = quizOf(app).quiz.questions;
    expect({ scenario: first.scenario, kind: first.kind }).toEqual({ scenario: 'mmap', kind: 'counts' });
    expect(quizOf(app).quiz.questions.some((q) => q.scenario === 'sendfile' && q.kind === 'mover')).toBe(true);
  });

  test('review with nothing wrong yet says so on the screen, in each language, and asks a regular quiz', () => {
    for (const lang of LANGS) {
      const app = driveApp({ screen: 'home' }, { lang, size: { cols: 72, rows: 20 } });
      app.type('j', 'j', '\r', 'G', '\r');
      expect(app.frame()).toContain(lang === 'en' ? 'No wrong answers recorded yet' : '还没有答错的记录');
      expect(quizOf(app).quiz.questions).toHaveLength(10);
      expect(app.warnings).toEqual([]);
      // Gone once the first answer is given.
      app.type(...quizOf(app).quiz.questions[0].answer, '\r');
      expect(quizOf(app).at.answers).toHaveLength(1);
      expect(app.frame()).not.toContain(lang === 'en' ? 'No wrong answers recorded yet' : '还没有答错的记录');
    }
  });
});
