import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { loadCatalog } from '../src/lessons/index.js';
import { makeQuiz, type Answered, type Question } from '../src/quiz/index.js';
import { fitLines } from '../src/ui/fit.js';
import { driveApp, openApp } from './helpers/app.js';
import { sessionKey } from '../src/ui/app/session.js';
import { ROOT } from './helpers/cli.js';

const catalog = loadCatalog(join(ROOT, 'lessons'));
/** Types text a character at a time. */
const type = (screen: { type: (...keys: string[]) => unknown }, text: string) => screen.type(...text);

/**
 * The quiz route alone, as `zcopy quiz` opens it, with these questions; `onAnswer`
 * sees each answer the app hands out to be saved. Through the session's reducer,
 * or (`ink`) on a terminal.
 */
function quizApp(questions: Question[], seed: number, onAnswer: (a: Answered) => void, lang: 'en' | 'zh' = 'en', size = { cols: 80, rows: 40 }) {
  const app = driveApp({ screen: 'quiz', back: null }, { lang, size, quiz: () => ({ questions, seed }) });
  let seen = 0;
  // Answers are read from what the app recorded, after each batch of keys.
  const sync = () => {
    while (seen < app.answers.length) onAnswer(app.answers[seen++]);
  };
  return { ...app, type: (...k: string[]) => (app.type(...k), sync()) };
}

async function quizInk(questions: Question[], seed: number, onAnswer: (a: Answered) => void) {
  const app = await openApp({ screen: 'quiz', back: null }, { size: { cols: 80, rows: 40 }, quiz: () => ({ questions, seed }) });
  const { type, burst } = app;
  let seen = 0;
  const sync = () => {
    while (seen < app.answers.length) onAnswer(app.answers[seen++]);
  };
  return { ...app, type: async (...k: string[]) => (await type(...k), sync()), burst: async (...k: string[]) => (await burst(...k), sync()) };
}

/** Two questions on sendfile: its CPU copies (1), then who moves the bytes at step 6 (the CPU, choice a). */
function questions() {
  const all = makeQuiz({ selected: [catalog.find('sendfile')!], catalog: catalog.lessons, kinds: ['counts', 'mover'], count: 100, seed: 1, lang: 'en' });
  return [all.find((q) => q.id === 'counts:sendfile:cpuCopies')!, all.find((q) => q.id === 'mover:sendfile:6')!];
}

describe('the quiz screen', () => {
  test('one question at a time, a verdict at once, the score at the end; every answer is handed over', () => {
    const given: Answered[] = [];
    const screen = quizApp(questions(), 42, (a) => given.push(a), 'en', { cols: 80, rows: 40 });
    expect(screen.frame()).toMatch(/Question 1\/2 · sendfile · counting/);
    expect(screen.frame()).not.toMatch(/Question 2\/2/);
    type(screen, '1\r');
    expect(screen.frame()).toMatch(/^Right\.$/m);
    // A right answer learns why too (docs/MODEL.md: sendfile makes 1 CPU copy).
    expect(screen.frame()).toMatch(/^sendfile makes 1 CPU copy/m);
    expect(given.map((a) => a.verdict.right)).toEqual([true]);
    type(screen, '\r');
    expect(screen.frame()).toMatch(/Question 2\/2 · sendfile · who moves the bytes/);
    type(screen, 'b\r');
    const frame = screen.frame()!;
    expect(frame).toMatch(/Wrong: the answer is a\) the CPU\./);
    expect(frame).toMatch(/Thought the DMA does this one/);
    // In the app a key opens the step (issue 21): the feedback says the key, not a command.
    expect(frame).toMatch(/Revisit step 6 of sendfile: s opens step 6\./);
    expect(given.map((a) => a.verdict.right)).toEqual([true, false]);
    type(screen, '\r');
    expect(screen.frame()).toMatch(/^Score: 1\/2$/m);
    expect(screen.frame()).toMatch(/sendfile · who moves the bytes \(1 wrong\)/);
  });

  test('an answer that is not a choice gets a hint and is not judged; backspace edits', () => {
    const given: Answered[] = [];
    const screen = quizApp(questions().reverse(), 1, (a) => given.push(a), 'en', { cols: 80, rows: 40 });
    type(screen, 'x\r');
    expect(screen.frame()).toMatch(/Type a letter \(a-c\) or the choice\./);
    expect(given).toHaveLength(0);
    type(screen, '\u007fa\r');
    expect(screen.frame()).toMatch(/^Right\.$/m);
    expect(given).toHaveLength(1);
  });

  test('a frame is never taller than the screen minus one line', () => {
    // The smallest screen the app draws on (below it, every screen says the size it needs: screen-fit.test.tsx).
    const screen = quizApp(questions().reverse(), 1, () => {}, 'zh', { cols: 72, rows: 20 });
    type(screen, 'b\r');
    expect(screen.frame()!.split('\n').length).toBeLessThanOrEqual(19);
    expect(screen.frame()).toMatch(/回车 下一题/);
  });

  test('Ctrl-C quits at once, keeping the answers already given', () => {
    const given: Answered[] = [];
    const screen = quizApp(questions(), 1, (a) => given.push(a), 'en', { cols: 80, rows: 40 });
    type(screen, '1\r');
    type(screen, '\u0003');
    expect(screen.ended).toEqual([{ kind: 'done' }]);
    const frame = screen.frame();
    type(screen, '\r2\r');
    // After Ctrl-C nothing moves on and nothing more is recorded: the session takes no key.
    expect(screen.frame()).toBe(frame);
    expect(given).toHaveLength(1);
    for (const key of ['enter', '2']) expect(sessionKey(screen.session(), key, screen.deps)).toEqual({ state: screen.session() });
  });

  test('fitLines keeps the first lines and the last', () => {
    expect(fitLines(['a', 'b', 'c', 'd', 'e'], 4)).toEqual(['a', 'b', '…', 'e']);
    expect(fitLines(['a', 'b'], 4)).toEqual(['a', 'b']);
  });
});

describe('keys that arrive together', () => {
  test('an answer and Enter in one read are both taken', async () => {
    const [cpuCopies] = questions();
    const given: Answered[] = [];
    const app = await quizInk([cpuCopies], 1, (a) => given.push(a));
    await app.burst(`${cpuCopies.answer}\r`);
    expect(given.map((a) => a.verdict.right)).toEqual([true]);
    app.unmount();
  });

  // Each burst against the same keys one at a time: the same frame, the same answers saved.
  for (const keys of ['1\r\rb\r\r', 'x\rc', '1\rq', '1\r\r\u001b[Ba\r', 'qq', '1\r\ra\r\rq']) {
    test(JSON.stringify(keys), async () => {
      // Leaving ends the app before it draws again, so then only the answers saved are compared.
      const result = (app: { frame: () => string; frames: () => string[] }, given: Answered[]) => ({
        frame: keys.endsWith('q') ? null : app.frame(),
        given: given.map((a) => a.verdict.status),
        moved: keys.endsWith('q') ? null : app.frame() !== app.frames()[0],
      });
      // The keys one at a time, through the session's reducer; a quiz that was left takes no more keys.
      const typed: Answered[] = [];
      const pure = quizApp(questions(), 1, (a) => typed.push(a));
      pure.type(...keys.replace('\u001b[B', '\u0000').split('').map((k) => (k === '\u0000' ? '\u001b[B' : k)));
      const one = { ...result(pure, typed), listening: !pure.session().ended };
      // The same keys in one read, on a terminal: a quiz that was left draws nothing when a digit is typed.
      const given: Answered[] = [];
      const app = await quizInk(questions(), 1, (a) => given.push(a));
      await app.burst(keys);
      const burst = result(app, given);
      const drawn = app.frames().length;
      await app.type('7');
      expect({ ...burst, listening: app.frames().length > drawn }).toEqual(one);
      app.unmount();
      if (keys.endsWith('q')) expect(one.listening).toBe(false);
      else expect(one.moved).toBe(true);
    });
  }

  test('a rejected answer is cleared: x, Enter, c gives c', () => {
    const app = quizApp(questions().reverse(), 1, () => {}, 'en', { cols: 80, rows: 40 });
    app.type('x\rc');
    expect(app.frame()).toMatch(/^> c/m);
    expect(app.frame()).toMatch(/Type a letter \(a-c\)/);
  });
});
