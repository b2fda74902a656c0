import { HELP } from '../../i18n/help.js';
import { LEARN_CLI, SANDBOX_CLI } from '../../i18n/strings.js';
import type { Command } from '../context.js';
import { UsageError } from '../errors.js';
import { keysHelp } from '../keys-help.js';
import { sandboxBench, syscallNames } from '../../app/workbench.js';
import { isInteractive, session } from '../session.js';

/** `zcopy sandbox`: the machine, and a palette of every event it accepts; `w` writes the path as a lesson. */
export const sandboxCommand: Command = {
  names: ['sandbox'],
  register: (y, ctx) => {
    const H = HELP[ctx.lang];
    y.command(
      'sandbox',
      H.sandbox,
      (c) =>
        c
          .option('from', { type: 'string', describe: H.sandboxFrom, requiresArg: true })
          .option('step', { type: 'string', describe: H.sandboxStep, requiresArg: true })
          .option('out', { type: 'string', describe: H.sandboxOut, requiresArg: true })
          .epilog(keysHelp('sandbox', ctx.lang)),
      async (args) => {
        const { lang } = ctx;
        const from = args.from === undefined ? null : ctx.lookup(args.from);
        let step = from ? from.steps.length : 0;
        if (args.step !== undefined) {
          if (!from) throw new UsageError(SANDBOX_CLI[lang].stepNeedsFrom);
          const n = /^\s*\d+\s*$/.test(args.step) ? Number(args.step) : NaN;
          if (!(n >= 0 && n <= from.steps.length)) throw new UsageError(LEARN_CLI[lang].badStep(from.id, from.steps.length, args.step));
          step = n;
        }
        const sandbox = { from, step, out: args.out ?? null };
        if (!isInteractive(ctx)) {
          // No keys to build with: the machine it would start from, and how to open it.
          const bench = sandboxBench(ctx, from, step, null, syscallNames());
          // The builder's code is the sandbox screen's: loaded only here, so that other commands start without it.
          const [{ renderBuild }, { initialBuild }] = await Promise.all([import('../../ui/builder/frame.js'), import('../../ui/builder/state.js')]);
          const frame = renderBuild(initialBuild(bench), bench, false, { cols: Math.max(ctx.width, 72), rows: 200 }, ctx.paint, lang);
          return ctx.out(`${frame.slice(0, -1).join('\n')}\n${SANDBOX_CLI[lang].inATerminal}\n`);
        }
        await session(ctx, { screen: 'sandbox', back: null }, { own: null, sandbox });
      },
    );
  },
};
