import { describe, expect, test } from '@jest/globals';
import { displayWidth } from '../src/term/text.js';
import { driveApp, testContext } from './helpers/app.js';

const SIZES = [
  { cols: 80, rows: 24 },
  { cols: 72, rows: 20 },
];
const LANGS = ['en', 'zh'] as const;

/** The words of a side: what is left of each line once the other side (after │) or this one (before it) is taken away. */
const side = (line: string, which: 0 | 1) => {
  const parts = line.split(' │ ');
  return (parts.length === 2 ? parts[which] : which === 0 ? line : '').trim();
};

describe('learn a --vs b: both machines, each side\'s words for the step, within the screen', () => {
  test.each(LANGS)('%s: every lesson against read() + write() at every step fits 80x24 and 72x20, with two machines and both sides\' step', (lang) => {
    const { ctx } = testContext(lang);
    for (const size of SIZES) {
      for (const l of ctx.lessons().lessons) {
        const b = l.id === 'traditional' ? 'sendfile' : 'traditional';
        const app = driveApp({ screen: 'vs', a: l.id, b, back: null }, { lang, size });
        const steps = Math.max(l.steps.length, ctx.lookup(b).steps.length);
        for (let p = 0; p <= steps; p++) {
          const lines = app.frame().split('\n');
          const where = { lang, size: `${size.cols}x${size.rows}`, id: l.id, p };
          expect({ ...where, rows: lines.length <= size.rows - 1, cols: Math.max(...lines.map(displayWidth)) <= size.cols }).toEqual({ ...where, rows: true, cols: true });
          // Two machines side by side: each has its top and bottom border.
          expect({ ...where, tops: lines.filter((x) => x.includes('┌')).map((x) => x.split('┌').length - 1).reduce((n, k) => n + k, 0) }).toEqual({ ...where, tops: 2 });
          expect({ ...where, bottoms: lines.join('\n').split('└').length - 1 }).toEqual({ ...where, bottoms: 2 });
          // Where both are inside their steps, both say what their step does.
          if (p >= 1 && p <= Math.min(l.steps.length, ctx.lookup(b).steps.length)) {
            const does = lines.filter((x) => x.includes('▶'));
            expect({ ...where, left: does.some((x) => side(x, 0).startsWith('▶')), right: does.some((x) => side(x, 1).startsWith('▶')) }).toEqual({ ...where, left: true, right: true });
          }
          app.type('l');
        }
      }
    }
  });

  test.each(LANGS)('%s: at 72x20 the narration scrolls with j and k until the last words of both sides are in sight', (lang) => {
    const { ctx } = testContext(lang);
    const app = driveApp({ screen: 'vs', a: 'traditional', b: 'sendfile', back: null }, { lang, size: { cols: 72, rows: 20 } });
    app.type('l', 'l', 'l', 'l', 'l');
    const bare = (t: string) => t.replace(/\s+/g, '');
    const lastWords = (id: string) => bare(ctx.lookup(id).steps[4].text[lang]).slice(-6);
    const seen = (which: 0 | 1) => bare(app.frames().flatMap((f) => f.split('\n')).map((x) => side(x, which)).join(''));
    expect(app.frame()).toMatch(lang === 'en' ? /↓ j more text/ : /↓ j/);
    for (let i = 0; i < 12; i++) app.type('j');
    expect(seen(0)).toContain(lastWords('traditional'));
    expect(seen(1)).toContain(lastWords('sendfile'));
    // k goes back to the top; moving on starts the next step's words at their first line.
    for (let i = 0; i < 12; i++) app.type('k');
    expect(app.frame()).toMatch(/▶/);
    app.type('j', 'l');
    expect(app.frame().split('\n').some((x) => side(x, 0).startsWith('▶'))).toBe(true);
  });

  test.each(LANGS)('%s: at the end each side counts what docs/MODEL.md says, and what one pays alone is marked ◆ (a mark, not only a colour)', (lang) => {
    const app = driveApp({ screen: 'vs', a: 'traditional', b: 'sendfile', back: null }, { lang, size: { cols: 80, rows: 24 } });
    app.type('G');
    const words = lang === 'en' ? ['CPU', 'DMA', 'Switches', 'Calls'] : ['CPU', 'DMA', '切换', '调用'];
    const counts = (which: 0 | 1) => app.frame().split('\n').map((x) => side(x, which)).find((x) => x.startsWith(`${words[0]} `))!;
    // docs/MODEL.md: read + write 2 CPU copies, 2 DMA copies, 4 mode switches, 2 calls; sendfile 1, 2, 2, 1.
    expect(counts(0)).toMatch(new RegExp(`^CPU 2 DMA 2 ${words[2]} 4[▲◆]? ${words[3]} 2$`));
    expect(counts(1)).toMatch(new RegExp(`^CPU 1 DMA 2 ${words[2]} 2 ${words[3]} 1$`));
    // The last step is write()'s return: traditional's alone.
    expect(counts(0)).toContain(`${words[2]} 4◆`);
  });
});
