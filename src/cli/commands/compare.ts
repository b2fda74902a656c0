import { loadUi } from '../load-ui.js';
import { HELP } from '../../i18n/help.js';
import type { Lang } from '../../i18n/lang.js';
import { UI } from '../../i18n/strings.js';
import { PROPERTY_KEYS, type Lesson } from '../../lessons/index.js';
import { run, type Counters } from '../../model/index.js';
import { displayWidth, padEnd, padStart, wrap } from '../../term/text.js';
import { json, type Command, type Ctx } from '../context.js';

export interface ComparisonRow {
  id: string;
  counts: Counters;
  canModify: boolean;
  needsNicSupport: boolean;
  needsPipe: boolean;
  inputMustBeFile: boolean;
}

export function compareRows(lessons: Lesson[]): ComparisonRow[] {
  return lessons.map((l) => ({ id: l.id, counts: run(l).at(-1)!.counts, ...l.properties }));
}

/** Header -> cell, in column order, as both the plain and the ink table draw them. */
export function tableCells(rows: ComparisonRow[], lang: Lang): Record<string, string>[] {
  const c = UI.compare[lang];
  const flag = (b: boolean) => (b ? c.yes : c.no);
  return rows.map((r) => ({
    [c.scenario]: r.id,
    [c.cpu]: String(r.counts.cpuCopies),
    [c.dma]: String(r.counts.dmaCopies),
    [c.switches]: String(r.counts.modeSwitches),
    [c.calls]: String(r.counts.syscalls),
    [c.desc]: String(r.counts.descriptorCopies),
    ...Object.fromEntries(PROPERTY_KEYS.map((k) => [c[k], flag(r[k])])),
  }));
}

/** Aligned columns for a pipe or a file: first column left, the rest right. */
export function renderPlainTable(cells: Record<string, string>[]): string {
  const headers = Object.keys(cells[0] ?? {});
  const widths = headers.map((h) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[h]))));
  const line = (values: string[]) =>
    values.map((v, i) => (i === 0 ? padEnd(v, widths[i]) : padStart(v, widths[i]))).join('  ').trimEnd();
  return [line(headers), ...cells.map((r) => line(headers.map((h) => r[h])))].join('\n') + '\n';
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

export function legend(lang: Lang, width: number): string {
  return wrap(UI.compare[lang].legend, width).join('\n') + '\n';
}

export const compareCommand: Command = {
  names: ['compare'],
  register: (y, ctx) => {
    const H = HELP[ctx.lang];
    y.command(
      'compare [scenarios..]',
      H.compare,
      (c) =>
        c
          .positional('scenarios', { type: 'string', array: true, describe: H.compareScenarios })
          .option('json', { type: 'boolean', describe: H.compareJson }),
      async (args) => {
        const names = args.scenarios ?? [];
        const rows = compareRows(names.length ? names.map(ctx.lookup) : ctx.lessons().lessons);
        if (args.json) return ctx.out(json(rows));
        await printComparison(ctx, rows);
      },
    );
  },
};

/** The comparison as a table: ink's on a terminal that fits it, aligned text otherwise. */
export async function printComparison({ io, lang, out, paint, width }: Ctx, rows: ComparisonRow[]): Promise<void> {
  const cells = tableCells(rows, lang);
  const { stdout } = io;
  if (stdout.isTTY && boxedTableFits(cells, stdout.columns || 80, stdout.rows || 24)) {
    // Only here, on a terminal, is ink worth its start-up cost.
    const { drawTable } = await loadUi(() => import('../../ui/compare-table.js'));
    await drawTable(cells, stdout);
  } else {
    out(renderPlainTable(cells));
  }
  out(paint.dim(legend(lang, width)));
}
