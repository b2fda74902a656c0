import { loadUi } from '../load-ui.js';
import { HOME } from '../../i18n/strings.js';
import type { MenuItem } from '../../ui/menu-lines.js';
import type { Ctx } from '../context.js';
import { compareRows, printComparison } from './compare.js';
import { explain, renderExplanation } from './explain.js';
import { learn, pickLesson } from './learn.js';
import { runQuiz } from './quiz.js';
import { runLabOnce } from './lab.js';

type Choice = 'learn' | 'predict' | 'quiz' | 'explain' | 'compare' | 'lab';

/** `zcopy` alone in a terminal: a menu of what zcopy does. */
export async function home(ctx: Ctx): Promise<void> {
  const { lang, paint, io } = ctx;
  const t = HOME[lang];
  const items: MenuItem<Choice>[] = (['learn', 'predict', 'quiz', 'explain', 'compare', 'lab'] as const).map((value) => ({
    value,
    label: t.items[value][0],
    hint: t.items[value][1],
  }));
  const { chooseFromMenu } = await loadUi(() => import('../../ui/learn/run.js'));
  const choice = await chooseFromMenu(t.title, items, t.footer, paint, io);
  if (choice === 'compare') return printComparison(ctx, compareRows(ctx.lessons().lessons));
  if (choice === 'quiz') return runQuiz(ctx, {});
  if (choice === 'lab') return void (await runLabOnce(ctx));
  if (choice === null) return;
  const lesson = await pickLesson(ctx);
  if (!lesson) return;
  if (choice === 'explain') return ctx.out(renderExplanation(explain(lesson, lang), lang, ctx.width, paint));
  await learn(ctx, lesson, choice === 'predict');
}
