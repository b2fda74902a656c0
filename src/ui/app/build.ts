import { buildKey, type BuildEffect } from '../builder/controller.js';
import { renderBuild } from '../builder/frame.js';
import { initialBuild, type BuildState, type Workbench } from '../builder/state.js';
import { backOf, pointedAt, type AppDeps, type Route, type ScreenEffect, type ScreenModule } from './route.js';

export interface BuildScreen {
  bench: Workbench;
  build: BuildState;
}

/** The builder's effects as the session's: q goes back a level, Ctrl-C quits, n replaces the level with the next. */
function effectsOf(effects: readonly BuildEffect[], back: Route | null): ScreenEffect[] {
  return effects.map((e): ScreenEffect => {
    switch (e.kind) {
      case 'leave':
        return e.all ? { kind: 'quit' } : { kind: 'back' };
      case 'open':
        return { kind: 'go', to: { screen: 'challenge', id: e.id, back: pointedAt(back, e.id) } };
      case 'solved':
      case 'kept':
        return e;
    }
  });
}

function builderScreen<N extends 'challenge' | 'sandbox'>(benchOf: (route: Extract<Route, { screen: N }>, deps: AppDeps) => Workbench): ScreenModule<N, BuildScreen> {
  return {
    enter: (route, deps) => {
      const bench = benchOf(route, deps);
      return { bench, build: initialBuild(bench) };
    },
    key: (s, key, route, deps) => {
      const step = buildKey(s.build, key, { bench: s.bench, lang: deps.lang, size: deps.size, behind: backOf(route) !== null });
      return { state: { ...s, build: step.state }, effects: effectsOf(step.effects ?? [], backOf(route)) };
    },
    frame: (s, route, { size, paint, lang }) => renderBuild(s.build, s.bench, backOf(route) !== null, size, paint, lang),
  };
}

export const CHALLENGE_SCREEN = builderScreen<'challenge'>((route, deps) => deps.challenges.bench(route.id));
export const SANDBOX_SCREEN = builderScreen<'sandbox'>((_route, deps) => deps.sandbox());
