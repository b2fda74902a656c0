import type { Ctx } from '../context.js';
import { runLabOnce } from './lab.js';
import { session } from '../session.js';

/**
 * `zcopy` alone in a terminal: a menu of what zcopy does, every screen in one
 * app. Only the lab leaves it: it measures for seconds and prints as it goes,
 * which belongs in the scrollback.
 */
export async function home(ctx: Ctx): Promise<void> {
  const outcome = await session(ctx, { screen: 'home' });
  if (outcome.kind === 'lab') return runLabOnce(ctx);
}
