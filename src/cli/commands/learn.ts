import { loadUi } from '../load-ui.js';
import { HELP } from '../../i18n/help.js';
import { LEARN_CLI, UI } from '../../i18n/strings.js';
import type { Lesson } from '../../lessons/index.js';
import { openStore, recordLessonFinished } from '../../progress/index.js';
import { judgePrediction } from '../../quiz/predict.js';
import { transcript } from '../../ui/learn/frame.js';
import { learnView } from '../../ui/learn/view.js';
import type { MenuItem } from '../../ui/menu-lines.js';
import type { Command, Ctx } from '../context.js';
import { UsageError } from '../errors.js';

export const learnCommand: Command = {
  names: ['learn'],
  register: (y, ctx) => {
    const H = HELP[ctx.lang];
    y.command(
      'learn [scenario]',
      H.learn,
      (c) =>
        c
          .positional('scenario', { type: 'string', describe: H.learnScenario })
          .option('file', { type: 'string', describe: H.learnFile })
          .option('predict', { type: 'boolean', describe: H.predict }),
      async (args) => {
        const lesson = ctx.lessonArg(args.scenario, args.file) ?? (await pickLesson(ctx));
        if (lesson) await learn(ctx, lesson, args.predict === true);
      },
    );
  },
};

export function isInteractive(ctx: Ctx): boolean {
  return ctx.io.stdin.isTTY === true && ctx.io.stdout.isTTY === true;
}

/** Steps through a lesson in the terminal; in a pipe, prints every step as a transcript instead. */
export async function learn(ctx: Ctx, lesson: Lesson, predict: boolean): Promise<void> {
  const { lang, paint, io } = ctx;
  // A teacher's own lesson file is not in the catalogue, so it has no "next".
  const all = ctx.lessons().lessons;
  const at = all.indexOf(lesson);
  const next = at >= 0 ? (all[at + 1]?.id ?? null) : null;
  const view = learnView(lesson, lang, next);
  if (!isInteractive(ctx)) return ctx.out(transcript(view, paint, ctx.width));
  const { runLearn } = await loadUi(() => import('../../ui/learn/run.js'));
  // Warnings wait until the screen is gone; written under it, they would tear the frame.
  const held: string[] = [];
  await runLearn(view, {
    stdin: io.stdin,
    stdout: io.stdout,
    paint,
    predict,
    judge: (said, step) => judgePrediction(said, { mover: step.mover, switches: step.switchesMode, event: step.event }, lang),
    onFinish: () => void recordLessonFinished(openStore({ env: io.env, lang, warn: (line) => held.push(line) }), lesson.id),
  });
  for (const line of held) ctx.warn(line);
}

/** The scenario picker, grouped as `list` groups them; a pipe gets the list of ids instead. */
export async function pickLesson(ctx: Ctx): Promise<Lesson | null> {
  const { lang, paint, io } = ctx;
  const all = ctx.lessons().lessons;
  if (!isInteractive(ctx)) throw new UsageError(LEARN_CLI[lang].needScenario(all.map((l) => l.id)));
  const finished = openStore({ env: io.env, lang, warn: ctx.warn }).data.lessons;
  const items: MenuItem<string>[] = all.map((l) => ({
    value: l.id,
    label: l.id,
    hint: l.title[lang],
    group: UI.groups[lang][l.group],
    mark: finished[l.id]?.finished ? '✓' : ' ',
  }));
  const { chooseFromMenu } = await loadUi(() => import('../../ui/learn/run.js'));
  const id = await chooseFromMenu(LEARN_CLI[lang].pickTitle, items, LEARN_CLI[lang].pickFooter, paint, io);
  return id === null ? null : ctx.lookup(id);
}
