import { escapeMarkup } from '../../term/markup.js';
import { EXPORT } from '../../i18n/export.js';
import type { Lang } from '../../i18n/lang.js';
import { MACHINE } from '../../i18n/machine.js';
import { PUNCTUATION } from '../../i18n/punctuation.js';
import { LEARN, SCALE, UI } from '../../i18n/strings.js';
import { COUNTER_KEYS, HARDWARE, KERNEL_MEMORY, traceOf, type Counters, type Location, type State, type Transfer } from '../../model/index.js';
import { formatBytes, grouped } from '../../term/bytes.js';
import { displayWidth, wrap } from '../../term/text.js';
import { explain } from '../explain.js';
import type { ExportInput } from './index.js';

/*
 * `zcopy export --format svg`: the data path on one 16:9 slide. The places in their
 * bands (user space, kernel space, hardware), each copy a numbered arrow, the CPU's
 * mode at every step on a strip under them, the counts and a legend beside them.
 * Colours are Okabe and Ito's, told apart by colour-blind readers; CPU and DMA copies
 * differ by line style too, so that a black-and-white print keeps them apart. Text is
 * set in generic families (sans-serif, monospace): the picture renders wherever it goes.
 * The same input gives the same bytes: no clock, no random ids, numbers rounded.
 */

const WIDTH = 1280;
const HEIGHT = 720;

/** Okabe-Ito: vermilion for the CPU, blue for the DMA, sky blue and orange for the modes. */
const COLOUR = { cpu: '#D55E00', dma: '#0072B2', other: '#555555', user: '#56B4E9', kernel: '#E69F00', now: '#F0E442', ink: '#000000', faint: '#6b6b6b' };
const BAND_FILL = { user: '#EAF5FC', kernel: '#FDF3E1', hardware: '#EFEFEF' };

/** The bands, top to bottom, and where each place sits in its band (a column of four): the path reads left to right, disk to NIC. */
const BANDS = [
  { key: 'user', y: 104, h: 112 },
  { key: 'kernel', y: 224, h: 124 },
  { key: 'hardware', y: 356, h: 112 },
] as const;
// The first column clears the bands' titles, so that an arrow up from the disk never crosses one.
const COLUMN_X = [218, 402, 586, 770];
const COLUMN: Record<Location, number> = { disk: 0, ctrl: 1, nic: 3, pageCache: 0, fbuf: 1, pipe: 2, socket: 3, user: 1 };
const BOX = { w: 168, h: 58 };
const DIAGRAM_RIGHT = 870;
const PANEL_X = 905;

type Band = (typeof BANDS)[number]['key'];
const bandOf = (p: Location): Band => (HARDWARE.includes(p) ? 'hardware' : KERNEL_MEMORY.includes(p) ? 'kernel' : 'user');

/** A number as the picture writes it: at most one decimal, so that output does not depend on float noise. */
const n = (v: number) => String(Math.round(v * 10) / 10);

/** Text as XML takes it. */
export const xmlText = escapeMarkup;

/** Text wrapped to `px` pixels at `size` pixels a glyph: a column of the terminal's is about half an em (a wide character two). */
function wrapPx(text: string, px: number, size: number): string[] {
  return wrap(text, Math.max(8, Math.floor(px / (size * 0.56))));
}

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs ? ` ${attrs}` : ''}>${xmlText(s)}</text>`;
}

/** One copy (or other move) drawn as an arrow: its kind, its ends, its number among the copies (null for a move that copies nothing). */
interface Arrow {
  kind: 'cpu' | 'dma' | 'other';
  from: Location;
  to: Location;
  number: number | null;
  /** The step --step draws is this arrow's. */
  now: boolean;
}

/**
 * The arrows up to `upTo`: one per copy the counters count, numbered in the order
 * they are made, from the step whose counter rose (a DMA copy moved in bursts is one
 * copy); the moves that copy no bytes, one per pair of places. A copy under way at
 * `upTo` is drawn with the number it will have.
 */
export function arrowsOf(input: ExportInput): Arrow[] {
  const trace = traceOf(input.lesson);
  const upTo = input.step ?? trace.steps.length;
  const arrows: Arrow[] = [];
  let number = 0;
  const pending: { kind: 'cpu' | 'dma'; transfer: Transfer; first: number }[] = [];
  for (const s of trace.steps) {
    const t = s.after.transfer;
    const kind = t?.kind === 'cpu-copy' ? 'cpu' : t?.kind === 'dma-copy' ? 'dma' : null;
    if (t && kind) pending.push({ kind, transfer: t, first: s.n });
    for (const [counter, k] of [['cpuCopies', 'cpu'], ['dmaCopies', 'dma']] as const) {
      const rose = s.after.counts[counter] - s.before.counts[counter];
      for (let i = 0; i < rose; i++) {
        // The copy is the pending transfer of its kind that started first.
        const at = pending.findIndex((p) => p.kind === k);
        const made = at >= 0 ? pending.splice(at, 1)[0] : null;
        // Any other bursts of the same copy belong to it.
        for (let j = pending.length - 1; j >= 0; j--) if (made && pending[j].kind === k && sameEnds(pending[j].transfer, made.transfer)) pending.splice(j, 1);
        number++;
        const transfer = made?.transfer ?? t;
        const first = made?.first ?? s.n;
        if (!transfer || first > upTo) continue;
        const drawing = trace.steps[upTo - 1].after.transfer;
        const now = input.step !== null && first <= upTo && upTo <= s.n && drawing !== null && drawing.kind === transfer.kind && sameEnds(drawing, transfer);
        arrows.push({ kind: k, from: transfer.from, to: transfer.to, number, now });
      }
    }
  }
  const others = new Set<string>();
  for (const s of trace.steps.slice(0, upTo)) {
    const t = s.after.transfer;
    if (!t || t.kind === 'cpu-copy' || t.kind === 'dma-copy' || t.kind === 'device' || t.from === t.to) continue;
    const key = `${t.from}>${t.to}`;
    if (others.has(key) && s.n !== input.step) continue;
    others.add(key);
    arrows.push({ kind: 'other', from: t.from, to: t.to, number: null, now: s.n === input.step });
  }
  return arrows;
}

const sameEnds = (a: Transfer, b: Transfer) => a.from === b.from && a.to === b.to;

export function svg(input: ExportInput): string {
  const { lesson, lang, scale, step } = input;
  const trace = traceOf(lesson);
  const x = explain(lesson, lang, scale);
  const W = EXPORT[lang].svg;
  const state: State | null = step === null ? null : trace.timeline[step];
  const counts: Counters = state ? state.counts : x.counts;
  const out: string[] = [];
  const title = `${x.id} · ${x.title}`;

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${xmlText(W.font)}" role="img" aria-labelledby="zc-title zc-desc">`,
    `<title id="zc-title">${xmlText(W.title(x.id, x.title))}</title>`,
    `<desc id="zc-desc">${xmlText(x.summary)}</desc>`,
    '<defs>',
    ...(['cpu', 'dma', 'other'] as const).map(
      (k) => `<marker id="zc-head-${k}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="${k === 'other' ? 5 : 3.6}" markerHeight="${k === 'other' ? 5 : 3.6}" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${COLOUR[k]}"/></marker>`,
    ),
    '</defs>',
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
  );

  // The title, and what the picture is of: the moment --step draws, the what-if, the whole file.
  out.push(text(40, 52, fitPx(title, WIDTH - 80, 30), 'font-size="30" font-weight="bold"'));
  // The whole file before the what-if's sentences, which may be cut: the counts beside are the whole file's.
  const sub = [step !== null ? W.stepOf(step, x.steps.length) : '', step === null && x.chunks !== undefined ? SCALE[lang].heading(formatBytes(x.size!), formatBytes(x.chunk!), x.chunks) : '', x.whatIf ?? ''].filter(Boolean);
  if (sub.length) out.push(text(40, 84, fitPx(PUNCTUATION[lang].sentences(sub), WIDTH - 80, 18), `font-size="18" fill="${COLOUR.faint}"`));

  // The bands, each titled; the band the CPU is in says what it does at --step.
  const t = LEARN[lang];
  for (const b of BANDS) {
    out.push(`<rect x="40" y="${b.y}" width="${DIAGRAM_RIGHT - 40}" height="${b.h}" rx="8" fill="${BAND_FILL[b.key]}" stroke="#9a9a9a" stroke-width="1"/>`);
    out.push(text(52, b.y + 20, t[b.key], `font-size="15" font-weight="bold" fill="${COLOUR.faint}" letter-spacing="1"`));
    if (state && b.key === state.cpu.mode) out.push(text(DIAGRAM_RIGHT - 12, b.y + 20, t.cpu(state.cpu.mode, MACHINE[lang].activity[state.cpu.activity]), 'font-size="15" font-weight="bold" text-anchor="end"'));
  }

  // The places the lesson uses, where the learn screen draws them; at --step, what each holds.
  const centre = (p: Location) => {
    const b = BANDS.find((band) => band.key === bandOf(p))!;
    return { x: COLUMN_X[COLUMN[p]], y: b.y + b.h / 2 + 8 };
  };
  for (const p of trace.places) {
    const c = centre(p);
    out.push(`<g class="place" data-place="${p}">`);
    out.push(`<rect x="${n(c.x - BOX.w / 2)}" y="${n(c.y - BOX.h / 2)}" width="${BOX.w}" height="${BOX.h}" rx="6" fill="#ffffff" stroke="${COLOUR.ink}" stroke-width="2"/>`);
    // A long name is set smaller rather than cut, down to what a projector still shows.
    const place = MACHINE[lang].place[p];
    const size = Math.max(13, Math.min(17, Math.floor((BOX.w - 14) / (displayWidth(place) * 0.62))));
    const name = fitPx(place, BOX.w - 12, size);
    if (!state) out.push(text(c.x, c.y + 6, name, `font-size="${size}" font-weight="bold" text-anchor="middle"`));
    else {
      out.push(text(c.x, c.y - 5, name, `font-size="${size}" font-weight="bold" text-anchor="middle"`));
      out.push(text(c.x, c.y + 19, holdings(state, p) || '·', 'font-size="15" font-family="monospace" text-anchor="middle"'));
    }
    out.push('</g>');
  }

  // The arrows: what copies no bytes first, underneath; then the copies, numbered.
  const arrows = arrowsOf(input);
  const pairs = new Map<string, Arrow[]>();
  for (const a of arrows) {
    const key = [a.from, a.to].sort().join('|');
    pairs.set(key, [...(pairs.get(key) ?? []), a]);
  }
  const drawn = [...arrows.filter((a) => a.kind === 'other'), ...arrows.filter((a) => a.kind !== 'other')];
  for (const a of drawn) {
    const pair = pairs.get([a.from, a.to].sort().join('|'))!;
    const offset = (pair.indexOf(a) - (pair.length - 1) / 2) * 30;
    out.push(arrowSvg(a, centre(a.from), centre(a.to), offset, lang));
  }

  out.push(...modeStrip(input, x.steps, lang));
  out.push(...countsPanel(counts, lang));
  out.push(...legend(lang));

  // What happens at the step, or what the lesson is about.
  const caption = step !== null ? x.steps[step - 1].narration || x.steps[step - 1].does : x.summary;
  // A long one is set smaller before it is cut: five lines fit under the strip at 16 pixels, four at 18.
  const size = wrapPx(caption, WIDTH - 80, 18).length <= 4 ? 18 : 16;
  const all = wrapPx(caption, WIDTH - 80, size);
  const lines = all.slice(0, size === 18 ? 4 : 5);
  if (lines.length < all.length) lines[lines.length - 1] = fitPx(`${lines.at(-1)} ${all[lines.length]}`, WIDTH - 80, size).replace(/[^\u2026]$/, '$&…');
  lines.forEach((l, i) => out.push(text(40, 614 + i * (size + 5), l, `font-size="${size}"`)));

  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** What a place holds, in the learn screen's notation: [A] the bytes, <A> a reference, {A} a mapping. */
function holdings(state: State, p: Location): string {
  return state.places[p].map((h) => (h.as === 'data' ? `[${h.block}]` : h.as === 'ref' ? `<${h.block}>` : `{${h.block}}`)).join('');
}

/** Text cut to what fits in `px` at `size`, with an ellipsis where it was cut. */
function fitPx(s: string, px: number, size: number): string {
  const cols = Math.floor(px / (size * 0.56));
  if (displayWidth(s) <= cols) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > cols - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Where the segment from `a` towards `b` leaves a place's box. */
function edge(a: { x: number; y: number }, b: { x: number; y: number }): { x: number; y: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const sx = dx === 0 ? Infinity : BOX.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : BOX.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: a.x + dx * s, y: a.y + dy * s };
}

function arrowSvg(a: Arrow, from: { x: number; y: number }, to: { x: number; y: number }, offset: number, lang: Lang): string {
  const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  // Parallel arrows between the same two places stand side by side, the first made left of (or above) the next, whichever way each points.
  let [nx, ny] = [-(to.y - from.y) / len, (to.x - from.x) / len];
  if (nx < 0 || (nx === 0 && ny < 0)) [nx, ny] = [-nx, -ny];
  const ox = nx * offset;
  const oy = ny * offset;
  const p = { x: from.x + ox, y: from.y + oy };
  const q = { x: to.x + ox, y: to.y + oy };
  const start = edge(p, q);
  const end = edge(q, p);
  const style =
    a.kind === 'cpu' ? `stroke="${COLOUR.cpu}" stroke-width="5"`
    : a.kind === 'dma' ? `stroke="${COLOUR.dma}" stroke-width="5" stroke-dasharray="14 7"`
    : `stroke="${COLOUR.other}" stroke-width="2.5" stroke-dasharray="2 6" stroke-linecap="round"`;
  const line = `x1="${n(start.x)}" y1="${n(start.y)}" x2="${n(end.x)}" y2="${n(end.y)}"`;
  const parts = [`<g class="${a.number === null ? 'move' : `copy ${a.kind}`}"${a.number === null ? '' : ` data-n="${a.number}"`}${a.now ? ' data-now="true"' : ''}>`];
  parts.push(`<title>${xmlText(`${a.number === null ? '' : `${a.number}. `}${MACHINE[lang].transfer[a.kind === 'cpu' ? 'cpu-copy' : a.kind === 'dma' ? 'dma-copy' : 'reference']}${PUNCTUATION[lang].colon}${MACHINE[lang].place[a.from]} → ${MACHINE[lang].place[a.to]}`)}</title>`);
  // The step --step draws is marked as the learn screen marks a change: highlighted.
  if (a.now) parts.push(`<line ${line} stroke="${COLOUR.now}" stroke-width="16" stroke-linecap="round"/>`);
  parts.push(`<line ${line} ${style} marker-end="url(#zc-head-${a.kind})"/>`);
  if (a.number !== null) {
    const mid = { x: start.x + (end.x - start.x) * 0.45, y: start.y + (end.y - start.y) * 0.45 };
    parts.push(`<circle cx="${n(mid.x)}" cy="${n(mid.y)}" r="14" fill="${COLOUR[a.kind]}" stroke="#ffffff" stroke-width="2"/>`);
    parts.push(text(mid.x, mid.y + 5.5, String(a.number), 'font-size="16" font-weight="bold" fill="#ffffff" text-anchor="middle"'));
  }
  parts.push('</g>');
  return parts.join('');
}

/** The CPU's mode at every step: a cell in the user row or the kernel row, a bar where a system call switched it, the copies' numbers in their steps. */
function modeStrip(input: ExportInput, steps: ReturnType<typeof explain>['steps'], lang: Lang): string[] {
  const W = EXPORT[lang].svg;
  const left = 130;
  const top = 502;
  const rowH = 24;
  const cell = (DIAGRAM_RIGHT - left) / steps.length;
  const out = [text(40, top - 10, W.modeStrip, `font-size="15" font-weight="bold" fill="${COLOUR.faint}"`)];
  const m = UI[lang].mode;
  out.push(text(left - 8, top + 17, m.user, 'font-size="14" text-anchor="end"'), text(left - 8, top + rowH + 17, m.kernel, 'font-size="14" text-anchor="end"'));
  out.push(`<rect x="${left}" y="${top}" width="${n(DIAGRAM_RIGHT - left)}" height="${rowH * 2}" fill="#ffffff" stroke="#9a9a9a" stroke-width="1"/>`);
  out.push(`<line x1="${left}" y1="${top + rowH}" x2="${DIAGRAM_RIGHT}" y2="${top + rowH}" stroke="#cfcfcf" stroke-width="1"/>`);
  // Each copy's number in the step that made it, in its colour, as on its arrow.
  const copyAt = new Map<number, { number: number; kind: 'cpu' | 'dma' }>();
  const trace = traceOf(input.lesson);
  let made = 0;
  for (const s of trace.steps) {
    const cpu = s.after.counts.cpuCopies - s.before.counts.cpuCopies;
    const dma = s.after.counts.dmaCopies - s.before.counts.dmaCopies;
    if (cpu + dma > 0) {
      made += cpu + dma;
      copyAt.set(s.n, { number: made, kind: cpu > 0 ? 'cpu' : 'dma' });
    }
  }
  const every = cell >= 22 ? 1 : cell >= 11 ? 2 : 5;
  const gone = (k: number) => input.step !== null && k > input.step;
  steps.forEach((s, i) => {
    const x = left + i * cell;
    const y = s.mode === 'user' ? top : top + rowH;
    const opacity = gone(s.n) ? ' fill-opacity="0.25"' : '';
    out.push(`<rect x="${n(x + 1)}" y="${n(y + 2)}" width="${n(cell - 2)}" height="${rowH - 4}" fill="${COLOUR[s.mode]}"${opacity}/>`);
    if (s.modeBefore && !gone(s.n)) out.push(`<line x1="${n(x)}" y1="${top + 2}" x2="${n(x)}" y2="${top + rowH * 2 - 2}" stroke="${COLOUR.ink}" stroke-width="3"/>`);
    const copy = copyAt.get(s.n);
    if (copy !== undefined && !gone(s.n) && cell >= 16) {
      out.push(`<circle cx="${n(x + cell / 2)}" cy="${y + rowH / 2}" r="9" fill="${COLOUR[copy.kind]}" stroke="#ffffff" stroke-width="1.5"/>`);
      out.push(text(x + cell / 2, y + rowH / 2 + 4.5, String(copy.number), 'font-size="13" font-weight="bold" fill="#ffffff" text-anchor="middle"'));
    }
    if (s.n === 1 || s.n % every === 0 || s.n === steps.length) out.push(text(x + cell / 2, top + rowH * 2 + 16, String(s.n), `font-size="12" text-anchor="middle" fill="${COLOUR.faint}"`));
  });
  if (input.step !== null) {
    const x = left + (input.step - 1) * cell;
    out.push(`<rect x="${n(x - 1)}" y="${top - 3}" width="${n(cell + 2)}" height="${rowH * 2 + 6}" fill="none" stroke="${COLOUR.ink}" stroke-width="3"/>`);
  }
  return out;
}

/** The counters beside the picture, the four the articles use first and in bold. */
function countsPanel(counts: Counters, lang: Lang): string[] {
  const out = [text(PANEL_X, 124, UI[lang].heading.counts, 'font-size="22" font-weight="bold"')];
  COUNTER_KEYS.forEach((k, i) => {
    const y = 160 + i * 30;
    const bold = i < 4 ? ' font-weight="bold"' : '';
    const fill = k === 'cpuCopies' ? COLOUR.cpu : k === 'dmaCopies' ? COLOUR.dma : COLOUR.ink;
    out.push(text(PANEL_X, y, MACHINE[lang].counter[k], `font-size="19"${bold} fill="${fill}"`));
    out.push(text(WIDTH - 36, y, grouped(counts[k]), `font-size="19"${bold} fill="${fill}" text-anchor="end"`));
  });
  return out;
}

/** What the lines and the strip's colours mean, in words: no reader has to tell colours apart. */
function legend(lang: Lang): string[] {
  const W = EXPORT[lang].svg;
  const out: string[] = [];
  let y = 388;
  for (const k of ['cpu', 'dma', 'other'] as const) {
    const label = k === 'cpu' ? W.legendCpu : k === 'dma' ? W.legendDma : W.legendOther;
    const style =
      k === 'cpu' ? `stroke="${COLOUR.cpu}" stroke-width="5"`
      : k === 'dma' ? `stroke="${COLOUR.dma}" stroke-width="5" stroke-dasharray="14 7"`
      : `stroke="${COLOUR.other}" stroke-width="2.5" stroke-dasharray="2 6" stroke-linecap="round"`;
    out.push(`<line x1="${PANEL_X}" y1="${y - 6}" x2="${PANEL_X + 56}" y2="${y - 6}" ${style} marker-end="url(#zc-head-${k})"/>`);
    const lines = wrapPx(label, WIDTH - 36 - PANEL_X - 70, 16);
    lines.forEach((l, i) => out.push(text(PANEL_X + 70, y + i * 20, l, 'font-size="16"')));
    y += Math.max(1, lines.length) * 20 + 16;
  }
  const m = UI[lang].mode;
  y += 4;
  for (const mode of ['user', 'kernel'] as const) {
    out.push(`<rect x="${PANEL_X + 14}" y="${y - 15}" width="28" height="18" fill="${COLOUR[mode]}"/>`);
    out.push(text(PANEL_X + 70, y, m[mode], 'font-size="16"'));
    y += 26;
  }
  return out;
}
