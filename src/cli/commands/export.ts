import { writeFileSync } from 'node:fs';
import { EXPORT } from '../../i18n/export.js';
import { LEARN_CLI } from '../../i18n/strings.js';
import { EXPORT_FORMATS, RENDERERS, formatOfPath } from '../../present/export/index.js';
import { checkScale, knobsAsked, scaleOf, variedOrRefused } from '../../app/scale.js';
import type { Command } from '../context.js';
import { Exit, EXIT, UsageError } from '../errors.js';
import { scaleOptions } from '../options.js';

/**
 * `zcopy export <scenario> --format F [--out FILE]`: the lesson as a picture, a
 * diagram or a handout, printed, or written to FILE. Every format is a view of
 * the lesson's trace (src/present/export/); this only reads the options.
 */
export const exportCommand: Command = {
  names: ['export'],
  register: (y, ctx) => {
    const { lang } = ctx;
    const E = EXPORT[lang];
    y.command(
      'export [scenario]',
      E.help.command,
      (c) =>
        scaleOptions(c, lang)
          .positional('scenario', { type: 'string', describe: E.help.scenario })
          .option('format', { type: 'string', choices: EXPORT_FORMATS, describe: E.help.format, requiresArg: true })
          .option('out', { type: 'string', describe: E.help.out, requiresArg: true })
          // A string, so that `--step five` is told what is wrong rather than read as NaN.
          .option('step', { type: 'string', describe: E.help.step, requiresArg: true })
          .option('file', { type: 'string', describe: E.help.file, requiresArg: true }),
      async (args) => {
        const scale = scaleOf(args);
        const written = ctx.lessonArg(args.scenario, args.file);
        if (!written) throw new UsageError(E.needScenario(ctx.lessons().lessons.map((l) => l.id)));
        const out = args.out === undefined || args.out === '-' ? null : args.out;
        const format = args.format ?? (out === null ? undefined : formatOfPath(out));
        if (format === undefined) throw new UsageError(E.needFormat(EXPORT_FORMATS));
        const lesson = variedOrRefused(written, knobsAsked(args));
        checkScale(scale, [lesson]);
        let step: number | null = null;
        if (args.step !== undefined) {
          if (!RENDERERS[format].takesStep) throw new UsageError(E.stepNotHere(format, EXPORT_FORMATS.filter((f) => RENDERERS[f].takesStep)));
          step = /^\s*\d+\s*$/.test(args.step) ? Number(args.step) : NaN;
          if (!(step >= 1 && step <= lesson.steps.length)) throw new UsageError(LEARN_CLI[lang].badStep(lesson.id, lesson.steps.length, args.step));
        }
        const render = await RENDERERS[format].load();
        const text = render({ lesson, lang, scale, step, catalog: ctx.lessons().lessons });
        if (out === null) return ctx.out(text);
        // Replaced if it is there, as pandoc -o, dot -o and rsvg-convert -o do: an export is made from the command alone, so nothing is lost that the command cannot make again.
        try {
          writeFileSync(out, text);
        } catch (error) {
          ctx.io.stderr.write(`zcopy: ${E.notWritten(out, (error as NodeJS.ErrnoException).code ?? (error as Error).message)}\n`);
          throw new Exit(EXIT.file);
        }
      },
    );
  },
};
