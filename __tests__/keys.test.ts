import { describe, expect, test } from '@jest/globals';
import { Chalk } from 'chalk';
import { join } from 'node:path';
import { loadCatalog } from '../src/lessons/index.js';
import { judgePrediction } from '../src/quiz/predict.js';
import { splitKeys } from '../src/ui/keypress.js';
import * as KEYMAPS from '../src/ui/keys.js';
import { actionOf, shownKeys, type Keymap } from '../src/ui/keys.js';
import { learnKey } from '../src/ui/learn/controller.js';
import { initialLesson, layoutLesson, type LessonState } from '../src/ui/learn/frame.js';
import { learnView } from '../src/ui/learn/view.js';
import { renderMenu } from '../src/ui/menu-lines.js';
import { displayWidth } from '../src/term/text.js';
import { ROOT } from './helpers/cli.js';

const catalog = loadCatalog(join(ROOT, 'lessons'));
const plain = new Chalk({ level: 0 });
const SIZES = [
  { cols: 72, rows: 20 },
  { cols: 80, rows: 24 },
];

describe('a read is split into keypresses', () => {
  test('text, Enter, arrows with and without modifiers, a lone Esc', () => {
    expect(splitKeys('lll')).toEqual(['l', 'l', 'l']);
    expect(splitKeys('j\r')).toEqual(['j', 'enter']);
    expect(splitKeys('\u001b[B\r')).toEqual(['down', 'enter']);
    expect(splitKeys('\u001b[1;5Cl')).toEqual(['right', 'l']);
    expect(splitKeys('\u001b')).toEqual(['esc']);
    expect(splitKeys('q\u0003')).toEqual(['q', 'ctrl-c']);
    expect(splitKeys('x\u007fc')).toEqual(['x', 'backspace', 'c']);
    expect(splitKeys('\u001bOH\u001b[4~')).toEqual(['home', 'end']);
  });
});

const maps = Object.entries(KEYMAPS).filter(([name]) => name.endsWith('_KEYS')) as [string, Keymap<string>][];

describe('one keymap per screen', () => {
  test('no key does two things on one screen', () => {
    for (const [name, map] of maps) {
      const keys = Object.values(map).flatMap((b) => b.keys);
      expect({ name, twice: keys.filter((k, i) => keys.indexOf(k) !== i) }).toEqual({ name, twice: [] });
    }
  });

  test('q goes back and Ctrl-C quits on every screen', () => {
    for (const [name, map] of maps) {
      // In a list's filter q is text (a lesson's id may have one), and Esc is what leaves it.
      if (name === 'FILTER_KEYS') expect({ name, q: actionOf(map, 'q'), esc: actionOf(map, 'esc') }).toEqual({ name, q: undefined, esc: 'clear' });
      else if (name !== 'HELP_KEYS') expect({ name, q: actionOf(map, 'q') }).toEqual({ name, q: 'back' });
      expect({ name, c: actionOf(map, 'ctrl-c') }).toEqual({ name, c: 'quit' });
    }
  });

  test('every key a lesson footer shows does what it says', () => {
    const view = learnView(catalog.find('sendfile')!, 'en');
    const judge = (said: Parameters<typeof judgePrediction>[0], step: (typeof view.steps)[number]) =>
      judgePrediction(said, { mover: step.mover, switches: step.switchesMode, event: step.event }, 'en');
    const size = { cols: 72, rows: 20 };
    const at3: LessonState = { ...initialLesson(false, true), position: 3 };
    // What each action must do, seen from the step it leads to.
    const expected: Record<string, (s: ReturnType<typeof learnKey>) => boolean> = {
      next: (s) => s.state.position === 4,
      previous: (s) => s.state.position === 2,
      first: (s) => s.state.position === 0,
      last: (s) => s.state.position === view.steps.length,
      help: (s) => s.state.help,
      predict: (s) => s.state.predict,
      back: (s) => s.effects?.[0]?.kind === 'leave' && s.effects[0].leaving === 'screen',
      quit: (s) => s.effects?.[0]?.kind === 'leave' && s.effects[0].leaving === 'all',
      more: (s) => s.state.scroll === 1,
    };
    const lines = layoutLesson(view, at3, size, plain).lines;
    const footer = lines.at(-1)!;
    for (const [action, b] of Object.entries(KEYMAPS.LESSON_KEYS)) {
      const label = KEYMAPS.footerItem(b, 'en');
      if (!footer.includes(label) || !expected[action]) continue;
      for (const key of shownKeys(b)) {
        const step = learnKey(at3, key, { view, judge, size });
        expect({ action, key, does: expected[action](step) }).toEqual({ action, key, does: true });
      }
    }
    expect(footer).toMatch(/→ l next/);
    expect(footer).toMatch(/q back/);
  });
});

/** The words of a text, to check each is on some frame. */
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('nothing hidden', () => {
  test('every step of every lesson: all of its text can be read with the keys the footer offers, and every frame fits', () => {
    let scrolled = 0;
    for (const size of SIZES) {
      for (const lang of ['en', 'zh'] as const) {
        for (const lesson of catalog.lessons) {
          const view = learnView(lesson, lang);
          const ctx = { view, judge: () => ({ said: { mover: 'cpu' as const, switches: false }, moverRight: true, modeRight: true, mistakes: [] }), size };
          for (let position = 0; position <= view.steps.length; position++) {
            let ui: LessonState = { ...initialLesson(false, true), position };
            const where = `${lesson.id} ${lang} ${size.cols}x${size.rows} step ${position}`;
            let seen = '';
            for (let guard = 0; guard < 60; guard++) {
              const { lines } = layoutLesson(view, ui, size, plain);
              expect({ where, rows: lines.length <= size.rows - 1, cols: Math.max(...lines.map(displayWidth)) <= size.cols }).toEqual({ where, rows: true, cols: true });
              seen += lines.join(' ');
              const footer = lines.at(-1)!;
              if (!footer.includes(KEYMAPS.footerItem(KEYMAPS.LESSON_KEYS.more, lang))) break;
              ui = learnKey(ui, 'j', ctx).state;
              scrolled++;
            }
            const text = position === 0 ? '' : view.steps[position - 1].narration;
            // Chinese has no spaces: compare its text with the line breaks taken out.
            const flat = seen.replace(/\s+/g, lang === 'zh' ? '' : ' ');
            const missing = lang === 'zh' ? (flat.includes(text.replace(/\s+/g, '').slice(-12)) ? [] : [text.slice(-12)]) : words(text).filter((w) => !flat.includes(w));
            expect({ where, missing }).toEqual({ where, missing: [] });
          }
        }
      }
    }
    // The small screens do cut some steps' text: the scrolling above was needed.
    expect(scrolled).toBeGreaterThan(0);
  });

  test('the picker reaches every lesson at every size, and marks what is out of sight', () => {
    const items = catalog.lessons.map((l) => ({ value: l.id, label: l.id, hint: l.title.en, group: l.group }));
    for (const size of [...SIZES, { cols: 100, rows: 40 }]) {
      const seen = new Set<string>();
      for (let cursor = 0; cursor < items.length; cursor++) {
        const lines = renderMenu('PICK', items, cursor, 'keys', size, plain, 'en');
        expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
        const shown = items.filter((i) => lines.some((l) => new RegExp(`^[ ›] ${i.label}\\s`).test(l)));
        for (const i of shown) seen.add(i.value);
        const first = items.indexOf(shown[0]);
        const last = items.indexOf(shown.at(-1)!);
        expect({ size, cursor, above: lines.some((l) => l.includes(`↑ ${first} more above`)) }).toEqual({ size, cursor, above: first > 0 });
        expect({ size, cursor, below: lines.some((l) => l.includes(`↓ ${items.length - 1 - last} more below`)) }).toEqual({ size, cursor, below: last < items.length - 1 });
      }
      expect([...seen].sort()).toEqual(items.map((i) => i.value).sort());
    }
  });
});
