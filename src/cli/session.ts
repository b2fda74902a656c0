import { sessionWorld, type SessionOptions } from '../app/session.js';
import type { Outcome, Route } from '../ui/app/route.js';
import type { Ctx } from './context.js';

/** A terminal at both ends: only then does a command open a screen. */
export function isInteractive(ctx: Ctx): boolean {
  return ctx.io.stdin.isTTY === true && ctx.io.stdout.isTTY === true;
}

/** The full-screen session (every screen, from the home menu down) on a terminal. */
export async function session(ctx: Ctx, start: Route, options: SessionOptions = {}): Promise<Outcome> {
  const { runSession } = await import('../ui/app/session.js');
  // Warnings wait until the screen is gone; written under it, they would tear the frame.
  const held: string[] = [];
  const outcome = await runSession({ stdin: ctx.io.stdin, stdout: ctx.io.stdout, start, ...sessionWorld(ctx, options, (line) => void held.push(line)) });
  for (const line of held) ctx.warn(line);
  return outcome;
}
