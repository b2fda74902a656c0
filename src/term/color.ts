import { Chalk, type ChalkInstance } from 'chalk';

/**
 * How many colours to use: NO_COLOR (any non-empty value) turns colour off;
 * FORCE_COLOR turns it on even when piped (0/false: off, 1-3: that level);
 * otherwise colour only on a terminal.
 */
export function colorLevel(env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === 'false' || force === '0') return 0;
    if (force === '' || force === 'true') return 1;
    const n = Number.parseInt(force, 10);
    return Number.isFinite(n) ? (Math.min(Math.max(n, 0), 3) as 0 | 1 | 2 | 3) : 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  return /-256(color)?$/i.test(env.TERM ?? '') || env.COLORTERM ? 2 : 1;
}

export function painter(env: NodeJS.ProcessEnv, isTTY: boolean): ChalkInstance {
  return new Chalk({ level: colorLevel(env, isTTY) });
}
