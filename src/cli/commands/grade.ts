import { gradeFile } from '../../app/grade.js';
import { MAX_COUNT, DEFAULT_COUNT } from '../../app/quiz-plan.js';
import { GRADE } from '../../i18n/grade.js';
import { HELP } from '../../i18n/help.js';
import { KINDS, MAX_SEED } from '../../quiz/index.js';
import { gradesCsv, gradesJson, gradesText } from '../../quiz/grade.js';
import { json, type Command } from '../context.js';
import { EXIT, Exit } from '../errors.js';
import { scaleOptions } from '../options.js';

/** `zcopy grade answers.csv`: a class's quiz answers graded, with what the class got wrong most. */
export const gradeCommand: Command = {
  names: ['grade'],
  register: (y, ctx) => {
    const H = HELP[ctx.lang];
    const G = GRADE[ctx.lang];
    y.command(
      'grade <file>',
      G.command,
      (c) =>
        scaleOptions(c.positional('file', { type: 'string', describe: G.file }), ctx.lang)
          .option('key', { type: 'string', requiresArg: true, describe: G.key })
          .option('scenario', { type: 'string', array: true, requiresArg: true, describe: H.quizScenario })
          .option('kind', { type: 'string', array: true, requiresArg: true, describe: H.quizKind(KINDS.join(', ')) })
          .option('count', { type: 'string', requiresArg: true, describe: H.quizCount(MAX_COUNT, DEFAULT_COUNT) })
          .option('seed', { type: 'string', requiresArg: true, describe: `${G.seed} (0-${MAX_SEED})` })
          .option('json', { type: 'boolean', describe: G.json })
          .option('csv', { type: 'boolean', describe: G.csv }),
      (args) => {
        const { key, file, ...rest } = args as typeof args & { key?: string; file: string };
        const { grades, problems, columns } = gradeFile(ctx, { ...(rest as object), file, keyFile: key });
        // Every problem first, one line each with its line number, as a compiler says them; then what could be graded.
        for (const p of problems) ctx.io.stderr.write(`zcopy: ${file}${p.line === null ? '' : `:${p.line}`}: ${p.message}\n`);
        if (args.json) ctx.out(json(gradesJson(grades)));
        else if (args.csv) ctx.out(gradesCsv(grades, columns));
        else ctx.out(gradesText(grades, ctx.lang, ctx.paint, ctx.width));
        if (problems.length) throw new Exit(EXIT.usage);
      },
    );
  },
};
