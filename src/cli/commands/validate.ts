import { HELP } from '../../i18n/help.js';
import { COUNTER_LABELS } from '../../i18n/strings.js';
import { LessonError, formatPath, formatProblem, loadLessonFile } from '../../lessons/index.js';
import { run } from '../../model/index.js';
import { json, type Command } from '../context.js';
import { EXIT, Exit } from '../errors.js';

const WORDS = {
  en: { ok: 'ok  ', bad: 'FAIL', steps: (n: number) => `${n} steps`, summary: (bad: number, all: number) => `${bad} of ${all} lesson files have problems` },
  zh: { ok: '通过', bad: '失败', steps: (n: number) => `${n} 步`, summary: (bad: number, all: number) => `${all} 个课程文件中有 ${bad} 个有问题` },
};

/** `zcopy validate file...`: check teachers' lessons as zcopy would load them, and say what the engine makes of each. */
export const validateCommand: Command = {
  names: ['validate'],
  register: (y, { lang, out, paint, io }) => {
    const H = HELP[lang];
    y.command(
      'validate <files..>',
      H.validate,
      (c) =>
        c
          .positional('files', { type: 'string', array: true, demandOption: true, describe: H.validateFiles })
          .option('json', { type: 'boolean', describe: H.validateJson }),
      (args) => {
        const w = WORDS[lang];
        const results = args.files.map((file) => {
          try {
            const lesson = loadLessonFile(file, lang);
            const counts = run(lesson).at(-1)!.counts;
            return { file, ok: true as const, id: lesson.id, steps: lesson.steps.length, counts, problems: [] };
          } catch (error) {
            if (!(error instanceof LessonError)) throw error;
            return { file, ok: false as const, problems: error.problems };
          }
        });
        if (args.json) {
          out(json(results.map((r) => ({ ...r, problems: r.problems.map((p) => ({ line: p.line ?? null, field: formatPath(p.path), message: p.message })) }))));
        } else {
          for (const r of results) {
            if (r.ok) {
              const counts = (['cpuCopies', 'dmaCopies', 'modeSwitches', 'syscalls'] as const).map((k) => `${COUNTER_LABELS[k][lang]} ${r.counts[k]}`).join(lang === 'zh' ? '，' : ', ');
              out(`${paint.green(w.ok)}  ${r.file}  ${r.id} · ${w.steps(r.steps)} · ${counts}\n`);
            } else {
              for (const p of r.problems) out(`${paint.red(w.bad)}  ${formatProblem(r.file, p)}\n`);
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
