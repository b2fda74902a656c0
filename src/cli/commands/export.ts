import { writeFileSync } from 'node:fs';
import { EXPORT_FORMATS, EXPORT_FORMATS_TABLE, exportLesson, formatOfPath } from '../../app/export.js';
import { checkScale, knobsAsked, scaleOf, variedOrRefused } from '../../app/scale.js';
import { EXPORT } from '../../i18n/export.js';
import { PAGES } from '../../i18n/pages.js';
import { LEARN_CLI } from '../../i18n/strings.js';
import { turnedKnobs } from '../../model/index.js';
import type { Command } from '../context.js';
import { Exit, EXIT, UsageError } from '../errors.js';
import { scaleOptions } from '../options.js';

/**
 * `zcopy export <scenario> --format F [--out FILE]`: the lesson as a picture, a diagram, a handout
 * or a page, printed, or written to FILE; `export --all --format html --out DIR`, a course's site.
 * Every format is a view of the lesson's trace (src/app/export.ts); this only reads the options.
 */
export const exportCommand: Command = {
  names: ['export'],
  register: (y, ctx) => {
    const { lang } = ctx;
    const E = EXPORT[lang];
    const P = PAGES[lang];
    // A file or folder that cannot be written is a file problem (exit 2), said in one line.
    const cannot = (path: string, error: unknown): never => {
      ctx.io.stderr.write(`zcopy: ${E.notWritten(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message)}\n`);
      throw new Exit(EXIT.file);
    };
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
          .option('file', { type: 'string', describe: E.help.file, requiresArg: true })
          .option('all', { type: 'boolean', describe: P.exportAll }),
      async (args) => {
        const scale = scaleOf(args);
        if (args.all) {
          if (args.format !== undefined && args.format !== 'html') throw new UsageError(P.allIsHtml);
          if (args.scenario !== undefined || args.file !== undefined || args.step !== undefined || scale || turnedKnobs(knobsAsked(args)).length) throw new UsageError(P.allAlone);
          if (args.out === undefined || args.out === '-') throw new UsageError(P.allNeedsOut);
          const { writeSite } = await import('../../app/pages.js');
          let files: string[];
          try {
            files = writeSite(ctx, args.out);
          } catch (error) {
            return cannot(args.out, error);
          }
          return ctx.out(`${P.wroteSite(files.length, files[0])}\n`);
        }
        const written = ctx.lessonArg(args.scenario, args.file);
        if (!written) throw new UsageError(E.needScenario(ctx.lessons().lessons.map((l) => l.id)));
        const out = args.out === undefined || args.out === '-' ? null : args.out;
        const format = args.format ?? (out === null ? undefined : formatOfPath(out));
        if (format === undefined) throw new UsageError(E.needFormat(EXPORT_FORMATS));
        const lesson = variedOrRefused(written, knobsAsked(args));
        checkScale(scale, [lesson]);
        let step: number | null = null;
        if (args.step !== undefined) {
          if (!EXPORT_FORMATS_TABLE[format].takesStep) throw new UsageError(E.stepNotHere(format, EXPORT_FORMATS.filter((f) => EXPORT_FORMATS_TABLE[f].takesStep)));
          step = /^\s*\d+\s*$/.test(args.step) ? Number(args.step) : NaN;
          if (!(step >= 1 && step <= lesson.steps.length)) throw new UsageError(LEARN_CLI[lang].badStep(lesson.id, lesson.steps.length, args.step));
        }
        const text = await exportLesson(ctx, format, lesson, scale, step);
        if (out === null) return ctx.out(text);
        // Replaced if it is there, as pandoc -o, dot -o and rsvg-convert -o do: an export is made from the command alone, so nothing is lost that the command cannot make again.
        try {
          writeFileSync(out, text);
        } catch (error) {
          cannot(out, error);
        }
      },
    );
  },
};
