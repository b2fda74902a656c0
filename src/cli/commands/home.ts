import type { Ctx } from '../context.js';
import { session } from '../session.js';

/** `zcopy` alone in a terminal: a menu of what zcopy does, every screen (the lab's too) in one app. */
export async function home(ctx: Ctx): Promise<void> {
  await session(ctx, { screen: 'home' });
}
