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
} & Properties;

/** Each lesson's counts: for its one chunk, or, with a scale, for the whole file (the same set-up and per-chunk shares). */
export function compareRows(lessons: Lesson[], scale: Scale | null = null): ComparisonRow[] {
  return lessons.map((l) => {
    const trace = traceOf(l);
    const { setup, perTransfer } = trace.phases;
    const big = scale && trace.atScale(scale);
    const counts = big ? big.counts : trace.end.counts;
    return {
      id: l.id,
      job: l.job,
      counts,
      setup,
      perTransfer,
      ...(big ? { size: big.size, chunk: big.chunk, chunks: big.chunks, callsPerChunk: big.callsPerChunk, lastChunkCalls: big.lastChunkCalls, callLimit: big.callLimit, perChunk: big.perChunk } : {}),
      ...(big || l.knobs ? { knobs: l.knobs ?? DEFAULT_KNOBS } : {}),
      ...(big ? { formula: formulaTexts(big.formula) } : {}),
      ...l.properties,
    };
  });
}

/** The counters compare shows, in column order: descriptor copies, interrupts and faults too. */
const COLUMNS: readonly (keyof Counters)[] = COUNTER_KEYS;

/** A table: its title, header -> cell per row, in column order. */
export interface Table {
  title: string;
  cells: Record<string, string>[];
}

/**
 * One table of counts per job, in job order, never two jobs in one table: a
 * read's single DMA copy is no saving over a send's two. A count whose
 * per-chunk share differs from its total (set-up calls) shows both: `6 (4)`.
 */
export function countTables(rows: ComparisonRow[], lang: Lang): Table[] {
  const c = UI[lang].compare;
  return JOBS.filter((job) => rows.some((r) => r.job === job)).map((job) => ({
    title: c.jobs[job],
    cells: rows
      .filter((r) => r.job === job)
      .map((r) => ({
        [c.scenario]: r.id,
        ...Object.fromEntries(
          // At scale the totals alone: the per-chunk shares are compare's without --size, and both would not fit 80 columns.
          COLUMNS.map((k) => [c.columns[k], r.chunks !== undefined || r.perTransfer[k] === r.counts[k] ? grouped(r.counts[k]) : `${grouped(r.counts[k])} (${grouped(r.perTransfer[k])})`]),
        ),
      })),
  }));
}

/** What each technique allows or needs: facts, not figures, so one table may hold every job. */
export function propertyTable(rows: ComparisonRow[], lang: Lang): Table {
  const c = UI[lang].compare;
  const byJob = JOBS.flatMap((job) => rows.filter((r) => r.job === job));
  return {
    title: c.propertiesTitle,
    cells: byJob.map((r) => ({
      [c.scenario]: r.id,
      ...Object.fromEntries(PROPERTY_KEYS.map((k) => [c.properties[k], r[k] ? c.yes : c.no])),
    })),
  };
}

/**
 * Aligned columns for a pipe or a file: the header row, then one row per scenario; one space
 * between columns where two would not fit `width` (a whole file's grouped totals are wide).
 */
export function renderPlainTable(cells: Record<string, string>[], width = Infinity): string[] {
  const headers = Object.keys(cells[0] ?? {});
  const rows = [headers, ...cells.map((r) => headers.map((h) => r[h]))];
  const lines = columns(rows);
  return lines.some((l) => displayWidth(l) > width) ? columns(rows, [], ' ') : lines;
}

/** The whole comparison as plain lines: each job's counts, the properties, then the legend. */
export function renderComparison(rows: ComparisonRow[], lang: Lang, width: number, paint: ChalkInstance): string[] {
  const out: string[] = scaleLines(rows, lang, width).map((l) => paint.bold(l));
  if (out.length) out.push('');
  for (const t of [...countTables(rows, lang), propertyTable(rows, lang)]) {
    if (out.length && out.at(-1) !== '') out.push('');
    out.push(paint.bold(t.title), ...renderPlainTable(t.cells, width));
  }
  out.push('', ...legend(lang, width).map((l) => paint.dim(l)));
  return out;
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

export function legend(lang: Lang, width: number): string[] {
  return paragraph(UI[lang].compare.legend, width);
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
