import { writeFileSync } from 'node:fs';
import { checkScale, knobsAsked, scaleOf, variedOrRefused } from '../../app/scale.js';
import { LEARN_CLI } from '../../i18n/strings.js';
import { PAGES } from '../../i18n/pages.js';
import { turnedKnobs } from '../../model/index.js';
import type { Command } from '../context.js';
import { EXIT, Exit, UsageError } from '../errors.js';
import { scaleOptions } from '../options.js';

/*
 * Until the export command of the svg, mermaid and md formats takes this branch's html as one
 * more format: `export <scenario> --format html [--out FILE]` and `export --all --format html --out DIR`.
 * The work is src/app/pages.ts's.
 */
export const exportCommand: Command = {
  names: ['export'],
  register: (y, ctx) => {
    const t = PAGES[ctx.lang];
    y.command(
      'export [scenario]',
      t.exportHelp,
      (c) =>
        scaleOptions(c, ctx.lang)
          .positional('scenario', { type: 'string' })
          .option('file', { type: 'string', requiresArg: true })
          .option('format', { type: 'string', choices: ['html'], default: 'html', describe: t.exportFormat })
          .option('out', { type: 'string', requiresArg: true, describe: t.exportOut })
          .option('step', { type: 'string', requiresArg: true, describe: t.exportStep })
          .option('all', { type: 'boolean', describe: t.exportAll }),
      async (args) => {
        const { lessonPage, writeSite } = await import('../../app/pages.js');
        // A file that cannot be written is a file problem (exit 2), said in one line.
        const cannot = (path: string, error: unknown): never => {
          ctx.warn(t.cannotWrite(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
          throw new Exit(EXIT.file);
        };
        if (args.all) {
          if (args.scenario !== undefined || args.file !== undefined || args.step !== undefined || scaleOf(args) || turnedKnobs(knobsAsked(args)).length) throw new UsageError(t.allAlone);
          if (args.out === undefined) throw new UsageError(t.allNeedsOut);
          let files: string[];
          try {
            files = writeSite(ctx, args.out);
          } catch (error) {
            return cannot(args.out, error);
          }
          return ctx.out(`${t.wroteSite(files.length, files[0])}\n`);
        }
        const written = ctx.lessonArg(args.scenario, args.file);
        if (!written) throw new UsageError(t.needScenario(ctx.lessons().lessons.map((l) => l.id)));
        const lesson = variedOrRefused(written, knobsAsked(args));
        const scale = scaleOf(args);
        checkScale(scale, [lesson]);
        const steps = lesson.steps.length;
        // As learn's: a string, so that `--step five` is told what is wrong rather than read as NaN.
        const step = args.step === undefined ? 1 : /^\s*\d+\s*$/.test(args.step) ? Number(args.step) : NaN;
        if (!(step >= 1 && step <= steps)) throw new UsageError(LEARN_CLI[ctx.lang].badStep(lesson.id, steps, String(args.step)));
        const html = lessonPage(ctx, lesson, scale, step);
        if (args.out === undefined) return ctx.out(html);
        try {
          writeFileSync(args.out, html);
        } catch (error) {
          cannot(args.out, error);
        }
      },
    );
  },
};
