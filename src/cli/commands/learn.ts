import { loadUi } from '../load-ui.js';
import { HELP } from '../../i18n/help.js';
import type { Lang } from '../../i18n/lang.js';
import { HOME, LEARN_CLI, UI } from '../../i18n/strings.js';
import type { Lesson } from '../../lessons/index.js';
import { openStore, recordLessonFinished } from '../../progress/index.js';
import { judgePrediction } from '../../quiz/predict.js';
import { transcript } from '../../ui/learn/frame.js';
import { learnView } from '../../ui/learn/view.js';
import type { HomeChoice, Outcome, Route } from '../../ui/learn/run.js';
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
      (args) => learn(ctx, ctx.lessonArg(args.scenario, args.file), args.predict === true),
    );
  },
};

export function isInteractive(ctx: Ctx): boolean {
  return ctx.io.stdin.isTTY === true && ctx.io.stdout.isTTY === true;
}

/**
 * Steps through a lesson in the terminal (without one, from the picker); in a
 * pipe, prints every step as a transcript instead.
 */
export async function learn(ctx: Ctx, lesson: Lesson | null, predict: boolean): Promise<void> {
  if (!isInteractive(ctx)) {
    if (!lesson) throw new UsageError(LEARN_CLI[ctx.lang].needScenario(ctx.lessons().lessons.map((l) => l.id)));
    return ctx.out(transcript(viewOf(ctx, lesson), ctx.paint, ctx.width));
  }
  const start: Route = lesson
    ? { screen: 'learn', id: lesson.id, predict, back: null }
    : { screen: 'picker', then: predict ? 'predict' : 'learn', back: null };
  await session(ctx, start, lesson);
}

/**
 * The full-screen session (home menu, picker, lessons) on a terminal. `own` is a
 * teacher's lesson from a file, reachable by its id besides the catalogue's.
 */
export async function session(ctx: Ctx, start: Route, own: Lesson | null = null): Promise<Outcome> {
  const { lang, paint, io } = ctx;
  const { runSession } = await loadUi(() => import('../../ui/learn/run.js'));
  const t = LEARN_CLI[lang];
  // Warnings wait until the screen is gone; written under it, they would tear the frame.
  const held: string[] = [];
  const store = () => openStore({ env: io.env, lang, warn: (line) => held.push(line) });
  const outcome = await runSession({
    stdin: io.stdin,
    stdout: io.stdout,
    start,
    lang,
    paint,
    home: homeMenu(lang),
    picker: { title: t.pickTitle, note: t.pickNote, items: () => pickerItems(ctx, store().data.lessons) },
    view: (id) => viewOf(ctx, own?.id === id ? own : ctx.lookup(id)),
    judge: (said, step) => judgePrediction(said, { mover: step.mover, switches: step.switchesMode, event: step.event }, lang),
    onFinish: (id) => void recordLessonFinished(store(), id),
  });
  for (const line of held) ctx.warn(line);
  return outcome;
}

function viewOf(ctx: Ctx, lesson: Lesson) {
  // A teacher's own lesson file is not in the catalogue, so it has no "next".
  const all = ctx.lessons().lessons;
  const at = all.indexOf(lesson);
  return learnView(lesson, ctx.lang, at >= 0 ? (all[at + 1]?.id ?? null) : null);
}

/** The scenarios grouped as `list` groups them, finished ones marked. */
function pickerItems(ctx: Ctx, finished: Record<string, { finished: number }>): MenuItem<string>[] {
  return ctx.lessons().lessons.map((l) => ({
    value: l.id,
    label: l.id,
    hint: l.title[ctx.lang],
    group: UI.groups[ctx.lang][l.group],
    mark: finished[l.id]?.finished ? '✓' : ' ',
  }));
}

function homeMenu(lang: Lang) {
  const t = HOME[lang];
  const items: MenuItem<HomeChoice>[] = (['learn', 'predict', 'quiz', 'explain', 'compare', 'lab'] as const).map((value) => ({
    value,
    label: t.items[value][0],
    hint: t.items[value][1],
  }));
  return { title: t.title, note: t.note, items };
}
