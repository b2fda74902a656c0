import { describe, expect, test } from '@jest/globals';
import { drawQuiz } from '../src/app/quiz-plan.js';
import { KEYS } from '../src/i18n/keys.js';
import { displayWidth } from '../src/term/text.js';
import type { Route } from '../src/ui/app/route.js';
import { HOME_KEYS, MENU_KEYS, QUIZ_KEYS, SCORE_KEYS, TEXT_KEYS, VERDICT_KEYS, helpRows, type Keymap } from '../src/ui/keys.js';
import type { Size } from '../src/ui/size.js';
import { driveApp, testContext } from './helpers/app.js';

const SIZES: Size[] = [
  { cols: 72, rows: 20 },
  { cols: 80, rows: 24 },
];
const LANGS = ['en', 'zh'] as const;
const home: Route = { screen: 'home' };

/** A fixed quiz of three questions, so that its verdict and its score can be reached by keys. */
const QUIZ = () => drawQuiz(testContext().ctx, { seed: '3', count: '3' }).quiz;

type App = ReturnType<typeof driveApp>;

/** An answer the quiz takes for the question on screen: a choice's letter, or a number. */
function answer(app: App) {
  const { quiz, at } = app.session().state as { quiz: ReturnType<typeof QUIZ>; at: { index: number } };
  app.type(quiz.questions[at.index].choices.length ? 'a' : '1', '\r');
}

/**
 * Every screen `?` opens help on: how it is reached, the keymap in force there,
 * and a key that would do something on the screen itself (the help must swallow it).
 */
const SCREENS: { name: string; start: Route; before: (app: App) => void; map: Keymap<string>; probe: string }[] = [
  { name: 'home', start: home, before: (app) => app.type('j', 'j'), map: HOME_KEYS, probe: 'j' },
  { name: 'learn picker', start: { screen: 'picker', then: 'learn', back: home }, before: (app) => app.type('j', 'j', 'j'), map: MENU_KEYS, probe: 'j' },
  { name: 'predict picker', start: { screen: 'picker', then: 'predict', back: home }, before: (app) => app.type('j'), map: MENU_KEYS, probe: 'k' },
  { name: 'explain picker', start: { screen: 'picker', then: 'explain', back: home }, before: (app) => app.type('G'), map: MENU_KEYS, probe: 'g' },
  { name: 'levels', start: { screen: 'levels', back: home }, before: (app) => app.type('j'), map: MENU_KEYS, probe: 'j' },
  { name: 'lone picker', start: { screen: 'picker', then: 'learn', back: null }, before: () => {}, map: HOME_KEYS, probe: 'j' },
  { name: 'explain', start: { screen: 'explain', id: 'sendfile', back: home }, before: (app) => app.type('j', ' '), map: TEXT_KEYS, probe: 'j' },
  { name: 'compare', start: { screen: 'compare', back: home }, before: (app) => app.type(' '), map: TEXT_KEYS, probe: 'G' },
  { name: 'glossary', start: { screen: 'glossary', back: home }, before: (app) => app.type('j', 'j'), map: TEXT_KEYS, probe: ' ' },
  { name: 'glossary index', start: { screen: 'terms', back: home }, before: (app) => app.type('j', '\u001b[6~'), map: MENU_KEYS, probe: 'j' },
  { name: 'progress', start: { screen: 'progress', back: home }, before: () => {}, map: TEXT_KEYS, probe: 'j' },
  { name: 'quiz question', start: { screen: 'quiz', back: home }, before: (app) => app.type('b'), map: QUIZ_KEYS, probe: 'c' },
  { name: 'quiz verdict', start: { screen: 'quiz', back: home }, before: (app) => answer(app), map: VERDICT_KEYS, probe: '\r' },
  {
    name: 'quiz score',
    start: { screen: 'quiz', back: home },
    before: (app) => [0, 1, 2].forEach(() => (answer(app), app.type('\r'))),
    map: SCORE_KEYS,
    probe: '\r',
  },
];

describe('`?` opens help on every screen, read off its keymap (issue 21)', () => {
  test('the help lists every key of the screen, fits the screen, and the next key (whatever it is) returns to the frame it left', () => {
    for (const lang of LANGS) {
      for (const size of SIZES) {
        for (const c of SCREENS) {
          const where = `${c.name} ${lang} ${size.cols}x${size.rows}`;
          const app = driveApp(c.start, { lang, size, quiz: QUIZ });
          c.before(app);
          const before = app.frame();
          // The footer offers the help, and keeps the way back.
          const footer = before.split('\n').at(-1)!;
          expect({ where, footer, help: footer.includes(`? ${KEYS[lang].opensHelp.brief}`), back: /q \S/.test(footer) }).toEqual({ where, footer, help: true, back: true });
          app.type('?');
          const help = app.frame();
          const lines = help.split('\n');
          expect({ where, rows: lines.length <= size.rows - 1, cols: lines.every((l) => displayWidth(l) <= size.cols) }).toEqual({ where, rows: true, cols: true });
          // Every action but `?` itself, with all its keys and what it does; Ctrl-C on the last line.
          const rows = helpRows(c.map, lang).filter((_, i) => Object.keys(c.map)[i] !== 'help');
          const missing = rows.filter(([keys, does]) => !lines.some((l) => l.includes(keys) && l.includes(does)));
          expect({ where, missing }).toEqual({ where, missing: [] });
          expect({ where, before: help === before }).toEqual({ where, before: false });
          // The key that closes the help does nothing else: cursor, scroll, the question and what was typed are as they were.
          app.type(c.probe);
          expect({ where, frame: app.frame() }).toEqual({ where, frame: before });
          // And the help opens again, and Ctrl-C quits from it.
          app.type('?', '\u0003');
          expect({ where, ended: app.ended }).toEqual({ where, ended: [{ kind: 'done' }] });
        }
      }
    }
  });

  test('`?` is never typed into a quiz answer, and the answer typed is kept while the help is open', () => {
    const app = driveApp({ screen: 'quiz', back: home }, { quiz: QUIZ });
    app.type('b', '?', 'x');
    expect(app.frame()).toMatch(/^> b$/m);
    app.type('\r');
    expect(app.answers).toHaveLength(1);
  });
});
