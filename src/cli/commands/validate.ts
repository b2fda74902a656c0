import { judge, kindOfFile, loadLevelFile } from '../../challenge/index.js';
import { HELP } from '../../i18n/help.js';
import { MACHINE } from '../../i18n/machine.js';
import { PUNCTUATION } from '../../i18n/punctuation.js';
import { VALIDATE } from '../../i18n/validate.js';
import { LessonError, formatPath, formatProblem, loadLessonFile, type Problem } from '../../lessons/index.js';
import { traceOf, type Counters } from '../../model/index.js';
import { json, type Command } from '../context.js';
import { EXIT, Exit } from '../errors.js';
import { NO_LIST_DEFAULT, listGiven } from '../options.js';
import { syscallNames } from '../../app/workbench.js';

type Result =
  | { file: string; ok: true; kind: 'lesson'; id: string; steps: number; counts: Counters; problems: Problem[] }
  | { file: string; ok: true; kind: 'level'; id: string; par: { modeSwitches: number; steps: number }; teaches: string; counts: Counters; problems: Problem[] }
  | { file: string; ok: false; kind: 'lesson' | 'level' | null; problems: Problem[] };

/**
 * `zcopy validate file...`: check teachers' lessons and challenge levels as
 * zcopy would load them, and say what the engine makes of each. A file is a
 * level when its top level has `goal:` (challenges/FORMAT.md).
 */
export const validateCommand: Command = {
  names: ['validate'],
  register: (y, { lang, out, paint, io, lessons }) => {
    const H = HELP[lang];
    y.command(
      'validate <files..>',
      H.validate,
      (c) =>
        c
          .positional('files', { type: 'string', array: true, demandOption: true, describe: H.validateFiles, ...NO_LIST_DEFAULT })
          .option('json', { type: 'boolean', describe: H.validateJson }),
      (args) => {
        const w = VALIDATE[lang];
        // A level names the lesson that teaches it; the catalogue is read only when a level is there to check.
        let ids: string[] | undefined;
        const lessonIds = () => (ids ??= lessons().lessons.map((l) => l.id));
        // The par is proved over the calls a path may make, as the challenge palette offers them.
        let names: string[] | undefined;
        const callNames = () => (names ??= syscallNames());
        const results = listGiven(args.files).map((file): Result => {
          const kind = kindOfFile(file);
          try {
            if (kind === 'level') {
              const level = loadLevelFile(file, lessonIds(), lang, { names: callNames() });
              const { counts } = judge(level, level.solution);
              return { file, ok: true, kind, id: level.id, par: level.par, teaches: level.teaches, counts, problems: [] };
            }
            const lesson = loadLessonFile(file, lang);
            const { counts } = traceOf(lesson).end;
            return { file, ok: true, kind: 'lesson', id: lesson.id, steps: lesson.steps.length, counts, problems: [] };
          } catch (error) {
            if (!(error instanceof LessonError)) throw error;
            return { file, ok: false, kind, problems: error.problems };
          }
        });
        if (args.json) {
          out(json(results.map((r) => ({ ...r, problems: r.problems.map((p) => ({ line: p.line ?? null, field: formatPath(p.path), message: p.message })) }))));
        } else {
          for (const r of results) {
            if (!r.ok) {
              for (const p of r.problems) out(`${paint.red(w.bad)}  ${formatProblem(r.file, p)}\n`);
            } else if (r.kind === 'level') {
              out(`${paint.green(w.ok)}  ${r.file}  ${r.id} · ${w.level} · ${w.par(r.par.modeSwitches, r.par.steps)}\n`);
            } else {
              const counts = PUNCTUATION[lang].clauses((['cpuCopies', 'dmaCopies', 'modeSwitches', 'syscalls'] as const).map((k) => `${MACHINE[lang].counter[k]} ${r.counts[k]}`));
              out(`${paint.green(w.ok)}  ${r.file}  ${r.id} · ${w.steps(r.steps)} · ${counts}\n`);
            }
          }
          const bad = results.filter((r) => !r.ok).length;
          if (bad && results.length > 1) io.stderr.write(`zcopy: ${w.summary(bad, results.length)}\n`);
        }
        if (results.some((r) => !r.ok)) throw new Exit(EXIT.file);
      },
    );
  },
};
