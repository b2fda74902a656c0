import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/lang.js';
import { SCALE, UI, whatIfWords, type Rounds } from '../i18n/strings.js';
import { formatBytes, grouped } from '../term/bytes.js';
import { JOBS, PROPERTY_KEYS, type Job, type Lesson, type Properties } from '../lessons/index.js';
import { COUNTER_KEYS, DEFAULT_KNOBS, formulaTexts, traceOf, turnedKnobs, type CallLimit, type Counters, type Knobs, type Scale } from '../model/index.js';
import { columns, paragraph } from '../term/layout.js';
import { displayWidth } from '../term/text.js';

/** One `compare --json` row; scripts and tests rely on it (docs/REFERENCE.md, "JSON"). */
export type ComparisonRow = {
  id: string;
  job: Job;
  /** Totals for one chunk (the sources' figures), or for the whole file with `--size`. */
  counts: Counters;
  setup: Counters;
  /** What every further chunk costs. */
  perTransfer: Counters;
  /** With `--size`: the file, the chunk and how many chunks `counts` covers. */
  size?: number;
  chunk?: number;
  chunks?: number;
  /** With `--size`: rounds of the transfer steps per chunk and for the last chunk, what caps a call, and one whole chunk's counts. */
  callsPerChunk?: number;
  lastChunkCalls?: number;
  callLimit?: CallLimit | null;
  perChunk?: Counters;
  /** With `--size` or a knob: the machine the counts are for. */
  knobs?: Knobs;
  /** With `--size`: each total as its sum with the numbers (`"2 + 16384 x 4"`). */
  formula?: Record<keyof Counters, string>;
  /** With a knob: whether it changed any of the lesson's counts (the table marks the row). */
  changed?: boolean;
} & Properties;

/**
 * Each lesson's counts: for its one chunk, or, with a scale, for the whole file (the same set-up and per-chunk shares).
 * `asWritten`, beside what-if variants, holds each lesson as written, in the same order: a row whose counts the knobs changed says so.
 */
export function compareRows(lessons: Lesson[], scale: Scale | null = null, asWritten: readonly Lesson[] = []): ComparisonRow[] {
  const countsOf = (l: Lesson) => {
    const trace = traceOf(l);
    return (scale && trace.atScale(scale)?.counts) || trace.end.counts;
  };
  return lessons.map((l, i) => {
    const trace = traceOf(l);
    const { setup, perTransfer } = trace.phases;
    const big = scale && trace.atScale(scale);
    const counts = big ? big.counts : trace.end.counts;
    const written = l.knobs && asWritten[i];
    const changed = written ? COUNTER_KEYS.some((k) => countsOf(written)[k] !== counts[k]) : undefined;
    return {
      id: l.id,
      job: l.job,
      counts,
      setup,
      perTransfer,
      ...(big ? { size: big.size, chunk: big.chunk, chunks: big.chunks, callsPerChunk: big.callsPerChunk, lastChunkCalls: big.lastChunkCalls, callLimit: big.callLimit, perChunk: big.perChunk } : {}),
      ...(big || l.knobs ? { knobs: l.knobs ?? DEFAULT_KNOBS } : {}),
      ...(big ? { formula: formulaTexts(big.formula) } : {}),
      ...(changed === undefined ? {} : { changed }),
      ...l.properties,
    };
  });
}

/** The counters compare shows, in column order: descriptor copies, interrupts and faults too. */
const COLUMNS: readonly (keyof Counters)[] = COUNTER_KEYS;

/** A table: its title, what its columns and marks mean (one paragraph), header -> cell per row, in column order. */
export interface Table {
  title: string;
  legend: string;
  cells: Record<string, string>[];
}

/** Beside a row whose counts a what-if knob changed: a mark, not a colour, so that NO_COLOR and a pipe keep it. */
export const CHANGED_MARK = '*';

/**
 * One table of counts per job, in job order, never two jobs in one table: a
 * read's single DMA copy is no saving over a send's two. A count whose
 * per-chunk share differs from its total (set-up calls) shows both: `6 (4)`.
 */
export function countTables(rows: ComparisonRow[], lang: Lang): Table[] {
  const c = UI[lang].compare;
  // At scale the totals alone: the per-chunk shares are compare's without --size, and both would not fit 80 columns.
  const shared = (r: ComparisonRow, k: keyof Counters) => r.chunks === undefined && r.perTransfer[k] !== r.counts[k];
  return JOBS.filter((job) => rows.some((r) => r.job === job)).map((job) => {
    const mine = rows.filter((r) => r.job === job);
    // Each table says what it needs, where it is, so that a page of it never needs the end of the output to be read.
    const legend = [c.countsLegend, ...(mine.some((r) => COLUMNS.some((k) => shared(r, k))) ? [c.sharesLegend] : []), ...(mine.some((r) => r.changed) ? [c.changedLegend(CHANGED_MARK)] : [])];
    return {
      title: c.jobs[job],
      legend: legend.join(' · '),
      cells: mine.map((r) => ({
        [c.scenario]: r.changed ? `${r.id} ${CHANGED_MARK}` : r.id,
        ...Object.fromEntries(COLUMNS.map((k) => [c.columns[k], shared(r, k) ? `${grouped(r.counts[k])} (${grouped(r.perTransfer[k])})` : grouped(r.counts[k])])),
      })),
    };
  });
}

/** What each technique allows or needs: facts, not figures, so one table may hold every job. */
export function propertyTable(rows: ComparisonRow[], lang: Lang): Table {
  const c = UI[lang].compare;
  const byJob = JOBS.flatMap((job) => rows.filter((r) => r.job === job));
  return {
    title: c.propertiesTitle,
    legend: c.propertiesLegend,
    cells: byJob.map((r) => ({
      [c.scenario]: r.id,
      ...Object.fromEntries(PROPERTY_KEYS.map((k) => [c.properties[k], r[k] ? c.yes : c.no])),
    })),
  };
}

/**
 * Aligned columns for a pipe or a file: the header row, then one row per scenario; one space
 * between columns where two would not fit `width` (a whole file's grouped totals are wide).
 * Where even that is too wide (the largest files' totals), the columns are split into as few
 * tables as fit, each with the scenario first, a blank line between: every count stays exact.
 */
export function renderPlainTable(cells: Record<string, string>[], width = Infinity): string[] {
  const headers = Object.keys(cells[0] ?? {});
  const rowsOf = (hs: string[]) => [hs, ...cells.map((r) => hs.map((h) => r[h]))];
  const fits = (lines: string[]) => lines.every((l) => displayWidth(l) <= width);
  const lines = columns(rowsOf(headers));
  if (fits(lines)) return lines;
  const tight = columns(rowsOf(headers), [], ' ');
  if (fits(tight) || headers.length <= 2) return tight;
  const [first, ...rest] = headers;
  const parts: string[][] = [];
  for (let from = 0; from < rest.length; ) {
    // At least one column per part, however narrow the width: a part too wide is better than no end.
    let to = from + 1;
    while (to < rest.length && fits(columns(rowsOf([first, ...rest.slice(from, to + 1)]), [], ' '))) to++;
    parts.push(columns(rowsOf([first, ...rest.slice(from, to)]), [], ' '));
    from = to;
  }
  return parts.flatMap((p, i) => (i ? ['', ...p] : p));
}

/** The whole comparison as plain lines: what the counts are for, then each job's counts and the properties, each table under its title and its legend. */
export function renderComparison(rows: ComparisonRow[], lang: Lang, width: number, paint: ChalkInstance): string[] {
  return comparisonPage(rows, lang, width, paint).lines;
}

/**
 * The comparison's lines, and each table's head (its title, legend and header) with where
 * its rows are: a screen keeps a head in sight while its rows are scrolled to.
 */
export function comparisonPage(rows: ComparisonRow[], lang: Lang, width: number, paint: ChalkInstance): { lines: string[]; heads: TableHead[] } {
  const out: string[] = scaleLines(rows, lang, width).map((l) => paint.bold(l));
  const heads: TableHead[] = [];
  if (out.length) out.push('');
  for (const t of [...countTables(rows, lang), propertyTable(rows, lang)]) {
    if (out.length && out.at(-1) !== '') out.push('');
    const head = [paint.bold(t.title), ...tableLegend(t, width).map((l) => paint.dim(l))];
    const [header, ...body] = renderPlainTable(t.cells, width);
    const start = out.length;
    out.push(...head, header);
    heads.push({ start, rows: [out.length, out.length + body.length], head: [...head, header] });
    out.push(...body);
  }
  return { lines: out, heads };
}

/** A table's head (title, legend, header) at `start`, and its rows, `[from, to)`. */
export interface TableHead {
  start: number;
  rows: [number, number];
  head: string[];
}

/**
 * What to keep in sight above a window that starts at `top`: the head of the table it starts
 * in, once its title is out of sight, the window going on at the table's rows (never a head
 * half shown); nothing elsewhere.
 */
export function pinnedHead(heads: TableHead[], top: number): { lines: string[]; from: number } {
  const t = heads.find(({ start, rows: [, to] }) => top > start && top < to);
  return t ? { lines: t.head, from: Math.max(top, t.rows[0]) } : { lines: [], from: top };
}

/** With `--size` or a knob: what the counts are for, first, so that no one reads them as one chunk's on the lesson's own machine. */
export function scaleLines(rows: ComparisonRow[], lang: Lang, width: number): string[] {
  const r = rows[0];
  const words = r?.knobs && whatIfWords(turnedKnobs(r.knobs), r.knobs, lang);
  return [
    ...(r?.chunks === undefined ? [] : paragraph(SCALE[lang].compared(formatBytes(r.size!), formatBytes(r.chunk!), r.chunks), width)),
    ...roundLines(rows, lang).flatMap((line) => paragraph(line, width)),
    ...(words ? paragraph(SCALE[lang].comparedWhatIf(words), width) : []),
  ];
}

/** With `--size`: the lessons whose chunk takes several rounds of calls, grouped by how many and why, so that no total reads as one call per chunk. */
function roundLines(rows: ComparisonRow[], lang: Lang): string[] {
  const groups = new Map<string, { ids: string[]; rounds: Rounds }>();
  for (const r of rows) {
    if (!r.callLimit || r.callsPerChunk === undefined || r.callsPerChunk === 1) continue;
    const key = `${r.callsPerChunk}/${r.lastChunkCalls}/${r.callLimit.by}`;
    const group = groups.get(key) ?? { ids: [], rounds: { chunk: formatBytes(r.chunk!), perChunk: r.callsPerChunk, last: r.lastChunkCalls!, limit: r.callLimit } };
    group.ids.push(r.id);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => SCALE[lang].roundsOf(g.ids, g.rounds));
}

/** A table's legend as lines of at most `width` columns. */
export function tableLegend(t: Table, width: number): string[] {
  return paragraph(t.legend, width);
}

/**
 * Whether the ink table can draw these cells on a screen this size: it sizes
 * columns by string length, so wide (CJK) text would misalign it; each column
 * is its widest cell plus a space either side, and every row has a rule under it.
 */
export function boxedTableFits(cells: Record<string, string>[], columns: number, rows: number): boolean {
  const headers = Object.keys(cells[0] ?? {});
  const texts = [...headers, ...cells.flatMap((r) => Object.values(r))];
  if (texts.some((t) => displayWidth(t) !== t.length)) return false;
  const widths = headers.map((h) => Math.max(h.length, ...cells.map((r) => r[h].length)) + 2);
  const width = widths.reduce((a, b) => a + b, 0) + headers.length + 1;
  // ink clears the screen to redraw a frame taller than it, so leave a line spare.
  return width <= columns && 2 * cells.length + 3 <= rows - 1;
}
