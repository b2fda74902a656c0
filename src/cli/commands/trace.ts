import { HELP } from '../../i18n/help.js';
import type { Command } from '../context.js';
import { Exit } from '../errors.js';
import { pagerOption } from '../options.js';
import { paged } from '../pager.js';

export const traceCommand: Command = {
  names: ['trace'],
  register: (y, ctx) => {
    const H = HELP[ctx.lang];
    y.command(
      'trace [files..]',
      H.trace,
      (c) => pagerOption(c.positional('files', { type: 'string', array: true, describe: H.traceFiles }).option('json', { type: 'boolean', describe: H.traceJson }), ctx.lang),
      async (args) => {
        // What follows `--` is the command to trace, taken as typed: its own options are not zcopy's.
        const dash = ctx.io.argv.indexOf('--');
        const command = dash >= 0 ? ctx.io.argv.slice(dash + 1) : undefined;
        // yargs drops a lone `-` (standard input): it is read from the words as typed.
        const stdin = ctx.io.argv.slice(0, dash >= 0 ? dash : undefined).includes('-') ? ['-'] : [];
        const files = command ? [] : [...((args.files as string[] | undefined) ?? []).map(String), ...stdin];
        const { runTrace } = await import('../../app/trace.js');
        // A long report scrolls in the pager on a terminal, as explain's does.
        const show = (text: string) => paged(ctx, text, args.pager as boolean | undefined);
        const code = await runTrace({ ...ctx, show }, { files, command, json: args.json as boolean | undefined });
        if (code !== 0) throw new Exit(code);
      },
    );
  },
};
