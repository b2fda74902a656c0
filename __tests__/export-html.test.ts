import { describe, expect, test } from '@jest/globals';
import { Chalk } from 'chalk';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lessonPage, pageSteps, writeSite } from '../src/app/pages.js';
import { viewOf } from '../src/app/session.js';
import { RECOMMENDED_PATH } from '../src/lessons/index.js';
import { ansiToHtml, escapeHtml } from '../src/present/export/ansi.js';
import { lessonHtml } from '../src/present/export/html.js';
import { wrap } from '../src/term/text.js';
import { stepWords, transcript } from '../src/ui/learn/frame.js';
import { LADDER, holdMs } from '../src/ui/play.js';
import { testContext } from './helpers/app.js';
import { zcopy } from './helpers/cli.js';

const paint = new Chalk({ level: 1 });

/** Every address a page names: in src or href attributes, in CSS url(), or written out. */
const outside = (html: string) => [...html.matchAll(/(?:src|href)\s*=\s*["']?(?:[a-z]+:|\/\/)[^"'\s>]*|url\([^)]*\)|https?:|@import/gi)].map((m) => m[0]);

describe('ANSI to HTML', () => {
  test('plain text is escaped, and nothing else is added', () => {
    expect(ansiToHtml(['a < b && "c" > \'d\''])).toBe('a &lt; b &amp;&amp; &quot;c&quot; &gt; &#39;d&#39;');
  });

  test("chalk's styles become classes, closed at each line's end", () => {
    expect(ansiToHtml([paint.bold('A') + ' ' + paint.green('B')])).toBe('<span class="b">A</span> <span class="f2">B</span>');
    expect(ansiToHtml([paint.bold.yellow('W') + 'x'])).toBe('<span class="b f3">W</span>x');
    expect(ansiToHtml([paint.dim.underline('u'), paint.redBright.bgBlue('r')])).toBe('<span class="d u">u</span>\n<span class="f9 g4">r</span>');
    // A style left open at a line's end carries on to the next, in a span of its own.
    expect(ansiToHtml(['\x1b[36mone', 'two\x1b[39m three'])).toBe('<span class="f6">one</span>\n<span class="f6">two</span> three');
  });

  test('inverse video swaps the colours, the default ones too', () => {
    expect(ansiToHtml([paint.inverse('bar')])).toBe('<span class="fb gf">bar</span>');
    expect(ansiToHtml([paint.inverse.green('ok')])).toBe('<span class="fb g2">ok</span>');
  });

  test('256 colours and true colour are kept exactly; other escapes are dropped', () => {
    expect(ansiToHtml(['\x1b[38;5;196mR\x1b[0m'])).toBe('<span style="color:#ff0000">R</span>');
    expect(ansiToHtml(['\x1b[38;5;3mY\x1b[0m'])).toBe('<span class="f3">Y</span>');
    expect(ansiToHtml(['\x1b[48;2;1;2;255mT\x1b[49m'])).toBe('<span style="background:#0102ff">T</span>');
    expect(ansiToHtml(['\x1b[2Ka\x1b]8;;file:///x\x07b\x1b]8;;\x07'])).toBe('ab');
  });

  test('a double-width character keeps two columns', () => {
    expect(ansiToHtml(['页a'])).toBe('<span class="w">页</span>a');
  });
});

describe('a lesson as a page', () => {
  const { ctx } = testContext('en');
  const sendfile = ctx.lookup('sendfile');

  test('shows every position of the lesson, with the frames the terminal shows and each step\'s narration', () => {
    const view = viewOf(ctx, sendfile);
    const steps = pageSteps(view);
    expect(steps).toHaveLength(sendfile.steps.length + 1);
    steps.slice(1).forEach((s, i) => expect(s.narration).toBe(sendfile.steps[i].text.en));
    // With its narration wrapped back in, each position is the transcript's frame, line for line.
    const frames = transcript(view, paint).trimEnd().split('\n\n');
    expect(frames).toHaveLength(steps.length);
    steps.forEach((s, i) => expect([...s.frame, ...wrap(s.narration, 78).map((l) => ` ${l}`), ...s.after]).toEqual(frames[i].split('\n')));
    const html = lessonPage(ctx, sendfile);
    expect(html).toContain(escapeHtml(sendfile.steps[2].text.en));
    expect(html.match(/<section class="step"/g)).toHaveLength(sendfile.steps.length + 1);
    // The terminal's colours: the DMA copy's line is green as on the screen.
    expect(html).toMatch(/<span class="[^"]*f2[^"]*">▶ DMA copy/);
  });

  test('is self-contained: no address outside the page, no external font or script', () => {
    const html = lessonPage(ctx, sendfile);
    expect(outside(html)).toEqual([]);
    expect(html).not.toMatch(/<link|<script\s+src|@font-face/i);
    expect(outside('<img src="http://x/y.png"> <a href=//cdn/x.js> url(a.woff)')).toHaveLength(3);
  });

  test('prints one step a page, and steps by keys and a play button', () => {
    const html = lessonPage(ctx, sendfile);
    expect(html).toMatch(/@media print\{[^\n]*\.step\{break-after:page/);
    expect(html).toContain('id="play"');
    expect(html).toContain("'ArrowRight'");
    expect(html).toContain('data-open="1"');
    expect(lessonPage(ctx, sendfile, null, 4)).toContain('data-open="4"');
  });

  test('play holds each step as long as lecture mode does on a terminal: the same words at the same pace', () => {
    const holds = [...lessonPage(ctx, sendfile).matchAll(/data-hold="(\d+)"/g)].map((m) => Number(m[1]));
    const view = viewOf(ctx, sendfile);
    expect(holds).toEqual(Array.from({ length: view.steps.length + 1 }, (_, i) => holdMs(stepWords(view, i))));
    // + and - step through lecture mode's speeds.
    expect(lessonPage(ctx, sendfile)).toContain(`data-speeds="${LADDER.join(' ')}"`);
  });

  test('is the same bytes every time', () => {
    expect(lessonPage(ctx, sendfile)).toBe(lessonPage(testContext('en').ctx, ctx.lookup('sendfile')));
  });

  test("escapes every text it is given: a teacher's lesson can hold any characters", () => {
    const html = lessonHtml({
      lang: 'en',
      id: 'x<y',
      title: '</title><script>alert(1)</script>',
      steps: [{ frame: ['<b>'], narration: '', after: [], hold: 4000 }, { frame: ['a & b'], narration: '"quoted" <i>', after: ['</pre>'], hold: 4000 }],
      open: 1,
      speeds: [1],
    });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<title>x&lt;y: &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; · zcopy</title>');
    expect(html).toContain('<p class="narration">&quot;quoted&quot; &lt;i&gt;</p>');
    expect(html).toContain('<pre class="frame">&lt;/pre&gt;</pre>');
  });

  test('speaks Chinese with --lang zh: the page says its language, the words and the narration are Chinese', () => {
    const zh = testContext('zh').ctx;
    const html = lessonPage(zh, zh.lookup('sendfile'));
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('播放');
    expect(html).toContain(escapeHtml(sendfile.steps[2].text.zh));
    expect(html).not.toContain('>▶ Play<');
  });
});

describe('zcopy export --format html', () => {
  test('prints the page, or writes it to --out', () => {
    const printed = zcopy(['export', 'sendfile', '--format', 'html']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^<!DOCTYPE html>/);
    const dir = mkdtempSync(join(tmpdir(), 'zcopy-export-'));
    const file = join(dir, 'sendfile.html');
    const written = zcopy(['export', 'sendfile', '--format', 'html', '--out', file]);
    expect(written).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
    // A page has its own palette: the terminal's colour settings do not change it.
    expect(zcopy(['export', 'sendfile', '--format', 'html'], { NO_COLOR: '1' }).stdout).toBe(printed.stdout);
  });

  test('refuses what it cannot do, in one line', () => {
    expect(zcopy(['export', '--all', '--format', 'html'])).toMatchObject({ code: 1, stderr: expect.stringContaining('--out DIR') });
    expect(zcopy(['export', 'sendfile', '--all', '--out', '/tmp/x'])).toMatchObject({ code: 1, stderr: expect.stringContaining('--all exports every lesson') });
    expect(zcopy(['export', 'sendfile', '--format', 'html', '--step', 'five'])).toMatchObject({ code: 1, stderr: expect.stringContaining('five') });
    const dir = mkdtempSync(join(tmpdir(), 'zcopy-export-'));
    writeFileSync(join(dir, 'file'), '');
    // A folder where a file is, or a file in a folder that is not there: a file problem, exit 2.
    for (const args of [['--all', '--out', join(dir, 'file')], ['sendfile', '--out', join(dir, 'none', 'x.html')]]) {
      const r = zcopy(['export', ...args, '--format', 'html']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^zcopy: could not write .*: E[A-Z]+\n$/);
    }
  });

  test('--all writes the index, a page per lesson in the recommended order, and the comparison', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zcopy-site-')), 'site');
    const r = zcopy(['export', '--all', '--format', 'html', '--out', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['compare.html', 'index.html', ...RECOMMENDED_PATH.map((id) => `${id}.html`)].sort());
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    expect([...index.matchAll(/<li><a href="([^"]+)\.html"/g)].map((m) => m[1])).toEqual([...RECOMMENDED_PATH]);
    for (const name of readdirSync(dir)) expect(outside(readFileSync(join(dir, name), 'utf8')).filter((a) => !/^href="[\w-]+\.html$/.test(a))).toEqual([]);
    expect(readFileSync(join(dir, 'compare.html'), 'utf8')).toContain('<a href="sendfile.html">sendfile</a>');
    const zh = join(dir, 'zh');
    expect(zcopy(['export', '--all', '--format', 'html', '--out', zh, '--lang', 'zh']).code).toBe(0);
    for (const name of ['index.html', 'compare.html', 'sendfile.html']) expect(readFileSync(join(zh, name), 'utf8')).toContain('<html lang="zh-CN">');
  });

  test('writeSite is the same bytes every time', () => {
    const { ctx } = testContext('en');
    const [a, b] = [mkdtempSync(join(tmpdir(), 'zcopy-site-')), mkdtempSync(join(tmpdir(), 'zcopy-site-'))];
    writeSite(ctx, a);
    writeSite(ctx, b);
    for (const name of readdirSync(a)) expect(readFileSync(join(b, name), 'utf8')).toBe(readFileSync(join(a, name), 'utf8'));
  });
});
