import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { RECOMMENDED_PATH } from '../src/lessons/index.js';
import { DEFAULT_KNOBS } from '../src/model/index.js';
import { ROOT, zcopy } from './helpers/cli.js';

/*
 * The html export in a real browser: Debian's chromium, headless, driven by playwright-core,
 * loading the pages `zcopy export` wrote, as a teacher's browser would from a course page.
 */

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'zcopy-pages-'));
/** Where the screenshots stay after the run (the run's temporary folders are removed): ZCOPY_ARTEFACTS, or test-artefacts/ here. */
const artefacts = process.env.ZCOPY_ARTEFACTS ?? join(ROOT, 'test-artefacts');
const site = join(dir, 'site');
let browser: Browser;

beforeAll(async () => {
  expect(zcopy(['export', '--all', '--format', 'html', '--out', site]).code).toBe(0);
  expect(zcopy(['export', 'sendfile', '--format', 'html', '--lang', 'zh', '--out', join(dir, 'sendfile-zh.html')]).code).toBe(0);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    // Nothing but the page: no network of chromium's own, no first-run or update work.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
});

/** A fresh page that records what would make a teacher's page fail: errors, and any request that leaves the files. */
async function open(file: string, query = ''): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(e.message));
  page.on('request', (r) => void requests.push(r.url()));
  await page.goto(pathToFileURL(file).href + query);
  return { page, errors, requests };
}

const narration = (page: Page) => page.locator('.step:not([hidden]) .narration').textContent();
const where = (page: Page) => page.locator('#where').textContent();

/** The lesson's step n as written in lessons/<id>.yaml: of the steps that happen on the default machine (the others name a knob's other value in `when`). */
function stepText(id: string, n: number, lang: 'en' | 'zh' = 'en'): string {
  type Step = { when?: Record<string, unknown>; text: Record<string, string> };
  const lesson = parse(readFileSync(join(ROOT, 'lessons', `${id}.yaml`), 'utf8')) as { steps: Step[] };
  const here = lesson.steps.filter((s) => Object.entries(s.when ?? {}).every(([k, v]) => DEFAULT_KNOBS[k as keyof typeof DEFAULT_KNOBS] === v));
  return here[n - 1].text[lang].trim();
}

describe('a lesson page in chromium', () => {
  test('→ twice from the first step shows step 3 and its narration; a screenshot is kept', async () => {
    const { page, errors, requests } = await open(join(site, 'sendfile.html'));
    expect(await where(page)).toBe('step 1/11');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await where(page)).toBe('step 3/11');
    expect((await narration(page))?.trim()).toBe(stepText('sendfile', 3));
    // The step's frame is the terminal's: the DMA copy drawn in its colour.
    const copy = page.locator('.step:not([hidden]) pre.frame span', { hasText: '▶ DMA copy' });
    expect(await copy.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(13, 188, 121)');
    expect(page.url()).toMatch(/#step-3$/);
    mkdirSync(artefacts, { recursive: true });
    const shot = join(artefacts, 'html-sendfile-step-3.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    process.stdout.write(`screenshot: ${shot}\n`);
    await page.keyboard.press('ArrowLeft');
    expect(await where(page)).toBe('step 2/11');
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.close();
  });

  test('play steps through by itself to the last step, and stops there', async () => {
    // At a hundred times a lecture's pace: the test waits for what play does, never for a time.
    const { page, errors } = await open(join(site, 'sendfile.html'), '?speed=100');
    await page.locator('#play').click();
    expect(await page.locator('#play').getAttribute('aria-pressed')).toBe('true');
    await page.waitForFunction(() => document.getElementById('where')?.textContent === 'step 11/11');
    await page.waitForFunction(() => document.getElementById('play')?.getAttribute('aria-pressed') === 'false');
    expect(await page.locator('#play').textContent()).toBe('▶ Play');
    expect((await narration(page))?.trim()).toBe(stepText('sendfile', 11));
    // Space plays again, from the start, and pauses.
    await page.keyboard.press('Space');
    expect(await page.locator('#play').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Space');
    expect(await page.locator('#play').getAttribute('aria-pressed')).toBe('false');
    // + and - go through lecture mode's speeds, as on a terminal: from 100x, - is the fastest of them.
    expect(await page.locator('#speed').textContent()).toBe('100×');
    await page.keyboard.press('-');
    expect(await page.locator('#speed').textContent()).toBe('4×');
    await page.keyboard.press('+');
    expect(await page.locator('#speed').textContent()).toBe('4×');
    for (const shown of ['3×', '2×', '1.5×', '1.25×', '1×', '0.75×', '0.5×', '0.25×', '0.25×']) {
      await page.keyboard.press('-');
      expect(await page.locator('#speed').textContent()).toBe(shown);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  test('#step-N opens at step N', async () => {
    const { page } = await open(join(site, 'mmap.html'), '#step-2');
    expect(await where(page)).toMatch(/^step 2\//);
    expect((await narration(page))?.trim()).toBe(stepText('mmap', 2));
    await page.close();
  });

  test('printed, every step is on a page of its own', async () => {
    const { page } = await open(join(site, 'sendfile.html'));
    await page.emulateMedia({ media: 'print' });
    const shown = await page.locator('.step').evaluateAll((all) => all.filter((s) => getComputedStyle(s).display !== 'none').length);
    expect(shown).toBe(12);
    expect(await page.locator('#play').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(12);
    await page.close();
  });

  test('in Chinese, the page says so and its buttons and narration are Chinese', async () => {
    const { page, errors } = await open(join(dir, 'sendfile-zh.html'));
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('#play').textContent()).toBe('▶ 播放');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await narration(page))?.trim()).toBe(stepText('sendfile', 3, 'zh'));
    mkdirSync(artefacts, { recursive: true });
    await page.screenshot({ path: join(artefacts, 'html-sendfile-zh-step-3.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the site in chromium', () => {
  test('the index links to every lesson in the recommended order, and each page and the comparison load without an error', async () => {
    const { page, errors, requests } = await open(join(site, 'index.html'));
    const links = await page.locator('ol.lessons > li > a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.map((h) => h.replace(/^.*\/([^/]+)\.html$/, '$1'))).toEqual([...RECOMMENDED_PATH]);
    for (const [i, href] of links.entries()) {
      await page.goto(href);
      expect(await page.locator('#where').textContent()).toMatch(/^step 1\/\d+$/);
      // Each page leads on along the path, and back to the index.
      const next = page.locator('nav.site a[rel="next"]');
      if (i + 1 < links.length) expect(await next.getAttribute('href')).toBe(`${RECOMMENDED_PATH[i + 1]}.html`);
      else expect(await next.count()).toBe(0);
    }
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    await page.locator('a[href="compare.html"]').click();
    await page.waitForURL(/compare\.html$/);
    expect(await page.locator('table').count()).toBeGreaterThan(1);
    expect(await page.locator('table a[href="sendfile.html"]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.close();
  });
});

describe('the mermaid export, read by mermaid itself in chromium', () => {
  // What a course page or a GitHub README does with `zcopy export --format mermaid`: mermaid's own
  // parser and renderer (@mermaid-js/tiny, mermaid's one-file browser build, without the diagram
  // kinds that need extra libraries), so that a lesson's words can never make a diagram that fails to draw.
  test('every lesson in both languages, and its what-if and scale variants, parses and draws one message per arrow', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => void errors.push(e.message));
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: join(ROOT, 'node_modules/@mermaid-js/tiny/dist/mermaid.tiny.js') });
    await page.evaluate(() => (window as unknown as { mermaid: { initialize(o: object): void } }).mermaid.initialize({ startOnLoad: false }));
    const cases = RECOMMENDED_PATH.flatMap((id) => [[id], [id, '--lang', 'zh']]);
    cases.push(['sendfile-sg', '--nic', 'nosg'], ['traditional', '--cache', 'warm'], ['splice', '--size', '1M', '--chunk', '1M'], ['traditional', '--step', '6', '--lang', 'zh']);
    for (const args of cases) {
      const text = zcopy(['export', ...args, '--format', 'mermaid']).stdout;
      const drawn = await page.evaluate(async (t) => {
        const m = (window as unknown as { mermaid: { parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
        try {
          await m.parse(t);
          const { svg } = await m.render(`d${Math.random().toString(36).slice(2)}`, t);
          return { messages: new DOMParser().parseFromString(svg, 'image/svg+xml').querySelectorAll('.messageText').length };
        } catch (error) {
          return { error: String((error as Error).message ?? error).slice(0, 300) };
        }
      }, text);
      const arrows = text.split('\n').filter((l) => /^\s+\S+?--?>>/.test(l)).length;
      expect(arrows).toBeGreaterThan(3);
      expect({ args, drawn }).toEqual({ args, drawn: { messages: arrows } });
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
