import { asText, type Ctx } from '../context.js';
import { compareRows } from '../../present/compare.js';
import { printComparison } from './compare.js';
import { explain, renderExplanation } from '../../present/explain.js';
import { runLabOnce } from './lab.js';
import { session } from './learn.js';
import { runQuiz } from './quiz.js';

/**
 * `zcopy` alone in a terminal: a menu of what zcopy does. Learning stays on the
 * screen; the other choices leave it and run as their commands would.
 */
export async function home(ctx: Ctx): Promise<void> {
  const outcome = await session(ctx, { screen: 'home' });
  switch (outcome.kind) {
    case 'quiz':
      return runQuiz(ctx, {});
    case 'compare':
      return printComparison(ctx, compareRows(ctx.lessons().lessons));
    case 'lab':
      return runLabOnce(ctx);
    case 'explain':
      return ctx.out(asText(renderExplanation(explain(ctx.lookup(outcome.id), ctx.lang), ctx.lang, ctx.width, ctx.paint)));
    case 'done':
      return;
  }
}
