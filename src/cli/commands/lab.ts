import { HELP } from '../../i18n/help.js';
import { DEFAULTS, LIMITS } from '../../lab/limits.js';
import { TECHNIQUES } from '../../lab/model.js';
import { formatBytes } from '../../term/bytes.js';
import type { Command, Ctx } from '../context.js';
import type { LabCommandArgs } from '../../app/lab.js';
import { Exit } from '../errors.js';

export const labCommand: Command = {
  names: ['lab'],
  register: (y, ctx) => {
    const H = HELP[ctx.lang];
    y.command(
      'lab',
      H.lab,
      (c) =>
        c
          .option('size', { type: 'string', describe: H.labSize(formatBytes(DEFAULTS.size), formatBytes(LIMITS.size.max)), requiresArg: true })
          .option('chunk', { type: 'string', describe: H.labChunk(formatBytes(DEFAULTS.chunk)), requiresArg: true })
          .option('runs', { type: 'string', describe: H.labRuns(DEFAULTS.runs, LIMITS.runs.max), requiresArg: true })
          .option('technique', { type: 'string', array: true, requiresArg: true, describe: H.labTechnique(TECHNIQUES.join(', ')) })
          .option('claims', { type: 'boolean', describe: H.labClaims })
          .option('json', { type: 'boolean', describe: H.labJson }),
      (args) => runLabOnce(ctx, args as LabCommandArgs),
    );
  },
};

/** The lab, loaded when it runs (from the command line or from the home menu). */
export async function runLabOnce(ctx: Ctx, args: LabCommandArgs = {}): Promise<void> {
  const { runLabOnce: run } = await import('../../app/lab.js');
  const code = await run(ctx, args);
  if (code !== 0) throw new Exit(code);
}
