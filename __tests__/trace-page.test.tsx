import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { tracePage } from '../src/app/trace.js';
import type { Lang } from '../src/i18n/lang.js';
import { openStore } from '../src/progress/index.js';
import { displayWidth } from '../src/term/text.js';
import { readFlow } from '../src/trace/model.js';
import { analyzeFiles } from '../src/trace/read.js';
import type { Route, TracePage } from '../src/ui/app/route.js';
import type { Size } from '../src/ui/size.js';
import { driveApp, testContext } from './helpers/app.js';
import { ROOT, zcopy } from './helpers/cli.js';

// `zcopy trace` on a terminal (issue 23): the report as a page of the app, a flow marked, its lesson a key away.

/** The page `zcopy trace FILES` opens, read from the repository's traces as the command reads them. */
async function pageOf(files: string[], lang: Lang = 'en'): Promise<TracePage> {
  const { ctx } = testContext(lang);
  const analysis = await analyzeFiles(
    files.map((f) => join(ROOT, f)),
    process.stdin,
  );
  return tracePage(ctx, files.join(', '), analysis.flows.map((f) => readFlow(f, ctx.lessons())), analysis.lines);
}

const start: Route = { screen: 'trace', back: null };
const HTTP = ['traces/http-server.trace'];
// Two flows: cat's copy_file_range (no lesson teaches it) and the server's read + write.
const TWO = ['traces/cat.trace', 'traces/http-server.trace'];

/** The lines of a frame and the title's flow count. */
const linesOf = (frame: string) => frame.split('\n');
const marked = (frame: string) => linesOf(frame).filter((l) => l.startsWith('▸ '));

/** Every frame within the screen: at most rows - 1 lines (the terminal's last row is spare), none wider than it. */
function fits(frames: string[], size: Size) {
  for (const f of frames) {
    const lines = linesOf(f);
    expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(size.cols);
  }
}

describe('the trace page', () => {
  test('names what was traced, marks the flow, and scrolls with the keys of every page of text', async () => {
    const app = driveApp(start, { trace: await pageOf(HTTP) });
    const first = app.frame();
    expect(linesOf(first)[0]).toMatch(/^ zcopy trace · traces\/http-server\.trace +flow 1\/1$/);
    expect(marked(first)).toEqual(['▸ Flow 1: /tmp/zc/www/page.bin (file) ->']);
    // The heading wraps between words, the socket's address whole on the next line.
    expect(first).toMatch(/^│ {3}TCP:\[127\.0\.0\.1:18080->127\.0\.0\.1:47748\] \(socket\)$/m);
    // Its other lines beside a bar: the mark is a character, not only a colour (the test's paint has none).
    expect(first).toMatch(/^│ {3}Technique: read-write \(lesson traditional\)$/m);
    const total = Number(/lines 1-(\d+) of (\d+)/.exec(first)![2]);
    expect(total).toBeGreaterThan(21);
    app.type('j');
    expect(app.frame()).toContain(`lines 2-22 of ${total}`);
    app.type('k');
    expect(app.frame()).toBe(first);
    // A page on is the last one: 21 lines under the title, above the keys.
    app.type(' ');
    expect(app.frame()).toContain(`lines ${total - 20}-${total} of ${total}`);
    app.type('G');
    expect(app.frame()).toContain(`lines ${total - 20}-${total} of ${total}`);
    expect(app.frame()).toContain('device makes on its own.');
    app.type('g');
    expect(app.frame()).toBe(first);
    fits(app.frames(), { cols: 80, rows: 24 });
  });

  test('Enter opens the flow\'s lesson at its size and chunk, counted as docs/MODEL.md says; q comes back to the page as it was left', async () => {
    const app = driveApp(start, { trace: await pageOf(HTTP) });
    app.type('j', 'j');
    const left = app.frame();
    app.type('\r');
    const route = app.session().route;
    // 200,000 bytes read and sent 64 KiB at a time: the flow's bytes and its typical chunk.
    expect(route).toMatchObject({ screen: 'learn', id: 'traditional', predict: false, scale: { size: 200000, chunk: 64 * 1024 } });
    app.type('G');
    // read + write per chunk: 2 CPU copies, 2 DMA copies, 4 mode switches, 2 system calls; 200,000 B is 4 chunks of 64 KiB.
    const end = app.frame();
    expect(end).toContain('200,000 B in 64 KiB chunks, 4 chunks');
    expect(end).toMatch(/CPU copies +8 = 4 x 2/);
    expect(end).toMatch(/DMA copies +8 = 4 x 2/);
    expect(end).toMatch(/Mode switches +16 = 4 x 4/);
    expect(end).toMatch(/Syscalls +8 = 4 x 2/);
    app.type('q');
    expect(app.session().route.screen).toBe('trace');
    expect(app.frame()).toBe(left);
    // The page is where zcopy started: q leaves.
    app.type('q');
    expect(app.ended).toEqual([{ kind: 'done' }]);
  });

  test('what the lesson saw is recorded as from anywhere in the app: opened again, it resumes where it was left', async () => {
    const app = driveApp(start, { trace: await pageOf(HTTP) });
    app.type('\r', 'l', 'l', 'l', 'q');
    expect(openStore({ env: { XDG_STATE_HOME: app.state }, lang: 'en', warn: () => {} }).data.lessons.traditional?.lastStep).toBe(3);
    app.type('\r');
    expect(app.frame()).toMatch(/step 3\/16/);
  });

  test('n and N mark the next flow and the one before, scrolled to; a flow without a lesson says so in a line and opens nothing', async () => {
    const app = driveApp(start, { trace: await pageOf(TWO) });
    const first = app.frame();
    expect(linesOf(first)[0]).toMatch(/flow 1\/2$/);
    expect(marked(first)).toEqual(['▸ Flow 1: /tmp/zc/file.bin (file) -> /tmp/zc/out.bin (file)']);
    expect(linesOf(first).at(-1)).toMatch(/^Enter open lesson {3}n next flow/);

    app.type('\r');
    expect(app.session().route.screen).toBe('trace');
    expect(linesOf(app.frame()).at(-1)).toBe(' Flow 1 (copy-file-range) has no lesson to open.');
    // Said until the next key.
    app.type('n');
    const second = app.frame();
    expect(linesOf(second).at(-1)).toMatch(/^Enter open lesson/);
    expect(linesOf(second)[0]).toMatch(/flow 2\/2$/);
    // Scrolled to: the flow's first line is the page's first.
    expect(linesOf(second)[1]).toMatch(/^▸ Flow 2: \/tmp\/zc\/www\/page\.bin/);
    expect(marked(second)).toHaveLength(1);

    app.type('\r');
    expect(app.session().route).toMatchObject({ screen: 'learn', id: 'traditional', scale: { size: 200000, chunk: 65536 } });
    app.type('q');
    expect(app.frame()).toBe(second);
    // Round, as less's n and N are.
    app.type('n');
    expect(linesOf(app.frame())[0]).toMatch(/flow 1\/2$/);
    app.type('N');
    expect(app.frame()).toBe(second);
    app.type('N', 'g');
    expect(app.frame()).toBe(first);
  });

  test('scrolled away from the flow marked, the mark follows to the flow in sight; it stays while its first line is in sight', async () => {
    // Flow 1, sendfile to a socket, is taller than a 72x20 window (its alternatives); flow 2 is http.server's.
    const app = driveApp(start, { trace: await pageOf(['traces/py-sendfile.trace', 'traces/http-server.trace']), size: { cols: 72, rows: 20 } });
    app.type('G');
    expect(linesOf(app.frame())[0]).toMatch(/flow 2\/2$/);
    expect(app.frame()).not.toMatch(/^▸ Flow 2/m);
    app.type('g');
    expect(linesOf(app.frame())[0]).toMatch(/flow 1\/2$/);
    // At 80x24 the top of cat's and http.server's page shows both flows' first lines (cat's copy to a file has no figures): the one marked stays marked.
    const tall = driveApp(start, { trace: await pageOf(TWO) });
    tall.type('n', 'g');
    expect(linesOf(tall.frame())[0]).toMatch(/flow 2\/2$/);
    expect(tall.frame()).toMatch(/^▸ Flow 2/m);
  });

  test('fits 80x24 and 72x20 in both languages, the help too, and is laid out again at the new width on a resize', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const trace = await pageOf(TWO, lang);
      for (const size of [
        { cols: 80, rows: 24 },
        { cols: 72, rows: 20 },
      ]) {
        const app = driveApp(start, { trace, lang, size });
        app.type('\r', 'j', ' ', 'n', 'G', '?');
        expect(app.frame()).toContain(lang === 'en' ? "open the marked flow's lesson at its size and chunk" : '按标记的数据流的大小和分段打开它的课程');
        app.type('x', 'N', 'b', 'n', '\r', 'G', 'q');
        fits(app.frames(), size);
      }
      const app = driveApp(start, { trace, lang });
      app.type('\r');
      expect(linesOf(app.frame()).at(-1)).toBe(lang === 'en' ? ' Flow 1 (copy-file-range) has no lesson to open.' : ' 数据流 1（copy-file-range）没有可打开的课程。');
      const wide = app.frame();
      app.resize({ cols: 72, rows: 20 });
      const narrow = app.frame();
      fits([narrow], { cols: 72, rows: 20 });
      // The report's paragraphs are wrapped again, not cut: the same words, on more lines.
      const words = (f: string) => linesOf(f).slice(1, 8).join(' ').replace(/[│▸]/g, ' ').split(/\s+/).filter(Boolean).slice(0, 12);
      expect(words(narrow)).toEqual(words(wide));
      expect(narrow).not.toBe(wide);
    }
  });
});

describe('the report laid out at a width', () => {
  // A line wider than the page is cut by the page into pieces that lose their indent ("│  chunk:"):
  // the report wraps every sentence itself, and only a command, copied whole, may be wider.
  test.each(['en', 'zh'] as const)('%s: no line but a command is wider than the width it was laid out at, 40 to 100 columns', async (lang) => {
    const trace = await pageOf(['traces/nginx-sendfile-off.trace', 'traces/pipe.trace', 'traces/dd-direct.trace', 'traces/aio.trace', 'traces/cp.trace'], lang);
    for (let width = 40; width <= 100; width += 4) {
      const wide = trace.layout(width).lines.filter((l) => displayWidth(l) > width && !/^ {4}zcopy learn /.test(l));
      expect({ width, wide }).toEqual({ width, wide: [] });
    }
  });
});

describe('zcopy trace away from a terminal', () => {
  test('piped, the report is the text as before: no page, no screen escapes', () => {
    const r = zcopy(['trace', 'traces/http-server.trace']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^traces\/http-server\.trace: 1,652 lines read, all understood\n\nFlow 1: /);
    expect(r.stdout).toContain('    zcopy learn traditional --size 200000 --chunk 64K\n');
    expect(r.stdout).not.toMatch(/\x1b/);
    expect(r.stdout).not.toContain('▸');
  });
});
