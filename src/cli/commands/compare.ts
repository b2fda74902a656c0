import { checkScale, knobsAsked, scaleOf, variedOrRefused } from '../../app/scale.js';
import { takes } from '../../lessons/index.js';
import { HELP } from '../../i18n/help.js';
import { boxedTableFits, compareRows, countTables, propertyTable, renderComparison, scaleLines, tableLegend, type ComparisonRow } from '../../present/compare.js';
import { asText, json, type Command, type Ctx } from '../context.js';
import { NO_LIST_DEFAULT, listGiven, pagerOption, scaleOptions } from '../options.js';
import { paged } from '../pager.js';
import { knobFlags, turnedKnobs } from '../../model/index.js';
import { SCALE } from '../../i18n/strings.js';

export const compareCommand: Command = {
  names: ['compare'],
  register: (y, ctx) => {
    const H = HELP[ctx.lang];
    y.command(
      'compare [scenarios..]',
      H.compare,
      (c) =>
        pagerOption(scaleOptions(c, ctx.lang), ctx.lang)
          .positional('scenarios', { type: 'string', array: true, describe: H.compareScenarios, ...NO_LIST_DEFAULT })
          .option('json', { type: 'boolean', describe: H.compareJson }),
      async (args) => {
        const names = listGiven(args.scenarios);
        const scale = scaleOf(args);
        const knobs = knobsAsked(args);
        const chosen = names.length ? names.map(ctx.lookup) : ctx.lessons().lessons;
        // With a knob, the lessons whose steps say how it changes them; a named one that does not is refused, saying why.
        const shown = turnedKnobs(knobs).length && !names.length ? chosen.filter((l) => takes(l, knobs)) : chosen;
        const lessons = shown.map((l) => variedOrRefused(l, knobs));
        checkScale(scale, lessons);
        const rows = compareRows(lessons, scale, shown);
        const left = chosen.filter((l) => !shown.includes(l)).map((l) => l.id);
        if (left.length && !args.json) ctx.warn(SCALE[ctx.lang].notShown(knobFlags(knobs), left.join(', ')));
        if (args.json) return ctx.out(json(rows));
        await printComparison(ctx, rows, args.pager);
      },
    );
  },
};

/** The comparison as tables: ink's on a terminal that fits them all, aligned text otherwise (paged where taller than the terminal). */
export async function printComparison(ctx: Ctx, rows: ComparisonRow[], pager?: boolean): Promise<void> {
  const { io, lang, out, paint, width } = ctx;
  const tables = [...countTables(rows, lang), propertyTable(rows, lang)];
  const { stdout } = io;
  const screenRows = stdout.rows || 24;
  const height = tables.reduce((n, t) => n + 2 * t.cells.length + 5 + tableLegend(t, width).length, 0);
  const fits = tables.every((t) => boxedTableFits(t.cells, stdout.columns || 80, screenRows)) && height <= screenRows - 1;
  if (!stdout.isTTY || !fits) return paged(ctx, asText(renderComparison(rows, lang, width, paint)), pager);
  // Only here, on a terminal, is ink worth its start-up cost.
  const { drawTable } = await import('../../ui/compare-table.js');
  for (const line of scaleLines(rows, lang, width)) out(paint.bold(line) + '\n');
  for (const t of tables) {
    out(paint.bold(t.title) + '\n');
    out(paint.dim(tableLegend(t, width).join('\n')) + '\n');
    await drawTable(t.cells, stdout);
  }
}
