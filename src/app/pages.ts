import { Chalk } from 'chalk';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECOMMENDED_PATH, type Lesson } from '../lessons/index.js';
import type { Scale } from '../model/index.js';
import { compareRows, countTables, propertyTable } from '../present/compare.js';
import { compareHtml, indexHtml, lessonHtml, type PageStep, type SiteLinks } from '../present/export/html.js';
import { initialLesson, renderLesson, stepWords } from '../ui/learn/frame.js';
import { LADDER, holdMs } from '../ui/play.js';
import type { LearnView } from '../ui/learn/view.js';
import type { AppContext } from './context.js';
import { viewOf } from './session.js';

/*
 * `zcopy export --format html`: a lesson's frames as the learn screen draws them, made into a
 * page (src/present/export/html.ts); and `--all`, every lesson, an index and the comparison.
 */

/** The frames' colours: the 16 a page's palette names (a page has no terminal to ask). */
const PAINT = new Chalk({ level: 1 });

/** A transcript's frame size: 80 columns, as a pipe's, and tall enough that nothing scrolls. */
const SIZE = { cols: 80, rows: 200 };

/**
 * Stands for the narration in a frame, so that the page can lift it out as prose at the place
 * the screen puts it: a private-use character, which no lesson's text holds.
 */
const MARK = '\uE000';

/** Every position of the lesson as the learn screen draws it piped (no keys), its narration apart. */
export function pageSteps(view: LearnView): PageStep[] {
  const marked: LearnView = { ...view, steps: view.steps.map((s) => ({ ...s, narration: s.narration ? MARK : '' })) };
  const steps: PageStep[] = [];
  for (let position = 0; position <= view.steps.length; position++) {
    // The last line is the footer, the keys: a page has its own.
    const lines = renderLesson(marked, { ...initialLesson(false), position, piped: true }, SIZE, PAINT).slice(0, -1);
    const at = lines.findIndex((l) => l.includes(MARK));
    const narration = position > 0 ? view.steps[position - 1].narration : '';
    // Held as long as lecture mode holds it on a terminal: the same words, the same pace.
    const hold = holdMs(stepWords(view, position));
    steps.push(at < 0 ? { frame: lines, narration: '', after: [], hold } : { frame: lines.slice(0, at), narration, after: lines.slice(at + 1), hold });
  }
  return steps;
}

/** One lesson as a self-contained page, opening at `step` (1 unless asked). */
export function lessonPage(ctx: AppContext, lesson: Lesson, scale: Scale | null = null, step = 1, links?: SiteLinks): string {
  const view = viewOf(ctx, lesson, scale);
  return lessonHtml({ lang: ctx.lang, id: lesson.id, title: view.title, steps: pageSteps(view), open: step, speeds: LADDER, ...(links ? { links } : {}) });
}

const pageOf = (id: string) => `${id}.html`;

/**
 * The site: index.html (every lesson in the recommended order), a page per lesson, and
 * compare.html, written into `dir` (made if missing; pages already there are replaced).
 * Returns the files written, the index first.
 */
export function writeSite(ctx: AppContext, dir: string): string[] {
  const lessons = RECOMMENDED_PATH.map((id) => ctx.lookup(id));
  const files: [string, string][] = [];
  files.push([
    'index.html',
    indexHtml(
      ctx.lang,
      lessons.map((l) => ({ id: l.id, title: l.title[ctx.lang], summary: l.summary[ctx.lang], steps: l.steps.length, href: pageOf(l.id) })),
      'compare.html',
    ),
  ]);
  lessons.forEach((l, i) => {
    const link = (other: Lesson | undefined) => (other ? { id: other.id, href: pageOf(other.id) } : null);
    files.push([pageOf(l.id), lessonPage(ctx, l, null, 1, { index: 'index.html', previous: link(lessons[i - 1]), next: link(lessons[i + 1]) })]);
  });
  const rows = compareRows(lessons);
  const ids = new Set(lessons.map((l) => l.id));
  files.push(['compare.html', compareHtml(ctx.lang, [...countTables(rows, ctx.lang), propertyTable(rows, ctx.lang)], (id) => (ids.has(id) ? pageOf(id) : null), 'index.html')]);
  mkdirSync(dir, { recursive: true });
  for (const [name, html] of files) writeFileSync(join(dir, name), html);
  return files.map(([name]) => join(dir, name));
}
