import { HTML_LANG, type Lang } from '../../i18n/lang.js';
import { PAGES } from '../../i18n/pages.js';
import { LEARN } from '../../i18n/strings.js';
import type { Table } from '../compare.js';
import { ansiToHtml, escapeHtml } from './ansi.js';

/*
 * A lesson as one self-contained web page (`zcopy export --format html`), and a course's site
 * of them (`--all`): every byte of style and script is inline, no address outside the page is
 * named, and the same input always gives the same bytes.
 */

/** One position of a lesson as the learn screen draws it: 0 is the start, i the machine after step i. */
export interface PageStep {
  /** The frame's lines above the narration, with the terminal's SGR codes. */
  frame: string[];
  /** The step's narration, as prose (the page wraps it); empty at the start and for a summary. */
  narration: string;
  /** How long play holds the step at speed 1, in milliseconds: the learn screen's lecture pace for the same words. */
  hold: number;
  /** The frame's lines below the narration: at the end, what to do next and what the lesson saved. */
  after: string[];
}

/** Where a lesson page's links lead, in a site; a lone page has none. */
export interface SiteLinks {
  index: string;
  previous: { id: string; href: string } | null;
  next: { id: string; href: string } | null;
}

export interface LessonPage {
  lang: Lang;
  id: string;
  title: string;
  /** Every position, the start first. */
  steps: PageStep[];
  /** The position the page opens at: 1 unless `--step` says. */
  open: number;
  /** The speeds + and - step through, slowest first: lecture mode's, so that a page and a terminal play alike. */
  speeds: readonly number[];
  links?: SiteLinks;
}

/** The lesson as a page that steps through it with ← →, Space or its play button, and prints one step a page. */
export function lessonHtml(page: LessonPage): string {
  const t = PAGES[page.lang];
  const learn = LEARN[page.lang];
  const n = page.steps.length - 1;
  const sections = page.steps.map((s, i) => {
    const label = i === 0 ? learn.start : learn.step(i, n);
    return [
      `<section class="step" id="step-${i}" data-label="${escapeHtml(label)}" data-hold="${s.hold}">`,
      `<pre class="frame">${ansiToHtml(s.frame)}</pre>`,
      ...(s.narration ? [`<p class="narration">${escapeHtml(s.narration)}</p>`] : []),
      ...(s.after.length ? [`<pre class="frame">${ansiToHtml(s.after)}</pre>`] : []),
      '</section>',
    ].join('\n');
  });
  const controls = [
    '<nav class="controls">',
    `<button type="button" id="prev" aria-keyshortcuts="ArrowLeft">◀ ${escapeHtml(t.previous)}</button>`,
    `<button type="button" id="play" aria-keyshortcuts="Space p" aria-pressed="false" data-play="${escapeHtml(t.play)}" data-pause="${escapeHtml(t.pause)}">▶ ${escapeHtml(t.play)}</button>`,
    '<span id="speed" aria-live="polite"></span>',
    `<button type="button" id="next" aria-keyshortcuts="ArrowRight">${escapeHtml(t.next)} ▶</button>`,
    '<span id="where" aria-live="polite"></span>',
    `<span class="keys">${escapeHtml(t.keys)}</span>`,
    '</nav>',
  ].join('\n');
  const body = [
    ...(page.links ? [siteNav(page.lang, page.links)] : []),
    controls,
    `<main aria-label="${escapeHtml(t.frame)}">`,
    ...sections,
    '</main>',
  ].join('\n');
  return shell(page.lang, t.lessonTitle(page.id, page.title), body, `data-open="${Math.max(0, Math.min(n, page.open))}" data-speeds="${page.speeds.join(' ')}"`, PLAYER);
}

function siteNav(lang: Lang, links: SiteLinks): string {
  const t = PAGES[lang];
  const a = (href: string, text: string, rel = '') => `<a href="${escapeHtml(href)}"${rel ? ` rel="${rel}"` : ''}>${escapeHtml(text)}</a>`;
  return [
    '<nav class="site">',
    ...(links.previous ? [a(links.previous.href, t.previousLesson(links.previous.id), 'prev')] : []),
    a(links.index, t.allLessons, 'index'),
    ...(links.next ? [a(links.next.href, t.nextLesson(links.next.id), 'next')] : []),
    '</nav>',
  ].join('\n');
}

/** A lesson as the site's index lists it. */
export interface IndexEntry {
  id: string;
  title: string;
  summary: string;
  steps: number;
  href: string;
}

/** The site's index: every lesson in the order given (the recommended path), then the comparison. */
export function indexHtml(lang: Lang, lessons: IndexEntry[], compareHref: string): string {
  const t = PAGES[lang];
  const items = lessons.map(
    (l) =>
      `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.id)}</a> <span class="title">${escapeHtml(l.title)}</span> <span class="count">${escapeHtml(t.steps(l.steps))}</span>` +
      (l.summary ? `<br><span class="summary">${escapeHtml(l.summary)}</span>` : '') +
      '</li>',
  );
  const body = [
    `<h1>${escapeHtml(t.indexTitle)}</h1>`,
    `<p>${escapeHtml(t.indexIntro)}</p>`,
    `<h2>${escapeHtml(t.indexLessons)}</h2>`,
    '<ol class="lessons">',
    ...items,
    '</ol>',
    `<p><a href="${escapeHtml(compareHref)}">${escapeHtml(t.compareLink)}</a></p>`,
  ].join('\n');
  return shell(lang, t.indexTitle, `<main class="prose">\n${body}\n</main>`, '', '');
}

/** A number, a count with its share in brackets, or a mark: aligned right as a terminal's table aligns it. */
const NUMERIC = /^[\d,.\s()*]+$/;

/** The comparison's tables as HTML tables, each under its title and legend; `href` links a lesson's id to its page. */
export function compareHtml(lang: Lang, tables: Table[], href: (id: string) => string | null, index?: string): string {
  const t = PAGES[lang];
  const cell = (text: string, first: boolean) => {
    const id = first ? text.replace(/\s*\*$/, '') : null;
    const link = id === null ? null : href(id);
    const inner = link ? `<a href="${escapeHtml(link)}">${escapeHtml(id!)}</a>${escapeHtml(text.slice(id!.length))}` : escapeHtml(text);
    return first ? `<th scope="row">${inner}</th>` : `<td${NUMERIC.test(text) ? ' class="n"' : ''}>${inner}</td>`;
  };
  const parts = tables.map((table) => {
    const headers = Object.keys(table.cells[0] ?? {});
    return [
      `<h2>${escapeHtml(table.title)}</h2>`,
      `<p class="legend">${escapeHtml(table.legend)}</p>`,
      '<table>',
      `<thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
      '<tbody>',
      ...table.cells.map((row) => `<tr>${headers.map((h, i) => cell(row[h], i === 0)).join('')}</tr>`),
      '</tbody>',
      '</table>',
    ].join('\n');
  });
  const nav = index ? `<nav class="site"><a href="${escapeHtml(index)}" rel="index">${escapeHtml(t.allLessons)}</a></nav>\n` : '';
  return shell(lang, t.compareTitle, `${nav}<main class="prose">\n<h1>${escapeHtml(t.compareTitle)}</h1>\n${parts.join('\n')}\n</main>`, '', '');
}

/** The terminal's palette (VS Code's dark one, close to most terminals' defaults), and a light one to print in. */
const DARK = ['#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5', '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];
const LIGHT = ['#000000', '#cd3131', '#00a000', '#949800', '#0451a5', '#bc05bc', '#0598bc', '#555555', '#666666', '#cd3131', '#14a014', '#8a8d00', '#0451a5', '#bc05bc', '#0598bc', '#a5a5a5'];

const vars = (palette: string[], fg: string, bg: string) => `--fg:${fg};--bg:${bg};${palette.map((c, i) => `--c${i}:${c}`).join(';')}`;

/** Monospace fonts one of which every system has, ending with the browser's own. */
const MONO = 'ui-monospace,"Cascadia Mono","DejaVu Sans Mono",Menlo,Consolas,"Liberation Mono","Noto Sans Mono",monospace';

const STYLE = [
  `:root{${vars(DARK, '#cccccc', '#1e1e1e')};color-scheme:dark}`,
  `body{margin:0;padding:1rem 2ch;background:var(--bg);color:var(--fg);font-family:${MONO};font-size:clamp(11px,1.6vw,22px);line-height:1.25}`,
  'a{color:var(--c14)}',
  // Tight enough that box-drawing lines join, as in a terminal.
  'pre.frame{margin:0;font:inherit;line-height:1.15;white-space:pre}',
  '.narration{margin:0 0 0 1ch;max-width:78ch;white-space:pre-wrap}',
  '.step{margin-bottom:1.5em}',
  '.js .step[hidden]{display:none}',
  '.controls,.site{display:flex;flex-wrap:wrap;gap:1ch;align-items:center;margin-bottom:1em}',
  '.controls button{font:inherit;color:var(--fg);background:#333;border:1px solid var(--c8);border-radius:3px;padding:.1em 1ch;cursor:pointer}',
  '.controls button:disabled{opacity:.4;cursor:default}',
  '.controls button[aria-pressed="true"]{background:var(--c4);color:#fff}',
  '#where{font-weight:bold}',
  '.keys,#speed{opacity:.65}',
  'html:not(.js) .controls{display:none}',
  '.prose{max-width:100ch}',
  '.lessons li{margin:.4em 0}',
  '.summary,.count,.legend{opacity:.75}',
  'table{border-collapse:collapse;margin-bottom:1.5em}',
  'th,td{border:1px solid var(--c8);padding:.15em 1ch;text-align:left}',
  'td.n{text-align:right}',
  '.b{font-weight:bold}.d{opacity:.6}.i{font-style:italic}.u{text-decoration:underline}.s{text-decoration:line-through}',
  '.fb{color:var(--bg)}.gf{background:var(--fg)}',
  '.w{display:inline-block;width:2ch;text-align:center}',
  ...DARK.map((_, i) => `.f${i}{color:var(--c${i})}.g${i}{background:var(--c${i})}`),
  // On paper: dark text on white, every step on a page of its own, no buttons.
  `@media print{:root{${vars(LIGHT, '#1e1e1e', '#ffffff')};color-scheme:light}body{font-size:9pt;padding:0}.controls,.site{display:none}.js .step[hidden]{display:block}.step{break-after:page;margin:0}.step:last-child{break-after:auto}a{color:inherit}}`,
].join('\n');

/** Steps through the sections: the keys, the buttons, play at `?speed=X` (2 twice as fast; + and - step through the page's speeds), `#step-N` to open at N. */
const PLAYER = `(function () {
  var doc = document, root = doc.documentElement;
  var steps = Array.prototype.slice.call(doc.querySelectorAll('.step'));
  var prev = doc.getElementById('prev'), next = doc.getElementById('next'), play = doc.getElementById('play'), where = doc.getElementById('where');
  var params = new URLSearchParams(location.search);
  var speed = Number(params.get('speed')) > 0 ? Number(params.get('speed')) : 1;
  var speeds = doc.body.getAttribute('data-speeds').split(' ').map(Number), speedShown = doc.getElementById('speed');
  var last = steps.length - 1, at = 0, timer = null;
  root.classList.add('js');
  function asked() {
    var m = /^#step-(\\d+)$/.exec(location.hash);
    return m ? Number(m[1]) : Number(doc.body.getAttribute('data-open'));
  }
  function show(i) {
    at = Math.max(0, Math.min(last, i));
    steps.forEach(function (s, k) { s.hidden = k !== at; });
    where.textContent = steps[at].getAttribute('data-label');
    prev.disabled = at === 0;
    next.disabled = at === last;
    try { history.replaceState(null, '', '#step-' + at); } catch (e) { /* a page that cannot keep its place still steps */ }
  }
  function label(playing) {
    play.textContent = playing ? '\\u275a\\u275a ' + play.getAttribute('data-pause') : '\\u25b6 ' + play.getAttribute('data-play');
    play.setAttribute('aria-pressed', String(playing));
  }
  function showSpeed() { speedShown.textContent = Number(speed.toFixed(2)) + '\\u00d7'; }
  // The next speed up or down the list from one that may be between them (?speed=1.1), and none past its ends.
  function faster(by) {
    var next = by > 0 ? speeds.filter(function (s) { return s > speed + 1e-9; })[0] : speeds.filter(function (s) { return s < speed - 1e-9; }).pop();
    if (next === undefined) return;
    speed = next;
    showSpeed();
    if (timer) { clearTimeout(timer); tick(); }
  }
  function stop() { clearTimeout(timer); timer = null; label(false); }
  function tick() {
    timer = setTimeout(function () {
      show(at + 1);
      if (at === last) stop(); else tick();
    }, Number(steps[at].getAttribute('data-hold')) / speed);
  }
  function start() {
    if (at === last) show(0);
    label(true);
    tick();
  }
  function toggle() { if (timer) stop(); else start(); }
  function go(i) {
    show(i);
    if (timer) { clearTimeout(timer); if (at === last) stop(); else tick(); }
  }
  prev.addEventListener('click', function () { go(at - 1); });
  next.addEventListener('click', function () { go(at + 1); });
  play.addEventListener('click', toggle);
  doc.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    // A focused button answers Space and Enter itself.
    if (e.target && e.target.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
    var k = e.key;
    if (k === 'ArrowRight' || k === 'PageDown') go(at + 1);
    else if (k === 'ArrowLeft' || k === 'PageUp') go(at - 1);
    else if (k === 'Home') go(0);
    else if (k === 'End') go(last);
    else if (k === ' ' || k === 'p') toggle();
    else if (k === '+' || k === '=') faster(1);
    else if (k === '-') faster(-1);
    else return;
    e.preventDefault();
  });
  window.addEventListener('hashchange', function () { if (asked() !== at) go(asked()); });
  show(asked());
  showSpeed();
  if (params.has('play')) start();
})();`;

/** A whole page: its language, title, the style, the body, and its script if it has one. */
function shell(lang: Lang, title: string, body: string, bodyAttributes: string, script: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${HTML_LANG[lang]}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    `<body${bodyAttributes ? ` ${bodyAttributes}` : ''}>`,
    body,
    ...(script ? [`<script>\n${script}\n</script>`] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
