import { describe, expect, test } from '@jest/globals';
import { sessionWorld } from '../src/app/session.js';
import { MACHINE } from '../src/i18n/machine.js';
import { PUNCTUATION } from '../src/i18n/punctuation.js';
import { LEARN } from '../src/i18n/strings.js';
import { asksAbout, varied, type Lesson } from '../src/lessons/index.js';
import type { Knobs, State } from '../src/model/index.js';
import { displayWidth } from '../src/term/text.js';
import type { AppDeps } from '../src/ui/app/route.js';
import type { LessonScreen } from '../src/ui/app/lesson.js';
import { enter, frameOf, sessionKey, type SessionState } from '../src/ui/app/session.js';
import type { Size } from '../src/ui/size.js';
import { driveApp, testContext } from './helpers/app.js';

const SIZES: Size[] = [
  { cols: 72, rows: 20 },
  { cols: 80, rows: 24 },
];
const LANGS = ['en', 'zh'] as const;

/** The world the command line wires the session to, at a size. */
function world(lang: 'en' | 'zh' = 'en', others: Lesson[] = []) {
  const { ctx, state } = testContext(lang);
  const w = sessionWorld(ctx, { others }, () => {});
  return { ctx, state, at: (size: Size): AppDeps => ({ ...w, size }) };
}

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
