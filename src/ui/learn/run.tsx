import type { ChalkInstance } from 'chalk';
import { Text, useApp } from 'ink';
import type { Lang } from '../../i18n/lang.js';
import type { Keypress } from '../keypress.js';
import { MenuView, menuKey, type MenuState } from '../Menu.js';
import type { MenuItem } from '../menu-lines.js';
import { runFullScreen, type Terminal } from '../screen.js';
import { useTerminalSize } from '../terminal-size.js';
import { useKeys, type Step } from '../use-keys.js';
import { learnKey, type Judge, type Stopped } from './controller.js';
import { initialScreen, renderFrame, type ScreenState, type Size } from './frame.js';
import type { LearnView } from './view.js';

/** What the home menu offers; the first two stay on screen, the rest leave it for the command line. */
export type HomeChoice = 'learn' | 'predict' | 'quiz' | 'explain' | 'compare' | 'lab';

/** Where the session is. `back` is where q returns to; without one, q ends the session. */
export type Route =
  | { screen: 'home' }
  | { screen: 'picker'; then: 'learn' | 'predict' | 'explain'; back: Route | null; at?: string }
  | { screen: 'learn'; id: string; predict: boolean; back: Route | null; step?: number; seen?: number[] };

/** Why the session ended: nothing more to do, or a choice the command line carries out. */
export type Outcome = { kind: 'done' } | { kind: 'quiz' | 'compare' | 'lab' } | { kind: 'explain'; id: string };

export interface SessionProps {
  start: Route;
  lang: Lang;
  paint: ChalkInstance;
  home: { title: string; note: string; items: MenuItem<HomeChoice>[] };
  /** The scenarios to pick from, asked again each time (finished marks change); `resume`, where a chosen one reopens. */
  picker: { title: string; note: string; items: () => MenuItem<string>[]; resume?: (id: string) => { step: number; seen: number[] } | null };
  view: (id: string) => LearnView;
  judge: Judge;
  onFinish: (id: string) => void;
  /** Where the learner left a lesson, for progress to keep. */
  onStop?: (id: string, stopped: Stopped) => void;
}

export type SessionOptions = SessionProps & Terminal;

/** The session as one value: where it is, and that screen's own state. */
export type SessionState =
  | { route: Route & { screen: 'home' | 'picker' }; items: MenuItem<string>[]; menu: MenuState; ended: boolean }
  | { route: Route & { screen: 'learn' }; view: LearnView; lesson: ScreenState; ended: boolean };

export type SessionEffect = { kind: 'end'; outcome: Outcome } | { kind: 'finished'; id: string } | { kind: 'stopped'; id: string; stopped: Stopped };

/**
 * One full-screen session: home menu, picker and lessons in one ink app, so that
 * moving between them neither flashes the terminal nor drops keys typed meanwhile.
 */
export async function runSession(options: SessionOptions): Promise<Outcome> {
  let outcome: Outcome = { kind: 'done' };
  const { stdin, stdout, ...props } = options;
  await runFullScreen(<Session {...props} onEnd={(o) => (outcome = o)} />, { stdin, stdout });
  return outcome;
}

type Deps = Pick<SessionProps, 'home' | 'picker' | 'view' | 'judge'> & { size: Size };

/** The state of the screen `route` opens. */
export function enter(route: Route, deps: Deps): SessionState {
  if (route.screen === 'learn') {
    return { route, view: deps.view(route.id), lesson: initialScreen(route.predict, route.back !== null, route.step ?? 0, route.seen ?? []), ended: false };
  }
  const items: MenuItem<string>[] = route.screen === 'home' ? deps.home.items : deps.picker.items();
  const at = route.screen === 'picker' ? items.findIndex((i) => i.value === route.at) : -1;
  return { route, items, menu: { cursor: Math.max(0, at), count: items.length, behind: route.screen === 'picker' && route.back !== null }, ended: false };
}

/** What one keypress does to the session: the active screen's reducer, then the route it leads to. Pure. */
export function sessionKey(s: SessionState, key: Keypress, deps: Deps): Step<SessionState, SessionEffect> {
  if (s.ended) return { state: s };
  const end = (outcome: Outcome): Step<SessionState, SessionEffect> => ({ state: { ...s, ended: true }, effects: [{ kind: 'end', outcome }] });
  const back = (to: Route | null): Step<SessionState, SessionEffect> => (to ? { state: enter(to, deps) } : end({ kind: 'done' }));

  if ('lesson' in s) {
    const step = learnKey(s.lesson, key, { view: s.view, judge: deps.judge, size: deps.size });
    const id = s.route.id;
    const kept: SessionEffect[] = (step.effects ?? []).flatMap((e): SessionEffect[] =>
      e.kind === 'finished' ? [{ kind: 'finished', id }] : e.kind === 'stopped' ? [{ kind: 'stopped', id, stopped: e }] : [],
    );
    // The next lesson replaces this one: q from it goes back where this one would have.
    const open = step.effects?.find((e) => e.kind === 'open');
    if (open) return { state: enter({ screen: 'learn', id: open.id, predict: step.state.predict, back: s.route.back }, deps), effects: kept };
    const leaving = step.effects?.find((e) => e.kind === 'leave');
    if (!leaving) return { state: { ...s, lesson: step.state }, effects: kept };
    const next = leaving.leaving === 'all' ? end({ kind: 'done' }) : back(s.route.back);
    return { state: next.state, effects: [...kept, ...(next.effects ?? [])] };
  }

  const step = menuKey(s.menu, key);
  const effect = step.effects?.[0];
  if (!effect) return { state: { ...s, menu: step.state } };
  const route = s.route;
  if (effect.kind === 'leave') return effect.leaving === 'all' ? end({ kind: 'done' }) : back(route.screen === 'picker' ? route.back : null);
  const value = s.items[effect.index].value;
  if (route.screen === 'home') {
    const choice = value as HomeChoice;
    if (choice === 'learn' || choice === 'predict' || choice === 'explain') return { state: enter({ screen: 'picker', then: choice, back: route }, deps) };
    return end({ kind: choice });
  }
  if (route.then === 'explain') return end({ kind: 'explain', id: value });
  const resume = deps.picker.resume?.(value) ?? null;
  return { state: enter({ screen: 'learn', id: value, predict: route.then === 'predict', back: { ...route, at: value }, ...resume }, deps) };
}

export function Session({ start, lang, paint, home, picker, view, judge, onFinish, onStop, onEnd }: SessionProps & { onEnd: (o: Outcome) => void }) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const deps: Deps = { home, picker, view, judge, size };
  const s = useKeys(
    () => enter(start, deps),
    (state, key) => sessionKey(state, key, deps),
    (e: SessionEffect) => {
      if (e.kind === 'finished') return onFinish(e.id);
      if (e.kind === 'stopped') return onStop?.(e.id, e.stopped);
      onEnd(e.outcome);
      exit();
    },
  );
  if ('lesson' in s) return <Text>{renderFrame(s.view, s.lesson, size, paint).join('\n')}</Text>;
  const menu = s.route.screen === 'home' ? home : picker;
  return <MenuView title={menu.title} note={menu.note} items={s.items} state={s.menu} lang={lang} paint={paint} size={size} />;
}
