import { HELP } from '../../i18n/help.js';
import type { TracePage } from '../../ui/app/route.js';
import { MIN_COLS, MIN_ROWS } from '../../ui/size.js';
import type { Command, Ctx } from '../context.js';
import { Exit } from '../errors.js';
import { keysHelp } from '../keys-help.js';
import { NO_LIST_DEFAULT, listGiven, pagerOption } from '../options.js';
import { paged } from '../pager.js';

export const traceCommand: Command = {
  names: ['trace'],
  register: (y, ctx) => {
    const H = HELP[ctx.lang];
    y.command(
      'trace [files..]',
      H.trace,
      (c) =>
        pagerOption(c.positional('files', { type: 'string', array: true, describe: H.traceFiles, ...NO_LIST_DEFAULT }).option('json', { type: 'boolean', describe: H.traceJson }), ctx.lang, { pager: H.tracePager, noPager: H.traceNoPager }).epilog(
          keysHelp('trace', ctx.lang),
        ),
      async (args) => {
        // What follows `--` is the command to trace, taken as typed: its own options are not zcopy's.
        const dash = ctx.io.argv.indexOf('--');
        const command = dash >= 0 ? ctx.io.argv.slice(dash + 1) : undefined;
        // yargs drops a lone `-` (standard input): it is read from the words as typed.
        const stdin = ctx.io.argv.slice(0, dash >= 0 ? dash : undefined).includes('-') ? ['-'] : [];
        const files = command ? [] : [...listGiven(args.files), ...stdin];
        const { runTrace } = await import('../../app/trace.js');
        const pager = args.pager as boolean | undefined;
        // --pager: the text through the pager, as explain's; --no-pager: the text, printed.
        const show = (text: string) => paged(ctx, text, pager);
        const page = pager === undefined && !args.json ? await pageOn(ctx) : undefined;
        const code = await runTrace({ ...ctx, show, ...(page ? { page } : {}) }, { files, command, json: args.json as boolean | undefined });
        if (code !== 0) throw new Exit(code);
      },
    );
  },
};

/**
 * On a terminal (both ends), the report opens as the app's page, its flows' lessons a key away.
 * A terminal smaller than the app's screens takes the pager instead, which any size can show.
 * Piped, nothing of the app is loaded.
 */
async function pageOn(ctx: Ctx): Promise<((page: TracePage) => Promise<void>) | undefined> {
  const { stdout } = ctx.io;
  if (!stdout.isTTY || (stdout.columns ?? 0) < MIN_COLS || (stdout.rows ?? 0) < MIN_ROWS) return undefined;
  const { isInteractive, session } = await import('../session.js');
  if (!isInteractive(ctx)) return undefined;
  return async (trace) => void (await session(ctx, { screen: 'trace', back: null }, { trace }));
}
